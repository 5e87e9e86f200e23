# Cox PH (Efron) on cox.csv: Rscript cox.R <cox.csv> <runs>
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
d <- read.csv(csv, colClasses = c("numeric", "integer", "numeric", "numeric", "numeric", "numeric", "factor"))
fit <- timed(function() coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d, ties = "efron"))
report("loglik", fit$loglik[2])
cf <- coef(fit)
for (term in names(cf)) report(paste0("coef_", term), cf[[term]])
