#!/usr/bin/env bash
# Start-to-ready time of Lectern against an empty Liberty server with the same features,
# measured in the same run, cold (--clean) each time: what a new pod goes through.
#
#   bench/startup/run.sh [runs]      (default 3; needs PostgreSQL, Redis optional)
#
# Prints one line per start and the medians against two references measured in the same run:
# the empty server (no application: the ratio is everything deploying Lectern costs) and a
# minimal application on the same server and stack (minimal/: one JAX-RS resource, one CDI bean
# with configuration, one JPA entity on Hibernate and the same data source, one readiness check
# that reads the database), whose ratio is what Lectern costs beyond deploying any application
# on this stack.
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
trap 'psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$wlp/usr/servers/bench-lectern" "$wlp/usr/servers/bench-empty" "$wlp/usr/servers/bench-minimal"' EXIT

# The reference: same feature list and HTTP endpoint, no application.
rm -rf "$wlp/usr/servers/bench-empty" "$wlp/usr/servers/bench-lectern" "$wlp/usr/servers/bench-minimal"
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

# The minimal application takes Lectern's place on a copy of its server (same server.xml, shared
# libraries, data sources and JVM options).
minimal_dir=target/bench-minimal
rm -rf "$minimal_dir" && mkdir -p "$minimal_dir/WEB-INF/classes/META-INF"
api_jars=$(ls "$wlp"/dev/api/spec/io.openliberty.jakarta.{restfulWS.3.1,cdi.4.0,persistence.3.1,transaction.2.0,annotation.2.1}_*.jar \
  "$wlp"/dev/api/stable/io.openliberty.org.eclipse.microprofile.{config.3.1,health.4.0}_*.jar \
  "$wlp"/usr/servers/lectern/lib/hibernate/hibernate-core-*.jar | paste -sd:)
javac -d "$minimal_dir/WEB-INF/classes" -cp "$api_jars" bench/startup/minimal/*.java
cp bench/startup/minimal/META-INF/persistence.xml "$minimal_dir/WEB-INF/classes/META-INF/"
cp bench/startup/minimal/beans.xml "$minimal_dir/WEB-INF/"
cp -r "$wlp/usr/servers/bench-lectern" "$wlp/usr/servers/bench-minimal"
rm "$wlp/usr/servers/bench-minimal/apps/lectern.war"
jar cf "$wlp/usr/servers/bench-minimal/apps/lectern.war" -C "$minimal_dir" WEB-INF

measure() { # server-name -> prints ms from launch to /health/ready 200, and ms of the first request
  local name=$1 port
  port=$(free_port)
  local start
  start=$(now_ms)
  HTTP_PORT=$port HTTPS_PORT=$(free_port) \
    DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" DB_USER=postgres DB_PASSWORD= \
    REDIS_KEY_PREFIX="bench-$$:" LECTERN_MASTER_KEY="bench-only-master-key-$$-0123456789abcdef" \
    ADMIN_CENTER=off \
    "$wlp/bin/server" run "$name" --clean >/dev/null 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server $name died" >&2; exit 1; }
    if [ $(($(now_ms) - start)) -gt 300000 ]; then
      echo "server $name not ready after 300 s: $wlp/usr/servers/$name/logs" >&2
      "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.05
  done
  local ready first
  ready=$(now_ms)
  # An application's readiness must be its own database check, not MicroProfile Health's empty UP
  # for an application whose checks were never discovered.
  if [ "$name" != bench-empty ] && ! curl -s "http://127.0.0.1:$port/health/ready" | grep -q '"database"'; then
    echo "server $name is ready without its database check" >&2
    exit 1
  fi
  # The first request after ready (the health report reads PostgreSQL and Redis): a start that
  # moved work into first requests would show here.
  first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v1/health")
  "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
  wait "$pid" 2>/dev/null || true
  echo "$((ready - start)) $(python3 -c "print(round($first * 1000))")"
}

lectern=() empty=() minimal=()
for i in $(seq 1 "$runs"); do
  read -r e _ <<<"$(measure bench-empty)"; empty+=("$e")
  read -r m _ <<<"$(measure bench-minimal)"; minimal+=("$m")
  read -r l first <<<"$(measure bench-lectern)"; lectern+=("$l")
  echo "run $i: empty Liberty ${e} ms, minimal application ${m} ms, Lectern ${l} ms (first request ${first} ms)"
done

python3 - "${empty[*]}" "${minimal[*]}" "${lectern[*]}" <<'PY'
import statistics, sys
empty, minimal, lectern = ([int(x) for x in arg.split()] for arg in sys.argv[1:4])
me, mm, ml = statistics.median(empty), statistics.median(minimal), statistics.median(lectern)
print(f"median start-to-ready: empty Liberty {me:.0f} ms, minimal application {mm:.0f} ms, "
      f"Lectern {ml:.0f} ms")
print(f"ratio to empty Liberty {ml/me:.2f}, to the minimal application {ml/mm:.2f} "
      f"(minimal to empty {mm/me:.2f})")
PY
