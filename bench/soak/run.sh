#!/usr/bin/env bash
# Soak test: SOAK_MINUTES (30) of mixed, moderate load on one Lectern server over a generated
# district (20k users, 200k enrollments), then a report. The load:
#   consumers  three OneRoster consumers (an API key each, client-credentials tokens) paging
#              through users, enrollments and classes (limit 100, 500 and 1000), each doing a
#              delta sync of the three (filter=dateLastModified>'T') every DELTA_SECONDS (60)
#   admin      an operator account reading the admin API every ADMIN_PAUSE (2) seconds: jobs,
#              health, database diagnostics, audit log, backups, API keys
#   logins     sign-in, refresh, logout every LOGIN_PAUSE (3) seconds, rotating three accounts;
#              every 20th sign-in with a wrong password (401 expected)
#   jobs       every SOAK_CYCLE_SECONDS (300; a third of the run when that is shorter) a delta
#              import (300 users with their roles, 1,000 enrollments, every row changed) and a
#              backup, in turn; one restore drill half way
# All rate-limit tiers stay at their defaults: the load stays inside them (every 429 is counted).
# Meanwhile /metrics is scraped every 15 s, and a full GC is asked for (jcmd GC.run) every
# FULL_GC_SECONDS (100: three in each 5-minute window) so that "heap after a full GC", read from
# the JVM's GC log, has values to compare whether or not G1 runs a full GC of its own (each costs
# a pause of a few hundred ms, which the latencies include). The report:
#   requests and errors per generator (client side), p50/p99 by route (Lectern's histogram,
#   first to last scrape, and the clients' own timings), heap after each full GC (median of the
#   first vs the last window: 5 minutes, or a third of a shorter run), connection pool waits,
#   job outcomes, SEVERE/WARNING lines and FFDC files in the server's log, and which shipped
#   alerts (helm/lectern/files/prometheus/lectern-rules.yml) would have fired: the scraped series
#   (with job and instance labels, as Prometheus adds them) become a promtool unit test expecting
#   no alert at every scrape, run once with the rules as shipped and once without their `for`
#   (conditions that held at some moment). Goals: no 5xx, heap after full GC flat within 10%, no
#   alert fired (plus: every job completed).
#
#   bench/soak/run.sh                                 (30 minutes, 20k users, 200k enrollments)
#   SOAK_MINUTES=6 bench/soak/run.sh                  (a short check: cycle 120 s, windows 2 min)
#   USERS=50000 ENROLLMENTS=500000 HEAP=2g SOAK_MINUTES=60 bench/soak/run.sh
#   KEEP=/tmp/soak bench/soak/run.sh                  (keeps the raw logs, scrapes and promtool files)
#
# The server runs with -Xmx$HEAP (1g). Needs PostgreSQL (superuser postgres), Redis, psql, jq, zip,
# curl (7.84 or later), python3, the JDK's jcmd, and promtool (unpacked by
# bin/dev-services from Debian's prometheus package).
set -euo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC
minutes=${SOAK_MINUTES:-30} users=${USERS:-20000} enrollments=${ENROLLMENTS:-200000} schools=${SCHOOLS:-20}
heap=${HEAP:-1g} delta_every=${DELTA_SECONDS:-60} admin_pause=${ADMIN_PAUSE:-2} login_pause=${LOGIN_PAUSE:-3}
consumer_pause=${CONSUMER_PAUSE:-0.1}
duration=$((minutes * 60))
third=$((duration / 3))
cycle=${SOAK_CYCLE_SECONDS:-$((third < 300 ? third : 300))}
window=$((third < 300 ? third : 300))
full_gc_every=${FULL_GC_SECONDS:-$((window / 3))}
[ "$full_gc_every" -ge 15 ] || full_gc_every=15
here=bench/soak
. bench/lib.sh

mvn -B -q -DskipTests package liberty:create liberty:deploy
bin/dev-services tools jq:jq zip:zip jcmd:openjdk-17-jdk-headless
promtool=$(bin/dev-services promtool target/tools/prometheus)

work=$(mktemp -d)
loops=()
soak_cleanup() {
  local pid
  for pid in "${loops[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${db:-}" ]; then # a drill interrupted by the stop leaves its scratch database
    for scratch in $(psql -h "$pg_host" -p "$pg_port" -U postgres -qAt \
      -c "SELECT datname FROM pg_database WHERE datname LIKE '${db}\\_drill\\_%'" 2>/dev/null); do
      psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null || true
    done
  fi
  bench_cleanup
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$work"/. "$KEEP"/; fi
  rm -rf "$work"
}
trap soak_cleanup EXIT
trap 'exit 130' INT TERM

# Uploads are allowed 5 per 5 minutes per user: only a cycle under a minute needs more.
extra=()
[ "$cycle" -ge 60 ] || extra+=(RATE_LIMIT_UPLOAD=off)
key=$(head -c 32 /dev/urandom | base64)
bench_start soak target/lectern.war JVM_ARGS="-Xmx$heap -Xlog:gc:file=$work/gc-%p.log:time" BACKUP_DIR="$work/backups" \
  BACKUP_ENCRYPTION_KEYS="soak:$key" "${extra[@]}"
trap soak_cleanup EXIT
pid=$(server_pid)
psql_db -v users="$users" -v enrollments="$enrollments" -v schools="$schools" \
  -f bench/district/generate.sql >/dev/null
psql_db -c "VACUUM ANALYZE"
echo "district: $users users, $enrollments enrollments, $schools schools ($(psql_db -c "SELECT pg_size_pretty(pg_database_size(current_database()))")); server -Xmx$heap, pid $pid"

# Two delta packages changing the same rows to two different values, imported in turn.
for variant in 1 2; do
  mkdir -p "$work/package$variant"
  psql_db -v dir="$work/package$variant" -v variant="$variant" -v users="${IMPORT_USERS:-300}" \
    -v enrollments="${IMPORT_ENROLLMENTS:-1000}" -f "$here/package.sql"
  write_manifest "$work/package$variant" delta
  (cd "$work/package$variant" && zip -q -1 "$work/package$variant.zip" ./*.csv)
done

# Accounts: three that sign in and out, one operator reading the admin API; three API keys.
token=$(admin_token)
admin_api() { # method path [json] -> body
  curl -fsS -X "$1" "$url$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
account_password="soak-$admin_password"
for name in soak-login-1 soak-login-2 soak-login-3 soak-reader; do
  admin_api POST /api/v1/admin/users "{\"username\":\"$name\",\"email\":\"$name@example.org\",\"password\":\"$account_password\",\"roles\":[\"operator\"]}" >/dev/null
done
for n in 1 2 3; do
  admin_api POST /api/v1/admin/api-keys "{\"name\":\"soak consumer $n\",\"scopes\":[\"https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly\",\"https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly\"]}" \
    > "$work/key$n.json"
done

tick() { local t=${EPOCHREALTIME/./}; now_ms=${t:0:13}; } # now_ms: milliseconds since the epoch
tick
start_ms=$now_ms
end_ms=$((start_ms + duration * 1000))
before_end() { tick; [ "$now_ms" -lt "$end_ms" ]; }
sleep_until() { # milliseconds since the epoch
  tick
  local left=$(($1 - now_ms))
  [ "$left" -le 0 ] || sleep "$((left / 1000)).$(printf '%03d' $((left % 1000)))"
}
utc_now() { printf '%(%Y-%m-%dT%H:%M:%S)T.000Z' -1; } # TZ=UTC below

# One request: sets status (000 when there was no answer) and total (X-Total-Count), appends
# "ms generator method route status seconds" to the generator's log; the body goes to the file in
# BODY (default none). The load generators are bash loops, so a request costs one fork (curl).
call() { # generator method route target [curl args...]
  local generator=$1 method=$2 route=$3 target=$4 out seconds
  shift 4
  out=$(curl -sS -o "${BODY:-/dev/null}" -X "$method" -m 30 -w '%{http_code} %{time_total} %header{x-total-count}' \
    "$@" "$url$target" 2>>"$work/curl-errors.log") || true
  status="" seconds="" total=""
  read -r status seconds total <<<"$out" || true
  status=${status:-000}
  tick
  echo "$now_ms $generator $method $route $status ${seconds:-0}" >> "$work/requests-$generator.log"
}
oneroster=/ims/oneroster/rostering/v1p2

consumer() { # n limit
  local n=$1 limit=$2 generator="consumer-$1" body="$work/consumer$1.json" token="" token_ms=0
  local next_delta=$((now_ms + delta_every * 1000)) since collection offset id secret
  since=$(utc_now)
  id=$(jq -r .clientId "$work/key$n.json") secret=$(jq -r .clientSecret "$work/key$n.json")
  fresh_token() { # tokens live 60 minutes: a new one every 30, or after a 401
    BODY=$body call "$generator" POST /oauth/token /oauth/token -u "$id:$secret" -d grant_type=client_credentials
    [ "$status" != 200 ] || token=$(jq -r .access_token "$body")
    token_ms=$now_ms
  }
  page() { # collection offset [filter]
    local args=(-H "Authorization: Bearer $token" -G -d "limit=$limit" -d "offset=$2")
    [ -z "${3:-}" ] || args+=(--data-urlencode "filter=$3")
    call "$generator" GET "$oneroster/$1" "$oneroster/$1" "${args[@]}"
  }
  delta_sync() { # every page of what changed since the last sync, for each collection
    local started c o t changed=0
    started=$(utc_now)
    for c in users enrollments classes; do
      o=0 t=1
      while [ "$o" -lt "$t" ] && before_end; do
        page "$c" "$o" "dateLastModified>'$since'"
        [ "$status" = 200 ] || break
        t=${total:-0} o=$((o + limit))
        [ "$o" -gt "$limit" ] || changed=$((changed + t))
        sleep "$consumer_pause"
      done
    done
    echo "$now_ms $since $started $changed" >> "$work/deltas-$generator.log"
    since=$started
  }
  fresh_token
  while before_end; do
    for collection in users enrollments classes; do
      offset=0 pages=1
      while [ "$offset" -lt "$pages" ] && before_end; do
        [ $((now_ms - token_ms)) -lt 1800000 ] || fresh_token
        page "$collection" "$offset"
        case $status in
          200) pages=${total:-0} offset=$((offset + limit)) ;;
          401) fresh_token ;;
          *) sleep 1 ;;
        esac
        sleep "$consumer_pause"
        tick
        if [ "$now_ms" -ge "$next_delta" ]; then
          delta_sync
          next_delta=$((now_ms + delta_every * 1000))
        fi
      done
    done
  done
}

sign_in() { # generator username password: sets token (refresh token in $work/<generator>.json)
  token=""
  BODY="$work/$1.json" call "$1" POST /api/v1/auth/login /api/v1/auth/login \
    -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}"
  [ "$status" != 200 ] || token=$(jq -r .accessToken "$work/$1.json")
}

admin_reads() {
  local token="" token_ms=0 i=0 route target targets=(
    "/api/v1/admin/jobs /api/v1/admin/jobs?limit=20"
    "/api/v1/health /api/v1/health"
    "/api/v1/admin/diagnostics/database /api/v1/admin/diagnostics/database"
    "/api/v1/admin/audit-logs /api/v1/admin/audit-logs?limit=50"
    "/api/v1/admin/jobs /api/v1/admin/jobs?type=import&state=failed&limit=1"
    "/api/v1/admin/backups /api/v1/admin/backups"
    "/api/v1/admin/api-keys /api/v1/admin/api-keys"
    "/api/v1/admin/backups/drills /api/v1/admin/backups/drills?limit=5")
  while before_end; do
    if [ $((now_ms - token_ms)) -ge 600000 ]; then # access tokens live 15 minutes
      sign_in admin soak-reader "$account_password"
      token_ms=$now_ms
    fi
    read -r route target <<<"${targets[i % ${#targets[@]}]}"
    call admin GET "$route" "$target" -H "Authorization: Bearer $token"
    [ "$status" != 401 ] || token_ms=0
    i=$((i + 1))
    sleep "$admin_pause"
  done
}

logins() {
  local i=0 name refresh
  while before_end; do
    i=$((i + 1)) name=soak-login-$((i % 3 + 1))
    if [ $((i % 20)) = 0 ]; then
      sign_in logins "$name" "not-the-password-$i"
    else
      sign_in logins "$name" "$account_password"
      if [ -n "$token" ]; then
        refresh=$(jq -r .refreshToken "$work/logins.json")
        BODY="$work/logins.json" call logins POST /api/v1/auth/refresh /api/v1/auth/refresh \
          -H 'Content-Type: application/json' -d "{\"refreshToken\":\"$refresh\"}"
        [ "$status" != 200 ] || refresh=$(jq -r .refreshToken "$work/logins.json")
        call logins POST /api/v1/auth/logout /api/v1/auth/logout -H 'Content-Type: application/json' \
          -d "{\"refreshToken\":\"$refresh\"}"
      fi
    fi
    sleep "$login_pause"
  done
}

# Imports, backups and the drill, one at a time, as the admin; each job followed to its end.
jobs_driver() {
  local token k=0 variant=1 drill_at=$((start_ms + duration * 500)) drilled=0
  run_job() { # kind route target [curl args...]: posts, follows the job, logs its outcome
    local kind=$1 route=$2 target=$3 started id state="" body="$work/job.json"
    shift 3
    tick
    started=$now_ms
    BODY=$body call jobs POST "$route" "$target" -H "Authorization: Bearer $token" "$@"
    if [ "$status" = 202 ]; then
      id=$(jq -r .id "$body")
      while :; do
        sleep 1
        BODY=$body call jobs GET /api/v1/admin/jobs/{id} "/api/v1/admin/jobs/$id" -H "Authorization: Bearer $token"
        [ "$status" = 200 ] || continue
        state=$(jq -r .state "$body")
        case $state in completed | failed | cancelled) break ;; esac
        [ $((now_ms - started)) -lt 1800000 ] || { state="unfinished-after-30-minutes"; break; }
      done
      echo "$started $kind $id $state $((now_ms - started)) $(jq -c '{message, counts}' "$body")" >> "$work/jobs.log"
    else
      echo "$started $kind - refused-$status 0 $(head -c 500 "$body" 2>/dev/null)" >> "$work/jobs.log"
    fi
  }
  while [ $((start_ms + k * cycle * 1000)) -lt "$end_ms" ]; do
    sleep_until $((start_ms + k * cycle * 1000))
    sign_in jobs admin "$admin_password"
    run_job import /api/v1/admin/imports /api/v1/admin/imports -H 'Content-Type: application/zip' \
      --data-binary "@$work/package$variant.zip"
    variant=$((3 - variant))
    run_job backup /api/v1/admin/backups /api/v1/admin/backups
    if [ "$drilled" = 0 ] && [ $((start_ms + (k + 1) * cycle * 1000)) -gt "$drill_at" ]; then
      sleep_until "$drill_at"
      run_job drill /api/v1/admin/backups/drills /api/v1/admin/backups/drills \
        -H 'Content-Type: application/json' -d '{}'
      drilled=1
    fi
    k=$((k + 1))
  done
}

# /metrics every 15 s on a fixed grid from the start: "# scrape <ms>" then the text.
scraper() {
  local i=0 at
  while :; do
    at=$((start_ms + i * 15000))
    [ "$at" -le $((end_ms + 15000)) ] || break
    sleep_until "$at"
    tick
    { echo "# scrape $now_ms"; curl -sS -m 10 "$url/metrics" || echo "# scrape failed"; } >> "$work/metrics.txt" 2>&1
    i=$((i + 1))
  done
}

# A full GC (jcmd GC.run) every FULL_GC_SECONDS; the JVM's GC log (-Xlog:gc) has the heap
# before and after each, and any full GC G1 runs of its own.
heap_sampler() {
  local k=1
  while [ $((start_ms + k * full_gc_every * 1000)) -le "$end_ms" ]; do
    sleep_until $((start_ms + k * full_gc_every * 1000))
    jcmd "$pid" GC.run >/dev/null || true
    k=$((k + 1))
  done
}

echo "soak: $minutes min from $(date -u +%H:%M:%S) UTC; jobs every $cycle s, drill at $((duration / 2)) s, full GC every $full_gc_every s, windows of $window s"
# Each loop in a process group of its own (set -m), so that stopping it stops its curl too.
set -m
scraper & loops+=($!)
heap_sampler & loops+=($!)
consumer 1 100 & loops+=($!)
consumer 2 500 & loops+=($!)
consumer 3 1000 & loops+=($!)
admin_reads & loops+=($!)
logins & loops+=($!)
jobs_driver & loops+=($!)
set +m
cpu_start=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
jvm_start=$(awk '{print $14 + $15}' "/proc/$pid/stat")
wait "${loops[@]}"
loops=()
cpu_end=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
jvm_end=$(awk '{print $14 + $15}' "/proc/$pid/stat")
token=$(admin_token)
admin_api GET /api/v1/admin/diagnostics/database > "$work/diagnostics.json"
log_dir="$wlp/usr/servers/$bench_server/logs"
cp "$log_dir/messages.log" "$work/messages.log"
cp "$work/gc-$pid.log" "$work/gc.log" # %p: the JVMs that start and stop the server log apart
[ ! -d "$log_dir/ffdc" ] || cp -r "$log_dir/ffdc" "$work/ffdc"
ffdc=0
[ ! -d "$log_dir/ffdc" ] || ffdc=$(find "$log_dir/ffdc" -type f | wc -l)

python3 "$here/report.py" "$work" "$promtool" helm/lectern/files/prometheus/lectern-rules.yml \
  "$start_ms" "$end_ms" "$window" "$full_gc_every" "$url" "$ffdc" \
  "$cpu_start" "$cpu_end" "$jvm_start" "$jvm_end" "$(nproc)" "$(getconf CLK_TCK)"
