# Shared by cox.R, km.R and welch.R: arguments, timing and output in the lines run.ts parses.
#   time <seconds>        one line per measured repetition (elapsed, computation only)
#   result <name> <value> figures compared with ours
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
runs <- as.integer(args[2])
suppressPackageStartupMessages(library(survival))

# One warm-up, then `runs` timed repetitions of `work`; returns the last result.
timed <- function(work) {
  result <- work()
  for (i in seq_len(runs)) {
    started <- proc.time()[["elapsed"]]
    result <- work()
    cat(sprintf("time %.6f\n", proc.time()[["elapsed"]] - started))
  }
  result
}

report <- function(name, value) cat(sprintf("result %s %.17g\n", name, value))
