#!/usr/bin/env bash
# A plain PostgreSQL 15 primary and a streaming replica on loopback, the replica replaying WAL a chosen delay behind
# (recovery_min_apply_delay): the cheapest honest way to show what a lagging replica does to reads. No failover here
# (scripts/cluster.sh has that); this pair is for the read-your-writes and replica-return tests.
#   scripts/replica-pair.sh up [DELAY]     # primary :BASE, replica :BASE+1, replaying DELAY behind (default 5s); prints URLs
#   scripts/replica-pair.sh stop-replica   # fast shutdown of the replica (a standby that went away)
#   scripts/replica-pair.sh start-replica  # start it again (it reconnects and catches up)
#   scripts/replica-pair.sh down           # stop both and delete the data
# Environment: XZ_PAIR_DIR (default /tmp/xz-replica-pair-$BASE), XZ_PAIR_PORT (BASE, default 55510).
# initdb refuses root: as root the script runs the PostgreSQL tools as `postgres`.
set -euo pipefail
BASE=${XZ_PAIR_PORT:-55510}
DIR=${XZ_PAIR_DIR:-/tmp/xz-replica-pair-$BASE}
P=$BASE; R=$((BASE + 1))
PGBIN=/usr/lib/postgresql/15/bin
export PATH="$PGBIN:$PATH"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env PATH="$PATH" "$@"; else "$@"; fi; }
die() { echo "replica-pair: $*" >&2; exit 1; }
wait_ready() { for _ in $(seq 1 "$2"); do pg_isready -q -h 127.0.0.1 -p "$1" && return 0; sleep 0.5; done; die "port $1 did not come up (see $DIR/*.log)"; }

up() {
  local delay=${1:-5s}
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL 15 server binaries missing ($PGBIN)"
  mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  if [ ! -f "$DIR/primary/PG_VERSION" ]; then
    as_pg initdb -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || die "initdb failed (see $DIR/initdb.log)"
    cat >>"$DIR/primary/postgresql.conf" <<CONF
port = $P
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
shared_buffers = 32MB
fsync = off
CONF
    echo "host replication postgres 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
  fi
  as_pg pg_ctl -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null 2>&1 || pg_isready -q -h 127.0.0.1 -p "$P" || die "primary did not start (see $DIR/primary.log)"
  wait_ready "$P" 60
  if [ ! -f "$DIR/replica/PG_VERSION" ]; then
    as_pg pg_basebackup -h 127.0.0.1 -p "$P" -U postgres -D "$DIR/replica" -R -X stream >>"$DIR/basebackup.log" 2>&1 || die "pg_basebackup failed"
    cat >>"$DIR/replica/postgresql.conf" <<CONF
port = $R
hot_standby = on
hot_standby_feedback = on
CONF
  fi
  # the delay is set on every start, so a test can choose it
  sed -i '/^recovery_min_apply_delay/d' "$DIR/replica/postgresql.conf"
  echo "recovery_min_apply_delay = '$delay'" >>"$DIR/replica/postgresql.conf"
  start_replica
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$P/postgres"
  echo "DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$R/postgres"
}

start_replica() {
  pg_isready -q -h 127.0.0.1 -p "$R" && return 0
  as_pg pg_ctl -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null 2>&1 || true
  wait_ready "$R" 60
}

down() {
  for n in replica primary; do [ -f "$DIR/$n/postmaster.pid" ] && as_pg pg_ctl -D "$DIR/$n" -m immediate stop >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
}

case "${1:-}" in
  up) up "${2:-5s}" ;;
  down) down ;;
  stop-replica) as_pg pg_ctl -D "$DIR/replica" -m fast -w stop >/dev/null ;;
  start-replica) start_replica ;;
  *) die "usage: scripts/replica-pair.sh up [DELAY]|down|stop-replica|start-replica" ;;
esac
