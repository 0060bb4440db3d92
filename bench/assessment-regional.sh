#!/usr/bin/env bash
# The self-assessment's regional indicators at national scale on PostgreSQL: 500,000 generated submitted assessments
# (120 questions each, scored at generation) across every county of China; full recomputation against a plain SQL
# aggregate of the same scores (ratio printed), then 100 new submissions each followed by the incremental
# recomputation and the peer percentile (p50, p95). Prints `uptime` beside the figures (the machine is shared).
#   bench/assessment-regional.sh           fresh database yardstick_bench_asm (generation takes a few minutes)
#   bench/assessment-regional.sh --reuse   keep the database from the last run (its B… enterprises are then used up:
#                                          run fresh for the incremental figures)
#   BENCH_SKIP_FULL=1 …                    only the incremental path
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/asm.jfr,settings=profile" …   profile it (JFR)
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_bench_asm
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
uptime
java ${BENCH_JAVA_OPTS:-} -Xmx1500m -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.assessment.bench.RegionalIndicatorsBenchmarkMain | tee target/assessment-regional-bench.txt
uptime
