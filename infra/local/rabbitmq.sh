#!/usr/bin/env bash
# Runs a RabbitMQ node in the foreground on 127.0.0.1, for the AppHost's local mode and the tests.
#
#   PORT=5672 DIST_PORT=25672 EPMD_PORT=4369 DATA_DIR=.data/rabbitmq infra/local/rabbitmq.sh
#   DATA_DIR=.data/rabbitmq infra/local/rabbitmq.sh stop        stop what a killed run left behind
#
# Environment (all required to run; the caller hands in free ports): PORT (AMQP), DIST_PORT (Erlang
# distribution), EPMD_PORT (this node's own epmd), DATA_DIR (created if missing; mnesia, logs, cookie).
# guest/guest works from loopback. Exits 0 after a requested stop, non-zero if the node failed or died.
set -euo pipefail

die() { echo "rabbitmq.sh: $*" >&2; exit 1; }

[[ -n "${DATA_DIR:-}" ]] || die "DATA_DIR is required"

RABBIT_BIN=/usr/lib/rabbitmq/bin
if [[ ! -x "$RABBIT_BIN/rabbitmq-server" ]] || ! command -v epmd >/dev/null; then
  die "RabbitMQ server binaries not found in $RABBIT_BIN; run ./platform.sh install or apt-get install rabbitmq-server"
fi

mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

# The node name is stored in the mnesia database, so it must stay the same for a data directory across
# runs (ports change every run) and differ between directories (several nodes may run side by side).
RABBITMQ_NODENAME="rabbit-$(printf '%s' "$DATA_DIR" | cksum | cut -d ' ' -f 1)@localhost"
export RABBITMQ_NODENAME
export HOME="$DATA_DIR"                                  # the Erlang cookie, shared with rabbitmqctl
export RABBITMQ_MNESIA_BASE="$DATA_DIR/mnesia"
export RABBITMQ_LOG_BASE="$DATA_DIR/log"
export RABBITMQ_PID_FILE="$DATA_DIR/rabbitmq.pid"
export RABBITMQ_LOGS=-                                   # to stdout, so the dashboard shows it
export RABBITMQ_CONF_ENV_FILE="$DATA_DIR/rabbitmq-env.conf"   # not the distro's /etc/rabbitmq files
export RABBITMQ_CONFIG_FILE="$DATA_DIR/rabbitmq"
export RABBITMQ_ENABLED_PLUGINS_FILE="$DATA_DIR/enabled_plugins"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export ERL_EPMD_ADDRESS=127.0.0.1
# Idle schedulers sleep at once instead of spinning for work (the default busy-wait costs CPU on a machine at rest
# and takes it from the services under load on two cores).
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="${RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:-+sbwt none +sbwtdcpu none +sbwtdio none}"
EPMD_PID_FILE="$DATA_DIR/epmd.pid"

# True if pid (read from a file) is alive, not a zombie, and runs the named executable.
alive_as() {
  local pid=$1 exe=$2
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/stat" ]] \
    && [[ "$(cut -d ' ' -f 3 "/proc/$pid/stat" 2>/dev/null)" != "Z" ]] \
    && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == *"/$exe" ]]
}

# Stops the node (beam.smp) and epmd recorded in DATA_DIR, e.g. after a run killed with SIGKILL: a second
# node on the same mnesia directory would not start.
stop_leftover() {
  local beam epmd_pid i
  beam=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
  if alive_as "$beam" beam.smp; then
    echo "rabbitmq.sh: stopping a node left running from an earlier run (pid $beam)"
    kill -TERM "$beam" 2>/dev/null || true         # RabbitMQ stops gracefully on SIGTERM
    for ((i = 0; i < 300; i++)); do alive_as "$beam" beam.smp || break; sleep 0.1; done
    kill -KILL "$beam" 2>/dev/null || true
  fi
  rm -f "$RABBITMQ_PID_FILE"
  epmd_pid=$(cat "$EPMD_PID_FILE" 2>/dev/null || true)
  if alive_as "$epmd_pid" epmd; then kill -TERM "$epmd_pid" 2>/dev/null || true; fi
  rm -f "$EPMD_PID_FILE"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_leftover
  exit 0
fi

for var in PORT DIST_PORT EPMD_PORT; do
  [[ "${!var:-}" =~ ^[0-9]+$ ]] || die "$var is required (a free TCP port)"
done
export RABBITMQ_NODE_PORT="$PORT" RABBITMQ_DIST_PORT="$DIST_PORT" ERL_EPMD_PORT="$EPMD_PORT"

stop_leftover

# This node's own epmd, started here (not by erl as a daemon) so that its pid is known and it goes away
# with the node: a daemon epmd would outlive every run.
epmd -address 127.0.0.1 -port "$EPMD_PORT" &
EPMD_PID=$!
echo "$EPMD_PID" >"$EPMD_PID_FILE"

SERVER_PID=""
stopping=0
shutdown() {
  stopping=1
  trap '' TERM INT HUP
  local beam i
  beam=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
  if [[ -n "$SERVER_PID" ]]; then
    # rabbitmq-server's wrapper turns SIGTERM into a graceful stop of the node (as rabbitmqctl stop does).
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
      kill -0 "$SERVER_PID" 2>/dev/null || alive_as "$beam" beam.smp || break
      sleep 0.1
    done
  fi
  if alive_as "$beam" beam.smp; then kill -KILL "$beam" 2>/dev/null || true; fi
  kill -TERM "$EPMD_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f "$RABBITMQ_PID_FILE" "$EPMD_PID_FILE"
}
trap 'shutdown; exit 0' TERM INT HUP

# rabbitmqctl reaches this node with the same HOME, RABBITMQ_NODENAME and ERL_EPMD_PORT.
echo "rabbitmq.sh: starting node $RABBITMQ_NODENAME on 127.0.0.1:$PORT (epmd $EPMD_PORT, data $DATA_DIR)"
"$RABBIT_BIN/rabbitmq-server" &
SERVER_PID=$!

wait "$SERVER_PID" && rc=0 || rc=$?
(( stopping )) && exit 0
shutdown
die "rabbitmq-server exited unexpectedly (exit code $rc)"
