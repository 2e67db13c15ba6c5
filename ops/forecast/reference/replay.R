# Replays in R what ops/scripts/forecast.sh printed: the same CSV, the model it chose, the parameters it fitted,
# and prints R's forecast for the next HORIZON days, to compare with the JSON's "forecast" figures.
#   Rscript ops/forecast/reference/replay.R SERIES.csv MODEL HORIZON [ALPHA [BETA GAMMA]]
# MODEL as printed: SEASONAL_NAIVE, HOLT_WINTERS_ADDITIVE, HOLT_WINTERS_MULTIPLICATIVE (ALPHA BETA GAMMA),
# CROSTON, SBA (ALPHA). Prepares the history as the hub does where R can follow without judgement: lines of one
# day add up, missing days are zero, negative days become zero. It does not cap outliers: where the JSON has an
# OUTLIERS_CAPPED note, run forecast.sh again with --outlier-cutoff 1e300 first.
# Needs r-base-core, and r-cran-forecast for CROSTON and SBA.
args <- commandArgs(trailingOnly = TRUE)
rows <- read.csv(args[1])
model <- args[2]
h <- as.integer(args[3])
p <- as.numeric(args[-(1:3)])
days <- as.Date(rows$date)
x <- numeric(as.integer(max(days) - min(days)) + 1)
for (i in seq_along(days)) {
  day <- as.integer(days[i] - min(days)) + 1
  x[day] <- x[day] + rows$quantity[i]
}
x <- pmax(x, 0)
fc <- switch(model,
  SEASONAL_NAIVE = rep(tail(x, 7), length.out = h),
  HOLT_WINTERS_ADDITIVE = predict(HoltWinters(ts(x, frequency = 7), p[1], p[2], p[3], "additive"), h),
  HOLT_WINTERS_MULTIPLICATIVE = predict(HoltWinters(ts(x, frequency = 7), p[1], p[2], p[3], "multiplicative"), h),
  CROSTON = forecast::croston(x, h = h, alpha = p[1])$mean,
  SBA = (1 - p[1] / 2) * forecast::croston(x, h = h, alpha = p[1])$mean,
  stop("no replay for ", model))
cat(sprintf("%s %.12g\n", format(max(days) + seq_len(h)), pmax(as.numeric(fc), 0)), sep = "")
