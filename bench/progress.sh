#!/usr/bin/env bash
# Benchmark of the progress pages at national scale (issue 5): a seeded generator (test sources,
# never the demo) fills a PostgreSQL database, yardstick_bench_progress, with the official divisions
# of China and 3,000 regions × 200 indicators × 10 years = 6 million approved observations (COPY),
# and a plan with targets of every kind; then, in one run, times the plan overview and the region
# comparison (p50/p95 over 100 requests, whole HTTP page and in-process assembly), one approval
# followed by the recomputation of every status, and plain SQL aggregates over the same rows.
#   bench/progress.sh           fresh database (about 5 minutes to generate)
#   bench/progress.sh --reuse   keep the database from the last run, measure only
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_bench_progress
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx1g -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.progress.bench.ProgressBenchmarkMain | tee target/progress-bench.txt
