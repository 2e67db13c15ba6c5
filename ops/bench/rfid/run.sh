#!/usr/bin/env bash
# The RFID figures of issue 12, in one command, without a hub: reads per second through decoding and smoothing
# (ReadThroughputBenchmark) and the ledger's accuracy after a cycle count of a simulated store (CountAccuracySimulation).
# Both run the hub's own code from the ops jar. Results: ops/bench/rfid/results/*.json; RESULTS.md keeps the runs that
# decided something. Arguments after -- go to both, e.g. ops/bench/rfid/run.sh throughput -- --pieces=10000
#   ops/bench/rfid/run.sh [throughput|accuracy|both] [-- options]     (BENCH_SKIP_BUILD=1: use the jar as built)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
which="${1:-both}"; shift || true
[ "${1:-}" = "--" ] && shift
jar="ops/target/retail-hub-bench.jar"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "[rfid-bench] building the ops jar" >&2
  ./mvnw -q -DskipTests -pl ops -am package >&2
fi
echo "[rfid-bench] load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
run() {
  java -Xms512m -Xmx1g -cp "$jar" -Dloader.main="$1" org.springframework.boot.loader.launch.PropertiesLauncher "${@:2}"
}
case "$which" in
  throughput) run org.retailhub.ops.rfid.ReadThroughputBenchmark "$@" ;;
  accuracy) run org.retailhub.ops.rfid.CountAccuracySimulation "$@" ;;
  both) run org.retailhub.ops.rfid.ReadThroughputBenchmark "$@"; run org.retailhub.ops.rfid.CountAccuracySimulation ;;
  *) echo "usage: $0 [throughput|accuracy|both] [-- options]" >&2; exit 2 ;;
esac
