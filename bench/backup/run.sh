#!/usr/bin/env bash
# Backup benchmark on a generated district of at least 1 GB, against PostgreSQL's own tools in
# the same run:
#   backup          Lectern backup job (dump + archive, without its verification) / pg_dump -Fc
#   restore         bin/lectern restore into an empty database / pg_restore --single-transaction
#                   into an empty database (both from their own archive, both build the schema)
#   size            archive bytes / pg_dump -Fc bytes
# Targets: <= 1.0, <= 1.0, <= 1.1. Archives are encrypted (the production setting).
#
#   bench/backup/run.sh                                   (300k users, 3M enrollments, 3 rounds)
#   USERS=100000 ENROLLMENTS=1000000 ROUNDS=1 bench/backup/run.sh
#
# Needs PostgreSQL (superuser postgres), psql, pg_dump, pg_restore, jq, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${USERS:-300000} enrollments=${ENROLLMENTS:-3000000} schools=${SCHOOLS:-150}
rounds=${ROUNDS:-3}
. bench/lib.sh

mvn -B -q -DskipTests package liberty:create liberty:deploy
bin/dev-services tools jq:jq
work=$(mktemp -d)
key=$(head -c 32 /dev/urandom | base64)
bench_start backup target/lectern.war RATE_LIMIT_ADMIN=off BACKUP_DIR="$work/backups" \
  BACKUP_ENCRYPTION_KEYS="bench:$key"
trap 'rm -rf "$work"; bench_cleanup' EXIT
psql_db -v users="$users" -v enrollments="$enrollments" -v schools="$schools" \
  -f bench/district/generate.sql >/dev/null
psql_db -c "VACUUM ANALYZE"
size=$(psql_db -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
echo "database: $size ($users users, $enrollments enrollments, $schools schools)"

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
scratch() { # name -> creates an empty database
  psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

token=$(admin_token)
backup() { # -> "seconds id" of a Lectern backup (the backup step; verification reported apart)
  local job state counts
  job=$(curl -fsS -X POST "$url/api/v1/admin/backups" -H "Authorization: Bearer $token" | jq -r .id)
  while :; do
    counts=$(curl -fsS "$url/api/v1/admin/jobs/$job" -H "Authorization: Bearer $token")
    state=$(jq -r .state <<< "$counts")
    case $state in
      completed) break ;;
      failed|cancelled) echo "$counts" >&2; return 1 ;;
    esac
    sleep 0.2
  done
  jq -r '.counts | "\(.backupMillis / 1000) \(.backupId) \(.verifyMillis / 1000)"' <<< "$counts"
}

dumps=() backups=() pg_restores=() restores=() ratio_size=""
for round in $(seq 1 "$rounds"); do
  rm -f "$work/dump.pgc" "$work/backups/"*.lbk "$work/backups/"*.json
  start=$(now)
  pg_dump -h "$pg_host" -p "$pg_port" -U postgres -Fc -f "$work/dump.pgc" "$db"
  d=$(echo "$(now) - $start" | bc)
  token=$(admin_token)
  read -r b id v < <(backup)
  archive="$work/backups/$id.lbk"
  ratio_size=$(echo "$(stat -c %s "$archive") / $(stat -c %s "$work/dump.pgc")" | bc -l)

  scratch "${db}_pgr"
  start=$(now)
  pg_restore -h "$pg_host" -p "$pg_port" -U postgres --single-transaction -d "${db}_pgr" "$work/dump.pgc"
  pr=$(echo "$(now) - $start" | bc)
  scratch "${db}_lr"
  start=$(now)
  BACKUP_ENCRYPTION_KEYS="bench:$key" DB_PASSWORD= bin/lectern restore "$archive" \
    --db-url "jdbc:postgresql://$pg_host:$pg_port/${db}_lr" --db-user postgres --yes 2>/dev/null | grep " in " | sed "s/^/   /"
  r=$(echo "$(now) - $start" | bc)
  psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE ${db}_pgr WITH (FORCE)" -c "DROP DATABASE ${db}_lr WITH (FORCE)"
  dumps+=("$d") backups+=("$b") pg_restores+=("$pr") restores+=("$r")
  printf 'round %d: pg_dump %.2f s, backup %.2f s (+ verify %.2f s); pg_restore %.2f s, restore %.2f s; size %s vs %s\n' \
    "$round" "$d" "$b" "$v" "$pr" "$r" "$(du -h "$archive" | cut -f1)" "$(du -h "$work/dump.pgc" | cut -f1)"
done
dm=$(printf '%s\n' "${dumps[@]}" | median) bm=$(printf '%s\n' "${backups[@]}" | median)
pm=$(printf '%s\n' "${pg_restores[@]}" | median) rm_=$(printf '%s\n' "${restores[@]}" | median)
printf 'median: pg_dump -Fc %.2f s, backup %.2f s: ratio %.2f (target <= 1.0)\n' "$dm" "$bm" "$(echo "$bm / $dm" | bc -l)"
printf 'median: pg_restore --single-transaction %.2f s, bin/lectern restore %.2f s: ratio %.2f (target <= 1.0)\n' \
  "$pm" "$rm_" "$(echo "$rm_ / $pm" | bc -l)"
printf 'size: archive / pg_dump -Fc = %.3f (target <= 1.1)\n' "$ratio_size"
# Where a backup's time goes, from the server's log.
grep -o 'Backup lectern_[^"]*' "$wlp/usr/servers/$bench_server/logs/messages.log" | tail -"$rounds" | sed 's/^/  /'
