#!/usr/bin/env bash
# Recommendation latency benchmark (issue 14's goal: p99 <= 20 ms at 200 requests/s on this machine). Not a test: run
# it alone, when the machine is as quiet as you can find (it prints the load average before and after). Builds the hub
# and the ops jar, starts the hub on a fresh embedded PostgreSQL and Kafka (no demo traffic), warms the insight stream
# up through the REST beacon, then asks for recommendations at the rate for the time given, and stops the hub.
#   ops/bench/insight/run.sh [--rate=200] [--seconds=60] [--customers=40] [--warm-up-events=4000] [--warm-up-seconds=30]
#   [--jit-quiet=0.1] [--warm-up-max-seconds=600]
# Requests at the rate are sent, not counted, for the warm-up seconds and on until the hub's compiler threads are busy
# less than --jit-quiet (a tenth of one thread's time; read from its actuator as the dev-only admin user), then counted.
# Result: one line "RECOMMENDATION-BENCHMARK {json}" on stdout (fields at, build, rate, seconds, requests, errors, p50Ms,
# p95Ms, p99Ms, p999Ms, maxMs, load1Before, load1After, warmUpSeconds, warmUpP99Ms, warmUpErrors; and the hub's
# own during the measurement: hubCores, hubJitCores, hubGcPauses, hubGcPauseMs), appended to ops/bench/results/recommendations.jsonl (--out=…).
# Environment: BENCH_HUB_PORT (default 18080), BENCH_HUB_JAVA_OPTS (default -Xms1g -Xmx2g), BENCH_SKIP_BUILD=1.
# A given build (e.g. two worktrees measured in turn, paired): BENCH_HUB_JAR=…/app/target/retail-hub.jar
# BENCH_KIT=…/app/embedded-kit/target/kit (default: beside the jar) and BENCH_BUILD_LABEL (default: that checkout's
# commit); a given jar is not rebuilt. The generator (ops jar) is this checkout's unless BENCH_OPS_JAR says otherwise.
set -euo pipefail
cd "$(dirname "$0")/../../.."
port="${BENCH_HUB_PORT:-18080}"
java_opts="${BENCH_HUB_JAVA_OPTS:--Xms1g -Xmx2g}"
hub_jar="${BENCH_HUB_JAR:-app/target/retail-hub.jar}"
kit="${BENCH_KIT:-$(dirname "$hub_jar")/../embedded-kit/target/kit}"
ops_jar="${BENCH_OPS_JAR:-ops/target/retail-hub-bench.jar}"
build_dir="$(cd "$(dirname "$hub_jar")" && pwd)"
label="${BENCH_BUILD_LABEL:-$(git -C "$build_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$build_dir" diff --quiet HEAD 2>/dev/null || echo -dirty)}"
if [ -n "${BENCH_HUB_JAR:-}" ] && [ ! -f "$ops_jar" ]; then
  echo "[recommendation-bench] no generator at $ops_jar: build it (./mvnw -q -DskipTests -pl ops -am package) or set BENCH_OPS_JAR" >&2
  exit 1
fi
if [ -z "${BENCH_HUB_JAR:-}" ] && [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "[recommendation-bench] building the hub and the ops jar" >&2
  ./mvnw -q -DskipTests package
fi
echo "[recommendation-bench] uptime before: $(uptime)" >&2
work="$(mktemp -d "${TMPDIR:-/tmp}/retail-hub-insight-bench.XXXXXX")"
log="$work/hub.log"
# shellcheck disable=SC2086
echo "[recommendation-bench] hub $hub_jar (build $label)" >&2
java $java_opts -Dloader.path="$kit" -jar "$hub_jar" --dev \
  --hub.embedded.data-dir="$work/postgres" --hub.embedded.postgres-port=0 --server.port="$port" \
  --hub.payment.psp.simulator-port=0 --hub.crm.simulator-port=0 --hub.erp.simulator-port=0 \
  --hub.demo.enabled=false --hub.rfid.simulator.enabled=false --hub.islands.simulator-pause=0s \
  --hub.security.limits.per-client.capacity=20000 --hub.security.limits.per-client.refill=5000 \
  --hub.security.limits.per-ip.capacity=20000 --hub.security.limits.per-ip.refill=5000 >"$log" 2>&1 &
hub=$!
# the hub's own exit status (143 after the TERM) is not the benchmark's: exit with the script's
trap 'status=$?; kill "$hub" 2>/dev/null && { wait "$hub" 2>/dev/null || true; }; rm -rf "$work"; exit $status' EXIT
for _ in $(seq 1 300); do
  if curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$hub" 2>/dev/null; then echo "[recommendation-bench] the hub did not start:" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 1
done
pg_port="$(grep -a -m1 'Embedded PostgreSQL on port' "$log" | sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p')"
kafka="$(grep -a -m1 'Embedded PostgreSQL on port' "$log" | sed -n 's/.* and Kafka at \([^ ]*\) .*/\1/p')"
echo "[recommendation-bench] hub up on :$port, PostgreSQL :$pg_port (log: $log)" >&2
java -Xmx512m -cp "$ops_jar" -Dloader.main=org.retailhub.ops.bench.RecommendationBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher --hub="http://localhost:$port" --build="$label" \
  --api-auth="Basic $(printf 'integration:integration-dev-only' | base64)" \
  --metrics-auth="Basic $(printf 'admin:admin-dev-only' | base64)" --hub-pid="$hub" \
  --jdbc="jdbc:postgresql://localhost:$pg_port/retailhub" --kafka="$kafka" "$@"
echo "[recommendation-bench] uptime after: $(uptime)" >&2
