#!/usr/bin/env bash
# The map of 2,978 counties (issue 14 item 4) on PostgreSQL: MapBenchmarkMain (test sources) fills its own
# database, yardstick_bench_maps, with a generated province of 2,978 generated counties, ten years of
# approved figures and a generated boundary file (target/bench-map/boundaries), then prints p50/p95 of the
# map's data endpoint, its boundaries and the comparison page carrying the map, against a plain SQL select
# of the same rows, and the ratio. Goal: p95 < 500 ms.
#   bench/map.sh            fresh database
#   bench/map.sh --reuse    keep the database from the last run
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_bench_maps
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx1g -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.maps.bench.MapBenchmarkMain | tee target/map-bench.txt
