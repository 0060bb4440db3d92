#!/usr/bin/env bash
# Benchmark of live aggregation on PostgreSQL at national scale: the progress benchmark's seeded
# generator (BenchData, test sources) fills its own database, yardstick_bench_agg, with the official
# divisions of China and 3,000 regions × 200 indicators × 10 years = 6 million approved observations
# (COPY); then, in one run, times Aggregates.recomputeAll() against plain SQL computing the same means
# level by level, and the approval of 20 counties' submissions (20 figures each, aggregation included).
#   bench/aggregation-live.sh           fresh database (about 5 minutes to generate)
#   bench/aggregation-live.sh --reuse   keep the database from the last run, measure only
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_bench_agg
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx1g -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.aggregation.bench.AggregationLiveBenchmarkMain | tee target/aggregation-live-bench.txt
