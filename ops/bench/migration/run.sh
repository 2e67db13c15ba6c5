#!/usr/bin/env bash
# Data migration benchmark: 1,000,000 legacy rows (100,000 loyalty accounts, 900,000 sale lines, defects planted)
# migrated masked and validated by the hub's own batch, on a PostgreSQL of its own; writes
# ops/bench/results/migration-<time>.md|.json. docs/data-migration.md, "Speed".
#   ops/bench/migration/run.sh [--accounts=100000] [--sales=900000] [--chunk=5000] [--partitions=2]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
jar="$root/ops/target/retail-hub-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/domain/src/main" "$root/legacy-adapters/src/main" "$root/ops/src/main" -newer "$jar" -print -quit)" ]; then
  echo "[migration-bench] building the ops jar first" >&2
  (cd "$root" && ./mvnw -q -DskipTests -pl ops -am package) >&2
fi
cd "$root"
exec java -Xmx2g -cp "$jar" -Dloader.main=org.retailhub.ops.migration.MigrationBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
