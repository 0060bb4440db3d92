#!/usr/bin/env bash
# Benchmark of the public API's paging on PostgreSQL (issue 14, decision 0083): one page of 100 figures of
# an indicator over 2,978 counties x 10 years, anonymous GET over HTTP, against a plain JDBC select of the
# same page in the same order, in the same run; best and median of 15, the ratio (goal <= 3). Uses the
# download benchmark's generated database (yardstick_dl_bench; generated data, never the demo).
#   bench/api-page.sh           fresh database (about 5 minutes to generate)
#   bench/api-page.sh --reuse   keep the database from the last run, measure only
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_dl_bench
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx512m -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.publish.bench.ApiPageBenchmarkMain | tee target/api-page-bench.txt | tail -n 6
