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
# Needs /usr/bin/chromium (never downloads a browser). Loopback only; stops the app when done.
set -euo pipefail
views=${1:-20}
changes=${2:-50}
more=${3:-20}
interval=${4:-300}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }

echo "publishing (Release)"
# Published, not just built: in Production the app serves blazor.web.js and MudBlazor's files only from a published
# wwwroot (a build output's static web assets manifest points at the NuGet cache, which only Development follows).
dotnet publish "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet build "$root/tests/CoCommissioning.LiveViewLoad" -c Release -o "$work/tool" -nologo -v q >/dev/null
port=$((30000 + RANDOM % 20000))
base="http://127.0.0.1:$port"

echo "starting the app (new database: migrations and demo seed)"
env ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__CoCommissioning="Data Source=$work/live.db" \
Demo__Seed=true \
Serilog__MinimumLevel__Default=Warning \
  dotnet "$work/app/CoCommissioning.Web.dll" --urls "$base" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "$base/health"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 0.2
done
curl -fs -o /dev/null "$base/health" || { echo "the app did not answer /health" >&2; cat "$work/app.log"; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); app GC: $([ "${DOTNET_gcServer:-1}" = 0 ] && echo workstation || echo server)"
rc=0
dotnet "$work/tool/CoCommissioning.LiveViewLoad.dll" --base-url "$base" --pid "$pid" \
  --views "$views" --changes "$changes" --more-views "$more" --interval-ms "$interval" || rc=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -qE ' (WRN|ERR|FTL)\]' "$work/app.log"; then
  echo "app warnings and errors:"
  grep -E -A6 ' (WRN|ERR|FTL)\]' "$work/app.log" | head -80
fi
exit "$rc"
