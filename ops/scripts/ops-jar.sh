#!/usr/bin/env bash
# Prints the path of the ops jar of this checkout (forecast command, replenishment simulation and benchmark), building
# it within the reactor first (no install) when it is missing or older than the domain's or ops' sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/ops/target/retail-hub-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/domain/src/main" "$root/ops/src/main" -newer "$jar" -print -quit)" ]; then
  echo "[ops] building the ops jar first" >&2
  (cd "$root" && ./mvnw -q -DskipTests -pl ops -am package) >&2
fi
echo "$jar"
