#!/usr/bin/env bash
# Two instances behind the reverse proxy (issue 12), as docker-compose.yml runs them, without Docker: builds Release,
# starts a throwaway PostgreSQL 15 cluster, starts two instances of the app on it AT THE SAME TIME on the empty
# database, and puts Caddy in front with deploy/Caddyfile (the same file docker compose mounts). Then checks:
#   1. both instances come up (migrations and seeding take turns) and answer /health/ready;
#   2. the proxy sets its sticky-session cookie and keeps a browser on one instance;
#   3. a browser signs in through the proxy (the real form, with its antiforgery token), and that sign-in cookie is
#      accepted by each instance directly (the key ring is in PostgreSQL, not in a folder of one instance);
#   4. the proxy's responses carry the security headers, and the app saw the forwarded scheme (Secure cookies);
#   5. with the instance that served the browser stopped, the proxy sends the same browser to the other, still
#      signed in.
# Usage: tests/load/behind-proxy.sh        Needs caddy (apt-get install -y caddy) and PostgreSQL 15's binaries.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pg_bin=/usr/lib/postgresql/15/bin
work=$(mktemp -d)
chmod 755 "$work"
pids=()
pg_owner=""
[ "$(id -u)" = 0 ] && pg_owner=postgres
as_pg() { if [ -n "$pg_owner" ]; then (cd "$work" && runuser -u "$pg_owner" -- "$@"); else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -s -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; for f in "$work"/*.log; do echo "--- $f"; tail -30 "$f"; done >&2; exit 1; }
pass() { echo "ok: $*"; }

command -v caddy >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y caddy >/dev/null 2>&1; } || true
command -v caddy >/dev/null || { echo "needs caddy (apt-get install -y caddy)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "publishing (Release)"
dotnet publish "$root/src/CoCommissioning.Web" -c Release -o "$work/app" -nologo -v q >/dev/null

echo "starting PostgreSQL"
mkdir -p "$work/pg"
[ -n "$pg_owner" ] && chown "$pg_owner" "$work/pg"
pg_port=$(free_port)
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/pg.log" -s -w start
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=cocommissioning"
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database cocommissioning" >/dev/null

port_a=$(free_port); port_b=$(free_port); port_proxy=$(free_port)
start_instance() {
  env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__CoCommissioning="$connection" \
      Demo__Seed=true ForwardedHeaders__KnownProxies__0=127.0.0.1 Serilog__MinimumLevel__Default=Warning \
      dotnet "$work/app/CoCommissioning.Web.dll" --urls "http://127.0.0.1:$1" --contentRoot "$work/app" >"$work/$2.log" 2>&1 &
  pids+=("$!")
}
echo "starting two instances together on the empty database"
start_instance "$port_a" a
pid_a=${pids[-1]}
start_instance "$port_b" b
pid_b=${pids[-1]}
ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready"; }
for _ in $(seq 1 900); do
  ready "$port_a" && ready "$port_b" && break
  kill -0 "$pid_a" 2>/dev/null || fail "instance A exited"
  kill -0 "$pid_b" 2>/dev/null || fail "instance B exited"
  sleep 0.2
done
ready "$port_a" && ready "$port_b" || fail "the instances did not both become ready"
pass "both instances started together on an empty database and are ready"

APP_UPSTREAMS="127.0.0.1:$port_a 127.0.0.1:$port_b" SITE_ADDRESS=":$port_proxy" \
  caddy run --config "$root/deploy/Caddyfile" --adapter caddyfile >"$work/proxy.log" 2>&1 &
pids+=("$!")
proxy="http://127.0.0.1:$port_proxy"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$proxy/health/live" && break; sleep 0.1; done

jar="$work/cookies.txt"
headers=$(curl -s -D - -o "$work/login.html" -c "$jar" -b "$jar" "$proxy/account/login")
grep -qi '^set-cookie: cocommissioning_instance=' <<<"$headers" || fail "the proxy set no sticky-session cookie"
pass "the proxy sets its sticky-session cookie"
for header in content-security-policy x-content-type-options referrer-policy permissions-policy; do
  grep -qi "^$header:" <<<"$headers" || fail "no $header header through the proxy"
done
pass "security headers present through the proxy"

token=$(python3 -c 'import re,sys; m=re.search(r"<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", open(sys.argv[1]).read()); print(re.search(r"value=\"([^\"]*)\"", m.group(0)).group(1) if m else "")' "$work/login.html")
[ -n "$token" ] || fail "no antiforgery token on the sign-in page"
login_headers=$(curl -s -D - -o /dev/null -c "$jar" -b "$jar" -H "X-Forwarded-Proto: https" \
  --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=secretary@example-ccg.nhs.uk" --data-urlencode "Input.Password=Demo-Password-2026" \
  "$proxy/account/login")
grep -qi '^set-cookie: CoCommissioning.Auth' <<<"$login_headers" || fail "signing in through the proxy set no sign-in cookie"
pass "signed in through the proxy"

# The proxy's cookie file rows are scoped to 127.0.0.1; curl sends them to any port of that host.
for port in "$port_a" "$port_b"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$port/api/me")
  [ "$status" = 200 ] || fail "instance on $port refused the sign-in cookie ($status)"
done
pass "the sign-in cookie is accepted by both instances directly"

served_by=$(grep -o 'cocommissioning_instance[[:space:]]*[^[:space:]]*' "$jar" | awk '{print $2}')
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -b "$jar" -c "$jar" "$proxy/api/me"
done
[ "$(grep -o 'cocommissioning_instance[[:space:]]*[^[:space:]]*' "$jar" | awk '{print $2}')" = "$served_by" ] || fail "the sticky cookie changed"
pass "the browser stays on one instance"

kill "$pid_a" "$pid_b" 2>/dev/null; sleep 0.1
start_instance "$port_b" b2   # B comes back alone; A stays down: whichever the browser had, the other now serves
for _ in $(seq 1 300); do ready "$port_b" && break; sleep 0.2; done
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$proxy/api/me")
[ "$status" = 200 ] || fail "after its instance stopped, the browser was not served signed in by the other ($status)"
pass "with instances stopped and one restarted, the browser is served by it and is still signed in"
echo "all checks passed"
