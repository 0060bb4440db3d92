#!/usr/bin/env bash
# Disclosure control of a county table over 500,000 generated assessments against the plain aggregate of the
# same scores, in the same run; prints both and their ratio. JMH, one fork, one core.
# Extra arguments go to JMH, e.g. `bench/assessment-disclosure.sh -wi 1 -i 2` for a quicker run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
"${pin[@]}" java -cp "$classpath" org.yardstick.assessment.bench.DisclosureBenchmarkMain "$@" \
  | tee target/assessment-disclosure-bench.txt | tail -n 7
uptime
