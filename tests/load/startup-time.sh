#!/usr/bin/env bash
# Measures start-up to first page on the embedded SQLite default: the time from launching the built app to the
# first 200 of the sign-in page, with a new database (migrations + demo seed) and with an existing one.
# Usage: tests/load/startup-time.sh [runs]   (default 3 runs of each). Loopback only; stops by itself.
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
port=$((30000 + RANDOM % 20000))

measure() {
  local db=$1 start end
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__CoCommissioning="Data Source=$db" Demo__Seed=true \
    dotnet "$work/app/CoCommissioning.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/CoCommissioning.Web" >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/account/login"; then break; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "runs: $runs"
for i in $(seq 1 "$runs"); do
  rm -f "$work/new.db"*
  echo "new database (migrate + seed) run $i: $(measure "$work/new.db") ms"
done
for i in $(seq 1 "$runs"); do
  echo "existing database run $i: $(measure "$work/new.db") ms"
done
