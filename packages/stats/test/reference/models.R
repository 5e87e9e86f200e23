# Generates models.json: R reference values for @plexus/stats linearRegression and
# logisticRegression (summary(lm(...)) and summary(glm(..., family = binomial))).
# Run from this directory: Rscript models.R (base + stats only). Numbers are written with 17
# significant digits; NA as null. Factors use their levels in order of first appearance among the
# complete rows (or the stated reference first), as the TypeScript side dummy-codes them.
# The output is then formatted with `npx biome format --write` (whitespace only).
num <- function(v) ifelse(is.na(v), "null", sprintf("%.17g", v))
str <- function(v) ifelse(is.na(v), "null", paste0("\"", v, "\""))
to_json <- function(x) {
  if (inherits(x, "arr")) return(paste0("[", paste(num(unclass(x)), collapse = ", "), "]"))
  if (inherits(x, "sarr")) return(paste0("[", paste(str(unclass(x)), collapse = ", "), "]"))
  if (is.list(x)) {
    if (length(x) == 0) return("{}") # only the empty reference map
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
    return(paste0("{", paste0("\"", names(x), "\": ", vapply(x, to_json, ""), collapse = ",\n"), "}"))
  }
  if (is.character(x)) return(str(x))
  if (is.logical(x)) return(tolower(as.character(x)))
  num(x)
}
A <- function(v) structure(as.numeric(v), class = "arr")
S <- function(v) structure(as.character(v), class = "sarr")

# Column as stored in the JSON: numbers or labels (NA -> null).
column <- function(v) if (is.numeric(v)) A(v) else S(v)

# Factor coding as the TypeScript side: levels in order of appearance among complete rows.
as_model_data <- function(data, y, predictors, reference) {
  complete <- complete.cases(data[, c(y, predictors)])
  for (p in predictors) if (is.character(data[[p]])) {
    lev <- unique(data[[p]][complete])
    if (!is.null(reference[[p]])) lev <- c(reference[[p]], setdiff(lev, reference[[p]]))
    data[[p]] <- factor(data[[p]], levels = lev)
  }
  data
}

terms_of <- function(co, stat) lapply(seq_len(nrow(co)), function(i) {
  r <- list(term = rownames(co)[i], estimate = co[i, 1], se = co[i, 2], stat = co[i, 3], p = co[i, 4])
  names(r)[4] <- stat
  r
})

case <- function(name, kind, data, y, predictors, reference = list()) {
  md <- as_model_data(data, y, predictors, reference)
  f <- as.formula(paste(y, "~", paste(predictors, collapse = " + ")))
  cols <- lapply(predictors, function(p) column(data[[p]]))
  names(cols) <- predictors
  input <- list(y = A(data[[y]]), predictors = cols, reference = reference)
  if (kind == "lm") {
    fit <- lm(f, data = md)
    s <- summary(fit)
    fs <- s$fstatistic
    result <- list(terms = terms_of(coef(s), "t"), sigma = s$sigma, rSquared = s$r.squared,
                   adjRSquared = s$adj.r.squared,
                   fStatistic = list(value = unname(fs[1]), df1 = unname(fs[2]), df2 = unname(fs[3]),
                                     p = unname(pf(fs[1], fs[2], fs[3], lower.tail = FALSE))),
                   df = fit$df.residual, n = nobs(fit), nDropped = nrow(data) - nobs(fit))
  } else {
    fit <- glm(f, data = md, family = binomial)
    s <- summary(fit)
    result <- list(terms = terms_of(coef(s), "z"), deviance = fit$deviance, nullDeviance = fit$null.deviance,
                   aic = fit$aic, iterations = fit$iter, converged = fit$converged,
                   n = nobs(fit), nDropped = nrow(data) - nobs(fit))
  }
  list(name = name, kind = kind, input = input, result = result)
}

iris <- read.csv("../data/iris.csv", stringsAsFactors = FALSE)
iris$Sepal.Width[c(5, 77)] <- NA
iris$Species[120] <- NA
iris$virginica <- as.numeric(iris$Species == "virginica")

set.seed(20261126)
n <- 80
sim <- data.frame(x1 = round(rnorm(n, 10, 2), 3), x2 = round(runif(n), 3),
                  group = sample(c("ctl", "b", "a"), n, replace = TRUE), stringsAsFactors = FALSE)
lin <- 2 + 0.4 * sim$x1 - 1.5 * sim$x2 + c(ctl = 0, b = 1, a = -0.7)[sim$group]
sim$y <- round(lin + rnorm(n, 0, 1.3), 4)
sim$event <- rbinom(n, 1, plogis(-4 + 0.35 * sim$x1 - sim$x2 + c(ctl = 0, b = 0.8, a = -0.5)[sim$group]))
sim$x1[c(3, 40)] <- NA
sim$group[17] <- NA
sim$y[c(25, 60)] <- NA
sim$event[c(8, 60)] <- NA

cases <- list(
  case("iris lm Sepal.Length", "lm", iris, "Sepal.Length", c("Sepal.Width", "Petal.Length", "Species")),
  case("iris lm reference virginica", "lm", iris, "Petal.Width", c("Sepal.Length", "Species"),
       list(Species = "virginica")),
  case("iris lm one predictor", "lm", iris, "Petal.Length", c("Sepal.Length")),
  case("simulated lm", "lm", sim, "y", c("x1", "x2", "group")),
  case("simulated lm reference a", "lm", sim, "y", c("group", "x1"), list(group = "a")),
  case("iris glm virginica", "glm", iris, "virginica", c("Sepal.Length", "Sepal.Width")),
  case("simulated glm", "glm", sim, "event", c("x1", "x2", "group")),
  case("simulated glm reference b", "glm", sim, "event", c("x1", "group"), list(group = "b"))
)
out <- list(r_version = R.version.string, cases = cases)
writeLines(to_json(out), "models.json")
