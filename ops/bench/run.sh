#!/usr/bin/env bash
# The order benchmark in one command: builds the hub, starts it with production-like settings on a fresh
# embedded PostgreSQL and Kafka (everything on this machine), runs the load generator against it and stops it.
# Results: ops/bench/results/<timestamp>.json, .md and .png. Arguments go to the generator, e.g.
#   ops/bench/run.sh --rates=100,200,300 --step-s=60 --scenarios=ceiling,sustained,burst,contention
# Environment: BENCH_HUB_PORT (default 18080), BENCH_PSP_LATENCY (default PT0.1S), BENCH_HUB_JAVA_OPTS, BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${BENCH_HUB_PORT:-18080}"
psp_latency="${BENCH_PSP_LATENCY:-PT0.1S}"
java_opts="${BENCH_HUB_JAVA_OPTS:--Xms1g -Xmx2g}"

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "[bench] building the hub and the load generator"
  ./mvnw -q -DskipTests package
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/retail-hub-bench.XXXXXX")"
log="$work/hub.log"
# a development run (--dev) on the embedded kit, as README command 1: the DEV-ONLY Basic user below needs it
kit=(-Dloader.path=app/embedded-kit/target/kit)
hub_args=(--dev --hub.embedded.data-dir="$work/postgres" --hub.embedded.postgres-port=0 --server.port="$port"
          --hub.payment.psp.simulator-port=0 --hub.crm.simulator-port=0 --hub.erp.simulator-port=0
          --hub.payment.psp.simulator-latency="$psp_latency" --hub.payment.settlement.inbox="$work/settlements"
          --hub.demo.enabled=false
          # the simulated store's RFID readers would add their reads to what is measured
          --hub.rfid.simulator.enabled=false
          # nothing but the benchmark changes stock: the island simulators' ERP goods receipts reach hub.stock through CDC
          --hub.islands.simulator-pause=0s
          # the generator stands for every shop and marketplace at once: one client's limit would throttle the test itself
          --hub.security.limits.per-client.capacity=20000 --hub.security.limits.per-client.refill=5000
          --hub.security.limits.per-ip.capacity=20000 --hub.security.limits.per-ip.refill=5000)
export HUB_BENCH_SETTINGS="java $java_opts ${kit[*]} -jar app/target/retail-hub.jar ${hub_args[*]}"

echo "[bench] starting the hub (log: $log)"
# shellcheck disable=SC2086
java $java_opts "${kit[@]}" -jar app/target/retail-hub.jar "${hub_args[@]}" >"$log" 2>&1 &
hub=$!
stop_hub() {
  kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true
  rm -rf "$work/postgres" "$work/simulators"
}
trap stop_hub EXIT

for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$hub" 2>/dev/null; then echo "[bench] the hub did not start:"; tail -50 "$log"; exit 1; fi
  sleep 1
done
curl -fs "http://localhost:$port/actuator/health" >/dev/null || { echo "[bench] the hub is not healthy after 180 s"; exit 1; }

line="$(grep -a -m1 'Embedded PostgreSQL on port' "$log")"
pg_port="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' <<<"$line")"
kafka="$(sed -n 's/.*and Kafka at \([^ ,]*\).*/\1/p' <<<"$line")"
echo "[bench] hub up on :$port, PostgreSQL :$pg_port, Kafka $kafka"

# the embedded default's DEV-ONLY channel account (docs/security.md); a Keycloak hub takes --api-auth="Bearer ..."
auth="Basic $(printf 'integration:integration-dev-only' | base64)"
java -Xmx1g -jar ops/target/retail-hub-bench.jar --hub="http://localhost:$port" --kafka="$kafka" --api-auth="$auth" \
  --jdbc="jdbc:postgresql://localhost:$pg_port/retailhub" --out=ops/bench/results "$@"
