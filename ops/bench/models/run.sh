#!/usr/bin/env bash
# Time to live of a new promotion: upload a promotion table through POST /api/models, place a web order at once, and
# measure until the order reads back priced by the new promotion; prints JSON with each round and the median.
#   ops/bench/models/run.sh [rounds, default 5]
# Result: one line "PROMOTION-GO-LIVE {...}" on stdout and ops/bench/results/promotion-go-live-<time>.json. Builds within
# the reactor (no install). Runs the hub on free ports with its own throw-away embedded PostgreSQL and Kafka.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds="${1:-5}"
./mvnw -q verify -pl app -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=PromotionGoLiveBenchmark -DargLine="-Dgolive.rounds=$rounds -Dgolive.results=$PWD/ops/bench/results"
grep -h "PROMOTION-GO-LIVE" app/target/failsafe-reports/*PromotionGoLiveBenchmark-output.txt | tail -1
