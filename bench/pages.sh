#!/usr/bin/env bash
# Bytes and time per main page on a county's throttled link (issue 15): headless Chromium with DevTools
# throttling at 1.6 Mbit/s down, 150 ms latency; each page visited first with an empty cache, then again.
# Two servers in one run over the same demo (H2 files under target/bench-pages):
#   before — compression and caching off, as shipped until then:
#            --server.compression.enabled=false --spring.web.resources.chain.enabled=false
#            --spring.web.resources.cache.cachecontrol.no-store=true
#   after  — the defaults (gzip, content-versioned URLs cached a year, ECharts only on chart pages)
# and prints both and the ratio. Needs Debian's chromium and chromium-driver.
#   bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_classpath
./mvnw -q -B -o package -DskipTests -Dspotbugs.skip=true
jar=target/yardstick.jar
dir=target/bench-pages; rm -rf "$dir"; mkdir -p "$dir"
start() { # name port extra-args...
  local name=$1 port=$2; shift 2
  java -Xmx512m -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:./$dir/$name;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE" \
    --yardstick.supervision.attachments-dir="./$dir/$name-attachments" "$@" > "$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}
stop() { kill "$(cat "$dir/before.pid")" "$(cat "$dir/after.pid")" 2>/dev/null || true; }
trap stop EXIT
start before 18081 --server.compression.enabled=false --spring.web.resources.chain.enabled=false \
  --spring.web.resources.cache.cachecontrol.no-store=true
start after 18082
for port in 18081 18082; do
  for _ in $(seq 1 180); do curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null && break; sleep 1; done
done
java -cp "$classpath" org.yardstick.browser.PagesBenchmarkMain http://localhost:18081 http://localhost:18082 \
  | tee target/pages-bench.txt
