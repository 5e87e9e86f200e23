# Generates hypothesis.json: R reference values for the @plexus/stats hypothesis tests,
# distributions and p.adjust. Run from this directory: Rscript hypothesis.R
# (R 4.2.2, base + stats only). Numbers are written with 17 significant digits; Inf as "Inf".
num <- function(v) {
  if (length(v) == 0) return("[]")
  s <- ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", v)))
  s
}
to_json <- function(x) {
  if (inherits(x, "arr")) return(paste0("[", paste(num(unclass(x)), collapse = ", "), "]"))
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
    return(paste0("{", paste0("\"", names(x), "\": ", vapply(x, to_json, ""), collapse = ", "), "}"))
  }
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.logical(x)) return(tolower(as.character(x)))
  if (length(x) == 1) return(num(x))
  paste0("[", paste(num(x), collapse = ", "), "]")
}
A <- function(v) structure(as.numeric(v), class = "arr")

iris <- read.csv("../data/iris.csv")
sp <- split(iris, iris$Species)
vars <- c("Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width")
pairs <- list(c("setosa", "versicolor"), c("setosa", "virginica"), c("versicolor", "virginica"))

tt <- function(r) list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value,
                       ci = A(r$conf.int), estimate = A(r$estimate), method = trimws(r$method))

welch <- list(); wilcox <- list()
for (v in vars) for (pr in pairs) {
  x <- sp[[pr[1]]][[v]]; y <- sp[[pr[2]]][[v]]
  welch[[length(welch) + 1]] <- c(list(variable = v, x = pr[1], y = pr[2]), tt(t.test(x, y)))
  w <- suppressWarnings(wilcox.test(x, y))
  wilcox[[length(wilcox) + 1]] <- list(variable = v, x = pr[1], y = pr[2], statistic = unname(w$statistic), p = w$p.value)
}
welchP <- vapply(welch, function(r) r$p, 0)
tab <- table(iris$Species, iris$Sepal.Length > median(iris$Sepal.Length))
cs <- chisq.test(tab)
groupsOf <- function(v) unname(split(iris[[v]], iris$Species))
kw <- lapply(vars, function(v) { k <- kruskal.test(groupsOf(v)); list(variable = v, statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value) })
an <- lapply(vars, function(v) {
  s <- summary(aov(iris[[v]] ~ iris$Species))[[1]]
  list(variable = v, df = A(s$Df), ss = A(s$`Sum Sq`), ms = A(s$`Mean Sq`), statistic = s$`F value`[1], p = s$`Pr(>F)`[1])
})
irisRef <- list(
  welch = welch, wilcox = wilcox,
  bh = list(p = A(welchP), adjusted = A(p.adjust(welchP, "BH"))),
  chisq = list(description = "table(Species, Sepal.Length > median(Sepal.Length))",
               table = lapply(seq_len(nrow(tab)), function(i) A(tab[i, ])),
               statistic = unname(cs$statistic), df = unname(cs$parameter), p = cs$p.value,
               expected = lapply(seq_len(nrow(tab)), function(i) A(cs$expected[i, ]))),
  kruskal = kw, anova = an)

# Small samples for every alternative / variant.
x <- c(19.1, 22.4, 17.3, 25.0, 21.2, 18.8, 23.5)
y <- c(16.2, 20.1, 15.4, 18.9, 17.7)
xp <- c(12.1, 14.3, 11.8, 15.2, 13.4, 12.9)
yp <- c(11.4, 13.9, 12.2, 14.1, 12.5, 12.0)
ttests <- list()
for (alt in c("two.sided", "less", "greater")) for (mu in c(0, 1.5)) {
  ttests[[length(ttests) + 1]] <- c(list(kind = "welch", alternative = alt, mu = mu, confLevel = 0.9), tt(t.test(x, y, alternative = alt, mu = mu, conf.level = 0.9)))
  ttests[[length(ttests) + 1]] <- c(list(kind = "student", alternative = alt, mu = mu, confLevel = 0.9), tt(t.test(x, y, alternative = alt, mu = mu, conf.level = 0.9, var.equal = TRUE)))
  ttests[[length(ttests) + 1]] <- c(list(kind = "paired", alternative = alt, mu = mu, confLevel = 0.9), tt(t.test(xp, yp, alternative = alt, mu = mu, conf.level = 0.9, paired = TRUE)))
}

wx <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
wy <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.061, 3.14, 1.291)
wt <- c(1, 2, 2, 3, 5, 5, 7)
wu <- c(2, 3, 4, 5, 5, 8, 9, 9)
set.seed(1)
big1 <- round(rnorm(60, 0.3), 6); big2 <- round(rnorm(55), 6)
wcase <- function(name, a, b, alt, correct = TRUE, exact = NULL) {
  w <- suppressWarnings(wilcox.test(a, b, alternative = alt, correct = correct, exact = exact))
  list(name = name, alternative = alt, correct = correct, x = A(a), y = A(b), statistic = unname(w$statistic), p = w$p.value,
       exact = grepl("exact", w$method))
}
wcases <- list()
for (alt in c("two.sided", "less", "greater")) {
  wcases[[length(wcases) + 1]] <- wcase("exact", wx, wy, alt)
  wcases[[length(wcases) + 1]] <- wcase("ties", wt, wu, alt)
  wcases[[length(wcases) + 1]] <- wcase("ties-uncorrected", wt, wu, alt, correct = FALSE)
  wcases[[length(wcases) + 1]] <- wcase("large", big1, big2, alt)
  wcases[[length(wcases) + 1]] <- wcase("exact-49x30", round(rnorm(49), 8), round(rnorm(30, 0.5), 8), alt)
}

praw <- c(0.01, 0.04, NA, 0.03, 0.2, 0.04, 0.0005, 0.9, NaN, 0.04, 0.5, 1e-10)
padj <- lapply(c("BH", "BY", "holm", "bonferroni"), function(m) list(method = m, adjusted = A(p.adjust(praw, m))))

chisqCases <- list(
  list(table = list(A(c(12, 5)), A(c(7, 15))), correct = TRUE),
  list(table = list(A(c(12, 5)), A(c(7, 15))), correct = FALSE),
  list(table = list(A(c(10, 10)), A(c(10, 10.2))), correct = TRUE),
  list(table = list(A(c(3, 8, 14)), A(c(10, 6, 2)), A(c(5, 5, 9))), correct = TRUE))
chisqCases <- lapply(chisqCases, function(cc) {
  m <- do.call(rbind, lapply(cc$table, unclass))
  r <- suppressWarnings(chisq.test(m, correct = cc$correct))
  c(cc, list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value))
})

grid <- expand.grid(t = c(-1e3, -40, -5.5, -2, -0.3, 1e-4, 0.7, 3, 12, 250), df = c(0.5, 1, 2.5, 4, 17, 126.3, 1e4))
grid$cdf <- pt(grid$t, grid$df); grid$sf <- pt(grid$t, grid$df, lower.tail = FALSE)
qgrid <- expand.grid(p = c(1e-12, 1e-5, 0.001, 0.025, 0.3, 0.6, 0.95, 0.975, 0.999999), df = c(1, 2, 3, 4.5, 10, 63.7, 1e4))
qgrid$q <- qt(qgrid$p, qgrid$df)
fgrid <- expand.grid(f = c(1e-3, 0.5, 1, 2.7, 9, 60, 500), df1 = c(1, 2, 5, 30), df2 = c(1, 3.5, 12, 126, 1e4))
fgrid$sf <- pf(fgrid$f, fgrid$df1, fgrid$df2, lower.tail = FALSE)
bgrid <- expand.grid(x = c(1e-6, 0.01, 0.2, 0.5, 0.77, 0.999), a = c(0.3, 1, 2.5, 40, 800), b = c(0.5, 3, 90, 2000))
bgrid$p <- pbeta(bgrid$x, bgrid$a, bgrid$b); bgrid$q <- pbeta(bgrid$x, bgrid$a, bgrid$b, lower.tail = FALSE)
hgrid <- expand.grid(x = c(0, 2, 5, 9, 14, 30), m = c(10, 40, 300), n = c(15, 60, 500), k = c(12, 35))
hgrid$pmf <- dhyper(hgrid$x, hgrid$m, hgrid$n, hgrid$k); hgrid$cdf <- phyper(hgrid$x, hgrid$m, hgrid$n, hgrid$k)
cols <- function(d) lapply(as.list(d), A)

ref <- list(r_version = R.version.string, iris = irisRef, ttests = ttests, ttest_x = A(x), ttest_y = A(y), paired_x = A(xp), paired_y = A(yp),
            wilcox = wcases, padjust = list(p = A(praw), results = padj), chisq = chisqCases,
            pt = cols(grid), qt = cols(qgrid), pf = cols(fgrid), pbeta = cols(bgrid), hyper = cols(hgrid))
writeLines(to_json(ref), "hypothesis.json")

# fisher.test on 2 x 2 tables (appended; written to fisher.json).
fisherTables <- list(c(3, 1, 1, 3), c(10, 2, 3, 15), c(0, 5, 6, 2), c(7, 0, 1, 9), c(1, 9, 11, 3), c(25, 30, 40, 12),
                     c(2, 2, 2, 2), c(120, 95, 88, 140), c(1, 0, 0, 1), c(5, 12, 9, 4))
fisherCases <- list()
for (v in fisherTables) for (alt in c("two.sided", "less", "greater")) {
  m <- matrix(v, 2, byrow = TRUE)
  f <- fisher.test(m, alternative = alt)
  fisherCases[[length(fisherCases) + 1]] <- list(table = list(A(m[1, ]), A(m[2, ])), alternative = alt,
    p = f$p.value, estimate = unname(f$estimate), ci = A(f$conf.int))
}
writeLines(to_json(list(r_version = R.version.string, fisher = fisherCases)), "fisher.json")

# r x c fisher.test (FEXACT) on small tables, written to fisher-rxc.json.
rxc <- list(matrix(c(3, 1, 4, 1, 5, 9, 2, 6, 5), 3, byrow = TRUE), matrix(c(8, 2, 1, 3, 7, 2), 2, byrow = TRUE),
            matrix(c(2, 0, 3, 1, 4, 2, 1, 0, 5, 2, 2, 1), 3, byrow = TRUE), matrix(c(10, 3, 2, 12, 6, 8, 1, 9), 4, byrow = TRUE),
            matrix(c(1, 2, 3, 4, 5, 6), 2, byrow = TRUE))
rxcCases <- lapply(rxc, function(m) list(table = lapply(seq_len(nrow(m)), function(i) A(m[i, ])), p = fisher.test(m)$p.value))
writeLines(to_json(list(r_version = R.version.string, fisher = rxcCases)), "fisher-rxc.json")
