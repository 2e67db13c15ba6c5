# Reference values for HoltWintersTest, from R's own stats::HoltWinters (the conventions HoltWinters.java follows).
# Run from the repository root:  Rscript ops/forecast/reference/holt-winters.R ops/forecast/reference/weekly.csv
# (Debian: apt-get install r-base-core). Prints, for additive and multiplicative seasons:
#   fixed:  alpha=0.4 beta=0.05 gamma=0.3 given -> SSE, coefficients a b s1..s7, the next 14 days
#   fitted: R's own L-BFGS-B fit of alpha, beta, gamma by SSE -> the same
args <- commandArgs(trailingOnly = TRUE)
x <- ts(read.csv(args[1])$quantity, frequency = 7)
show <- function(label, fit) {
  cat(sprintf("%s alpha=%.15g beta=%.15g gamma=%.15g SSE=%.15g\n", label, fit$alpha, fit$beta, fit$gamma, fit$SSE))
  cat(label, "coefficients", sprintf("%.15g", coef(fit)), "\n")
  cat(label, "forecast14", sprintf("%.15g", predict(fit, n.ahead = 14)), "\n")
}
for (seasonal in c("additive", "multiplicative")) {
  show(paste(seasonal, "fixed"), HoltWinters(x, alpha = 0.4, beta = 0.05, gamma = 0.3, seasonal = seasonal))
  show(paste(seasonal, "fitted"), HoltWinters(x, seasonal = seasonal))
}
