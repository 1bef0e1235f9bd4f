#!/usr/bin/env bash
# What the security chain adds to a OneRoster read: p50 and p99 of
#   GET /ims/oneroster/rostering/v1p2/users/{id}  with an API-key client token: MP JWT verification,
#       the OneRoster access filter (key still active, scopes), the rate limit of the oneroster
#       tier (a Bucket4j bucket in Redis), the audit of key usage
# against
#   GET /bench/users/{id}  the same service call without any of it (a resource built only by the
#       `bench` Maven profile, never in the production WAR)
# one connection at a time (latency, not throughput), DURATION seconds each, alternating for ROUNDS
# rounds; medians over rounds. Target: added p50 <= 1 ms.
#
#   bench/request-overhead/run.sh        (ROUNDS=5 DURATION=10)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-5} duration=${DURATION:-10}
here=bench/request-overhead
. bench/lib.sh

bin/dev-services tools wrk:wrk jq:jq
mvn -B -q -DskipTests package liberty:create liberty:deploy
mvn -B -q -DskipTests -Pbench package
# The client's own tier is raised so that no request is refused; every request still takes a
# token from its bucket in Redis. The bare resource is anonymous: that tier is off, so the rate
# limit filter only looks at the path and returns.
bench_start overhead target/bench-build/lectern.war RATE_LIMIT_ONEROSTER=100000000/1m \
  RATE_LIMIT_ANONYMOUS=off

psql_db -c "SELECT roster_generate_district(1000, 5000, 5)" >/dev/null
token=$(admin_token)
key=$(curl -fsS -X POST "$url/api/v1/admin/api-keys" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly"]}')
client_token=$(curl -fsS -X POST "$url/oauth/token" -u "$(jq -r .clientId <<<"$key"):$(jq -r .clientSecret <<<"$key")" \
  -d grant_type=client_credentials | jq -r .access_token)
user=$(psql_db -c "SELECT sourced_id FROM roster_user ORDER BY sourced_id LIMIT 1 OFFSET 500")
api="/ims/oneroster/rostering/v1p2/users/$user"
bare="/bench/users/$user"
[ "$(curl -fsS "$url$api" -H "Authorization: Bearer $client_token" | jq -r .user.sourcedId)" = "$user" ]
[ "$(curl -fsS "$url$bare" | jq -r .user.sourcedId)" = "$user" ]

measure() { # path [token] -> JSON line
  local auth=()
  [ $# -lt 2 ] || auth=(-H "Authorization: Bearer $2")
  wrk -t 1 -c 1 -d "${duration}s" "${auth[@]}" -s "$here/latency.lua" "$url$1" | grep '^{'
}

# Warm the JIT on both paths.
duration=20 measure "$api" "$client_token" >/dev/null
duration=20 measure "$bare" >/dev/null

api50=() api99=() bare50=() bare99=()
for round in $(seq 1 "$rounds"); do
  a=$(measure "$api" "$client_token"); b=$(measure "$bare")
  for r in "$a" "$b"; do [ "$(jq .failures <<<"$r")" = 0 ] || { echo "failures: $r"; exit 1; }; done
  api50+=("$(jq .p50_ms <<<"$a")"); api99+=("$(jq .p99_ms <<<"$a")")
  bare50+=("$(jq .p50_ms <<<"$b")"); bare99+=("$(jq .p99_ms <<<"$b")")
  echo "round $round: secured p50 ${api50[-1]} ms p99 ${api99[-1]} ms; bare p50 ${bare50[-1]} ms p99 ${bare99[-1]} ms"
done

python3 - "${api50[*]}" "${api99[*]}" "${bare50[*]}" "${bare99[*]}" <<'PY'
import statistics, sys
a50, a99, b50, b99 = ([float(x) for x in v.split()] for v in sys.argv[1:5])
m = statistics.median
print(f"secured read: p50 {m(a50):.3f} ms, p99 {m(a99):.3f} ms; bare service call: p50 {m(b50):.3f} ms, p99 {m(b99):.3f} ms")
print(f"added by the security chain: p50 {m(a50) - m(b50):.3f} ms (target <= 1 ms), p99 {m(a99) - m(b99):.3f} ms")
PY
