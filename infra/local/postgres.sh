#!/usr/bin/env bash
# Runs a PostgreSQL server in the foreground on 127.0.0.1, for the AppHost's local mode and the tests.
#
#   PORT=55432 DATA_DIR=.data/postgres infra/local/postgres.sh        run until SIGTERM/SIGINT
#   DATA_DIR=.data/postgres infra/local/postgres.sh stop               stop what a killed run left behind
#
# Environment: PORT (required to run), DATA_DIR (required; created if missing; the cluster lives in
# DATA_DIR/pgdata), MAX_CONNECTIONS (500: every service keeps its own pool, PostgreSQL's 100 is too few), PG_OPTS (optional extra server options, e.g. "-c fsync=off" for throwaway test data).
# Trust authentication for user postgres, loopback only. Exits 0 after a requested stop, non-zero if the
# server could not start or died.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

[[ -n "${DATA_DIR:-}" ]] || die "DATA_DIR is required"

PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/pg_ctl" ]]; then
  die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; run ./platform.sh install or apt-get install postgresql"
fi
id postgres >/dev/null 2>&1 || die "the system user 'postgres' does not exist; run ./platform.sh install or apt-get install postgresql"

mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
PGDATA="$DATA_DIR/pgdata"
LOG_FILE="$DATA_DIR/postgres.log"

# PostgreSQL refuses to run as root, so everything that touches the cluster runs as the postgres user.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A run killed with SIGKILL (or a crashed AppHost) leaves its postmaster running, or a stale
# postmaster.pid behind; either would block the next start.
stop_leftover() {
  local pid_file="$PGDATA/postmaster.pid" pid
  [[ -f "$pid_file" ]] || return 0
  pid=$(head -n 1 "$pid_file" 2>/dev/null || true)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == */postgres ]]; then
    echo "postgres.sh: stopping a postmaster left running from an earlier run (pid $pid)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >/dev/null \
      || { kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$pid_file"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_leftover
  exit 0
fi

[[ "${PORT:-}" =~ ^[0-9]+$ ]] || die "PORT is required (a free TCP port)"

# The postgres user must be able to reach the directory (a checkout below /root would not be).
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$DATA_DIR"
  runuser -u postgres -- test -w "$DATA_DIR" \
    || die "user postgres cannot write $DATA_DIR (a parent directory is not searchable for it); choose a DATA_DIR outside private home directories"
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  rm -rf "$PGDATA"
  echo "postgres.sh: initialising a new cluster in $PGDATA"
  as_postgres "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

stop_leftover

# Unix socket paths are limited to 107 bytes; deep data directories fall back to a private /tmp dir.
SOCKET_DIR="$DATA_DIR/run"
if (( ${#SOCKET_DIR} > 80 )); then SOCKET_DIR=$(mktemp -d /tmp/pgsock.XXXXXX); fi
mkdir -p "$SOCKET_DIR"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$SOCKET_DIR"

TAIL_PID=""
stopping=0
shutdown() {
  stopping=1
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  if [[ -n "$TAIL_PID" ]]; then kill "$TAIL_PID" 2>/dev/null || true; fi
  exit 0
}
trap shutdown TERM INT HUP

touch "$LOG_FILE" && [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$LOG_FILE"
# pg_ctl daemonises the postmaster; its log is followed on stdout so the dashboard shows it.
tail --pid=$$ -n 0 -F "$LOG_FILE" 2>/dev/null &
TAIL_PID=$!

as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOG_FILE" -w -t 60 \
  -o "-p $PORT -k $SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=${MAX_CONNECTIONS:-500} ${PG_OPTS:-}" start >/dev/null \
  || { kill "$TAIL_PID" 2>/dev/null || true; die "PostgreSQL did not start; see $LOG_FILE"; }

PM_PID=$(head -n 1 "$PGDATA/postmaster.pid")
echo "postgres.sh: PostgreSQL $(basename "$(dirname "$PG_BIN")") ready on 127.0.0.1:$PORT (pid $PM_PID, data $PGDATA)"

# Stay in the foreground; `wait` on a sleep lets the traps run at once, so the 5 s only delays noticing a crashed
# postmaster (a check every second cost two forks a second, at rest too). The postmaster is not our child (pg_ctl
# daemonises it), so a dead one may linger as a zombie until init reaps it; `read` keeps the check fork-free.
alive() { local _pid _comm state; read -r _pid _comm state _ 2>/dev/null <"/proc/$1/stat" && [[ "$state" != "Z" ]]; }
while alive "$PM_PID"; do
  sleep 5 & wait $! || true
done
(( stopping )) && exit 0
kill "$TAIL_PID" 2>/dev/null || true
die "the postmaster (pid $PM_PID) exited unexpectedly; see $LOG_FILE"
