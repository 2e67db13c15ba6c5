# Reference values for CrostonTest, from R's forecast::croston (forecast 8.20; it has no SBA, so SBA is Croston's
# forecast times 1 - alpha/2 by definition). Run from the repository root:
#   Rscript ops/forecast/reference/croston.R ops/forecast/reference/intermittent.csv
# (Debian: apt-get install r-base-core r-cran-forecast). Prints:
#   fixed:  alpha=0.1 -> the forecast, the in-sample SSE of the one-step fitted values (NA before the first demand)
#   fitted: alpha minimising that SSE on [0.05, 0.3] by R's optimize() (Brent), for Croston and for SBA
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
x <- read.csv(args[1])$quantity
sse <- function(alpha, factor) sum((x - factor * fitted(croston(x, h = 1, alpha = alpha)))^2, na.rm = TRUE)
fixed <- croston(x, h = 1, alpha = 0.1)
cat(sprintf("croston fixed alpha=0.1 forecast=%.15g SSE=%.15g\n", fixed$mean[1], sse(0.1, 1)))
cat(sprintf("sba fixed alpha=0.1 forecast=%.15g SSE=%.15g\n", 0.95 * fixed$mean[1], sse(0.1, 0.95)))
for (method in c("croston", "sba")) {
  factor <- function(alpha) if (method == "sba") 1 - alpha / 2 else 1
  best <- optimize(function(a) sse(a, factor(a)), c(0.05, 0.3), tol = 1e-10)
  forecast <- factor(best$minimum) * croston(x, h = 1, alpha = best$minimum)$mean[1]
  cat(sprintf("%s fitted alpha=%.15g forecast=%.15g SSE=%.15g\n", method, best$minimum, forecast, best$objective))
}
