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
# shellcheck source=tests/load/bench-app.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
bench_app_start Demo__Seed=true

slug=example-ccg
committee=$(curl -fs "$base/api/public/organisations/$slug/committees" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
meeting=$(curl -fs "$base/api/public/organisations/$slug/meetings" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
procurement=$(curl -fs "$base/api/public/organisations/$slug/registers/procurement" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
pages=(
  "/public/$slug"
  "/public/$slug/committees/$committee"
  "/public/$slug/meetings"
  "/public/$slug/meetings/$meeting"
  "/public/$slug/decisions"
  "/public/$slug/registers/interests"
  "/public/$slug/registers/gifts"
  "/public/$slug/registers/procurement"
  "/public/$slug/registers/procurement/$procurement"
  "/public/$slug/registers/breaches"
  "/public/$slug/search?q=merger"
  "/public/$slug/data"
)

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
  label=${page//$committee/\{committee\}}; label=${label//$meeting/\{meeting\}}; label=${label//$procurement/\{id\}}
  printf '| %-44s | %7d | %9s | %9s | %9s | %9s | %9s | %5s |\n' "$label" "$(stat -c %s "$work/static/page-$n.html")" \
    "$prps" "$p50" "$p99" "$srps" "$s99" "$(awk -v a="$prps" -v b="$srps" 'BEGIN { printf "%.2f", a / b }')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
