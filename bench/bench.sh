#!/usr/bin/env bash
# The gateway benchmark (issue 6, item 2), run by `./platform.sh bench [--short]`.
#
# Starts on 127.0.0.1, from Release builds, with logging at Warning:
#   direct      bench/Platform.Bench.Target          GET /api/capacity/ping, a small JSON object
#   bare proxy  bench/Platform.Bench.BareProxy       YARP 2.3.0, one route to the target, nothing else
#   gateway     gateway/Platform.Gateway.csproj      the real gateway, routing `capacity` to the target
# measures each at a fixed rate (bench/Platform.Bench, open loop) and at saturation (wrk), stops them all,
# and writes bench/results/<timestamp>.md.
#
# Environment: BENCH_RATE (1000 req/s), BENCH_CONNECTIONS (wrk connections, 64), BENCH_PORT (first port
# tried, 15100).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SHORT=0
case "${1:-}" in
  --short) SHORT=1 ;;
  "") ;;
  *) printf 'usage: ./platform.sh bench [--short]\n' >&2; exit 2 ;;
esac
if (( SHORT )); then WARMUP=8 RATE_SECONDS=10 SAT_SECONDS=4 ROUNDS=3; else WARMUP=10 RATE_SECONDS=30 SAT_SECONDS=6 ROUNDS=5; fi
RATE=${BENCH_RATE:-1000}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RESULTS_DIR="$ROOT/bench/results"
LOG_DIR=$(mktemp -d)
PATH_UNDER_TEST=/api/capacity/ping

say() { if [[ -t 2 ]]; then printf '\033[1m==> %s\033[0m\n' "$*" >&2; else printf '==> %s\n' "$*" >&2; fi; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

command -v wrk >/dev/null || die "wrk is missing (./platform.sh bench installs it)"

# --- processes -----------------------------------------------------------------------------------------

PIDS=()
cleanup() {
  local pid i
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$LOG_DIR"
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

# start <name> <port> <dll> [VAR=value ...]: runs the app on 127.0.0.1:<port> and waits until it listens.
start() {
  local name=$1 port=$2 dll=$3 i
  shift 3
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
      OTEL_EXPORTER_OTLP_ENDPOINT= "$@" dotnet "$dll" >"$LOG_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  for ((i = 0; i < 300; i++)); do
    port_open "$port" && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$LOG_DIR/$name.log" >&2; die "$name exited at start"; }
    sleep 0.1
  done
  die "$name did not listen on port $port within 30 s"
}

# --- measurements --------------------------------------------------------------------------------------

# fixed_rate <url>: "p50 p99 max sent ok errors achieved" at RATE req/s for RATE_SECONDS.
fixed_rate() {
  dotnet "$ROOT/bench/Platform.Bench/bin/Release/net10.0/Platform.Bench.dll" rate "$1" "$RATE" "$RATE_SECONDS" "$WARMUP" \
    || die "fixed-rate run against $1 had errors"
}

# saturation <url>: "req/s non2xx socket-errors" from wrk with CONNECTIONS connections for SAT_SECONDS.
saturation() {
  local out rps non2xx socket_errors
  out=$(wrk -t 2 -c "$CONNECTIONS" -d "${SAT_SECONDS}s" --timeout 10s "$1")
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  socket_errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  [[ -n "$rps" ]] || { echo "$out" >&2; die "could not read wrk's output for $1"; }
  echo "$rps ${non2xx:-0} ${socket_errors:-0}"
}

# --- run -----------------------------------------------------------------------------------------------

say "Building (Release)"
for project in bench/Platform.Bench.Target bench/Platform.Bench.BareProxy bench/Platform.Bench gateway/Platform.Gateway.csproj; do
  dotnet build "$project" -c Release --verbosity quiet -nologo >/dev/null || die "building $project failed"
done

free_port TARGET_PORT
free_port PROXY_PORT
free_port GATEWAY_PORT
free_port DEAD_PORT   # nothing listens here: the token server's address, never contacted on the public route

say "Starting the target (:$TARGET_PORT), the bare proxy (:$PROXY_PORT) and the gateway (:$GATEWAY_PORT)"
start target "$TARGET_PORT" bench/Platform.Bench.Target/bin/Release/net10.0/Platform.Bench.Target.dll
start bare-proxy "$PROXY_PORT" bench/Platform.Bench.BareProxy/bin/Release/net10.0/Platform.Bench.BareProxy.dll \
  Bench__Target="http://127.0.0.1:$TARGET_PORT"
# The measured route is made public: no token is presented and none is validated (see the report). The rate
# limit is raised so that the limiter runs on every request but never rejects one.
start gateway "$GATEWAY_PORT" gateway/bin/Release/net10.0/Platform.Gateway.dll \
  services__capacity__http__0="http://127.0.0.1:$TARGET_PORT" \
  Gateway__Services__0=capacity \
  'Gateway__PublicPaths__0=/api/capacity/{**rest}' \
  Gateway__RateLimitPermits=100000000 \
  Identity__Issuer="http://127.0.0.1:$DEAD_PORT/" \
  Identity__MetadataAddress="http://127.0.0.1:$DEAD_PORT/.well-known/openid-configuration"

declare -A URL=(
  [direct]="http://127.0.0.1:$TARGET_PORT$PATH_UNDER_TEST"
  [proxy]="http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
)
declare -A LAT SAT
# Saturation first, after a warm-up of each process (JIT tiers) that also serves the latency runs. The rounds
# alternate between the three so that a noisy neighbour weighs on all of them alike; a figure is the mean.
for which in direct proxy gateway; do
  say "$which: warm-up, wrk -c $CONNECTIONS for ${WARMUP}s"
  wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" "${URL[$which]}" >/dev/null
  SAT[$which]="0 0 0"
done
for ((round = 1; round <= ROUNDS; round++)); do
  for which in direct proxy gateway; do
    result=$(saturation "${URL[$which]}")
    say "$which: saturation round $round/$ROUNDS, wrk -c $CONNECTIONS for ${SAT_SECONDS}s: $result   (req/s non-2xx socket-errors)"
    SAT[$which]=$(awk -v a="${SAT[$which]}" -v b="$result" -v n="$ROUNDS" \
      'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f %d %d", x[1] + y[1] / n, x[2] + y[2], x[3] + y[3] }')
  done
done
for which in direct proxy gateway; do
  say "$which: $RATE req/s for ${RATE_SECONDS}s (after ${WARMUP}s warm-up at that rate)"
  LAT[$which]=$(fixed_rate "${URL[$which]}")
  say "$which: ${LAT[$which]}   (p50 p99 max ms, sent ok errors, achieved req/s)"
done

cleanup
trap - EXIT

# --- report --------------------------------------------------------------------------------------------

field() { awk -v n="$2" '{ print $n }' <<<"$1"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"**missed**\" }"; }

d50=$(field "${LAT[direct]}" 1) d99=$(field "${LAT[direct]}" 2)
p50=$(field "${LAT[proxy]}" 1) p99=$(field "${LAT[proxy]}" 2)
g50=$(field "${LAT[gateway]}" 1) g99=$(field "${LAT[gateway]}" 2)
ds=$(field "${SAT[direct]}" 1) ps=$(field "${SAT[proxy]}" 1) gs=$(field "${SAT[gateway]}" 1)
pa50=$(calc '%+.2f' "$p50 - $d50") pa99=$(calc '%+.2f' "$p99 - $d99")
ga50=$(calc '%+.2f' "$g50 - $d50") ga99=$(calc '%+.2f' "$g99 - $d99")
bad=$(( $(field "${SAT[direct]}" 2) + $(field "${SAT[proxy]}" 2) + $(field "${SAT[gateway]}" 2) + $(field "${SAT[direct]}" 3) + $(field "${SAT[proxy]}" 3) + $(field "${SAT[gateway]}" 3) ))

cores=$(nproc)
memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS_DIR"
report="$RESULTS_DIR/$stamp.md"

cat >"$report" <<MD
# Benchmarks $(date -u '+%Y-%m-%d %H:%M UTC')$( (( SHORT )) && echo ' (short)')

Machine: $cores cores ($cpu), $memory memory; load generator, proxies and target share it. Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?').

## Gateway

GET $PATH_UNDER_TEST, a small JSON object from bench/Platform.Bench.Target, called directly, through a bare
YARP 2.3.0 proxy (bench/Platform.Bench.BareProxy, the baseline) and through the gateway (gateway/, Release).
Latency: bench/Platform.Bench at a fixed $RATE req/s (open loop) for ${RATE_SECONDS}s after ${WARMUP}s warm-up;
throughput: wrk, $CONNECTIONS connections, 2 threads, mean of $ROUNDS rounds of ${SAT_SECONDS}s alternating between the three,
after ${WARMUP}s warm-up each.

| Figure | Gateway | Baseline (same run) | Ratio | Target | |
|---|---|---|---|---|---|
| Throughput at saturation (wrk) | $gs req/s | bare proxy $ps req/s | $(calc '%.2f' "$gs / $ps")x | >= 0.8x | $(verdict "$gs / $ps >= 0.8") |
| Added latency p50 at $RATE req/s (Platform.Bench) | $ga50 ms ($g50 ms) | direct $d50 ms; bare proxy $pa50 ms | $(calc '%.2f' "($g50 - $d50) / ($p50 - $d50 == 0 ? 1 : $p50 - $d50)")x bare proxy's | <= +1 ms | $(verdict "$g50 - $d50 <= 1") |
| Added latency p99 at $RATE req/s (Platform.Bench) | $ga99 ms ($g99 ms) | direct $d99 ms; bare proxy $pa99 ms | $(calc '%.2f' "($g99 - $d99) / ($p99 - $d99 == 0 ? 1 : $p99 - $d99)")x bare proxy's | <= +2 ms | $(verdict "$g99 - $d99 <= 2") |
| Bare proxy throughput (context) | — | direct $ds req/s | bare proxy $(calc '%.2f' "$ps / $ds")x direct | — | |

Fixed-rate runs (p50 p99 max ms, sent ok errors, achieved req/s): direct ${LAT[direct]}; bare proxy ${LAT[proxy]};
gateway ${LAT[gateway]}. Non-2xx responses and socket errors at saturation: $bad.

**Not in the measured path: token validation.** The gateway ran with \`/api/capacity/{**rest}\` as a public
path, so no token was presented or validated; correlation id, authentication and authorization middleware (no
token: nothing to validate), the per-client rate limiter (limit raised so it never rejects) and service
discovery were in the path, and OpenTelemetry tracing and metrics were collected in-process; no OTLP
endpoint was set, so nothing was exported. Latencies run from send to the end of the response body; p99 on 2
shared cores is noisy from run to run, so compare it within one report only.
MD

cat "$report"
say "Report: $report"
