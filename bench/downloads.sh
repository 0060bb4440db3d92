#!/usr/bin/env bash
# Benchmark of the public downloads on PostgreSQL (issue 14): the CSV download of one indicator over
# 2,978 counties x 10 years (the progress benchmark's seeded generator fills its own database,
# yardstick_dl_bench; generated data, never the demo) through the code behind
# /indicators/{code}/download?level=COUNTY&format=csv, against a plain JDBC select of the same rows in
# the same run; best of 7 each, the ratio (goal <= 3 and < 1 s), and the heap's peak while writing.
# Then one page of the public API (decision 0083): /api/v1/indicators/{code}/observations?level=county
# &page=150&size=100 over HTTP against a plain JDBC select of the same page; best and median of 15, ratio
# (goal <= 3).
#   bench/downloads.sh           fresh database (about 5 minutes to generate)
#   bench/downloads.sh --reuse   keep the database from the last run, measure only
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_dl_bench
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx512m -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.publish.bench.DownloadBenchmarkMain | tee target/downloads-bench.txt
java -Xmx512m -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.publish.bench.ApiPageBenchmarkMain | tee target/api-page-bench.txt | tail -n 6
