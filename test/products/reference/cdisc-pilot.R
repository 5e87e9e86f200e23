# Generates cdisc-pilot.json: R reference values for the cdisc-pilot product's apps, computed from the
# product's own CSV files. Run from this directory: Rscript cdisc-pilot.R
# (R 4.2, base + survival). Numbers are written with 17 significant digits; NA as null.
suppressPackageStartupMessages(library(survival))

num <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", v)))
to_json <- function(x) {
  if (inherits(x, "arr")) return(paste0("[", paste(num(unclass(x)), collapse = ", "), "]"))
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
    return(paste0("{", paste0("\"", names(x), "\": ", vapply(x, to_json, ""), collapse = ", "), "}"))
  }
  if (is.character(x) && length(x) == 1) return(paste0("\"", x, "\""))
  if (is.character(x)) return(paste0("[", paste0("\"", x, "\"", collapse = ", "), "]"))
  if (is.logical(x)) return(tolower(as.character(x)))
  if (length(x) == 1) return(num(x))
  paste0("[", paste(num(x), collapse = ", "), "]")
}
A <- function(v) structure(as.numeric(v), class = "arr")

data <- "../../../products/cdisc-pilot/data"
adsl <- read.csv(file.path(data, "adsl.csv"), na.strings = "")
adtte <- read.csv(file.path(data, "adtte.csv"), na.strings = "")
adae <- read.csv(file.path(data, "adae.csv"), na.strings = "")
ex <- read.csv(file.path(data, "ex.csv"), na.strings = "")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
adsl$arm <- factor(adsl$TRT01A, levels = arms)

# --- Time to first dermatologic event: ADTTE TTDE joined to ADSL, CNSR = 0 is the event. ---
stopifnot(all(adtte$PARAMCD == "TTDE"), !any(duplicated(adtte$USUBJID)))
tte <- merge(adsl[, c("USUBJID", "arm")], adtte[, c("USUBJID", "AVAL", "CNSR")], by = "USUBJID")
tte$event <- 1 - tte$CNSR
fit <- survfit(Surv(AVAL, event) ~ arm, data = tte)
s <- summary(fit, censored = TRUE)
strata <- sub("^arm=", "", as.character(s$strata))
curve <- lapply(seq_along(s$time), function(i) list(
  arm = strata[i], time = s$time[i], n_risk = s$n.risk[i], n_event = s$n.event[i], n_censor = s$n.censor[i],
  surv = s$surv[i], std_err = s$std.err[i], lower = s$lower[i], upper = s$upper[i]))
tab <- summary(fit)$table
medians <- lapply(seq_len(nrow(tab)), function(i) list(
  arm = sub("^arm=", "", rownames(tab)[i]), n = unname(tab[i, "records"]), events = unname(tab[i, "events"]),
  median = unname(tab[i, "median"]), lower = unname(tab[i, "0.95LCL"]), upper = unname(tab[i, "0.95UCL"])))
lr <- survdiff(Surv(AVAL, event) ~ arm, data = tte)
cox <- coxph(Surv(AVAL, event) ~ arm, data = tte, ties = "efron")
cs <- summary(cox)
hr <- lapply(seq_len(nrow(cs$conf.int)), function(i) list(
  arm = sub("^arm", "", rownames(cs$conf.int)[i]), hr = unname(cs$conf.int[i, "exp(coef)"]),
  lower = unname(cs$conf.int[i, "lower .95"]), upper = unname(cs$conf.int[i, "upper .95"]),
  p = unname(cs$coefficients[i, "Pr(>|z|)"])))

# --- Treatment-emergent adverse events (TRTEMFL = Y): subjects with >= 1 event, per arm. ---
teae <- adae[adae$TRTEMFL == "Y", ]
teae$arm <- factor(adsl$TRT01A[match(teae$USUBJID, adsl$USUBJID)], levels = arms)
N <- as.vector(table(adsl$arm))
subjects <- function(rows) {
  n <- as.vector(tapply(rows$USUBJID, rows$arm, function(ids) length(unique(ids))))
  n[is.na(n)] <- 0
  n
}
frequency <- function(rows) {
  n <- subjects(rows)
  list(n = A(n), total = length(unique(rows$USUBJID)), events = nrow(rows), p = fisher.test(rbind(n, N - n))$p.value)
}
terms <- c("APPLICATION SITE PRURITUS", "APPLICATION SITE ERYTHEMA", "PRURITUS", "ERYTHEMA", "DIZZINESS", "RASH")
systems <- c("SKIN AND SUBCUTANEOUS TISSUE DISORDERS", "GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS",
             "NERVOUS SYSTEM DISORDERS", "CARDIAC DISORDERS")
byTerm <- lapply(terms, function(term) c(list(term = term), frequency(teae[teae$AEDECOD == term, ])))
bySystem <- lapply(systems, function(system) c(list(body_system = system), frequency(teae[teae$AEBODSYS == system, ])))
bySeverity <- lapply(c("MILD", "MODERATE", "SEVERE"), function(sev) c(list(severity = sev), frequency(teae[teae$AESEV == sev, ])))
# The most frequent preferred term, and how many distinct terms and body systems there are.
termSubjects <- sort(tapply(teae$USUBJID, teae$AEDECOD, function(ids) length(unique(ids))), decreasing = TRUE)

# --- Demographics by arm. ---
numeric <- function(column) {
  x <- adsl[[column]]
  groups <- split(x, adsl$arm)
  present <- lapply(groups, function(v) v[!is.na(v)])
  list(
    mean = A(vapply(present, mean, 0)), sd = A(vapply(present, sd, 0)), median = A(vapply(present, median, 0)),
    q1 = A(vapply(present, quantile, 0, 0.25)), q3 = A(vapply(present, quantile, 0, 0.75)),
    n = A(vapply(present, length, 0)), missing = A(vapply(groups, function(v) sum(is.na(v)), 0)),
    anova_f = summary(aov(x ~ adsl$arm))[[1]]$`F value`[1], anova_p = summary(aov(x ~ adsl$arm))[[1]]$`Pr(>F)`[1],
    kruskal_p = kruskal.test(x ~ adsl$arm)$p.value)
}
categorical <- function(column, test) {
  t <- table(adsl$arm, adsl[[column]])
  list(levels = colnames(t), counts = lapply(seq_len(nrow(t)), function(i) A(t[i, ])),
       p = if (test == "chisq") chisq.test(t)$p.value else fisher.test(t)$p.value,
       statistic = if (test == "chisq") unname(chisq.test(t)$statistic) else NA_real_)
}
demographics <- list(age = numeric("AGE"), bmi = numeric("BMIBL"), mmse = numeric("MMSETOT"),
                     sex = categorical("SEX", "chisq"), race = categorical("RACE", "fisher"),
                     age_group = categorical("AGEGR1", "chisq"))

# --- Cohort: a SEVERE treatment-emergent adverse event within 30 days of the first dose. ---
# The first dose is each subject's earliest EXSTDY; the window is 0 <= ASTDY - first <= 30.
first <- tapply(ex$EXSTDY, ex$USUBJID, min)
severe <- teae[teae$AESEV == "SEVERE", ]
offset <- severe$ASTDY - first[severe$USUBJID]
early <- unique(severe$USUBJID[!is.na(offset) & offset >= 0 & offset <= 30])

out <- list(
  versions = list(r = R.version.string, survival = as.character(packageVersion("survival"))),
  subjects = nrow(adsl), arms = arms, n_per_arm = A(N),
  ttde = list(events = sum(tte$event), curve = curve, medians = medians,
              logrank = list(chisq = lr$chisq, df = length(lr$n) - 1, p = pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE)),
              cox = hr),
  adverse_events = list(
    records = nrow(teae), any = frequency(teae), terms = byTerm, body_systems = bySystem, severity = bySeverity,
    distinct_terms = length(unique(teae$AEDECOD)), distinct_body_systems = length(unique(teae$AEBODSYS)),
    top_term = names(termSubjects)[1], top_term_subjects = unname(termSubjects[1])),
  demographics = demographics,
  cohort_severe_within_30_days = list(count = length(early), ids = sort(early),
    by_arm = A(table(factor(adsl$TRT01A[match(early, adsl$USUBJID)], levels = arms)))))
writeLines(to_json(out), "cdisc-pilot.json")
