#!/usr/bin/env bash
# Start-to-ready time of Lectern against an empty Liberty server with the same features,
# measured in the same run, cold (--clean) each time: what a new pod goes through.
#
#   bench/startup/run.sh [runs]      (default 3; needs PostgreSQL, Redis optional)
#
# Prints one line per start and the medians; the empty server is the reference, so the
# ratio is Lectern's own start-up cost (deployment, CDI, JPA, first migration check).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
wlp=target/liberty/wlp
pg_host=${LECTERN_TEST_PG_HOST:-127.0.0.1}
pg_port=${LECTERN_TEST_PG_PORT:-5432}

if [ ! -d "$wlp/usr/servers/lectern/apps" ]; then
  mvn -B -q -DskipTests package liberty:create liberty:deploy
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

db="lectern_bench_$$"
psql -h "$pg_host" -p "$pg_port" -U postgres -qc "CREATE DATABASE $db"
trap 'psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$wlp/usr/servers/bench-lectern" "$wlp/usr/servers/bench-empty"' EXIT

# The reference: same feature list and HTTP endpoint, no application.
rm -rf "$wlp/usr/servers/bench-empty" "$wlp/usr/servers/bench-lectern"
mkdir -p "$wlp/usr/servers/bench-empty"
{
  echo '<server description="empty reference">'
  sed -n '/<featureManager>/,/<\/featureManager>/p' src/main/liberty/config/server.xml
  echo '  <variable name="http.port" defaultValue="9080"/>'
  echo '  <variable name="https.port" defaultValue="9443"/>'
  echo '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="${http.port}" httpsPort="${https.port}"/>'
  echo '  <mpMetrics authentication="false"/>'
  echo '</server>'
} > "$wlp/usr/servers/bench-empty/server.xml"
cp "$wlp/usr/servers/lectern/server.env" "$wlp/usr/servers/bench-empty/server.env"
cp -r "$wlp/usr/servers/lectern" "$wlp/usr/servers/bench-lectern"
rm -rf "$wlp/usr/servers/bench-lectern/logs" "$wlp/usr/servers/bench-lectern/workarea"

measure() { # server-name -> prints milliseconds from launch to /health/ready 200
  local name=$1 port
  port=$(free_port)
  local start
  start=$(now_ms)
  HTTP_PORT=$port HTTPS_PORT=$(free_port) \
    DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" DB_USER=postgres DB_PASSWORD= \
    REDIS_KEY_PREFIX="bench-$$:" LECTERN_MASTER_KEY="bench-only-master-key-$$-0123456789abcdef" \
    "$wlp/bin/server" run "$name" --clean >/dev/null 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server $name died" >&2; exit 1; }
    sleep 0.05
  done
  local ready
  ready=$(now_ms)
  "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
  wait "$pid" 2>/dev/null || true
  echo $((ready - start))
}

lectern=() empty=()
for i in $(seq 1 "$runs"); do
  e=$(measure bench-empty); empty+=("$e")
  l=$(measure bench-lectern); lectern+=("$l")
  echo "run $i: empty Liberty ${e} ms, Lectern ${l} ms"
done

python3 - "${empty[*]}" "${lectern[*]}" <<'PY'
import statistics, sys
empty = [int(x) for x in sys.argv[1].split()]
lectern = [int(x) for x in sys.argv[2].split()]
me, ml = statistics.median(empty), statistics.median(lectern)
print(f"median start-to-ready: empty Liberty {me:.0f} ms, Lectern {ml:.0f} ms, ratio {ml/me:.2f}")
PY
