#!/usr/bin/env bash
# CDC lag benchmark: ERP price changes at a steady rate through Debezium into the hub; prints JSON with p50/p99 lag.
#   ops/bench/cdc/run.sh [rate per second, default 200] [seconds, default 30]
# Result: one line "CDC-LAG {...}" on stdout and ops/bench/results/cdc-lag-<time>.json. Builds within the reactor
# (no install). Runs the hub on free ports with its own throw-away embedded PostgreSQL and Kafka.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rate="${1:-200}"
seconds="${2:-30}"
./mvnw -q verify -pl app -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=CdcLagBenchmark -Dcdc.rate="$rate" -Dcdc.seconds="$seconds" \
  -DargLine="-Dcdc.rate=$rate -Dcdc.seconds=$seconds -Dcdc.results=$PWD/ops/bench/results"
grep -h "CDC-LAG" app/target/failsafe-reports/*CdcLagBenchmark-output.txt | tail -1
