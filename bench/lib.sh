# Shared by the bench/*/run.sh scripts (sourced, from the project directory): a fresh database and
# a Lectern server of its own for one benchmark run, both removed when the script exits.
#
#   bench_start NAME WAR [VAR=value...]   database lectern_bench_NAME_<pid>, server bench-NAME
#                                          running WAR with the extra environment; sets url, db,
#                                          admin_password
#   psql_db ARGS...                        psql on that database
#   admin_token                            an admin access token
#   server_pid                             the process id of the running server
#   write_manifest DIR MODE                DIR/manifest.csv of a OneRoster package: the files in
#                                          DIR as MODE (bulk or delta), the others absent
pg_host=${LECTERN_TEST_PG_HOST:-127.0.0.1} pg_port=${LECTERN_TEST_PG_PORT:-5432}
wlp=target/liberty/wlp

psql_db() { psql -h "$pg_host" -p "$pg_port" -U postgres -d "$db" -qAt "$@"; }

bench_cleanup() {
  [ -z "${bench_server:-}" ] || "$wlp/bin/server" stop "$bench_server" >/dev/null 2>&1 || true
  [ -z "${db:-}" ] || psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
  [ -z "${bench_server:-}" ] || rm -rf "$wlp/usr/servers/$bench_server"
}

bench_start() {
  local name=$1 war=$2; shift 2
  db="lectern_bench_${name//-/_}_$$"
  bench_server="bench-$name"
  trap bench_cleanup EXIT
  psql -h "$pg_host" -p "$pg_port" -U postgres -qc "CREATE DATABASE $db"
  rm -rf "$wlp/usr/servers/$bench_server"
  cp -r "$wlp/usr/servers/lectern" "$wlp/usr/servers/$bench_server"
  rm -rf "$wlp/usr/servers/$bench_server/logs" "$wlp/usr/servers/$bench_server/workarea"
  # The packaged WAR, not the loose application the tests use: a rebuild during the run cannot
  # change what is measured.
  rm -f "$wlp/usr/servers/$bench_server/apps/"*
  cp "$war" "$wlp/usr/servers/$bench_server/apps/lectern.war"
  admin_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  local port
  port=$(bin/dev-services free-port)
  env ADMIN_CENTER=off "$@" HTTP_PORT="$port" HTTPS_PORT="$(bin/dev-services free-port)" DB_USER=postgres DB_PASSWORD= \
    DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" REDIS_KEY_PREFIX="bench-$$:" \
    LECTERN_ADMIN_PASSWORD="$admin_password" LECTERN_MASTER_KEY="bench-$$-$admin_password-master" \
    "$wlp/bin/server" start "$bench_server" --clean >/dev/null
  url="http://127.0.0.1:$port"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; do sleep 0.5; done
}

admin_token() {
  curl -fsS -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" | jq -r .accessToken
}

server_pid() { cat "$wlp/usr/servers/.pid/$bench_server.pid"; }

write_manifest() {
  local dir=$1 mode=$2 f
  printf 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n' > "$dir/manifest.csv"
  for f in academicSessions categories classes classResources courseResources courses demographics \
    enrollments lineItemLearningObjectiveIds lineItems lineItemScoreScales orgs resources \
    resultLearningObjectiveIds results resultScoreScales roles scoreScales userProfiles \
    userResources users; do
    if [ -f "$dir/$f.csv" ]; then echo "file.$f,$mode"; else echo "file.$f,absent"; fi
  done >> "$dir/manifest.csv"
}
