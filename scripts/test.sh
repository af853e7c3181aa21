#!/usr/bin/env bash
# Runs every test in the solution: one `dotnet test CoCommissioning.sln`, any arguments passed through.
#
#   scripts/test.sh                                  # everything
#   scripts/test.sh --filter "FullyQualifiedName~Quorum"
#
# Environment:
#   COCO_TEST_POSTGRES  Npgsql connection string of a PostgreSQL server the tests may create and drop
#                       databases on. Unset: this script starts a throwaway cluster on 127.0.0.1 (trust
#                       auth, user postgres, random free port), exports the variable for the tests and
#                       removes the cluster when it exits.
#
# As root on a machine without them, it installs Debian's chromium and postgresql first.
# The last line printed is "Tests: N passed, N failed, N skipped"; the exit code is dotnet test's,
# or 1 if no test ran at all. TRX files, dotnet test's output and any apt-get log are left in
# TestResults/ (ignored by git).
set -euo pipefail

started=$SECONDS
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

log() { printf '==> %s\n' "$*"; }

elapsed() {
  local s=$((SECONDS - started))
  printf '%dm %02ds' $((s / 60)) $((s % 60))
}

# --- state and cleanup ----------------------------------------------------------------------------
pg_dir=""
pg_bin=""
pg_owner=""
mkdir -p "$root/TestResults"

as_pg_owner() {
  if [ -n "$pg_owner" ]; then
    runuser -u "$pg_owner" -- "$@"
  else
    "$@"
  fi
}

stop_postgres() {
  if [ -n "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      # cd: runuser keeps the working directory, which the postgres user may not be able to read.
      (cd "$pg_dir" && as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -s -w stop) >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
    pg_dir=""
  fi
}

# shellcheck disable=SC2317  # called from the EXIT trap
on_exit() {
  local rc=$?
  stop_postgres
  if [ -n "${summary_printed:-}" ]; then
    return
  fi
  echo "scripts/test.sh stopped early (exit $rc) after $(elapsed)" >&2
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- dotnet ----------------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  for d in /usr/share/dotnet "${HOME:-/root}/.dotnet"; do
    if [ -x "$d/dotnet" ]; then
      export PATH="$d:$PATH"
      break
    fi
  done
fi
command -v dotnet >/dev/null 2>&1 || { echo "dotnet is not on PATH" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Debian packages -------------------------------------------------------------------------------
is_root=false
[ "$(id -u)" -eq 0 ] && is_root=true

find_pg_bin() {
  # Highest major version wins: /usr/lib/postgresql/15/bin beats /usr/lib/postgresql/13/bin.
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' -printf '%h\n' 2>/dev/null \
    | sort -V | tail -n 1) || true
  printf '%s' "$dir"
}

need=()
if [ ! -x /usr/bin/chromium ]; then
  # Recommends are skipped (printing, desktop services); these two of them matter for rendering.
  need+=(chromium fonts-liberation libgl1-mesa-dri)
fi
if [ -z "${COCO_TEST_POSTGRES:-}" ] && [ -z "$(find_pg_bin)" ]; then
  need+=(postgresql)
fi
if [ "${#need[@]}" -gt 0 ]; then
  if $is_root; then
    apt_log="$root/TestResults/apt-get.log"
    log "installing ${need[*]} with apt-get (log: ${apt_log#"$root"/})"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; } </dev/null >"$apt_log" 2>&1; then
      echo "apt-get failed installing ${need[*]}:" >&2
      tail -n 60 "$apt_log" >&2
      exit 1
    fi
  else
    echo "warning: not root, so not installing: ${need[*]}" >&2
  fi
fi

# --- PostgreSQL ------------------------------------------------------------------------------------
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    # Nothing answering on it (connection refused) means it is free, for our purposes.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return 0
    fi
  done
  return 1
}

if [ -n "${COCO_TEST_POSTGRES:-}" ]; then
  log "using the PostgreSQL server in COCO_TEST_POSTGRES"
else
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ]; then
    echo "no /usr/lib/postgresql/*/bin/initdb: install postgresql, or set COCO_TEST_POSTGRES" >&2
    exit 1
  fi
  if $is_root; then
    pg_owner=postgres
    if ! id -u "$pg_owner" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_owner"
    fi
  fi
  # Under /tmp whatever TMPDIR says: the postgres user must reach it, and the socket path must stay short.
  pg_dir=$(mktemp -d /tmp/coco-pg.XXXXXX)
  if [ -n "$pg_owner" ]; then
    chown "$pg_owner:" "$pg_dir"
  fi
  pg_log="$pg_dir/postgres.log"

  log "starting a throwaway PostgreSQL ($pg_bin) in $pg_dir"
  if ! (cd "$pg_dir" && as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-sync) \
    >"$pg_dir/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$pg_dir/initdb.log" >&2
    exit 1
  fi

  started_pg=false
  for attempt in 1 2 3 4 5; do
    port=$(free_port) || { echo "no free TCP port found" >&2; exit 1; }
    if (cd "$pg_dir" && as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_log" -w -t 60 -s \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start) >/dev/null 2>&1; then
      started_pg=true
      break
    fi
    echo "PostgreSQL did not start on port $port (attempt $attempt)" >&2
  done
  if ! $started_pg; then
    echo "could not start PostgreSQL; its log:" >&2
    cat "$pg_log" >&2 || true
    exit 1
  fi
  export COCO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL ready: COCO_TEST_POSTGRES=$COCO_TEST_POSTGRES"
fi

# --- tests -----------------------------------------------------------------------------------------
results="$root/TestResults/trx"
mkdir -p "$results"
find "$results" -maxdepth 1 -name '*.trx' -delete
test_log="$root/TestResults/dotnet-test.log"

# Build once, then test with --no-build: dotnet test then runs the three test assemblies side by side (after a
# build of its own it ran them one after another), and the unit tests, the API tests and the browser tests each
# leave part of the two cores idle.
no_build=false
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then
    no_build=true
  fi
done
set +e
if ! $no_build; then
  log "dotnet build CoCommissioning.sln"
  dotnet build CoCommissioning.sln </dev/null 2>&1 | tee "$test_log"
  build_rc=${PIPESTATUS[0]}
  if [ "$build_rc" -ne 0 ]; then
    echo "dotnet build failed (exit $build_rc): no test ran" >&2
    exit "$build_rc"
  fi
  set -- --no-build "$@"
fi
log "dotnet test CoCommissioning.sln $*"
dotnet test CoCommissioning.sln --logger "trx" --results-directory "$results" "$@" </dev/null 2>&1 | tee -a "$test_log"
test_rc=${PIPESTATUS[0]}
set -e

# --- summary ---------------------------------------------------------------------------------------
# One count attribute of a TRX <Counters .../> element; 0 if absent.
counter() {
  local value
  value=$(printf '%s\n' "$1" | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p")
  printf '%s' "${value:-0}"
}

passed=0
failed=0
skipped=0
trx_count=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(tr '\n' ' ' <"$trx" | grep -o '<Counters[^>]*>' | head -n 1) || true
  [ -n "$counters" ] || continue
  trx_count=$((trx_count + 1))
  passed=$((passed + $(counter "$counters" passed)))
  failed=$((failed + $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout)))
  # The TRX logger leaves notExecuted at 0 for xunit's skipped tests, which it counts in total but
  # not in executed, so take whichever of the two says more.
  not_executed=$(counter "$counters" notExecuted)
  unrun=$(($(counter "$counters" total) - $(counter "$counters" executed)))
  [ "$unrun" -gt "$not_executed" ] && not_executed=$unrun
  skipped=$((skipped + not_executed))
done
shopt -u nullglob

if [ "$trx_count" -eq 0 ]; then
  # No TRX at all (say, the logger was overridden): read dotnet test's per-assembly lines instead,
  # e.g. "Passed!  - Failed:     0, Passed:     5, Skipped:     1, Total:     6, Duration: ...".
  while IFS= read -r line; do
    f=$(printf '%s' "$line" | sed -n 's/.*Failed:[[:space:]]*\([0-9]*\).*/\1/p')
    p=$(printf '%s' "$line" | sed -n 's/.*Passed:[[:space:]]*\([0-9]*\).*/\1/p')
    s=$(printf '%s' "$line" | sed -n 's/.*Skipped:[[:space:]]*\([0-9]*\).*/\1/p')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${s:-0}))
  done < <(grep -E '^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:' "$test_log" || true)
fi

stop_postgres

rc=$test_rc
if [ $((passed + failed)) -eq 0 ]; then
  echo "No test ran (none passed or failed)." >&2
  [ "$rc" -ne 0 ] || rc=1
fi
if [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ]; then
  rc=1
fi

echo "dotnet test exited $test_rc; whole run took $(elapsed); TRX files: $trx_count in ${results#"$root"/}"
summary_printed=1
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
