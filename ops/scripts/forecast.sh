#!/usr/bin/env bash
# Forecasts one demand series from a CSV file (date,quantity) with the hub's own forecasting code and prints the
# chosen model, its fitted parameters, every candidate's backtest error, the notes and the next days as JSON.
#   ops/scripts/forecast.sh series.csv --horizon 14 [--origins 4] [--spacing 7] [--outlier-cutoff 5]
# Runs the ops jar of a built checkout (./mvnw -q -DskipTests package); builds it first if it is missing or older
# than the domain's or ops' sources.
# How to check the numbers against R: docs/replenishment.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$("$root/ops/scripts/ops-jar.sh")"
# the jar's own main class is the order benchmark: Spring Boot's PropertiesLauncher starts another one of its classes
exec java -cp "$jar" -Dloader.main=org.retailhub.ops.forecast.ForecastCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
