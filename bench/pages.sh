#!/usr/bin/env bash
# Bytes and time per main page on a county's throttled link (issue 15): headless Chromium with DevTools
# throttling at 1.6 Mbit/s down, 150 ms latency; each page visited first with an empty cache, then again.
# Two servers in one run over the same demo (H2 files under target/bench-pages):
#   before — without an argument: this build with compression and caching off, as shipped until wave 3:
#              --server.compression.enabled=false --spring.web.resources.chain.enabled=false
#              --spring.web.resources.cache.cachecontrol.no-store=true
#            with a commit as argument: that commit's build (git archive, built under target/bench-pages-base)
#            with its defaults, e.g. the commit before ECharts' smaller build and the map loaded on scroll
#   after  — this build with its defaults (gzip, content-versioned URLs cached a year, ECharts after the
#            first paint and only on chart pages, its common build unless a map or band needs the full one)
# and prints both, "usable" (DOMContentLoaded) and "all" (last file in), and the ratios.
# Needs Debian's chromium and chromium-driver.
#   bench/pages.sh              # compression and caching off → on
#   bench/pages.sh d9d7184      # wave 4's base commit → this build
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_classpath
./mvnw -q -B -o package -DskipTests -Dspotbugs.skip=true
jar=target/yardstick.jar
base_jar=$jar
if [ -n "${1:-}" ]; then
  src=target/bench-pages-base; commit=$(git rev-parse "$1")
  if [ "$(cat "$src/.commit" 2>/dev/null)" != "$commit" ] || [ ! -f "$src/target/yardstick.jar" ]; then
    rm -rf "$src"; mkdir -p "$src"
    git archive "$commit" | tar -x -C "$src"
    (cd "$src" && ./mvnw -q -B -o package -DskipTests -Dspotbugs.skip=true -Djacoco.skip=true)
    echo "$commit" > "$src/.commit"
  fi
  base_jar=$src/target/yardstick.jar
fi
dir=target/bench-pages; rm -rf "$dir"; mkdir -p "$dir"
# the servers run copies: a build in the work tree during the run cannot pull the jar from under them
cp "$base_jar" "$dir/before.jar"; cp "$jar" "$dir/after.jar"
base_jar=$dir/before.jar; jar=$dir/after.jar
start() { # name port jar extra-args...
  local name=$1 port=$2 jarfile=$3; shift 3
  java -Xmx512m -jar "$jarfile" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:./$dir/$name;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE" \
    --yardstick.supervision.attachments-dir="./$dir/$name-attachments" "$@" > "$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}
stop() { kill "$(cat "$dir/before.pid")" "$(cat "$dir/after.pid")" 2>/dev/null || true; }
trap stop EXIT
if [ -n "${1:-}" ]; then
  start before 18081 "$base_jar"
else
  start before 18081 "$jar" --server.compression.enabled=false --spring.web.resources.chain.enabled=false \
    --spring.web.resources.cache.cachecontrol.no-store=true
fi
start after 18082 "$jar"
for port in 18081 18082; do
  for _ in $(seq 1 180); do curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null && break; sleep 1; done
done
java -cp "$classpath" org.yardstick.browser.PagesBenchmarkMain http://localhost:18081 http://localhost:18082 \
  | tee target/pages-bench.txt
