#!/usr/bin/env bash
# Benchmark of the index engine's full pipeline (impute, treat, normalise, aggregate, rank) over
# 3,000 units × 60 indicators × 20 periods against a boxed-map baseline and a bare-loop floor (one
# min-max pass and one write per value); prints both ratios. JMH, one fork, one core.
# Extra arguments go to JMH, e.g. `bench/index-engine.sh -wi 1 -i 3` for a quicker run.
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
"${pin[@]}" java -cp "$classpath" org.yardstick.index.bench.IndexBenchmarkMain "$@" | tee target/index-engine-bench.txt | tail -n 40
