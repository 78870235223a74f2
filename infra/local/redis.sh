#!/usr/bin/env bash
# Runs a Redis server in the foreground on 127.0.0.1, for the AppHost's local mode and the tests.
#
#   PORT=6379 DATA_DIR=.data/redis infra/local/redis.sh
#   DATA_DIR=.data/redis infra/local/redis.sh stop        stop what a killed run left behind
#
# Environment: PORT (required to run), DATA_DIR (required; created if missing; the append-only file and
# snapshots live there). Redis saves and exits 0 on SIGTERM/SIGINT.
set -euo pipefail

die() { echo "redis.sh: $*" >&2; exit 1; }

[[ -n "${DATA_DIR:-}" ]] || die "DATA_DIR is required"
command -v redis-server >/dev/null \
  || die "redis-server not found; run ./platform.sh install or apt-get install redis-server"

mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
PID_FILE="$DATA_DIR/redis.pid"

# Two servers on one append-only file would corrupt it, so one left running by a killed run goes first.
stop_leftover() {
  local pid i
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server ]] \
     && [[ "$(cut -d ' ' -f 3 "/proc/$pid/stat" 2>/dev/null)" != "Z" ]]; then
    echo "redis.sh: stopping a server left running from an earlier run (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_leftover
  exit 0
fi

[[ "${PORT:-}" =~ ^[0-9]+$ ]] || die "PORT is required (a free TCP port)"
stop_leftover

# `exec`: redis-server itself is the foreground process and handles the signals.
exec redis-server --port "$PORT" --bind 127.0.0.1 --dir "$DATA_DIR" --pidfile "$PID_FILE" \
  --appendonly yes --save "3600 1 300 100 60 10000" --daemonize no --protected-mode yes
