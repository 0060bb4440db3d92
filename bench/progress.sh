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
  org.yardstick.progress.bench.ProgressBenchmarkMain | tee target/progress-bench.txt
