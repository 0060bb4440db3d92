#!/usr/bin/env bash
# A Yardstick cluster on one machine, loopback only (issue 17):
#   PostgreSQL 15 primary  — new Debian cluster 15/ys-primary on 127.0.0.1:5442
#   one streaming replica  — 15/ys-replica on 127.0.0.1:5443 (pg_basebackup -R -C -S ys_replica)
#   three instances of target/yardstick.jar on 127.0.0.1:18081..18083 (YARDSTICK_REPLICA_URL set)
#   HAProxy on 127.0.0.1:18080, health checks on /actuator/health/readiness (stats/admin socket in cluster-run/)
# The main 5432 cluster is never touched. State and logs under ./cluster-run/ (gitignored); `down` stops and drops
# only what `up` recorded there. `up` is idempotent: what already runs is left running.
#   scripts/cluster.sh up | down | status
#   scripts/cluster.sh kill-app N | start-app N | restart-replica | ready N   (used by bench/cluster-soak.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run=$root/cluster-run
version=15
primary_port=5442
replica_port=5443
lb_port=18080
app_ports=(18081 18082 18083)
jar=$root/target/yardstick.jar
db=yardstick
db_user=yardstick
db_password=yardstick-cluster
repl_password=replicator-cluster

log() { printf '[cluster] %s\n' "$*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
psql_primary() { as_postgres "psql -q -X -v ON_ERROR_STOP=1 -p $primary_port -d ${2:-postgres} -Atc \"$1\""; }
cluster_exists() { pg_lsclusters -h 2>/dev/null | awk -v n="$1" '$2 == n {found = 1} END {exit !found}'; }
cluster_online() { pg_lsclusters -h 2>/dev/null | awk -v n="$1" '$2 == n && $4 ~ /^online/ {found = 1} END {exit !found}'; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
ready() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }
wait_for() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  log "timed out waiting for $what"; return 1
}

loopback_only() { # a cluster's settings of ours, in its conf.d (Debian includes it)
  printf "listen_addresses = '127.0.0.1'\nhot_standby = on\nwal_keep_size = '256MB'\nmax_connections = 200\n" \
    | as_root tee "/etc/postgresql/$version/$1/conf.d/yardstick-cluster.conf" >/dev/null
}

create_cluster() { # name port: a new Debian cluster, recorded for `down`
  log "creating PostgreSQL cluster $version/$1 on 127.0.0.1:$2"
  as_root rm -rf "/etc/postgresql/$version/$1"  # a leftover of an interrupted run (no such cluster exists)
  as_root pg_createcluster "$version" "$1" -p "$2" --start-conf manual >/dev/null
  loopback_only "$1"
  echo "$1" >> "$run/clusters"
}

start_cluster() { # name port
  cluster_online "$1" || as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$1" start
  wait_for 30 "$version/$1" pg_isready -q -h 127.0.0.1 -p "$2"
}

up_primary() {
  cluster_exists ys-primary || create_cluster ys-primary "$primary_port"
  start_cluster ys-primary "$primary_port"
  psql_primary "do \\\$\\\$ begin
      if not exists (select from pg_roles where rolname = '$db_user') then create role $db_user login password '$db_password'; end if;
      if not exists (select from pg_roles where rolname = 'replicator') then create role replicator replication login password '$repl_password'; end if;
    end \\\$\\\$;"
  if [ "$(psql_primary "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
    as_postgres "createdb -p $primary_port -O $db_user -E UTF8 $db"
  fi
}

up_replica() {
  if ! cluster_exists ys-replica; then
    create_cluster ys-replica "$replica_port"
    # its data directory replaced by a base backup of the primary: -R writes standby.signal and primary_conninfo,
    # -C -S creates the replication slot that keeps WAL until the standby has it
    local data=/var/lib/postgresql/$version/ys-replica
    as_postgres "rm -rf $data && PGPASSWORD=$repl_password pg_basebackup -h 127.0.0.1 -p $primary_port -U replicator \
      -D $data -R -X stream -C -S ys_replica"
  fi
  start_cluster ys-replica "$replica_port"
}

start_app() { # N (1..3)
  local n=$1 port=${app_ports[$(($1 - 1))]}
  if alive "$run/app$n.pid"; then return 0; fi
  log "starting instance $n on 127.0.0.1:$port"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$primary_port/$db" \
  SPRING_DATASOURCE_USERNAME=$db_user SPRING_DATASOURCE_PASSWORD=$db_password \
  YARDSTICK_REPLICA_URL="jdbc:postgresql://127.0.0.1:$replica_port/$db" \
  YARDSTICK_ADMIN_INITIAL_PASSWORD=Panel-7#qTz-Analyse-2026 \
    nohup java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
      --yardstick.supervision.attachments-dir="$run/attachments-$n" >> "$run/app$n.log" 2>&1 &
  echo $! > "$run/app$n.pid"
}

kill_app() { # N: kill -9, as a crash would
  if alive "$run/app$1.pid"; then kill -9 "$(cat "$run/app$1.pid")"; fi
  rm -f "$run/app$1.pid"
}

haproxy_cfg() {
  cat <<EOF
global
    daemon
    maxconn 512
    stats socket $run/haproxy.sock mode 600 level admin
    pidfile $run/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    log /dev/null local0
frontend yardstick
    bind 127.0.0.1:$lb_port
    default_backend app
backend app
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 check
    server app1 127.0.0.1:${app_ports[0]}
    server app2 127.0.0.1:${app_ports[1]}
    server app3 127.0.0.1:${app_ports[2]}
EOF
}

up_haproxy() {
  if ! command -v haproxy >/dev/null; then
    log "installing haproxy (Debian package)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq haproxy >/dev/null
  fi
  if alive "$run/haproxy.pid"; then return 0; fi
  haproxy_cfg > "$run/haproxy.cfg"
  haproxy -c -q -f "$run/haproxy.cfg"
  haproxy -f "$run/haproxy.cfg"
  log "HAProxy on http://127.0.0.1:$lb_port"
}

up() {
  mkdir -p "$run"
  [ -f "$jar" ] || { log "building $jar"; ./mvnw -q -B -ntp package -DskipTests; }
  up_primary
  up_replica
  # the first instance alone migrates the schema and loads the demo; then the two others
  start_app 1
  wait_for 240 "instance 1" ready "${app_ports[0]}"
  start_app 2
  start_app 3
  wait_for 240 "instance 2" ready "${app_ports[1]}"
  wait_for 240 "instance 3" ready "${app_ports[2]}"
  up_haproxy
  wait_for 30 "HAProxy" ready "$lb_port"
  status
}

down() {
  [ -d "$run" ] || { log "nothing recorded in $run"; return 0; }
  if alive "$run/haproxy.pid"; then kill "$(cat "$run/haproxy.pid")"; fi
  rm -f "$run/haproxy.pid"
  for n in 1 2 3; do
    if alive "$run/app$n.pid"; then kill "$(cat "$run/app$n.pid")" 2>/dev/null || true; fi
  done
  for n in 1 2 3; do
    for _ in $(seq 1 20); do alive "$run/app$n.pid" || break; sleep 0.5; done
    kill_app "$n"
  done
  if [ -f "$run/clusters" ]; then
    # the replica first (its slot lives on the primary, dropped with it)
    for c in $(sort -r -u "$run/clusters"); do
      if cluster_exists "$c"; then log "dropping PostgreSQL cluster $version/$c"; as_root pg_dropcluster --stop "$version" "$c"; fi
      as_root rm -rf "/etc/postgresql/$version/$c"  # what pg_dropcluster leaves: our conf.d file
    done
    rm -f "$run/clusters"
  fi
}

status() {
  local rc=0
  for c in ys-primary ys-replica; do
    if cluster_online "$c"; then echo "postgresql $version/$c: online"; else echo "postgresql $version/$c: down"; rc=1; fi
  done
  if cluster_online ys-primary; then
    echo "replication: $(psql_primary "select coalesce(string_agg(application_name || ' ' || state || ' replay ' || replay_lsn, ', '), 'no standby') from pg_stat_replication")"
  fi
  for n in 1 2 3; do
    local port=${app_ports[$((n - 1))]}
    if ready "$port"; then echo "instance $n (127.0.0.1:$port): ready"; else echo "instance $n (127.0.0.1:$port): not ready"; rc=1; fi
  done
  if alive "$run/haproxy.pid" && ready "$lb_port"; then echo "haproxy (127.0.0.1:$lb_port): ready"; else echo "haproxy: down"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill-app) kill_app "$2" ;;
  start-app) start_app "$2" ;;
  ready) ready "${app_ports[$(($2 - 1))]}" ;;
  restart-replica) as_root pg_ctlcluster --skip-systemctl-redirect "$version" ys-replica restart -m fast ;;
  *) echo "usage: $0 up|down|status|kill-app N|start-app N|ready N|restart-replica" >&2; exit 2 ;;
esac
