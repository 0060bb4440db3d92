#!/usr/bin/env bash
# Memory of the import readers against file size (issue item 3): generates CSV files of 1, 16, 64 and
# 240 MB and Excel templates of 12,000 to 192,000 rows on disk, reads each with the import's streaming
# readers on the CI heap (-Xmx1g), and prints the heap held per size with its ratio to the smallest;
# then a workbook whose shared-strings part inflates to 600 MB, which must be refused without an
# OutOfMemoryError. No database needed. Output also in target/import-memory.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx1g -cp "$classpath" org.yardstick.observation.imports.bench.ImportMemoryBench "$@" | tee target/import-memory.txt
