# Generates multivariate.json: R reference values for @plexus/stats pca, kmeans and
# hierarchicalClustering. Run from this directory: Rscript multivariate.R (base + stats only).
# Numbers are written with 17 significant digits.
num <- function(v) sprintf("%.17g", v)
to_json <- function(x) {
  if (is.matrix(x)) return(to_json(lapply(seq_len(nrow(x)), function(i) A(x[i, ]))))
  if (inherits(x, "arr")) return(paste0("[", paste(num(unclass(x)), collapse = ", "), "]"))
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
    return(paste0("{", paste0("\"", names(x), "\": ", vapply(x, to_json, ""), collapse = ",\n"), "}"))
  }
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.logical(x)) return(tolower(as.character(x)))
  if (length(x) == 1) return(num(x))
  paste0("[", paste(num(x), collapse = ", "), "]")
}
A <- function(v) structure(as.numeric(v), class = "arr")

iris <- read.csv("../data/iris.csv")
X <- as.matrix(iris[, 1:4])

pcaRef <- function(center, scale) {
  p <- prcomp(X, center = center, scale. = scale)
  list(center = center, scale = scale, sdev = A(p$sdev), explained = A(p$sdev^2 / sum(p$sdev^2)),
       rotation = unname(p$rotation), x_head = unname(p$x[1:5, ]))
}

set.seed(20261126)
km <- kmeans(X, 3, nstart = 25)

# Small tie-free data for hclust: 12 points in 3 dimensions.
set.seed(42)
H <- matrix(round(rnorm(36), 6), ncol = 3)
H[1:4, ] <- H[1:4, ] + 3
H[5:8, 1] <- H[5:8, 1] - 3
hc <- lapply(c("complete", "average", "single", "ward.D2"), function(m) {
  h <- hclust(dist(H), method = m)
  list(method = m, merge = unname(h$merge), height = A(h$height), order = A(h$order))
})

# The provided reference iris.stats.json ("pca", also in this folder) holds prcomp(iris[, 1:4], scale. = TRUE): copied here.
shared <- list(sdev = A(c(1.70836114932762, 0.956049408486857, 0.38308860015839, 0.143926496617611)),
               explained = A(c(0.729624454132999, 0.228507617867017, 0.0366892188928288, 0.00517870910715481)))

out <- list(
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  pca_iris_shared = shared,
  pca_iris = list(pcaRef(TRUE, FALSE), pcaRef(TRUE, TRUE)),
  kmeans_iris = list(k = 3, tot_withinss = km$tot.withinss, betweenss = km$betweenss,
                     totss = km$totss, withinss = A(sort(km$withinss))),
  hclust_data = unname(H),
  hclust = hc
)
writeLines(to_json(out), "multivariate.json")
