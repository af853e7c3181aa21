#!/usr/bin/env bash
# Live meeting views (issue 5): the time from a secretary's change to its appearance in other open views of the
# meeting, and the server's memory per open view. Builds Release, starts the app on a fresh SQLite database with the
# demo seed, then runs tests/CoCommissioning.LiveViewLoad, which (see its Program.cs):
#   1. as the secretary, through the JSON API, schedules a meeting of the demo PCCC starting now, adds an item and
#      takes it as current;
#   2. reads the app's VmRSS (3 s after the last page load) with no view open, opens VIEWS views (member views at
#      /meetings/{id}/live, a few chair's views at /chair; one headless Chromium context and circuit each) and reads
#      it again: memory per view = difference / VIEWS;
#   3. makes CHANGES arrivals and departures through the API, one every INTERVAL ms, and records in each page (a
#      MutationObserver on data-version) when the new version appears: latency = that moment - just before the POST;
#   4. with MORE views, opens that many more and repeats 2 and 3.
# Usage: tests/load/live-view-latency.sh [VIEWS=20] [CHANGES=50] [MORE=20] [INTERVAL=300]
#        DOTNET_gcServer=0 tests/load/live-view-latency.sh   # the app on workstation GC (the default is server GC)
#        INSTANCES=2 tests/load/live-view-latency.sh 20 50 0 # two instances on one PostgreSQL database (ADR-0014)
# With INSTANCES=2 the app runs twice on a fresh PostgreSQL database, the second started once the first has migrated
# and seeded it; the views are split between the two, the changes all go to the first, and the latency is reported
# per instance as well. The server is COCO_LOAD_POSTGRES (an Npgsql connection string of a user who may create a
# database), else a throwaway cluster started here from /usr/lib/postgresql/*/bin and removed when done.
# Needs /usr/bin/chromium (never downloads a browser). Loopback only; stops the apps when done.
set -euo pipefail
views=${1:-20}
changes=${2:-50}
more=${3:-20}
interval=${4:-300}
instances=${INSTANCES:-1}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
pids=()
pg_data=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_data" ]; then
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -s stop) >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }

echo "publishing (Release)"
# Published, not just built: in Production the app serves blazor.web.js and MudBlazor's files only from a published
# wwwroot (a build output's static web assets manifest points at the NuGet cache, which only Development follows).
dotnet publish "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet build "$root/tests/CoCommissioning.LiveViewLoad" -c Release -o "$work/tool" -nologo -v q >/dev/null
database=(ConnectionStrings__CoCommissioning="Data Source=$work/live.db")
if [ "$instances" -gt 1 ]; then
  server=${COCO_LOAD_POSTGRES:-}
  if [ -z "$server" ]; then
    # A throwaway cluster as the postgres user (initdb refuses root), its socket and data in the work folder.
    pg_bin=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' -printf '%h\n' | sort -V | tail -n 1)
    [ -n "$pg_bin" ] || { echo "INSTANCES=$instances needs PostgreSQL: set COCO_LOAD_POSTGRES or apt-get install postgresql" >&2; exit 1; }
    pg_data="$work/pg"
    pg_port=$((30000 + RANDOM % 20000))
    mkdir -p "$pg_data" && chmod 755 "$work" && chown postgres: "$pg_data"
    (cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres --no-sync) >"$work/initdb.log" 2>&1
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/log" -w -s \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=200" start) >/dev/null
    server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  fi
  echo "PostgreSQL: $server (a new database in it)"
  # A later Database= overrides the server's; the first instance creates the database as it migrates.
  database=(Database__Provider=Postgres ConnectionStrings__CoCommissioning="$server;Database=live_view_load_$RANDOM")
fi

bases=()
start_app() {
  local n=$1 port=$((30000 + RANDOM % 20000))
  local base="http://127.0.0.1:$port"
  env ASPNETCORE_ENVIRONMENT=Production "${database[@]}" Demo__Seed=true Serilog__MinimumLevel__Default=Warning \
    dotnet "$work/app/CoCommissioning.Web.dll" --urls "$base" --contentRoot "$work/app" >"$work/app$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "$base/health"; then break; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$work/app$n.log"; exit 1; fi
    sleep 0.2
  done
  curl -fs -o /dev/null "$base/health" || { echo "instance $n did not answer /health" >&2; cat "$work/app$n.log"; exit 1; }
  bases+=("$base")
}

for n in $(seq 1 "$instances"); do
  # One after another: the first migrates and seeds (creating the database on PostgreSQL), the rest find it ready.
  echo "starting instance $n of the app"
  start_app "$n"
done
base=${bases[0]}
pid=${pids[0]}
view_bases=$(IFS=,; echo "${bases[*]}")

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); app GC: $([ "${DOTNET_gcServer:-1}" = 0 ] && echo workstation || echo server)"
rc=0
dotnet "$work/tool/CoCommissioning.LiveViewLoad.dll" --base-url "$base" --pid "$pid" \
  --views "$views" --changes "$changes" --more-views "$more" --interval-ms "$interval" --view-base-urls "$view_bases" || rc=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for log in "$work"/app*.log; do
  if grep -qE ' (WRN|ERR|FTL)\]' "$log"; then
    echo "warnings and errors of $(basename "$log" .log):"
    grep -E -A6 ' (WRN|ERR|FTL)\]' "$log" | head -80
  fi
done
exit "$rc"
