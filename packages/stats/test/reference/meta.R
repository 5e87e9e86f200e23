# Generates meta.json: R reference values for @plexus/stats federated analysis (src/meta/):
# inverse-variance fixed-effect and DerSimonian-Laird random-effects meta-analysis (textbook
# formulas in base R, as meta/metafor compute them), pooled moments and Welch's t-test, pooled
# Kaplan-Meier and log-rank from per-site risk tables.
# Run from this directory: Rscript meta.R (base R + survival only). Numbers are written with 17
# significant digits; NA as null. The output is then formatted with `npx biome format --write`.
#
# Sites: the veteran data of ../data/veteran.csv (survival::veteran) split into three "sites" by
# row index: site = (row - 1) %% 3 + 1. A second split uses celltype as the site (4 sites).
library(survival)

num <- function(v) ifelse(is.na(v), "null", sprintf("%.17g", v))
to_json <- function(x) {
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

# ---- Meta-analysis by the textbook formulas ---------------------------------------------------
meta_fe_dl <- function(y, se, level = 0.95) {
  k <- length(y)
  z <- qnorm(1 - (1 - level) / 2)
  w <- 1 / se^2
  est <- sum(w * y) / sum(w)
  se_fe <- sqrt(1 / sum(w))
  q <- sum(w * (y - est)^2)
  df <- k - 1
  i2 <- if (q > df) 100 * (q - df) / q else 0
  fe <- list(estimate = est, se = se_fe, lower = est - z * se_fe, upper = est + z * se_fe,
             z = est / se_fe, p = 2 * pnorm(-abs(est / se_fe)), weightPercent = A(100 * w / sum(w)),
             q = q, df = df, pQ = pchisq(q, df, lower.tail = FALSE), iSquared = i2)
  cc <- sum(w) - sum(w^2) / sum(w)
  tau2 <- max(0, (q - df) / cc)
  ws <- 1 / (se^2 + tau2)
  est_r <- sum(ws * y) / sum(ws)
  se_r <- sqrt(1 / sum(ws))
  re <- list(tau2 = tau2, tau = sqrt(tau2), estimate = est_r, se = se_r,
             lower = est_r - z * se_r, upper = est_r + z * se_r, z = est_r / se_r,
             p = 2 * pnorm(-abs(est_r / se_r)), weightPercent = A(100 * ws / sum(ws)),
             q = q, df = df, pQ = pchisq(q, df, lower.tail = FALSE), iSquared = i2,
             h = sqrt(max(1, q / df)))
  list(level = level, estimates = A(y), standardErrors = A(se), fixed = fe, random = re)
}

# BCG vaccine trials (Colditz et al. 1994; metafor's dat.bcg): log relative risks and variances.
tpos <- c(4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27)
tneg <- c(119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886)
cpos <- c(11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29)
cneg <- c(128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825)
bcg_y <- log((tpos / (tpos + tneg)) / (cpos / (cpos + cneg)))
bcg_se <- sqrt(1 / tpos - 1 / (tpos + tneg) + 1 / cpos - 1 / (cpos + cneg))

vet <- read.csv("../data/veteran.csv", stringsAsFactors = FALSE)
vet$site <- (seq_len(nrow(vet)) - 1) %% 3 + 1
vet$arm <- vet$trt - 1 # 0 = standard, 1 = test; coef of arm = coef of trt

cox_sites <- function(site) {
  fits <- lapply(sort(unique(site)), function(s) {
    fit <- coxph(Surv(time, status) ~ arm, data = vet[site == s, ])
    c(coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))), n = fit$n, events = fit$nevent)
  })
  do.call(rbind, fits)
}
pooled_cox <- coxph(Surv(time, status) ~ arm, data = vet)
meta_case <- function(name, site, level = 0.95) {
  cs <- cox_sites(site)
  c(list(name = name, coxCoef = A(cs[, "coef"]), coxSe = A(cs[, "se"])), meta_fe_dl(cs[, "coef"], cs[, "se"], level))
}
meta_cases <- list(
  c(list(name = "bcg"), meta_fe_dl(bcg_y, bcg_se)),
  c(list(name = "bcg level 0.9"), meta_fe_dl(bcg_y, bcg_se, 0.9)),
  c(list(name = "homogeneous (tau2 truncated at 0)"), meta_fe_dl(c(0.1, 0.12, 0.09), c(0.1, 0.2, 0.15))),
  meta_case("veteran cox arm, site = row mod 3", vet$site),
  meta_case("veteran cox arm, site = celltype", match(vet$celltype, unique(vet$celltype)))
)

# ---- Pooled moments and Welch's t-test ---------------------------------------------------------
moments <- lapply(c("age", "karno"), function(v) {
  x <- vet[[v]][vet$trt == 1]; y <- vet[[v]][vet$trt == 2]
  tt <- t.test(x, y, var.equal = FALSE)
  list(variable = v,
       standard = list(n = length(x), mean = mean(x), variance = var(x), sd = sd(x), m2 = sum((x - mean(x))^2)),
       test = list(n = length(y), mean = mean(y), variance = var(y), sd = sd(y), m2 = sum((y - mean(y))^2)),
       welch = list(statistic = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
                    ci = A(tt$conf.int), estimate = A(tt$estimate)))
})

# ---- Kaplan-Meier and log-rank on the pooled data -------------------------------------------------
km_rows <- function(data, conf_type) {
  s <- summary(survfit(Surv(time, status) ~ 1, data = data, conf.type = conf_type), censored = TRUE)
  list(confType = conf_type, time = A(s$time), nRisk = A(s$n.risk), nEvent = A(s$n.event),
       nCensor = A(s$n.censor), surv = A(s$surv), stdErr = A(s$std.err), lower = A(s$lower),
       upper = A(s$upper))
}
km <- lapply(1:2, function(arm) {
  d <- vet[vet$trt == arm, ]
  list(trt = arm, curves = lapply(c("log", "log-log", "plain"), function(ct) km_rows(d, ct)))
})

# Coarse grid: every 30 days up to 1020. A site's table on this grid is survfit of its data with
# event times rounded up to the grid and censoring times rounded down (riskTable's rule).
grid <- seq(0, 1020, by = 30)
coarse <- vet
up <- grid[findInterval(coarse$time, grid, left.open = TRUE) + 1]
down <- grid[findInterval(coarse$time, grid)]
coarse$time <- ifelse(coarse$status == 1, up, down)
km_coarse <- lapply(1:2, function(arm) list(trt = arm, curve = km_rows(coarse[coarse$trt == arm, ], "log")))

sd_of <- function(f, data) {
  s <- survdiff(f, data = data)
  list(chisq = s$chisq, df = length(s$n) - 1, p = pchisq(s$chisq, length(s$n) - 1, lower.tail = FALSE),
       observed = A(if (is.matrix(s$obs)) rowSums(s$obs) else s$obs),
       expected = A(if (is.matrix(s$exp)) rowSums(s$exp) else s$exp), variance = lapply(seq_len(nrow(s$var)), function(i) A(s$var[i, ])))
}
out <- list(
  r_version = R.version.string,
  survival_version = as.character(packageVersion("survival")),
  sites = "veteran.csv rows; site = (row - 1) %% 3 + 1; arm = trt - 1",
  meta = meta_cases,
  pooledCox = list(coef = unname(coef(pooled_cox)), se = unname(sqrt(diag(vcov(pooled_cox))))),
  moments = moments,
  km = km,
  coarseGrid = A(grid),
  kmCoarse = km_coarse,
  logrank = sd_of(Surv(time, status) ~ trt, vet),
  logrankBySite = sd_of(Surv(time, status) ~ trt + strata(site), vet),
  logrankCoarse = sd_of(Surv(time, status) ~ trt, coarse)
)
writeLines(to_json(out), "meta.json")
