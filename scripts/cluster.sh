#!/usr/bin/env bash
# A city on several clusters, on loopback: a pg_auto_failover monitor and two PostgreSQL 15 nodes (a primary and a
# synchronous streaming standby) that fail over automatically. One command each:
#   scripts/cluster.sh up            # create (first time) and start monitor + node1 + node2; prints the URLs
#   scripts/cluster.sh status        # which node is primary, replication state (pg_autoctl show state)
#   scripts/cluster.sh url           # the multi-host DATABASE_URL (target_session_attrs=read-write)
#   scripts/cluster.sh kill-primary  # SIGKILL the primary node (its pg_autoctl keeper and its postmaster)
#   scripts/cluster.sh down          # stop everything and delete the data
# Environment: XZ_CLUSTER_DIR (default /tmp/xz-scale-cluster), XZ_CLUSTER_PORT (base port, default 55400: monitor
# +1, nodes +2 and +3). pg_autoctl and initdb refuse to run as root: as root the script runs them as `postgres`.
# Needs the Debian package postgresql-15-auto-failover (installed on demand when running as root).
set -euo pipefail
DIR=${XZ_CLUSTER_DIR:-/tmp/xz-scale-cluster}
BASE=${XZ_CLUSTER_PORT:-55400}
MON_PORT=$((BASE + 1)); P1=$((BASE + 2)); P2=$((BASE + 3))
DB=xiezhi
PGBIN=/usr/lib/postgresql/15/bin
export PATH="$PGBIN:$PATH"
MONITOR_URI="postgres://autoctl_node@127.0.0.1:${MON_PORT}/pg_auto_failover?sslmode=disable"

as_pg() { # run as the postgres OS user when we are root (initdb refuses root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env PATH="$PATH" "$@"; else "$@"; fi
}
die() { echo "cluster: $*" >&2; exit 1; }

ensure_packages() {
  command -v pg_autoctl >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || die "pg_autoctl missing: apt-get install postgresql-15-auto-failover"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-auto-failover >/dev/null) ||
    die "could not install postgresql-15-auto-failover"
}

start_node() { # name: runs `pg_autoctl run` detached in its own session (so kill-primary can kill the whole group)
  local name=$1
  local pid; pid=$(keeper_pid "$name" || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then return 0; fi
  as_pg setsid pg_autoctl run --pgdata "$DIR/$name" >>"$DIR/$name.log" 2>&1 < /dev/null &
}

keeper_pid() { # the `pg_autoctl run` leader of a node: it, its PostgreSQL and the backends share its process group
  local f="${XDG_RUNTIME_DIR:-/tmp}/pg_autoctl$DIR/$1/pg_autoctl.pid"
  [ -f "$f" ] && head -1 "$f"
}

wait_ready() { # port, seconds
  for _ in $(seq 1 "$2"); do pg_isready -q -h 127.0.0.1 -p "$1" && return 0; sleep 1; done
  die "PostgreSQL on port $1 did not come up (see $DIR/*.log)"
}

wait_state() { # seconds: until one primary and one secondary are reported
  for _ in $(seq 1 "$1"); do
    local s; s=$(as_pg pg_autoctl show state --pgdata "$DIR/monitor" 2>/dev/null || true)
    if echo "$s" | grep -q '| *primary *| *primary' && echo "$s" | grep -q '| *secondary *| *secondary'; then return 0; fi
    sleep 1
  done
  as_pg pg_autoctl show state --pgdata "$DIR/monitor" >&2 || true
  die "the nodes did not reach primary/secondary"
}

create_node() { # name port
  as_pg pg_autoctl create postgres --pgdata "$DIR/$1" --pgport "$2" --hostname 127.0.0.1 --name "$1" \
    --dbname "$DB" --monitor "$MONITOR_URI" --auth trust --no-ssl --pgctl "$PGBIN/pg_ctl" >>"$DIR/$1.log" 2>&1 ||
    die "create $1 failed (see $DIR/$1.log)"
}

url() { echo "postgres://postgres@127.0.0.1:${P1},127.0.0.1:${P2}/${DB}?target_session_attrs=read-write"; }
replica_url() { echo "postgres://postgres@127.0.0.1:${P1},127.0.0.1:${P2}/${DB}?target_session_attrs=prefer-standby"; }

up() {
  ensure_packages
  mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  if [ ! -f "$DIR/monitor/PG_VERSION" ]; then
    as_pg pg_autoctl create monitor --pgdata "$DIR/monitor" --pgport "$MON_PORT" --hostname 127.0.0.1 --auth trust \
      --no-ssl --pgctl "$PGBIN/pg_ctl" >>"$DIR/monitor.log" 2>&1 || die "create monitor failed (see $DIR/monitor.log)"
    # Fail over in seconds, not the defaults' ~50 s: a health check every second, a node unhealthy after 3 s, and
    # the standby promoted 3 s after the primary stopped answering (primary_demote_timeout guards against two
    # primaries: a primary that lost the monitor and its standby demotes itself within its own partition timeout).
    cat >>"$DIR/monitor/postgresql.auto.conf" <<'EOF'
pgautofailover.health_check_period = 1000
pgautofailover.health_check_timeout = 1000
pgautofailover.health_check_max_retries = 1
pgautofailover.health_check_retry_delay = 500
pgautofailover.node_considered_unhealthy_timeout = 3000
pgautofailover.primary_demote_timeout = 3000
EOF
  fi
  start_node monitor; wait_ready "$MON_PORT" 30
  [ -f "$DIR/node1/PG_VERSION" ] || create_node node1 "$P1"
  start_node node1; wait_ready "$P1" 60
  [ -f "$DIR/node2/PG_VERSION" ] || create_node node2 "$P2"
  start_node node2
  wait_state 120
  echo "DATABASE_URL=$(url)"
  echo "DATABASE_REPLICA_URL=$(replica_url)"
}

primary_port() {
  for p in "$P1" "$P2"; do
    if [ "$(psql -XAtq -h 127.0.0.1 -p "$p" -U postgres -d "$DB" -c 'select pg_is_in_recovery()' 2>/dev/null)" = f ]; then echo "$p"; return 0; fi
  done
  return 1
}

kill_primary() {
  local p; p=$(primary_port) || die "no primary is answering"
  local name=node1; [ "$p" = "$P2" ] && name=node2
  local keeper; keeper=$(keeper_pid "$name") || die "no pid file for $name"
  # the whole process group at once: the keeper (which would otherwise restart PostgreSQL), the postmaster and its
  # backends — what a machine losing power looks like to the others
  kill -KILL -- "-$keeper"
  echo "killed $name (port $p)"
}

down() {
  for n in node2 node1 monitor; do
    local pid; pid=$(keeper_pid "$n" || true)
    [ -n "$pid" ] && { kill -TERM -- "-$pid" 2>/dev/null || true; }
  done
  for n in node2 node1 monitor; do
    [ -f "$DIR/$n/postmaster.pid" ] && as_pg pg_ctl -D "$DIR/$n" -m immediate stop >/dev/null 2>&1 || true
  done
  sleep 1
  rm -rf "$DIR" "${XDG_RUNTIME_DIR:-/tmp}/pg_autoctl$DIR"
  if [ "$(id -u)" = 0 ]; then rm -rf ~postgres/.config/pg_autoctl"$DIR" ~postgres/.local/share/pg_autoctl"$DIR"; else rm -rf ~/.config/pg_autoctl"$DIR" ~/.local/share/pg_autoctl"$DIR"; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) as_pg pg_autoctl show state --pgdata "$DIR/monitor" ;;
  url) url ;;
  replica-url) replica_url ;;
  primary-port) primary_port ;;
  kill-primary) kill_primary ;;
  restart-node) start_node "${2:?node name}" ;;
  *) die "usage: scripts/cluster.sh up|down|status|url|replica-url|primary-port|kill-primary|restart-node NAME" ;;
esac
