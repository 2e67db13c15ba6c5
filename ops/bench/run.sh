#!/usr/bin/env bash
# The order benchmark in one command: builds the hub, starts it with production-like settings on a fresh
# embedded PostgreSQL and Kafka (everything on this machine), runs the load generator against it and stops it.
# Results: ops/bench/results/<timestamp>.json, .md and .png. Arguments go to the generator, e.g.
#   ops/bench/run.sh --rates=100,200,300 --step-s=60 --scenarios=ceiling,sustained,burst,contention
# A run starts cold (the first step meets the hub as it was started, its JIT still compiling) unless given
# --start=jit-quiet: orders at the first rate, not counted, until the hub's compiler threads are quiet (their CPU from
# /proc, the rest of the JVM's figures from its actuator as the DEV-ONLY admin user below; --jit-quiet=0.1,
# --start-warm-up-s=30, --start-warm-up-max-s=600).
# but --instances=N (default 1), which this script takes: N hub instances share the one PostgreSQL and Kafka. The first
# runs the embedded default as with one instance (PostgreSQL, the Kafka broker and the PSP/ERP/CRM simulators), the
# others join it on its database, broker and simulators; REST orders go to the instances in turn, the channel topics get
# 3 partitions per instance (3 intake consumers each).
# Environment: BENCH_HUB_PORT (default 18080; instance i listens on BENCH_HUB_PORT + 10*i, the first instance's
# simulators on BENCH_HUB_PORT + 1..3), BENCH_PSP_LATENCY (default PT0.1S), BENCH_HUB_JAVA_OPTS (per instance),
# BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

instances=1
generator_args=()
for arg in "$@"; do
  case "$arg" in
    --instances=*) instances="${arg#--instances=}" ;;
    *) generator_args+=("$arg") ;;
  esac
done
[[ "$instances" =~ ^[1-9]$ ]] || { echo "[bench] --instances must be 1 to 9, got $instances"; exit 2; }

port="${BENCH_HUB_PORT:-18080}"
psp_latency="${BENCH_PSP_LATENCY:-PT0.1S}"
java_opts="${BENCH_HUB_JAVA_OPTS:--Xms1g -Xmx2g}"

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "[bench] building the hub and the load generator"
  ./mvnw -q -DskipTests package
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/retail-hub-bench.XXXXXX")"
# a development run (--dev) on the embedded kit, as README command 1: the DEV-ONLY Basic user below needs it
kit=(-Dloader.path=app/embedded-kit/target/kit)
psp_port=$((port + 1)); crm_port=$((port + 2)); erp_port=$((port + 3))
# what every instance runs with
common_args=(--dev --hub.demo.enabled=false
          # the simulated store's RFID readers would add their reads to what is measured
          --hub.rfid.simulator.enabled=false
          # nothing but the benchmark changes stock: the island simulators' ERP goods receipts reach hub.stock through CDC
          --hub.islands.simulator-pause=0s
          # the generator stands for every shop and marketplace at once: one client's limit would throttle the test itself
          --hub.security.limits.per-client.capacity=20000 --hub.security.limits.per-client.refill=5000
          --hub.security.limits.per-ip.capacity=20000 --hub.security.limits.per-ip.refill=5000
          # 3 partitions per channel topic and instance: every intake consumer (3 per topic and instance) holds one
          --hub.kafka.topics.partitions=$((3 * instances)))
# the first instance: the embedded default (PostgreSQL, Kafka and the simulators in its JVM), as with one instance
hub_args=("${common_args[@]}" --hub.embedded.data-dir="$work/postgres" --hub.embedded.postgres-port=0
          --hub.payment.psp.simulator-port="$psp_port" --hub.crm.simulator-port="$crm_port" --hub.erp.simulator-port="$erp_port"
          --hub.payment.psp.simulator-latency="$psp_latency" --hub.payment.settlement.inbox="$work/settlements")
settings_note="java $java_opts ${kit[*]} -jar app/target/retail-hub.jar ${hub_args[*]}"

hubs=()
hub_urls=()
stop_hubs() {
  for ((i = ${#hubs[@]} - 1; i >= 0; i--)); do
    kill "${hubs[i]}" 2>/dev/null && wait "${hubs[i]}" 2>/dev/null || true
  done
  rm -rf "$work/postgres" "$work/simulators" "$work"/instance-*
}
trap stop_hubs EXIT

# starts instance $1 (0 = the first) with the arguments after it and waits until it answers
start_hub() {
  local n="$1" hub_port=$((port + 10 * $1)) hub_log="$work/hub-$1.log"
  shift
  echo "[bench] starting hub instance $n on :$hub_port (log: $hub_log)"
  # shellcheck disable=SC2086
  java $java_opts "${kit[@]}" -jar app/target/retail-hub.jar --server.port="$hub_port" "$@" >"$hub_log" 2>&1 &
  hubs+=($!)
  hub_urls+=("http://localhost:$hub_port")
  for _ in $(seq 1 600); do
    if curl -fs "http://localhost:$hub_port/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${hubs[-1]}" 2>/dev/null; then echo "[bench] hub instance $n did not start:"; tail -50 "$hub_log"; exit 1; fi
    sleep 1
  done
  echo "[bench] hub instance $n is not healthy after 600 s"; exit 1
}

start_hub 0 "${hub_args[@]}"
line="$(grep -a -m1 'Embedded PostgreSQL on port' "$work/hub-0.log")"
pg_port="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' <<<"$line")"
kafka="$(sed -n 's/.*and Kafka at \([^ ,]*\).*/\1/p' <<<"$line")"
echo "[bench] hub instance 0 up, PostgreSQL :$pg_port, Kafka $kafka"

# the other instances: the first one's PostgreSQL, broker and simulators (DEV-ONLY passwords of the embedded default)
for ((n = 1; n < instances; n++)); do
  joined=("${common_args[@]}" --hub.embedded.enabled=false
          --spring.datasource.url="jdbc:postgresql://localhost:$pg_port/retailhub?reWriteBatchedInserts=true"
          --spring.datasource.username=hub --spring.datasource.password=hub-dev-only --spring.kafka.bootstrap-servers="$kafka"
          --hub.cdc.username=retailhub_cdc --hub.cdc.password=hub-dev-only
          --hub.payment.psp.simulator=false --hub.payment.psp.base-url="http://localhost:$psp_port"
          --hub.crm.simulator=false --hub.crm.base-url="http://localhost:$crm_port"
          --hub.erp.simulator=false --hub.erp.base-url="http://localhost:$erp_port"
          --hub.migration.history.simulator=false --hub.simulators.state-dir="$work/instance-$n/simulators"
          # RFID readers stay with the first instance, whose embedded broker they use (the benchmark sends no reads;
          # with a broker of their own, instances share the readers under a leader lock: docs/rfid.md)
          --hub.rfid.intake.enabled=false
          --hub.payment.settlement.inbox="$work/instance-$n/settlements")
  for island in pos erp crm; do
    joined+=(--hub.islands.$island.url="jdbc:postgresql://localhost:$pg_port/legacy_$island"
             --hub.islands.$island.username="${island}_owner" --hub.islands.$island.password=hub-dev-only)
  done
  start_hub "$n" "${joined[@]}"
  settings_note="$settings_note; instance $n: ${joined[*]}"
done
export HUB_BENCH_SETTINGS="$settings_note"
hub_list="$(IFS=,; echo "${hub_urls[*]}")"
echo "[bench] $instances instance(s): $hub_list"

# the embedded default's DEV-ONLY channel account (docs/security.md); a Keycloak hub takes --api-auth="Bearer ..."
auth="Basic $(printf 'integration:integration-dev-only' | base64)"
# CPU per order: the hub JVMs' and the first instance's PostgreSQL's counters in /proc
hub_pids="$(IFS=,; echo "${hubs[*]}")"
java -Xmx1g -jar ops/target/retail-hub-bench.jar --hub="$hub_list" --kafka="$kafka" --api-auth="$auth" \
  --jdbc="jdbc:postgresql://localhost:$pg_port/retailhub" --hub-pids="$hub_pids" --pg-data-dir="$work/postgres" \
  --metrics-auth="Basic $(printf 'admin:admin-dev-only' | base64)" \
  --out=ops/bench/results "${generator_args[@]}"
