#!/usr/bin/env bash
# Load test of the public register (issue 4). Builds Release, starts the app on a fresh SQLite database seeded with
# "load-test-icb" (5,000 decision-making people, 20,000 accepted public interests) and "load-test-icb-large"
# (100,000 interests), then:
#   1. wrk -t2 -c32 -d20s --latency against the first page of the register of interests, then against a static file
#      of the same byte size served by the same app (the opt-in Bench:StaticFolder), and prints requests/s,
#      p50 and p99 for both and their ratio (target: page >= 0.5 x static, page p99 < 100 ms);
#   2. the app's memory (VmRSS sampled every 20 ms, and VmHWM, from /proc/<pid>/status) while downloading the CSV of
#      20,000 rows and then of 100,000 rows, to show memory does not grow with the row count.
# Usage: tests/load/public-register-load.sh [duration, default 20s]. Loopback only; stops the app when done.
set -euo pipefail
duration=${1:-20s}
# shellcheck source=tests/load/bench-app.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
echo "seeding takes a while"
bench_app_start Demo__Seed=false \
  LoadTest__Seed=true LoadTest__People=5000 LoadTest__Declarations=20000 LoadTest__LargeDeclarations=100000 \
  "Serilog__MinimumLevel__Override__CoCommissioning.Web.Features.PublicRegisters.LoadTestSeeder=Information"
grep -h "Seeded load test" "$work/app.log" | sed 's/{.*//' || true

page="/public/load-test-icb/registers/interests"
curl -fs -o "$work/page.html" "$base$page"
size=$(stat -c %s "$work/page.html")
# Same bytes, same size: the page as a file.
cp "$work/page.html" "$work/static/register-page.html"
curl -fs -o /dev/null "$base/bench/register-page.html"
echo "register page: $size bytes; static copy: $(curl -fs "$base/bench/register-page.html" | wc -c) bytes"
grep -o 'Showing entries[^<]*' "$work/page.html" || true

run_wrk() {
  local name=$1 url=$2 out="$work/wrk-$1.txt"
  wrk -t2 -c32 -d"$duration" --latency "$url" >"$out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  printf '%-16s %10s req/s   p50 %8s   p99 %8s   (%s)\n' "$name" "$rps" "$p50" "$p99" "$(awk '/requests in/ {print $1" requests, "$5" read"}' "$out")"
  eval "${name//-/_}_rps=$rps"
}

echo
echo "wrk -t2 -c32 -d$duration --latency (wrk and the app share the machine's $(nproc) cores)"
run_wrk register-page "$base$page"
run_wrk static-file "$base/bench/register-page.html"
awk -v a="$register_page_rps" -v b="$static_file_rps" 'BEGIN { printf "ratio page/static: %.2f (target >= 0.50)\n", a / b }'
grep -E "Non-2xx|Socket errors" "$work"/wrk-*.txt || true

echo
echo "cache misses (each URL new to the cache; curl time_total)"
for query in "page=2" "page=3" "page=200" "page=400" "q=aisha" "category=Indirect&page=7" "from=2026-01-01&to=2026-06-30"; do
  printf '  %-34s %s s\n' "?$query" "$(curl -fs -o /dev/null -w '%{time_total}' "$base$page?$query")"
done
printf '  %-34s %s s\n' "large organisation, first page" "$(curl -fs -o /dev/null -w '%{time_total}' "$base/public/load-test-icb-large/registers/interests")"

status() { awk -v k="$1:" '$1==k {print $2}' "/proc/$pid/status"; }

rows() {
  case $1 in
    json*) grep -o '"person":' "$work/$1.csv" | wc -l ;;
    *) echo $(( $(wc -l <"$work/$1.csv") - 1 )) ;;
  esac
}

download() {
  local name=$1 url=$2 peak=0 rss
  local before; before=$(status VmRSS)
  curl -fs -o "$work/$name.csv" "$url" &
  local curl_pid=$!
  local t0; t0=$(date +%s%N)
  while kill -0 "$curl_pid" 2>/dev/null; do
    rss=$(status VmRSS); [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.02
  done
  wait "$curl_pid"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '%-22s %7d rows  %6d KiB  %6d ms   VmRSS before %7d KiB, peak during %7d KiB, VmHWM after %7d KiB\n' \
    "$name" "$(rows "$name")" "$(( $(stat -c %s "$work/$name.csv") / 1024 ))" "$ms" "$before" "$peak" "$(status VmHWM)"
}

echo
echo "CSV downloads (memory of the app process, from /proc/$pid/status)"
download interests-20k "$base/public/load-test-icb/registers/interests.csv"
download interests-100k "$base/public/load-test-icb-large/registers/interests.csv"
download interests-20k-again "$base/public/load-test-icb/registers/interests.csv"
download interests-100k-again "$base/public/load-test-icb-large/registers/interests.csv"
download json-100k "$base/public/load-test-icb-large/registers/interests.json"
