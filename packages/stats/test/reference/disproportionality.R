# Generates disproportionality.json: R reference values for @plexus/stats pharmacovigilance
# (src/pharmacovigilance/): PRR and ROR with their 95% (and 90%) Wald intervals on the log scale,
# Pearson's chi-square with Yates's continuity correction (chisq.test(correct = TRUE)) and the signal
# rule of Evans, Waller & Davis (2001): a >= 3, PRR >= 2, chi-square >= 4.
# Run from this directory: Rscript disproportionality.R (base R only). Numbers are written with 17
# significant digits; NA and NaN as null, Inf as the string "Inf". The output is then formatted with
# `npx biome format --write`.
#
# A table is a = reports of the drug with the reaction, b = of the drug without it, c = of other
# drugs with the reaction, d = of other drugs without it; chisq.test gets matrix(c(a, c, b, d), 2).

num <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), "\"Inf\"", sprintf("%.17g", v)))
to_json <- function(x) {
  if (length(x) == 1 && !is.list(x) && is.na(x)) return("null")
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
    return(paste0("{", paste0("\"", names(x), "\": ", vapply(x, to_json, ""), collapse = ",\n"), "}"))
  }
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.logical(x)) return(tolower(as.character(x)))
  num(x)
}

# The textbook formulas, evaluated as R evaluates them: a zero cell gives 0, Inf or NaN, and an
# interval whose standard error is infinite is reported as NA (the implementation returns null).
interval <- function(estimate, se, level) {
  z <- qnorm(1 - (1 - level) / 2)
  if (!is.finite(se) || !is.finite(estimate) || estimate <= 0) return(list(lower = NA, upper = NA))
  list(lower = exp(log(estimate) - z * se), upper = exp(log(estimate) + z * se))
}
case <- function(name, a, b, c, d, level = 0.95) {
  prr <- (a / (a + b)) / (c / (c + d))
  prr_se <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
  ror <- (a * d) / (b * c)
  ror_se <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  test <- suppressWarnings(chisq.test(matrix(c(a, c, b, d), 2), correct = TRUE))
  chi <- unname(test$statistic)
  prr_ci <- interval(prr, prr_se, level)
  ror_ci <- interval(ror, ror_se, level)
  list(
    name = name, a = a, b = b, c = c, d = d, level = level,
    prr = prr, prrLower = prr_ci$lower, prrUpper = prr_ci$upper,
    prrSeLog = if (is.finite(prr_se)) prr_se else NA,
    ror = if (is.nan(ror)) NA else ror, rorLower = ror_ci$lower, rorUpper = ror_ci$upper,
    rorSeLog = if (is.finite(ror_se)) ror_se else NA,
    chiSquare = chi, p = unname(test$p.value),
    signal = isTRUE(a >= 3 && prr >= 2 && !is.na(chi) && chi >= 4)
  )
}

cases <- list(
  case("strong signal (metformin-like lactic acidosis)", 97, 861, 23, 19019),
  case("moderate counts", 25, 475, 150, 9350),
  case("large database", 1200, 48800, 9000, 941000),
  case("three reports, signal", 3, 40, 12, 5000),
  case("three reports, chi-square below 4", 3, 400, 40, 9000),
  case("two reports, PRR high but a < 3", 2, 10, 5, 2000),
  case("PRR below 2", 30, 970, 200, 9800),
  case("fewer reports than expected", 5, 995, 400, 9600),
  case("independence: |O - E| < 0.5 (Yates correction shrinks)", 10, 20, 20, 40),
  case("near independence", 11, 20, 20, 40),
  case("90% interval", 25, 475, 150, 9350, level = 0.9),
  case("zero a", 0, 958, 120, 18922),
  case("zero b", 5, 0, 40, 900),
  case("zero c (infinite PRR)", 12, 946, 0, 19042),
  case("zero d", 4, 50, 30, 0),
  case("zero a and c (reaction never reported)", 0, 958, 0, 19042),
  case("zero b and d (reaction in every report)", 6, 0, 30, 0)
)

out <- list(r_version = R.version$version.string, cases = cases)
writeLines(to_json(out), "disproportionality.json")
