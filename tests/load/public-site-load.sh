#!/usr/bin/env bash
# Throughput of the public site's pages against a static file of the same bytes (issue 14), as
# public-register-load.sh does for the register. Builds Release, starts the app in Production on a fresh SQLite
# database with the demo seed (Demo__Seed=true, as a public site would have real data of that size), finds a
# committee and a published meeting through the public API, then for each public page:
#   wrk -t2 -c32 -d$DURATION --latency against the page, then against a copy of its HTML served as a static file by
#   the same app (the opt-in Bench:StaticFolder), and prints requests/s, p50, p99 and the ratio page/static.
# Usage: tests/load/public-site-load.sh [duration, default 10s]. Loopback only; stops the app when done.
set -euo pipefail
duration=${1:-10s}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk"
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi

echo "building (Release)"
dotnet build "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
mkdir -p "$work/static"
port=$((30000 + RANDOM % 20000))
base="http://127.0.0.1:$port"

env ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__CoCommissioning="Data Source=$work/site.db" \
Demo__Seed=true \
Bench__StaticFolder="$work/static" \
Serilog__MinimumLevel__Default=Warning \
  dotnet "$work/app/CoCommissioning.Web.dll" --urls "$base" --contentRoot "$root/src/CoCommissioning.Web" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "$base/health"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 0.5
done

slug=example-ccg
committee=$(curl -fs "$base/api/public/organisations/$slug/committees" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
meeting=$(curl -fs "$base/api/public/organisations/$slug/meetings" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
pages=(
  "/public/$slug"
  "/public/$slug/committees/$committee"
  "/public/$slug/meetings"
  "/public/$slug/meetings/$meeting"
  "/public/$slug/decisions"
  "/public/$slug/registers/interests"
  "/public/$slug/registers/gifts"
  "/public/$slug/registers/procurement"
  "/public/$slug/search?q=merger"
)
# Pages added by later work, measured when the app serves them.
for optional in "/public/$slug/data"; do
  if curl -fs -o /dev/null "$base$optional"; then pages+=("$optional"); fi
done

measure() {
  local url=$1 out=$2
  wrk -t2 -c32 -d"$duration" --latency "$url" >"$out"
  printf '%s %s %s %s\n' "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1=="50%" {print $2}' "$out")" \
    "$(awk '$1=="99%" {print $2}' "$out")" "$(awk '/Non-2xx/ {print $4}' "$out")"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c32 -d$duration (wrk and the app share the cores)"
printf '| %-44s | %7s | %9s | %9s | %9s | %9s | %9s | %5s |\n' page bytes "page req/s" "page p50" "page p99" "file req/s" "file p99" ratio
n=0
for page in "${pages[@]}"; do
  n=$((n + 1))
  curl -fs -o "$work/static/page-$n.html" "$base$page"
  read -r prps p50 p99 non2xx < <(measure "$base$page" "$work/wrk-page-$n.txt")
  read -r srps _ s99 _ < <(measure "$base/bench/page-$n.html" "$work/wrk-file-$n.txt")
  if [ -n "${non2xx:-}" ]; then echo "  $page: $non2xx non-2xx responses" >&2; fi
  label=${page//$committee/\{committee\}}; label=${label//$meeting/\{meeting\}}
  printf '| %-44s | %7d | %9s | %9s | %9s | %9s | %9s | %5s |\n' "$label" "$(stat -c %s "$work/static/page-$n.html")" \
    "$prps" "$p50" "$p99" "$srps" "$s99" "$(awk -v a="$prps" -v b="$srps" 'BEGIN { printf "%.2f", a / b }')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
