#!/usr/bin/env bash
# One outside party's simulator as a process of its own, built from this repository (module ops/simulators):
#   ops/scripts/simulator.sh psp            --port 8091 --state-dir .hub-data/sim/psp \
#                                           --webhook-url http://localhost:8080/api/payments/webhooks/simpsp
#   ops/scripts/simulator.sh crm-gift-cards --port 8092 --state-dir .hub-data/sim/crm-gift-cards
#   ops/scripts/simulator.sh erp            --port 8093 --state-dir .hub-data/sim/erp
#   ops/scripts/simulator.sh crm-customers  --port 8094 --database jdbc:postgresql://localhost:5433/legacy_crm
# It keeps its state in --state-dir (the CRM customer API: in the CRM's database) across restarts, also after kill -9,
# prints "simulator <party> listening on http://127.0.0.1:<port>" once it answers, and stops on SIGTERM (Ctrl-C).
# The hub then calls it with hub.<party>.simulator=false and hub.<party>.base-url=<that address> (docs/configuration.md).
# The process is the JVM itself (exec), so its PID is the simulator's. Every option: docs/configuration.md, "Simulators".
# SIMULATOR_SKIP_BUILD=1 runs the jar as built, without checking the sources for changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(ls ops/simulators/target/simulators-*-exec.jar 2>/dev/null | head -n 1 || true)
if [ "${SIMULATOR_SKIP_BUILD:-0}" != "1" ]; then
  if [ -z "$jar" ] || [ -n "$(find ops/simulators/src ops/simulators/pom.xml domain/src domain/pom.xml pom.xml -newer "$jar" -print -quit)" ]; then
    echo "[simulator] building the simulators (./mvnw -pl ops/simulators -am package)" >&2
    ./mvnw -q -B -ntp -pl ops/simulators -am package -DskipTests >&2
    jar=$(ls ops/simulators/target/simulators-*-exec.jar | head -n 1)
  fi
fi
if [ -z "$jar" ]; then
  echo "[simulator] no ops/simulators/target/simulators-*-exec.jar: run without SIMULATOR_SKIP_BUILD=1 once" >&2
  exit 1
fi
exec java ${SIMULATOR_JAVA_OPTS:--Xmx256m} -jar "$jar" "$@"
