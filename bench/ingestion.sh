#!/usr/bin/env bash
# Recall and precision of plan ingestion on the five seeds (gold: src/test/resources/ingestion/gold,
# made from the demo framework files by bench/ingestion-gold.py), per document and overall, and the
# time per 100 kB of text; apart, the plans of other provinces written for the tests (ingestion/own, the two of
# wave 4 on lines of their own). `bench/ingestion.sh -v` lists every missed and every wrong figure.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.yardstick.ingestion.bench.IngestionBench "$@"
