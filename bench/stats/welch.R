# 12,625 Welch t-tests, the first 64 columns of welch.csv against the last 64: Rscript welch.R <welch.csv> <runs>
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
m <- as.matrix(read.csv(csv, header = FALSE, colClasses = "numeric"))
p <- timed(function() apply(m, 1, function(r) t.test(r[1:64], r[65:128])$p.value))
report("significant", sum(p < 0.05))
for (t in c(1, 2, 3, 11, 12625)) report(paste0("p_", t), p[[t]])
