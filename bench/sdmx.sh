#!/usr/bin/env bash
# SDMX benchmark on PostgreSQL (issue 14, Performance): the full SDMX-CSV data message of one indicator
# over 2,978 counties x 10 years of generated approved figures (generator: SdmxBenchmarkMain, test
# sources; the NBS 2023 divisions shipped with the application) fetched over HTTP from the running
# platform, against a plain SQL select of the same rows, in the same run; medians and ratio printed
# (goal <= 3x and < 1 s). Heap capped at 256 MB so that a message held in memory would show.
#   bench/sdmx.sh           fresh database yardstick_bench_sdmx (about a minute to generate)
#   bench/sdmx.sh --reuse   keep the database from the last run, measure only
set -euo pipefail
cd "$(dirname "$0")/.."
db=yardstick_bench_sdmx
. bench/lib.sh
bench_database "$db" "$@"
bench_classpath
java -Xmx256m -cp "$classpath" -Dbench.url="jdbc:postgresql://localhost:5432/$db" \
  org.yardstick.sdmx.bench.SdmxBenchmarkMain | tee target/sdmx-bench.txt | tail -n 5
