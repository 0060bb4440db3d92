#!/usr/bin/env bash
# Benchmark of the official divisions import on PostgreSQL: the 620,573 villages through the application's
# import (the service the page, the API and the command use) against COPY of the same rows into the same
# table, ratio printed (goal >= 0.3); then the region page of a county's townships and of the largest
# townships' villages, p95 over 200 requests with the villages loaded (goal < 200 ms).
#   bench/divisions.sh [DIR]            DIR holds provinces.csv … villages.csv.gz
#                                       (default ../shared/reference/china-divisions, read at bench time only)
#   bench/divisions.sh [DIR] --reuse    keep the database of the last run
#   BENCH_PAGES_ONLY=true bench/divisions.sh --reuse   only the page timings, on the villages loaded last time
set -euo pipefail
cd "$(dirname "$0")/.."
dir=../shared/reference/china-divisions
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then dir=$1; shift; fi
dir=$(cd "$dir" && pwd)
db=yardstick_bench_divisions
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx1g -cp "$classpath" -Dbench.pagesOnly="${BENCH_PAGES_ONLY:-false}" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.region.bench.DivisionsBenchmarkMain "$dir" | tee target/divisions-bench.txt
