#!/usr/bin/env bash
# One year of synthetic demand for 50 articles × 5 stores, played with the hub's replenishment (forecast + reorder
# policy) and with the retailer's fixed reorder points and quantities on the same demand and lead times.
#   ops/scripts/replenishment-simulation.sh [--sweep] [--seed 20261201] [--articles 50] [--stores 5] [--threads N]
# --sweep also plays both at other service levels (the curve of fill rate against turnover; about four times as long).
# Writes ops/replenishment/results/simulation-<time>.json|.md|.png and prints the Markdown table. What the figures
# mean: docs/replenishment.md; the runs that decided something: ops/replenishment/RESULTS.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$("$root/ops/scripts/ops-jar.sh")"
exec java -cp "$jar" -Dloader.main=org.retailhub.ops.replenishment.ReplenishmentSimulation \
  org.springframework.boot.loader.launch.PropertiesLauncher --out "$root/ops/replenishment/results" "$@"
