#!/usr/bin/env bash
# Backup and point-in-time recovery, tested once end to end on a throwaway PostgreSQL 15 cluster (docs/SCALING.md):
# WAL archived to a directory, a base backup with pg_basebackup, rows written before and after a chosen instant, then
# a restore from the base backup + archive to that instant: the rows before it are back, the rows after it are not.
#   scripts/pitr-check.sh        # prints one JSON line; exit 0 when recovery stopped exactly at the target
# Environment: XZ_PITR_DIR (default /tmp/xz-scale-pitr), XZ_PITR_PORT (default 55430). As root it runs as `postgres`.
set -euo pipefail
DIR=${XZ_PITR_DIR:-/tmp/xz-scale-pitr}
PORT=${XZ_PITR_PORT:-55430}
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { "$PGBIN/psql" -XAtq -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "$1"; }
stop() { as_pg "$PGBIN/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true; }

stop "$DIR/main"; stop "$DIR/restored"; rm -rf "$DIR"; mkdir -p "$DIR/wal"
[ "$(id -u)" = 0 ] && chown -R postgres: "$DIR"
as_pg "$PGBIN/initdb" -D "$DIR/main" -U postgres --auth=trust >/dev/null
cat >>"$DIR/main/postgresql.conf" <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $DIR/wal/%f && cp %p $DIR/wal/%f'
EOF
as_pg "$PGBIN/pg_ctl" -D "$DIR/main" -l "$DIR/main.log" -w start >/dev/null
trap 'stop "$DIR/main"; stop "$DIR/restored"' EXIT

sql "CREATE TABLE filings (n int PRIMARY KEY, at timestamptz DEFAULT clock_timestamp())"
sql "INSERT INTO filings (n) SELECT generate_series(1, 1000)"
t0=$(date +%s.%N)
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$DIR/base" -X stream -c fast
base_s=$(echo "$(date +%s.%N) - $t0" | bc)
sql "INSERT INTO filings (n) SELECT generate_series(1001, 2000)"
sleep 1
target=$(sql "SELECT clock_timestamp()")
sleep 1
sql "INSERT INTO filings (n) SELECT generate_series(2001, 3000)"   # after the target: must not come back
sql "SELECT pg_switch_wal()" >/dev/null
for _ in $(seq 1 30); do
  [ "$(sql "SELECT last_archived_wal IS NOT NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = t ] && break
  sleep 0.5
done
stop "$DIR/main"

# restore: the base backup, the archive, a target time; recovery pauses → promote at the target
as_pg cp -a "$DIR/base" "$DIR/restored"
cat >>"$DIR/restored/postgresql.conf" <<EOF
archive_mode = off
restore_command = 'cp $DIR/wal/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF
as_pg touch "$DIR/restored/recovery.signal"
t1=$(date +%s.%N)
as_pg "$PGBIN/pg_ctl" -D "$DIR/restored" -l "$DIR/restored.log" -w -t 120 start >/dev/null
for _ in $(seq 1 60); do [ "$(sql 'SELECT pg_is_in_recovery()')" = f ] && break; sleep 0.5; done
restore_s=$(echo "$(date +%s.%N) - $t1" | bc)
rows=$(sql "SELECT count(*) FROM filings")
max=$(sql "SELECT max(n) FROM filings")
ok=false; [ "$rows" = 2000 ] && [ "$max" = 2000 ] && ok=true
echo "{\"recovered_rows\": $rows, \"expected_rows\": 2000, \"max_n\": $max, \"target\": \"$target\", \"basebackup_s\": $base_s, \"restore_s\": $restore_s, \"ok\": $ok}"
$ok
