#!/usr/bin/env bash
# Benchmark of the aggregation core at national scale (1 country, 31 provinces, 340 prefectures,
# 2,978 counties, 95 % reporting): SUM, RATIO_OF_SUMS, SUM of 200 indicators, and the formula
# A / B * 100 over every region, each against a plain GROUP-BY-over-the-path baseline; JMH, one
# fork, one core. Prints engine time, baseline time and engine/baseline for each case.
# Extra arguments go to JMH, e.g. `bench/aggregation.sh -wi 2 -i 3` for a quicker run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# one core: the forked JVM inherits the affinity (taskset is in util-linux; without it, all cores)
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
"${pin[@]}" java -cp "$classpath" org.yardstick.aggregation.bench.AggregationBenchmarkMain "$@" | tee target/aggregation-bench.txt | tail -n 8
