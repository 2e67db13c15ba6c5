#!/usr/bin/env bash
# Runs one SQL query over the data lake with embedded DuckDB (the engine the hub writes it with; no DuckDB CLI needed)
# and prints tab-separated rows. Run from the repository's root, where the embedded default keeps .hub-data/lake:
#   ops/scripts/lake-query.sh "select type, date, count(*) from read_parquet('.hub-data/lake/type=*/date=*/*.parquet',
#                      hive_partitioning = true, union_by_name = true) group by all order by all"
# DuckDB's JDBC jar is the one the build uses (Maven's local repository; fetched there once if missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$root/pom.xml")"
jar="${HOME}/.m2/repository/org/duckdb/duckdb_jdbc/${version}/duckdb_jdbc-${version}.jar"
if [[ ! -f "$jar" ]]; then
  "$root/mvnw" -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:${version}" >&2
fi
exec java -cp "$jar" "$root/ops/lake/LakeQuery.java" "$@"
