#!/usr/bin/env bash
# Did a change make Lectern slower? Builds BASE (a commit) and the working tree side by side, runs
# each on a database of its own with the same district, and measures them interleaved in one run:
#   latency  GET /ims/oneroster/rostering/v1p2/users/{id} with an API-key client token, one
#            connection (the whole request chain: token, access, rate limit, audit filters)
#   paging   GET /ims/oneroster/rostering/v1p2/users?limit=100&offset=..., 8 connections (pages/s)
# ROUNDS rounds of DURATION seconds per measurement, the two builds alternating within each round
# (which goes first alternates too); medians over rounds, and the change as a ratio after/before.
#
#   bench/before-after/run.sh BASE    (ROUNDS=3 DURATION=10)
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: bench/before-after/run.sh BASE_COMMIT}
rounds=${ROUNDS:-3} duration=${DURATION:-10}
here=bench/before-after
. bench/lib.sh

bin/dev-services tools wrk:wrk jq:jq
mvn -B -q -DskipTests package liberty:create liberty:deploy
mkdir -p target/bench-before-after
cp target/lectern.war target/bench-before-after/after.war
work=$(mktemp -d)
git worktree add --quiet --detach "$work/src" "$base"
(cd "$work/src" && mvn -B -q -DskipTests package)
cp "$work/src/target/lectern.war" target/bench-before-after/before.war
git worktree remove --force "$work/src"
rm -rf "$work"

servers=() dbs=()
stop_all() {
  local i
  for i in "${!servers[@]}"; do
    "$wlp/bin/server" stop "${servers[$i]}" >/dev/null 2>&1 || true
    psql -h "$pg_host" -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS ${dbs[$i]} WITH (FORCE)" >/dev/null || true
    rm -rf "$wlp/usr/servers/${servers[$i]}"
  done
}

declare -A url_of token_of user_of
for build in before after; do
  bench_start "$build" "target/bench-before-after/$build.war" RATE_LIMIT_ONEROSTER=100000000/1m
  servers+=("$bench_server") dbs+=("$db")
  trap stop_all EXIT
  psql_db -c "SELECT roster_generate_district(1000, 5000, 5)" >/dev/null
  token=$(admin_token)
  key=$(curl -fsS -X POST "$url/api/v1/admin/api-keys" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d '{"name":"bench","scopes":["https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly"]}')
  url_of[$build]=$url
  token_of[$build]=$(curl -fsS -X POST "$url/oauth/token" \
    -u "$(jq -r .clientId <<<"$key"):$(jq -r .clientSecret <<<"$key")" \
    -d grant_type=client_credentials | jq -r .access_token)
  user_of[$build]=$(psql_db -c "SELECT sourced_id FROM roster_user ORDER BY sourced_id LIMIT 1 OFFSET 500")
done
pages=$(( $(psql_db -c "SELECT count(*) FROM roster_user") / 100 ))

latency() { # build -> JSON line
  wrk -t 1 -c 1 -d "${duration}s" -H "Authorization: Bearer ${token_of[$1]}" \
    -s bench/request-overhead/latency.lua \
    "${url_of[$1]}/ims/oneroster/rostering/v1p2/users/${user_of[$1]}" | grep '^{'
}
paging() { # build -> JSON line
  PAGES=$pages PAGE_PATH="/ims/oneroster/rostering/v1p2/users?limit=100&offset={offset}" \
    WRK_THREADS=2 wrk -t 2 -c 8 -d "${duration}s" --timeout 10s \
    -H "Authorization: Bearer ${token_of[$1]}" -s bench/oneroster-read/paging.lua \
    "${url_of[$1]}" | grep '^{'
}
ok() { [ "$(jq .failures <<<"$1")" = 0 ] || { echo "failures: $1"; exit 1; }; }

for build in before after; do # warm the JIT of both
  duration=20 latency "$build" >/dev/null
  duration=20 paging "$build" >/dev/null
done

declare -A p50 p99 rate
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  order="before after"
  [ $((round % 2)) = 1 ] || order="after before" # neither build always goes first
  for build in $order; do
    l=$(latency "$build"); ok "$l"
    p=$(paging "$build"); ok "$p"
    p50[$build]+="$(jq .p50_ms <<<"$l") " p99[$build]+="$(jq .p99_ms <<<"$l") "
    rate[$build]+="$(jq .pages_per_second <<<"$p") "
    line+=" $build p50 $(jq .p50_ms <<<"$l") ms, $(jq .pages_per_second <<<"$p") pages/s;"
  done
  echo "$line"
done

python3 - "$base" "${p50[before]}" "${p50[after]}" "${p99[before]}" "${p99[after]}" \
  "${rate[before]}" "${rate[after]}" <<'PY'
import statistics, sys
base = sys.argv[1]
b50, a50, b99, a99, brate, arate = ([float(x) for x in v.split()] for v in sys.argv[2:8])
m = statistics.median
print(f"before = {base}, after = working tree; medians of {len(b50)} rounds")
print(f"read latency p50: before {m(b50):.3f} ms, after {m(a50):.3f} ms, after/before {m(a50) / m(b50):.3f}")
print(f"read latency p99: before {m(b99):.3f} ms, after {m(a99):.3f} ms, after/before {m(a99) / m(b99):.3f}")
print(f"paging: before {m(brate):.1f} pages/s, after {m(arate):.1f} pages/s, after/before {m(arate) / m(brate):.3f}")
PY
