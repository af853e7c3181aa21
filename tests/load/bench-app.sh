# Shared by the public load scripts (source it): installs wrk, builds the app in Release, starts it in Production on
# a fresh SQLite database with the opt-in static folder (Bench:StaticFolder, served at /bench) beside it, waits until
# healthy, and stops it on exit. The caller passes its extra settings (what to seed) as NAME=value arguments.
# Sets: root, work (a temporary folder), base (the app's address), pid.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

bench_app_start() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk"
    (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
  fi

  echo "building (Release)"
  dotnet build "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
  mkdir -p "$work/static"
  local port=$((30000 + RANDOM % 20000))
  base="http://127.0.0.1:$port"

  echo "starting the app"
  local start; start=$(date +%s)
  # Request logging goes to the console at Information; at Warning the console does not dominate both runs alike.
  env ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CoCommissioning="Data Source=$work/bench.db" \
    Bench__StaticFolder="$work/static" \
    Serilog__MinimumLevel__Default=Warning \
    "$@" \
    dotnet "$work/app/CoCommissioning.Web.dll" --urls "$base" --contentRoot "$root/src/CoCommissioning.Web" >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3600); do
    if curl -fs -o /dev/null "$base/health"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
    sleep 0.5
  done
  echo "ready after $(( $(date +%s) - start )) s"
}
