# Reference numbers for test/products/allLeukemia.test.ts, computed with base R (stats) on the very
# files of products/all-leukemia/data. Run from the repository root:
#   Rscript test/products/reference/all-leukemia.R
#   npx biome format --write test/products/reference/all-leukemia.json
# It writes test/products/reference/all-leukemia.json; the tests read that file and do not need R.

args <- commandArgs(trailingOnly = FALSE)
script <- normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))
here <- dirname(script)
data <- file.path(here, "..", "..", "..", "products", "all-leukemia", "data")

expr <- read.delim(gzfile(file.path(data, "expression.tsv.gz")), check.names = FALSE,
                   colClasses = c(probe_id = "character"))
x <- as.matrix(expr[, -1])
rownames(x) <- expr$probe_id
pheno <- read.csv(file.path(data, "phenotype.csv"), check.names = FALSE, na.strings = c("", "NA"),
                  colClasses = c(sample_id = "character"))
stopifnot(identical(colnames(x), pheno$sample_id))
# The product's entities come in id order; R's columns are in file order. Tests compare by feature or
# by group, never by position, except the PCA scores, which are written out keyed by sample id.
lineage <- ifelse(substr(pheno$BT, 1, 1) == "B", "B", "T")
mol <- pheno$mol.biol

welch_all <- function(m, g1, g2) {
  res <- t(apply(m, 1, function(v) {
    tt <- t.test(v[g1], v[g2], var.equal = FALSE)
    c(mean1 = unname(tt$estimate[1]), mean2 = unname(tt$estimate[2]), t = unname(tt$statistic),
      df = unname(tt$parameter), p = tt$p.value)
  }))
  res <- as.data.frame(res)
  res$p_adjusted <- p.adjust(res$p, "BH")
  res$feature <- rownames(m)
  res[order(res$p), ]
}

top_rows <- function(res, k) {
  lapply(seq_len(k), function(i) as.list(res[i, c("feature", "mean1", "mean2", "t", "df", "p", "p_adjusted")]))
}

# 1. B vs T lineage over every probe.
de <- welch_all(x, lineage == "B", lineage == "T")
# 2. BCR/ABL vs NEG among B-lineage patients, probes with a mean of at least 6 over those patients.
b_bcr <- lineage == "B" & mol == "BCR/ABL"
b_neg <- lineage == "B" & mol == "NEG"
keep <- rowMeans(x[, b_bcr | b_neg]) >= 6
de_bcr <- welch_all(x[keep, ], b_bcr, b_neg)

# 3. PCA of the 1000 most variable probes (all patients), unscaled and scaled, and of the top 50.
pca_of <- function(k, scale) {
  v <- apply(x, 1, var)
  top <- order(v, decreasing = TRUE)[seq_len(k)]
  pr <- prcomp(t(x[top, ]), center = TRUE, scale. = scale)
  ve <- pr$sdev^2 / sum(pr$sdev^2)
  list(features = k, scale = scale, sdev = unname(pr$sdev[1:10]), proportion = unname(ve[1:10]),
       cumulative = unname(cumsum(ve)[1:10]),
       # Component signs are arbitrary (LAPACK): compare absolute scores.
       abs_scores = setNames(lapply(seq_len(ncol(x)), function(i) unname(abs(pr$x[i, 1:2]))), colnames(x)))
}

# 4. One probe across molecular groups and across lineages.
feature_report <- function(feature) {
  v <- x[feature, ]
  groups <- lapply(sort(unique(mol)), function(level) {
    w <- v[mol == level]
    list(group = level, n = length(w), mean = mean(w), sd = if (length(w) > 1) sd(w) else NA,
         median = median(w), q1 = unname(quantile(w, 0.25)), q3 = unname(quantile(w, 0.75)))
  })
  kw <- kruskal.test(v ~ factor(mol))
  av <- summary(aov(v ~ factor(mol)))[[1]]
  tt <- t.test(v[lineage == "B"], v[lineage == "T"], var.equal = FALSE)
  list(
    feature = feature,
    by_mol_biol = list(
      groups = groups,
      kruskal = list(statistic = unname(kw$statistic), df = unname(kw$parameter), p = kw$p.value),
      # summary(aov()): oneway.test(var.equal = TRUE) refuses groups of one (NUP-98, p15/p16 here).
      anova = list(statistic = av[1, "F value"], df1 = av[1, "Df"], df2 = av[2, "Df"], p = av[1, "Pr(>F)"])
    ),
    by_lineage = list(statistic = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
                      ci = unname(as.numeric(tt$conf.int)))
  )
}

out <- list(
  r_version = R.version.string,
  lineage_counts = as.list(table(lineage)),
  de_lineage = list(
    group1 = "B", group2 = "T", tested = nrow(de), significant_05 = sum(de$p_adjusted < 0.05),
    significant_01 = sum(de$p_adjusted < 0.01), top = top_rows(de, 10),
    # Features further down the list check the BH step-up beyond the very top.
    ranks = lapply(c(100, 500, 1000), function(r) c(list(rank = r), as.list(de[r, c("feature", "t", "df", "p", "p_adjusted")])))
  ),
  de_bcr_abl = list(
    group1 = "BCR/ABL", group2 = "NEG", n1 = sum(b_bcr), n2 = sum(b_neg), min_mean = 6,
    tested = nrow(de_bcr), filtered = sum(!keep), significant_05 = sum(de_bcr$p_adjusted < 0.05),
    top = top_rows(de_bcr, 5)
  ),
  pca = list(pca_of(1000, FALSE), pca_of(1000, TRUE), pca_of(50, FALSE)),
  feature = feature_report("39730_at")
)

jsonify <- function(v) {
  if (is.null(v)) return("null")
  if (is.list(v)) {
    if (!is.null(names(v)) && all(names(v) != "")) {
      items <- vapply(names(v), function(k) paste0('"', k, '": ', jsonify(v[[k]])), "")
      return(paste0("{", paste(items, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(v, jsonify, ""), collapse = ", "), "]"))
  }
  one <- function(e) {
    if (is.na(e)) return("null")
    if (is.character(e)) return(paste0('"', gsub('"', '\\\\"', e), '"'))
    if (is.logical(e)) return(if (e) "true" else "false")
    trimws(formatC(e, digits = 17, format = "g"))
  }
  if (length(v) == 1) return(one(v))
  paste0("[", paste(vapply(v, one, ""), collapse = ", "), "]")
}
writeLines(jsonify(out), file.path(here, "all-leukemia.json"))
