# Kaplan-Meier + log-rank on km.csv: Rscript km.R <km.csv> <runs>
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
d <- read.csv(csv, colClasses = c("numeric", "integer", "factor"))
out <- timed(function() {
  list(
    km = survfit(Surv(time, status) ~ group, data = d),
    lr = survdiff(Surv(time, status) ~ group, data = d)
  )
})
report("chisq", out$lr$chisq)
medians <- summary(out$km)$table[, "median"]
report("median_A", medians[["group=A"]])
report("median_B", medians[["group=B"]])
report("times_A", out$km$strata[["group=A"]])
report("times_B", out$km$strata[["group=B"]])
