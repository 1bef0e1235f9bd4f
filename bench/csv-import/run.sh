#!/usr/bin/env bash
# CSV import benchmark: Lectern importing a OneRoster 1.2 bulk package through its API against
# psql \copy of the same rows, pre-mapped to the roster tables' columns (untimed), into the same
# tables with the same indexes and constraints, same run.
#
#   bench/csv-import/run.sh                       (100k users, 1M enrollments, 50 schools, 3 rounds)
#   USERS=10000 ENROLLMENTS=100000 ROUNDS=1 bench/csv-import/run.sh
#
# The server runs with -Xmx512m. Each round empties the roster tables, times the \copy of every
# table, empties them again and times the import: upload of the zip until the job is completed.
# ratio = median import time / median \copy time (target <= 1.5). Then a package twice the size
# is imported once under the same heap cap, and must complete. Needs PostgreSQL (superuser
# postgres), psql, jq, zip, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${USERS:-100000} enrollments=${ENROLLMENTS:-1000000} schools=${SCHOOLS:-50}
rounds=${ROUNDS:-3} heap=${HEAP:-512m}
here=bench/csv-import
. bench/lib.sh

mvn -B -q -DskipTests package liberty:create liberty:deploy
bin/dev-services tools jq:jq zip:zip

# Uploads (5 per 5 minutes) and admin calls (100 a minute) are rate-limited by default; the
# benchmark uploads more and polls its job five times a second.
bench_start csv-import target/lectern.war JVM_ARGS="-Xmx$heap" RATE_LIMIT_UPLOAD=off RATE_LIMIT_ADMIN=off \
  IMPORT_MAX_BYTES=1073741824
work=$(mktemp -d)
trap 'rm -rf "$work"; bench_cleanup' EXIT
tables="roster_org roster_academic_session roster_course roster_class roster_user roster_enrollment roster_demographics"
empty_roster() { psql_db -c "TRUNCATE ${tables// /, }" -c "VACUUM ANALYZE"; }

make_package() { # users enrollments zip
  empty_roster
  psql_db -v users="$1" -v enrollments="$2" -v schools="$schools" -f bench/district/generate.sql >/dev/null
  mkdir -p "$work/csv"
  rm -f "$work/csv/"*
  psql_db -v dir="$work/csv" -f "$here/package.sql"
  write_manifest "$work/csv" bulk
  (cd "$work/csv" && zip -q -1 "$3" ./*.csv)
}

make_package "$users" "$enrollments" "$work/package.zip"
# The reference input: every roster row as COPY text, already in the tables' columns.
mkdir -p "$work/copy"
for t in $tables; do psql_db -c "\\copy $t TO '$work/copy/$t.txt'"; done
rows=$(psql_db -c "SELECT (SELECT count(*) FROM roster_org) + (SELECT count(*) FROM roster_academic_session) + (SELECT count(*) FROM roster_course) + (SELECT count(*) FROM roster_class) + (SELECT count(*) FROM roster_user) + (SELECT count(*) FROM roster_enrollment) + (SELECT count(*) FROM roster_demographics)")
echo "package: $(du -h "$work/package.zip" | cut -f1) zipped, $rows roster rows ($users users, $enrollments enrollments, $schools schools); heap -Xmx$heap"

copy_seconds() {
  empty_roster
  local start; start=$(date +%s.%N)
  for t in $tables; do psql_db -c "\\copy $t FROM '$work/copy/$t.txt'"; done
  echo "$(date +%s.%N) - $start" | bc
}

token=$(admin_token)
import_seconds() { # zip -> seconds until the job completed
  local start id state
  start=$(date +%s.%N)
  id=$(curl -fsS -X POST "$url/api/v1/admin/imports" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/zip' --data-binary "@$1" | jq -r .id)
  while :; do
    state=$(curl -fsS "$url/api/v1/admin/jobs/$id" -H "Authorization: Bearer $token" | jq -r .state)
    case $state in
      completed) break ;;
      failed|cancelled) curl -fsS "$url/api/v1/admin/jobs/$id" -H "Authorization: Bearer $token" >&2; return 1 ;;
    esac
    sleep 0.2
  done
  echo "$(date +%s.%N) - $start" | bc
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

copies=() imports=()
for round in $(seq 1 "$rounds"); do
  c=$(copy_seconds)
  empty_roster
  token=$(admin_token)
  i=$(import_seconds "$work/package.zip")
  copies+=("$c") imports+=("$i")
  printf 'round %d: \\copy %.2f s, import %.2f s, ratio %.2f\n' "$round" "$c" "$i" "$(echo "$i / $c" | bc -l)"
done
# Where the time goes, from the server's log of the last round.
grep -o 'Import [0-9a-f-]* \(staged [0-9]* rows in\|validated in\|applies\|applied in\) [^"]*' \
  "$wlp/usr/servers/$bench_server/logs/messages.log" | tail -10 | sed 's/^Import [0-9a-f-]* /  /'
copy_median=$(printf '%s\n' "${copies[@]}" | median)
import_median=$(printf '%s\n' "${imports[@]}" | median)
printf 'median: \\copy %.2f s, import %.2f s (%.0f rows/s): ratio %.2f (target <= 1.5)\n' \
  "$copy_median" "$import_median" "$(echo "$rows / $import_median" | bc -l)" \
  "$(echo "$import_median / $copy_median" | bc -l)"

# The same package again into the loaded roster: the upsert path, every row compared, none changed.
token=$(admin_token)
again=$(import_seconds "$work/package.zip")
printf 're-import of the same package into the loaded roster (nothing changes): %.2f s, %.2f x \\copy\n' \
  "$again" "$(echo "$again / $copy_median" | bc -l)"

# Twice the size, same heap: must complete.
[ "${DOUBLE:-1}" = 1 ] || exit 0
make_package $((users * 2)) $((enrollments * 2)) "$work/double.zip"
empty_roster
token=$(admin_token)
d=$(import_seconds "$work/double.zip")
printf 'double package (%d users, %d enrollments, %s zipped) under -Xmx%s: completed in %.2f s\n' \
  $((users * 2)) $((enrollments * 2)) "$(du -h "$work/double.zip" | cut -f1)" "$heap" "$d"
