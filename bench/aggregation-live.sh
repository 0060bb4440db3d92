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
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -q -v ON_ERROR_STOP=1 -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'yardstick') then create role yardstick login password 'yardstick'; end if; end \\\$\\\$;\""
if [ "${1:-}" != "--reuse" ]; then
  as_postgres "dropdb --if-exists $db && createdb -O yardstick -E UTF8 $db"
fi
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx1g -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.aggregation.bench.AggregationLiveBenchmarkMain | tee target/aggregation-live-bench.txt
