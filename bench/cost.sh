#!/usr/bin/env bash
# The write path's cost per request, robust to a busy machine: registers organisations through the gateway at a
# fixed rate (bench/Platform.Bench, open loop) and prints the CPU milliseconds each part of the platform spent per
# accepted request (utime + stime from /proc/<pid>/stat over the measured run, of the process and its children:
# the postmaster's backends, RabbitMQ's beam). Requests per second depend on what else the machine runs; CPU time
# per request hardly does, as long as the rate stays below saturation (150 req/s, a third of Capacity's, by default). Then, optionally, the statements and round trips to PostgreSQL per registration.
#
#   bench/cost.sh [--no-build]     (COST_RATE 150 req/s, COST_SECONDS 20, COST_WARMUP 20 s of wrk first)
#
# COST_PROFILE=1 also records perf profiles of the measured run (Capacity and the gateway with
# DOTNET_PerfMapEnabled=1, and PostgreSQL's backends) and prints their top symbols.
# COST_STATEMENTS=1 also counts, in Capacity's database: the statements per registration during the measured run
# (pg_stat_statements, loaded for this; it costs PostgreSQL a little CPU of its own, so compare CPU figures only
# between runs with the same setting), and the statements and round trips (the backends' sendto calls, one per
# answer) of COST_SAMPLE (5) registrations sent one at a time, when the dispatcher claims one event at a time.
#
# The same servers, token, gateway and Capacity as bench.sh's "2. write path" (bench/lib.sh), Release builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RELEASE=bin/Release/net10.0
RUNTIME_ENV=(DOTNET_GCgen0size=0x4000000 DOTNET_TC_CallCountingDelayMs=0)
PG_OPTS=${BENCH_PG_OPTS:--c max_connections=500 -c synchronous_commit=off}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RATE=${COST_RATE:-150}
RATE_SECONDS=${COST_SECONDS:-20}
RATE_WARMUP=2
WARMUP=${COST_WARMUP:-20}
SAMPLE=${COST_SAMPLE:-5}
STATEMENTS=${COST_STATEMENTS:-0}
PROFILE=${COST_PROFILE:-0}
(( PROFILE )) && RUNTIME_ENV+=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0) # W^X hides JIT code from perf
(( STATEMENTS )) && PG_OPTS="$PG_OPTS -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if [[ ${1:-} != --no-build ]]; then
  say "Building (Release)"
  dotnet build bench/Bench.slnf -c Release --verbosity quiet -nologo >"$LOG_DIR/build.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/build.log" >&2; die "building bench/Bench.slnf failed"; }
fi

start_servers
# COST_CAPACITY_DLL: another build of Capacity to measure (say, of an earlier commit), for a before-and-after.
app capacity "$CAPACITY_PORT" "${COST_CAPACITY_DLL:-services/Capacity/$RELEASE/Platform.Capacity.dll}" \
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

psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d capacity -qAt)
(( STATEMENTS )) && "${psql[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

say "Warm-up: wrk -c $CONNECTIONS for ${WARMUP}s (the JIT's tiers)"
wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -H "$BEARER" -s bench/wrk/post.lua "$URL" -- "$BODY" "warm" idempotency-key >/dev/null
sleep 2
# What the processes take without a request (timers, polls, the dispatcher's poll), subtracted for the net figures.
IDLE_SECONDS=${COST_IDLE_SECONDS:-10}
say "Idle: ${IDLE_SECONDS}s without a request"
idle0=$(snapshot) idle_from=$(date +%s%N)
sleep "$IDLE_SECONDS"
idle1=$(snapshot) idle_ns=$(( $(date +%s%N) - idle_from ))
say "Measuring: $RATE req/s for ${RATE_SECONDS}s (after ${RATE_WARMUP}s at that rate)"
(( STATEMENTS )) && "${psql[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
before=$(snapshot) from_ns=$(date +%s%N)
PERFS=()
if (( PROFILE )); then
  for part in capacity gateway; do
    perf record -F 499 -g -o "$WORK_DIR/$part.perf" -p "${PID_OF[$part]}" 2>/dev/null &
    PERFS+=($!)
  done
  perf record -F 499 -o "$WORK_DIR/postgres.perf" -p "$(pgrep -P "$(postmaster)" | paste -sd, -)" 2>/dev/null &
  PERFS+=($!)
fi
line=$(fixed_rate "$RATE" "$URL" --header "$BEARER" --post "$BODY" --idempotency-key)
for pid in "${PERFS[@]}"; do kill -INT "$pid"; wait "$pid" 2>/dev/null || true; done
sleep 1 # the dispatcher publishes the last events
after=$(snapshot) run_ns=$(( $(date +%s%N) - from_ns ))
ok=$(awk '{ print $5 }' <<<"$line")
hz=$(getconf CLK_TCK)
echo "run (p50 p99 max ms, sent ok errors, achieved req/s): $line"
# Past saturation requests queue and time out, and the CPU they took is spread over fewer answers: not a cost.
awk -v l="$line" -v r="$RATE" 'BEGIN { split(l, f, " "); if (f[6] > 0 || f[7] < 0.95 * r) print "WARNING: errors or a rate not kept: the machine was too busy for this rate; the figures below overstate the cost" }'
# The warm-up of Platform.Bench's run is counted in the CPU but not in ok: add its requests.
awk -v b="$before" -v a="$after" -v i0="$idle0" -v i1="$idle1" -v idle_ns="$idle_ns" -v run_ns="$run_ns" -v ok="$ok" \
    -v warm="$((RATE * RATE_WARMUP))" -v hz="$hz" -v names="${PARTS[*]}" 'BEGIN {
  split(b, x, " "); split(a, y, " "); split(i0, u, " "); split(i1, v, " "); n = split(names, k, " "); req = ok + warm
  printf "CPU ms per registration (%d requests in %.1f s; /proc utime+stime, %d Hz); net: less the idle rate (%.0f s idle):\n", req, run_ns / 1e9, hz, idle_ns / 1e9
  printf "  %-9s %8s %8s %12s\n", "", "gross", "net", "idle ms/s"
  for (i = 1; i <= n; i++) {
    gross = 1000 * (y[i] - x[i]) / hz / req; idle = 1000 * (v[i] - u[i]) / hz / (idle_ns / 1e9)
    net = gross - idle * (run_ns / 1e9) / req; tg += gross; tn += net
    printf "  %-9s %8.3f %8.3f %12.1f\n", k[i], gross, net, idle }
  printf "  %-9s %8.3f %8.3f\n", "total", tg, tn }'

if (( PROFILE )); then
  for part in capacity gateway postgres; do
    echo "perf: $part, top symbols by own samples (full report: perf report -i $WORK_DIR/$part.perf, kept while this runs)"
    perf report -i "$WORK_DIR/$part.perf" --no-children --sort sym --stdio 2>/dev/null | grep -E '^ +[0-9.]+%' | head -n 40 | cut -c1-150 || true
    mkdir -p "${COST_PROFILE_DIR:-/tmp/cost-profiles}" && cp "$WORK_DIR/$part.perf" "${COST_PROFILE_DIR:-/tmp/cost-profiles}/"
  done
  cp /tmp/perf-*.map "${COST_PROFILE_DIR:-/tmp/cost-profiles}/" 2>/dev/null || true
fi

(( STATEMENTS )) || exit 0

echo "statements per registration in Capacity's database during the run (pg_stat_statements calls / $((ok + RATE * RATE_WARMUP))):"
"${psql[@]}" -F ' ' -c "SELECT s.calls, regexp_replace(left(s.query, 100), '\s+', ' ', 'g') FROM pg_stat_statements s
  JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'capacity' AND s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.calls DESC" |
  awk -v n="$((ok + RATE * RATE_WARMUP))" '{ c = $1; $1 = ""; t += c; if (c / n >= 0.01) printf "  %6.2f %s\n", c / n, $0 } END { printf "  %6.2f in all\n", t / n }'

say "Statements and round trips of $SAMPLE registrations, one at a time"
sleep 2 # the last dispatches end
"${psql[@]}" -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '%d '" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
log="$WORK_DIR/postgres/postgres.log"
from=$(wc -l <"$log")
backends=$("${psql[@]}" -c "SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = 'capacity' AND pid <> pg_backend_pid()")
strace -f -qq -c -e trace=sendto -p "$backends" -o "$WORK_DIR/strace.txt" &
STRACE=$!
sleep 1
for ((i = 1; i <= SAMPLE; i++)); do
  curl -s -o /dev/null -w '%{http_code} ' -H "$BEARER" -H 'Content-Type: application/json' -H "Idempotency-Key: sample-$i-$$" \
    --data "${BODY//\{n\}/sample-$i-$$}" "$URL"
  sleep 0.3
done
echo
sleep 1
kill -INT "$STRACE"; wait "$STRACE" 2>/dev/null || true
"${psql[@]}" -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
tail -n +"$((from + 1))" "$log" | grep -E '^capacity LOG:  (statement|execute)' | sed -E 's/^capacity LOG:  //' >"$WORK_DIR/statements.txt" || true
echo "statements per registration, one at a time ($SAMPLE registrations, Capacity's database, background polls included):"
sed -E 's/^(statement|execute [^:]*): *//; s/\$[0-9]+/$n/g' "$WORK_DIR/statements.txt" | cut -c1-100 | sort | uniq -c | sort -rn |
  awk -v n="$SAMPLE" '{ c = $1; $1 = ""; t += c; printf "  %5.1f %s\n", c / n, $0 } END { printf "  %5.1f in all\n", t / n }'
echo "round trips per registration, one at a time (the backends' sendto calls / $SAMPLE): $(awk -v n="$SAMPLE" '$NF == "sendto" { printf "%.1f", $4 / n }' "$WORK_DIR/strace.txt")"
