# Shared by the PostgreSQL benchmarks: start the local cluster, make sure the role exists, give the
# benchmark a fresh database unless --reuse, and build the test class path. Source it, then call
#   bench_database NAME "$@"     (drops and creates NAME unless the first argument is --reuse)
#   bench_classpath              (sets $classpath)
bench_database() {
  local db=$1; shift
  local version
  version=$(ls /etc/postgresql | sort -n | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
  as_postgres "psql -q -v ON_ERROR_STOP=1 -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'yardstick') then create role yardstick login password 'yardstick'; end if; end \\\$\\\$;\""
  if [ "${1:-}" != "--reuse" ]; then
    as_postgres "dropdb --if-exists $db && createdb -O yardstick -E UTF8 $db"
  fi
}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
bench_classpath() {
  ./mvnw -q -B test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
  classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}
