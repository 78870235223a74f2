#!/usr/bin/env bash
# The write path's cost per request, robust to a busy machine: registers organisations through the gateway at a
# fixed rate (bench/Platform.Bench, open loop) and prints the CPU milliseconds each part of the platform spent per
# accepted request (utime + stime from /proc/<pid>/stat over the measured run, of the process and its children:
# the postmaster's backends, RabbitMQ's beam). Requests per second depend on what else the machine runs; CPU time
# per request hardly does. Then, optionally, the statements and round trips to PostgreSQL per registration.
#
#   bench/cost.sh [--no-build]     (COST_RATE 300 req/s, COST_SECONDS 20, COST_WARMUP 20 s of wrk first;
#                                   COST_STATEMENTS=1: also log every statement of COST_SAMPLE (5) registrations)
#
# The same servers, token, gateway and Capacity as bench.sh's "2. write path" (bench/lib.sh), Release builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RELEASE=bin/Release/net10.0
RUNTIME_ENV=(DOTNET_GCgen0size=0x4000000 DOTNET_TC_CallCountingDelayMs=0)
PG_OPTS=${BENCH_PG_OPTS:--c max_connections=500 -c synchronous_commit=off}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RATE=${COST_RATE:-300}
RATE_SECONDS=${COST_SECONDS:-20}
RATE_WARMUP=2
WARMUP=${COST_WARMUP:-20}
SAMPLE=${COST_SAMPLE:-5}
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if [[ ${1:-} != --no-build ]]; then
  say "Building (Release)"
  dotnet build bench/Bench.slnf -c Release --verbosity quiet -nologo >"$LOG_DIR/build.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/build.log" >&2; die "building bench/Bench.slnf failed"; }
fi

start_servers
app capacity "$CAPACITY_PORT" "services/Capacity/$RELEASE/Platform.Capacity.dll" \
  ConnectionStrings__capacity-db="$(pg capacity)" ConnectionStrings__messaging="$AMQP" ConnectionStrings__cache="$REDIS" "${TRUST[@]}"
gateway "http://127.0.0.1:$CAPACITY_PORT"
URL="http://127.0.0.1:$GATEWAY_PORT/api/capacity/organizations"
BODY='{"name":{"en":"Bench organisation {n}","ka":"ორგანიზაცია {n}"},"type":"Cso","municipality":"KK-MARNEULI","languages":["ka","en"]}'

postmaster() { head -n 1 "$WORK_DIR/postgres/pgdata/postmaster.pid"; }
# tree_ticks <pid>: user + system jiffies of the process and of its descendants alive now.
tree_ticks() {
  local file line
  for file in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$file" || continue
    echo "${line%% *} ${line##*) }"
  done | awk -v root="$1" '{ parent[$1] = $3; ticks[$1] = $13 + $14 }
    END { tree[root] = 1
          for (grown = 1; grown;) { grown = 0; for (p in parent) if (!(p in tree) && (parent[p] in tree)) { tree[p] = 1; grown = 1 } }
          for (p in tree) s += ticks[p]; print s + 0 }'
}
PARTS=(capacity gateway postgres rabbitmq redis identity)
root_of() { if [[ $1 == postgres ]]; then postmaster; else echo "${PID_OF[$1]}"; fi; }
snapshot() { local part; for part in "${PARTS[@]}"; do printf '%s ' "$(tree_ticks "$(root_of "$part")")"; done; }

say "Warm-up: wrk -c $CONNECTIONS for ${WARMUP}s (the JIT's tiers)"
wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -H "$BEARER" -s bench/wrk/post.lua "$URL" -- "$BODY" "warm" idempotency-key >/dev/null
sleep 2
say "Measuring: $RATE req/s for ${RATE_SECONDS}s (after ${RATE_WARMUP}s at that rate)"
before=$(snapshot)
line=$(fixed_rate "$RATE" "$URL" --header "$BEARER" --post "$BODY" --idempotency-key)
sleep 1 # the dispatcher publishes the last events
after=$(snapshot)
ok=$(awk '{ print $5 }' <<<"$line")
hz=$(getconf CLK_TCK)
echo "run (p50 p99 max ms, sent ok errors, achieved req/s): $line"
# The warm-up of Platform.Bench's run is counted in the CPU but not in ok: add its requests.
awk -v b="$before" -v a="$after" -v ok="$ok" -v warm="$((RATE * RATE_WARMUP))" -v hz="$hz" -v names="${PARTS[*]}" 'BEGIN {
  split(b, x, " "); split(a, y, " "); n = split(names, k, " "); total = 0
  printf "CPU ms per registration (%d requests, /proc utime+stime, %d Hz):\n", ok + warm, hz
  for (i = 1; i <= n; i++) { ms = 1000 * (y[i] - x[i]) / hz / (ok + warm); total += ms; printf "  %-9s %6.3f\n", k[i], ms }
  printf "  %-9s %6.3f\n", "total", total }'

if [[ ${COST_STATEMENTS:-0} == 1 ]]; then
  say "Statements and round trips of $SAMPLE registrations, one at a time"
  sleep 2 # the last dispatches end
  psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d capacity -qAt)
  "${psql[@]}" -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  log="$WORK_DIR/postgres/postgres.log"
  from=$(wc -l <"$log")
  # Every process that sends the backends something, counted by the backends' own sendto calls (one per answer).
  backends=$(pgrep -P "$(postmaster)" | paste -sd, -)
  strace -f -qq -c -e trace=sendto -p "$backends" -o "$WORK_DIR/strace.txt" &
  STRACE=$!
  sleep 1
  for ((i = 1; i <= SAMPLE; i++)); do
    curl -s -o /dev/null -w '%{http_code} ' -H "$BEARER" -H 'Content-Type: application/json' -H "Idempotency-Key: sample-$i-$$" \
      --data "${BODY//\{n\}/sample-$i-$$}" "$URL"
  done
  echo
  sleep 2
  kill -INT "$STRACE"; wait "$STRACE" 2>/dev/null || true
  "${psql[@]}" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +"$((from + 1))" "$log" | grep -E 'LOG:  (statement|execute)' | sed -E 's/^.*LOG:  //' >"$WORK_DIR/statements.txt" || true
  echo "statements per registration ($SAMPLE registrations; every database of the server):"
  sed -E 's/^(statement|execute [^:]*): *//; s/\$[0-9]+/$n/g' "$WORK_DIR/statements.txt" | cut -c1-110 | sort | uniq -c | sort -rn |
    awk -v n="$SAMPLE" '{ c = $1; $1 = ""; printf "  %5.1f %s\n", c / n, $0 }'
  echo "round trips per registration (the backends' sendto calls / $SAMPLE): $(awk -v n="$SAMPLE" '$NF == "sendto" { printf "%.1f", $4 / n }' "$WORK_DIR/strace.txt")"
fi
