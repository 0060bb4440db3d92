#!/usr/bin/env bash
# Benchmark of the import (issue 4, item 10): 1,000,000 generated long-form CSV rows imported into
# PostgreSQL through the application's import path (as the administrator, validation rules on),
# then, in the same run and into the same table after truncating it, the same rows loaded with
# PostgreSQL's COPY; prints rows/s of both and the ratio. Uses its own fresh database
# yardstick_bench on the local cluster. Arguments: [rows] [seed] (default 1000000 42).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -q -v ON_ERROR_STOP=1 -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'yardstick') then create role yardstick login password 'yardstick'; end if; end \\\$\\\$;\""
as_postgres "dropdb --if-exists yardstick_bench && createdb -O yardstick -E UTF8 yardstick_bench"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/yardstick_bench \
SPRING_DATASOURCE_USERNAME=yardstick SPRING_DATASOURCE_PASSWORD=yardstick \
  java -Xmx6g -cp "$classpath" org.yardstick.observation.imports.bench.ImportBench "$@" | tee target/import-bench.txt
