#!/usr/bin/env bash
# What bench/bench.sh and bench/cost.sh share: the processes they start and stop, the load they drive, and the
# servers and token every run needs. Sourced, not run; the caller sets ROOT (and cd), RELEASE, RUNTIME_ENV, PG_OPTS,
# CONNECTIONS, RATE_SECONDS and RATE_WARMUP first.

say() { if [[ -t 2 ]]; then printf '\033[1m==> %s\033[0m\n' "$*" >&2; else printf '==> %s\n' "$*" >&2; fi; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"**missed**\" }"; }

command -v wrk >/dev/null || die "wrk is missing (./platform.sh bench installs it)"
PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
[[ -x "$PG_BIN/pg_isready" && -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] && command -v redis-server >/dev/null \
  || die "PostgreSQL, RabbitMQ or Redis is missing: run ./platform.sh install"

# The servers' data and the processes' logs; readable by the postgres user, which runs the database.
WORK_DIR=$(mktemp -d /tmp/platform-bench.XXXXXX)
chmod 755 "$WORK_DIR"
LOG_DIR="$WORK_DIR/logs"
mkdir -p "$LOG_DIR"

# --- processes -----------------------------------------------------------------------------------------

declare -A PID_OF
ORDER=()
# stop <name>...: SIGTERM, then SIGKILL after 10 s.
stop() {
  local name pid i
  for name in "$@"; do
    pid=${PID_OF[$name]:-}
    [[ -n "$pid" ]] || continue
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "PID_OF[$name]"
  done
}
cleanup() {
  local i
  # Applications first, the servers they use last.
  for ((i = ${#ORDER[@]} - 1; i >= 0; i--)); do stop "${ORDER[i]}"; done
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

NEXT_PORT=${BENCH_PORT:-15100}
# free_port <variable>: sets it to the next port nothing listens on.
free_port() {
  while port_open "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
  printf -v "$1" '%s' "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}

# launch <name> <command...>: starts it in the background (environment from the caller), logging to LOG_DIR.
launch() {
  local name=$1
  shift
  "$@" >"$LOG_DIR/$name.log" 2>&1 &
  PID_OF[$name]=$!
  ORDER+=("$name")
}

# wait_for <name> <seconds> <probe...>: until the probe succeeds; the process must stay alive meanwhile.
wait_for() {
  local name=$1 seconds=$2 i
  shift 2
  for ((i = 0; i < seconds * 10; i++)); do
    "$@" && return 0
    kill -0 "${PID_OF[$name]}" 2>/dev/null || { tail -n 40 "$LOG_DIR/$name.log" >&2; die "$name exited at start"; }
    sleep 0.1
  done
  tail -n 40 "$LOG_DIR/$name.log" >&2
  die "$name was not ready within $seconds s"
}

# app <name> <port> <dll> [VAR=value ...] [-- arguments]: runs a .NET app on 127.0.0.1:<port> and waits until
# it listens.
app() {
  local name=$1 port=$2 dll=$3 vars=()
  shift 3
  while (( $# )) && [[ $1 != -- ]]; do vars+=("$1"); shift; done
  (( $# )) && shift
  launch "$name" env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    OTEL_EXPORTER_OTLP_ENDPOINT= "${RUNTIME_ENV[@]}" "${vars[@]}" dotnet "$dll" "$@"
  wait_for "$name" 90 port_open "$port"
}

# --- measurements --------------------------------------------------------------------------------------

# fixed_rate <rate> <url> [Platform.Bench options]: "p50 p99 max sent ok errors achieved" for RATE_SECONDS
# after RATE_WARMUP seconds at that rate. Failed requests are counted in the line (and the report), not fatal.
fixed_rate() {
  local rate=$1 url=$2 out
  shift 2
  out=$(dotnet "bench/Platform.Bench/$RELEASE/Platform.Bench.dll" rate "$url" "$rate" "$RATE_SECONDS" "$RATE_WARMUP" "$@") || true
  [[ $(wc -w <<<"$out") -eq 7 ]] || die "the fixed-rate run against $url failed"
  echo "$out"
}

# saturation <seconds> <url> [wrk options] [-- script arguments]: "req/s non2xx socket-errors" from wrk with
# CONNECTIONS connections.
saturation() {
  local seconds=$1 url=$2 out rps non2xx socket_errors options=()
  shift 2
  while (( $# )) && [[ $1 != -- ]]; do options+=("$1"); shift; done
  out=$(wrk -t 2 -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s "${options[@]}" "$url" "$@")
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  socket_errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  [[ -n "$rps" ]] || { echo "$out" >&2; die "could not read wrk's output for $url"; }
  echo "$rps ${non2xx:-0} ${socket_errors:-0}"
}

# mean_of <accumulated "a b c"> <new "a b c">: adds the new round (first figure / ROUNDS, the others summed).
mean_of() {
  awk -v a="$1" -v b="$2" -v n="$ROUNDS" \
    'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f %d %d", x[1] + y[1] / n, x[2] + y[2], x[3] + y[3] }'
}

pg() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$PG_PORT" "$1"; }

# start_servers: PostgreSQL, RabbitMQ and Redis from infra/local, the token server, and a capacity-team token
# (BEARER); picks the ports of everything a run starts. Then gateway <address> starts the gateway.
start_servers() {
  free_port PG_PORT
  free_port AMQP_PORT
  free_port DIST_PORT
  free_port EPMD_PORT
  free_port REDIS_PORT
  free_port IDENTITY_PORT
  free_port TARGET_PORT
  free_port PROXY_PORT
  free_port GATEWAY_PORT
  free_port CAPACITY_PORT
  free_port CONSUMER_PORT

  say "Starting PostgreSQL (:$PG_PORT), RabbitMQ (:$AMQP_PORT) and Redis (:$REDIS_PORT) from infra/local"
  launch postgres env PORT="$PG_PORT" DATA_DIR="$WORK_DIR/postgres" PG_OPTS="$PG_OPTS" infra/local/postgres.sh
  launch rabbitmq env PORT="$AMQP_PORT" DIST_PORT="$DIST_PORT" EPMD_PORT="$EPMD_PORT" DATA_DIR="$WORK_DIR/rabbitmq" infra/local/rabbitmq.sh
  launch redis env PORT="$REDIS_PORT" DATA_DIR="$WORK_DIR/redis" infra/local/redis.sh
  wait_for postgres 60 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
  wait_for redis 30 port_open "$REDIS_PORT"
  wait_for rabbitmq 90 port_open "$AMQP_PORT"

  AMQP="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
  REDIS="127.0.0.1:$REDIS_PORT"
  # Tokens name the gateway's public URL as their issuer; validators fetch the keys from the token server itself.
  ISSUER="http://127.0.0.1:$GATEWAY_PORT/api/identity/"
  TRUST=(Identity__Issuer="$ISSUER" Identity__MetadataAddress="http://127.0.0.1:$IDENTITY_PORT/api/identity/.well-known/openid-configuration")
  ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

  say "Starting the token server (:$IDENTITY_PORT) and getting a capacity-team token"
  app identity "$IDENTITY_PORT" "services/Identity/$RELEASE/Platform.Identity.dll" \
    ConnectionStrings__identity-db="$(pg identity)" ConnectionStrings__messaging="$AMQP" ConnectionStrings__cache="$REDIS" \
    Identity__Issuer="$ISSUER" Identity__Admin__Email=admin@platform.local Identity__Admin__Password="$ADMIN_PASSWORD" \
    Identity__AccessTokenLifetime=02:00:00
  TOKEN=$(dotnet "bench/Platform.Bench/$RELEASE/Platform.Bench.dll" token "http://127.0.0.1:$IDENTITY_PORT" \
    admin@platform.local "$ADMIN_PASSWORD" capacity-team) || die "could not get a token from the token server"
  BEARER="Authorization: Bearer $TOKEN"
}

# gateway <capacity address>: (re)starts the gateway on GATEWAY_PORT with the capacity route to that address.
# The rate limit is raised so that the limiter runs on every request but never rejects one.
gateway() {
  stop gateway
  app gateway "$GATEWAY_PORT" "gateway/$RELEASE/Platform.Gateway.dll" \
    services__capacity__http__0="$1" Gateway__Services__0=capacity Gateway__RateLimitPermits=100000000 "${TRUST[@]}"
}
