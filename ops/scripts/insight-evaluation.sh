#!/usr/bin/env bash
# Leave-last-out evaluation of the hub's recommender against popularity on a synthetic purchase log with hidden
# preferences (ops/insight/RESULTS.md explains it and keeps the runs). Same domain code as the Kafka Streams topology.
#   ops/scripts/insight-evaluation.sh [customers 5000] [articles 1000] [categories 40] [mean purchases 12] [seed]
# Prints the result as JSON. Runs the ops jar of a built checkout; builds it first if it is stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$("$root/ops/scripts/ops-jar.sh")"
exec java -Xmx1g -cp "$jar" -Dloader.main=org.retailhub.ops.insight.RecommenderEvaluation \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
