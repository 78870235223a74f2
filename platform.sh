#!/usr/bin/env bash
# The platform's one entry point.
#
#   ./platform.sh run       install what is missing, build, run everything (Ctrl-C stops it all)
#   ./platform.sh stop      stop a platform started by `run`, and any server left running on .data
#   ./platform.sh reset     stop, then delete all local data (.data)
#   ./platform.sh install   install the server packages (PostgreSQL, RabbitMQ, Redis) and Chromium (browser tests) and restore NuGet packages
#   ./platform.sh test      install, run every test of the solution, end with "N passed, N failed"
#   ./platform.sh bench     run the benchmarks on loopback, write bench/results/<timestamp>.md (--short: < 3 min)
#   ./platform.sh deploy-manifests [DIR] [--Replicas:grants=2 ...]   Kubernetes manifests (docs/production.md)
#   ./platform.sh token     print an access token for the running platform: the programme admin, or with
#                           [--role ROLE] [--organization ID] a machine client of that role (made once, reused)
#   ./platform.sh demo      fill the running platform with an invented programme through its API (twice: no change)
#   ./platform.sh error-queues URL [--redrive [QUEUE]]   a service's _error queues, or move their messages back
#                           (URL: the service itself, from the dashboard; as the programme admin; docs/operations.md)
#
# Environment: GATEWAY_PORT (8080), DASHBOARD_PORT (18888; OTLP and the resource service use the next two
# ports), INFRA_MODE (local; or container / external, see AppHost/Infrastructure/InfraMode.cs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

DATA_DIR="$ROOT/.data"                        # the servers' data below it: the AppHost's Infra:DataDir
PID_FILE="$DATA_DIR/platform.pid"
APPHOST_PROJECT="$ROOT/AppHost/Platform.AppHost.csproj"
APPHOST_DLL="$ROOT/AppHost/bin/Debug/net10.0/Platform.AppHost.dll"
TOOLS_PROJECT="$ROOT/tools/Platform.Demo/Platform.Demo.csproj"
TOOLS_DLL="$ROOT/tools/Platform.Demo/bin/Debug/net10.0/Platform.Demo.dll"
RESULTS_DIR="$ROOT/TestResults/platform"
SERVERS=(postgres rabbitmq redis)

GATEWAY_PORT=${GATEWAY_PORT:-8080}
DASHBOARD_PORT=${DASHBOARD_PORT:-18888}
INFRA_MODE=${INFRA_MODE:-${Infra__Mode:-local}}

say() { if [[ -t 2 ]]; then printf '\033[1m==> %s\033[0m\n' "$*" >&2; else printf '==> %s\n' "$*" >&2; fi; }
die() { printf 'platform.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

# --- install -------------------------------------------------------------------------------------------

server_packages_missing() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || missing+=(postgresql)
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The browser the end-to-end tests drive (the public catalogue); Playwright's driver comes with its NuGet package.
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  echo "${missing[@]}"
}

install_packages() {
  local missing
  missing=$(server_packages_missing)
  [[ -z "$missing" ]] && return 0
  command -v apt-get >/dev/null \
    || die "missing server packages ($missing) and no apt-get here; install them with your package manager, or use INFRA_MODE=container / external"

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing $missing needs root (or sudo)"
    sudo=(sudo)
  fi

  say "Installing $missing"
  # The platform starts its own servers on free ports; the distribution's services must not start. A
  # policy-rc.d that answers 101 stops invoke-rc.d and deb-systemd-invoke from starting them.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    created_policy=1
  fi
  local rc=0
  # shellcheck disable=SC2086 # the package list is meant to split
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing \
    || { "${sudo[@]}" apt-get update -q \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing; } \
    || rc=$?
  (( created_policy )) && "${sudo[@]}" rm -f "$policy"
  (( rc == 0 )) || die "apt-get install $missing failed"

  # Had a service just installed started anyway (no policy support), it would hold the default ports.
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    local service
    for service in $missing; do
      if systemctl is-active --quiet "$service" 2>/dev/null; then
        "${sudo[@]}" systemctl disable --now "$service" >/dev/null 2>&1 || true
      fi
    done
  fi
}

cmd_install() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing; install .NET 10 (https://dot.net)"
  install_packages
  say "Restoring NuGet packages"
  dotnet restore "$ROOT/Platform.sln" --verbosity quiet
}

# --- stop ----------------------------------------------------------------------------------------------

# The orchestrator (dcp) outlives the AppHost by some seconds while it stops the services and servers. Its
# processes carry the AppHost's pid (--monitor) or the API server's kubeconfig; read it while the AppHost runs.
orchestrator_of() {
  pgrep -af -- "--monitor $1( |\$)" | grep -o -- '--kubeconfig [^ ]*' | head -n 1 | cut -d ' ' -f 2 || true
}

# Servers running on .data, from the pid files they remove when they stop.
live_servers() {
  local file pid
  for file in postgres/pgdata/postmaster.pid rabbitmq/rabbitmq.pid rabbitmq/epmd.pid redis/redis.pid; do
    pid=$(head -n 1 "$DATA_DIR/$file" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cut -d ' ' -f 3 "/proc/$pid/stat" 2>/dev/null)" =~ ^[^Z]$ ]]; then
      echo "$pid"
    fi
  done
}

# Waits (at most a minute) until the orchestrator has stopped everything it started.
wait_until_stopped() {
  local apphost_pid=$1 kubeconfig=$2 i
  for ((i = 0; i < 600; i++)); do
    if ! pgrep -f -- "--monitor $apphost_pid( |\$)" >/dev/null \
       && ! { [[ -n "$kubeconfig" ]] && pgrep -f -- "--kubeconfig $kubeconfig" >/dev/null; } \
       && [[ -z "$(live_servers)" ]]; then
      return 0
    fi
    sleep 0.1
  done
}

# Each server script has a `stop` mode for what a killed run left behind on its data directory.
stop_stray_servers() {
  local server
  for server in "${SERVERS[@]}"; do
    if [[ -d "$DATA_DIR/$server" ]]; then
      DATA_DIR="$DATA_DIR/$server" "$ROOT/infra/local/$server.sh" stop || true
    fi
  done
}

running_apphost_pid() {
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Platform.AppHost' && echo "$pid"
}

cmd_stop() {
  local pid kubeconfig i
  if pid=$(running_apphost_pid); then
    say "Stopping the platform (AppHost pid $pid)"
    kubeconfig=$(orchestrator_of "$pid")
    # CONT too: an AppHost that a terminal stopped (SIGTTOU) handles the INT only once it runs again.
    kill -INT "$pid" 2>/dev/null || true
    kill -CONT "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # A `run` started in the background by a script inherits SIGINT ignored, and an ignored signal cannot be
    # handled again; SIGTERM is never ignored that way and stops the AppHost just as gracefully.
    kill -0 "$pid" 2>/dev/null && { kill -TERM "$pid" 2>/dev/null || true; }
    for ((i = 0; i < 450; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid" 2>/dev/null || true; }
    wait_until_stopped "$pid" "$kubeconfig"
    # A `run` in another terminal cleans up after its AppHost too; let it finish.
    for ((i = 0; i < 100; i++)); do [[ -e "$PID_FILE" ]] || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  stop_stray_servers
}

cmd_reset() {
  cmd_stop
  say "Deleting $DATA_DIR"
  rm -rf "$DATA_DIR"
}

# --- run -----------------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints where to go once the gateway listens (the services start after the servers are healthy).
announce_when_ready() {
  local apphost_pid=$1 login=$2 i
  for ((i = 0; i < 1800; i++)); do
    kill -0 "$apphost_pid" 2>/dev/null || return 0
    if port_open "$GATEWAY_PORT"; then
      say "Platform is up.  Dashboard: $login   Gateway: http://localhost:$GATEWAY_PORT"
      return 0
    fi
    sleep 1
  done
}

cmd_run() {
  [[ -n "$(running_apphost_pid || true)" ]] && die "the platform is already running (pid $(cat "$PID_FILE")); ./platform.sh stop"
  if [[ "${INFRA_MODE,,}" == local ]]; then install_packages; fi
  command -v dotnet >/dev/null || die "the .NET SDK is missing; install .NET 10 (https://dot.net)"

  say "Building"
  dotnet build "$APPHOST_PROJECT" --verbosity quiet -nologo

  local port
  for port in "$GATEWAY_PORT" "$DASHBOARD_PORT" $((DASHBOARD_PORT + 1)) $((DASHBOARD_PORT + 2)); do
    port_open "$port" && die "port $port is in use (GATEWAY_PORT / DASHBOARD_PORT choose others)"
  done

  mkdir -p "$DATA_DIR"
  local token login
  token=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  login="http://localhost:$DASHBOARD_PORT/login?t=$token"

  export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
  export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true     # no developer certificate needed: plain http
  export ASPNETCORE_URLS="http://localhost:$DASHBOARD_PORT"
  export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$((DASHBOARD_PORT + 1))"
  export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$((DASHBOARD_PORT + 2))"
  export ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN="$token"  # so the login link is known here
  export Gateway__Port="$GATEWAY_PORT"
  export Infra__Mode="$INFRA_MODE"

  say "Starting the platform (infrastructure: $INFRA_MODE; data in $DATA_DIR)"
  say "Dashboard: $login"
  say "Gateway:   http://localhost:$GATEWAY_PORT   (Ctrl-C stops everything)"
  say "Admin:     admin@platform.local; password: dotnet user-secrets list --project AppHost (see README, Access tokens)"

  # The AppHost runs as a job of its own (set -m): a Ctrl-C reaches this script, which hands it on as
  # SIGINT and waits while the AppHost stops the services and servers. Without job control, a background
  # process could start with SIGINT ignored, and pass that on to everything it starts.
  set -m
  local forward=0
  trap 'forward=1' INT TERM
  # Its stdin is not the terminal: a .NET process whose stdin is a terminal sets the terminal's modes, and it does so
  # again on SIGCHLD and on the way out; from a background job that is a SIGTTOU, which stops the AppHost midway
  # through its shutdown, until `stop` gave up waiting and killed it ("Killed", status 137).
  (
    echo "$BASHPID" >"$PID_FILE"
    cd "$ROOT/AppHost"
    exec dotnet "$APPHOST_DLL" </dev/null
  ) &
  local apphost_pid=$!
  announce_when_ready "$apphost_pid" "$login" &
  local watcher=$!
  local rc=0 kubeconfig=""
  while kill -0 "$apphost_pid" 2>/dev/null; do
    [[ -n "$kubeconfig" ]] || kubeconfig=$(orchestrator_of "$apphost_pid")
    if (( forward )); then
      kill -INT "$apphost_pid" 2>/dev/null || true
      kill -CONT "$apphost_pid" 2>/dev/null || true
      forward=0
    fi
    # A trapped signal ends the wait at once; the AppHost's own exit is seen within the pause (a fork a second
    # was a steady 0.15% of this machine at rest).
    if [[ -n "$kubeconfig" ]]; then sleep 5 & else sleep 1 & fi
    wait $! || true
  done
  wait "$apphost_pid" || rc=$?
  # The watcher ends by itself within a second once the AppHost is gone; killing it would print "Terminated".
  wait "$watcher" 2>/dev/null || true
  wait_until_stopped "$apphost_pid" "$kubeconfig"
  rm -f "$PID_FILE"
  stop_stray_servers
  say "Platform stopped"
  # 130/143: stopped by Ctrl-C or SIGTERM, which is how a run normally ends.
  (( rc == 0 || rc == 130 || rc == 143 )) || exit "$rc"
}

# --- token, demo ---------------------------------------------------------------------------------------

# The programme admin's password: generated on the first run and kept in the AppHost's user secrets.
admin_password() {
  if [[ -n "${PLATFORM_ADMIN_PASSWORD:-}" ]]; then echo "$PLATFORM_ADMIN_PASSWORD"; return; fi
  dotnet user-secrets list --project "$APPHOST_PROJECT" 2>/dev/null | sed -n 's/^Parameters:identity-admin-password = //p'
}

# tools/Platform.Demo talks to the running platform through the gateway only; machine clients' secrets stay in .data.
# It is built when a source changed since its last build; only the tool's own output reaches stdout.
run_tool() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing; install .NET 10 (https://dot.net)"
  if [[ ! -f "$TOOLS_DLL" ]] || [[ -n "$(find "$ROOT/tools/Platform.Demo" "$ROOT/services/Contracts" -name '*.cs' -newer "$TOOLS_DLL" -not -path '*/obj/*' -print -quit)" ]]; then
    dotnet build "$TOOLS_PROJECT" --verbosity quiet -nologo >&2 || die "building tools/Platform.Demo failed"
  fi
  mkdir -p "$DATA_DIR"
  PLATFORM_ADMIN_PASSWORD="$(admin_password)" PLATFORM_GATEWAY="${PLATFORM_GATEWAY:-http://localhost:$GATEWAY_PORT}" \
    PLATFORM_STATE="$DATA_DIR" dotnet "$TOOLS_DLL" "$@"
}

# Lists a service's _error queues, or re-drives them, through its admin-only operations endpoint.
cmd_error_queues() {
  local url=${1:-} path=/operations/messaging/error-queues token
  [[ -n "$url" ]] || die "usage: ./platform.sh error-queues URL [--redrive [QUEUE]] (URL: the service, from the dashboard)"
  token=$(run_tool token) || die "no admin token: is the platform running?"
  if [[ "${2:-}" == "--redrive" ]]; then
    curl -fsS -X POST -H "Authorization: Bearer $token" "${url%/}$path/redrive${3:+?queue=$3}"
  else
    curl -fsS -H "Authorization: Bearer $token" "${url%/}$path"
  fi
  echo
}

# --- test ----------------------------------------------------------------------------------------------

# Sums an attribute of the <Counters> element over all TRX reports.
trx_sum() {
  local attribute=$1 total=0 value file
  for file in "$RESULTS_DIR"/*.trx; do
    [[ -f "$file" ]] || continue
    value=$(grep -o '<Counters [^>]*>' "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

# The tests that did not pass, each with the first lines of its message, last in the output so that a log's tail
# names them (CI shows only the end of a long log).
trx_failures() {
  local file
  for file in "$RESULTS_DIR"/*.trx; do
    [[ -f "$file" ]] || continue
    awk -v report="$(basename "$file")" '
      function decode(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); return s }
      /<UnitTestResult / {
        failing = $0 !~ /outcome="(Passed|NotExecuted)"/
        if (failing) {
          name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
          took = $0; sub(/.*duration="/, "", took); sub(/".*/, "", took)
          outcome = $0; sub(/.*outcome="/, "", outcome); sub(/".*/, "", outcome)
          print "  " outcome ": " decode(name) " (" took ", " report ")"
          lines = 0; inmessage = 0
        }
      }
      failing && /<Message>/ { inmessage = 1; sub(/.*<Message>/, "") }
      failing && inmessage {
        text = $0; done = sub(/<\/Message>.*/, "", text)
        if (lines < 4 && text != "") { print "      " substr(decode(text), 1, 300); lines++ }
        if (done) { inmessage = 0; failing = 0 }
      }
    ' "$file"
  done
}

cmd_test() {
  cmd_install
  ensure_kubectl
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  say "Running the tests"
  local rc=0
  dotnet test --solution "$ROOT/Platform.sln" --report-trx --results-directory "$RESULTS_DIR" || rc=$?
  # The end-to-end suite once more with two processes of every service and of the gateway (docs/operations.md,
  # Replicas): nothing a replica needs may live in another's memory. Its report has a name of its own, so it is counted too.
  say "Running the end-to-end tests with two replicas of every service and of the gateway"
  E2E_REPLICAS=2 dotnet test --project "$ROOT/tests/Platform.EndToEndTests" --no-build --report-trx \
    --report-trx-filename replicas-e2e.trx --results-directory "$RESULTS_DIR" || rc=$?

  local passed failed
  passed=$(trx_sum passed)
  failed=$(( $(trx_sum failed) + $(trx_sum error) + $(trx_sum timeout) + $(trx_sum aborted) ))
  (( rc == 0 )) || echo "dotnet test exited with code $rc (reports in $RESULTS_DIR)" >&2
  if (( failed > 0 )); then
    echo "Not passed:"
    trx_failures
  fi
  echo "$passed passed, $failed failed"
  (( rc == 0 && failed == 0 ))
}

# --- bench ---------------------------------------------------------------------------------------------

# The benchmarks start their own processes on 127.0.0.1 and stop them when done (bench/bench.sh).
cmd_bench() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing; install .NET 10 (https://dot.net)"
  if ! command -v wrk >/dev/null; then
    command -v apt-get >/dev/null || die "wrk is missing and there is no apt-get here; install wrk with your package manager"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
      command -v sudo >/dev/null || die "installing wrk needs root (or sudo)"
      sudo=(sudo)
    fi
    say "Installing wrk"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk \
      || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; } \
      || die "apt-get install wrk failed"
  fi
  "$ROOT/bench/bench.sh" "$@"
}

# The deployment tests render the manifests with `kubectl kustomize`; without kubectl, Debian's kubernetes-client has it.
ensure_kubectl() {
  command -v kubectl >/dev/null && return 0
  command -v apt-get >/dev/null || die "kubectl is missing and there is no apt-get here; install kubectl (the deployment tests render with it)"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing kubectl needs root (or sudo)"
    sudo=(sudo)
  fi
  say "Installing kubectl (kubernetes-client)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q kubernetes-client \
    || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q kubernetes-client; } \
    || die "apt-get install kubernetes-client failed"
}

# --- deploy-manifests ----------------------------------------------------------------------------------

# The AppHost in publish mode writes the manifests of its model (AppHost/Deployment): a Kustomize base and the
# overlays dev and production in DIR (artifacts/kubernetes unless given; relative to the repository), then both
# overlays are rendered once. Further arguments are AppHost settings: --Replicas:NAME=N, --Deploy:production:Host=...,
# --Deploy:production:Registry=..., --Deploy:production:Tag=... (docs/production.md). The servers are provisioned
# outside the cluster, so the model is built with container resources, which need no engine to be described.
cmd_deploy_manifests() {
  local dir=artifacts/kubernetes
  if [[ $# -gt 0 && "$1" != --* ]]; then dir=$1; shift; fi
  dir=$(realpath -m "$dir")
  command -v dotnet >/dev/null || die "the .NET SDK is missing; install .NET 10 (https://dot.net)"
  say "Building the AppHost"
  dotnet build "$APPHOST_PROJECT" --verbosity quiet -nologo
  say "Writing the Kubernetes manifests to $dir"
  (cd "$ROOT/AppHost" && dotnet "$APPHOST_DLL" --operation publish --Infra:Mode=container --Deploy:ManifestsDir="$dir" "$@")
  if command -v kubectl >/dev/null; then
    local overlay
    for overlay in dev production; do
      kubectl kustomize "$dir/overlays/$overlay" >/dev/null || die "kubectl kustomize $dir/overlays/$overlay failed"
    done
    say "Both overlays render: kubectl apply -k $dir/overlays/production (after the Secrets in $dir/SECRETS.md)"
  fi
}

# -------------------------------------------------------------------------------------------------------

case "${1:-}" in
  run | stop | reset | install | test) "cmd_$1" ;;
  bench) shift; cmd_bench "$@" ;;
  deploy-manifests) shift; cmd_deploy_manifests "$@" ;;
  token | demo) run_tool "$@" ;;
  error-queues) shift; cmd_error_queues "$@" ;;
  *) usage ;;
esac
