#!/usr/bin/env bash
# OneRoster read benchmark: Lectern's API against the same SQL through pgbench, same run.
#
#   bench/oneroster-read/run.sh            (100k users, 1M enrollments, 50 schools, 3 rounds)
#   USERS=10000 ENROLLMENTS=100000 SCHOOLS=10 ROUNDS=1 bench/oneroster-read/run.sh
#   JFR=/tmp/lectern.jfr bench/oneroster-read/run.sh   (also records a JFR profile of the server)
#
# 1. Paging GET /users?limit=100 through the whole collection with 8 clients, against pgbench
#    running the statements Lectern runs for one page while paging (users-page.sql: the
#    generation, the page's anchor, the page seeking past it) with 8 clients:
#    ratio = API pages/s / pgbench pages/s (target >= 0.6, API p99 <= 50 ms).
# 2. Delta sync after 1% of enrollments changed: GET /enrollments?filter=dateLastModified>'T'
#    through every page, against pgbench running enrollments-delta.sql for as long, both
#    converted to the time for those pages:
#    ratio = API time / pgbench time (target <= 2).
# The API load comes from wrk (C, 2 threads, 8 keep-alive connections, paging.lua) for DURATION
# seconds per round, pgbench for as long; pages/s of the delta sync convert to the time for its
# pages.
# Where the CPU goes: each paging round also counts the CPU the server's JVM and the whole machine
# spent per page (/proc), and a round of one-row pages (limit=1: the same request path, queries
# and seek, almost no JSON) gives the JVM's cost of the request path alone. From these the script
# prints the most the API could serve on this machine if writing the rows cost nothing. Two
# yardsticks deployed beside Lectern on the same server (bare/) run in each round too: Liberty
# alone answering as many bytes as a page (no security, filters or database), and the least any
# implementation of the page must do on this stack (MP JWT, the same statements through Liberty's
# pool, column bytes copied out with no JSON work), with its ratio against the same pgbench.
# Medians over ROUNDS rounds. Needs PostgreSQL (superuser postgres), pgbench, wrk, jq, python3,
# the JDK's jstat, javac and jar, and Linux's /proc.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${USERS:-100000} enrollments=${ENROLLMENTS:-1000000} schools=${SCHOOLS:-50} rounds=${ROUNDS:-3}
duration=${DURATION:-15}
here=bench/oneroster-read
. bench/lib.sh

mvn -B -q -DskipTests package liberty:create liberty:deploy
bin/dev-services tools pgbench:postgresql-contrib wrk:wrk jq:jq jstat:openjdk-17-jdk-headless \
  jar:openjdk-17-jdk-headless

[ -z "${JFR:-}" ] || export JVM_ARGS="-XX:StartFlightRecording=settings=profile,filename=$JFR"
# Throughput is the subject here, not quotas: the read tier (admin tokens) is switched off.
# bench/request-overhead measures a rate-limited read.
bench_start read target/lectern.war RATE_LIMIT_READ=off

start=$(date +%s.%N)
psql_db -v users="$users" -v enrollments="$enrollments" -v schools="$schools" -f bench/district/generate.sql
echo "generated $users users, $enrollments enrollments, $schools schools in $(echo "$(date +%s.%N) - $start" | bc) s"
psql_db -c "VACUUM ANALYZE"

token=$(admin_token)
path=/ims/oneroster/rostering/v1p2
pages=$(( (users + 99) / 100 ))

api_load() { # path-and-query-with-{offset} pages [header] -> JSON line from paging.lua
  PAGES=$2 PAGE_PATH=$1 WRK_THREADS=2 wrk -t 2 -c 8 -d "${duration}s" --timeout 10s \
    -H "${3-Authorization: Bearer $token}" -s "$here/paging.lua" "$url" | grep '^{'
}

# Two yardsticks on the same server, built against the runtime's own API jar and dropped beside
# Lectern (bare/): Liberty alone (/bare/page: as many bytes as a page, no security, filters, CDI
# beans or database; requested without a token) and the least any implementation of the page
# must do on this stack (/bare/users: MP JWT, the same statements through Liberty's pool, column
# bytes copied out with no JSON work).
bare_dir=target/bench-bare
rm -rf "$bare_dir" && mkdir -p "$bare_dir/WEB-INF/classes/META-INF"
javac -d "$bare_dir/WEB-INF/classes" -cp "$(ls "$wlp"/dev/api/spec/io.openliberty.jakarta.restfulWS.3.1_*.jar)" \
  "$here"/bare/*.java
cp "$here/bare/WEB-INF/web.xml" "$bare_dir/WEB-INF/"
# Tokens verified exactly as Lectern verifies them: its own MP JWT settings.
cp src/main/resources/META-INF/microprofile-config.properties "$bare_dir/WEB-INF/classes/META-INF/"
cp "$here/users-page.sql" "$bare_dir/WEB-INF/classes/"
jar cf "$wlp/usr/servers/$bench_server/dropins/bare.war" -C "$bare_dir" WEB-INF
# Waits for Liberty's message, not for an answer: the web container remembers which application
# served a path, and before bare/ starts that is Lectern.
until grep -q 'CWWKZ0001I: Application bare started' "$wlp/usr/servers/$bench_server/logs/messages.log"; do
  sleep 0.5
done

# CPU clock ticks: the server's JVM, and the whole machine busy (not idle, iowait or steal).
server_pid=$(server_pid) tick_ms=$((1000 / $(getconf CLK_TCK))) cores=$(nproc)
jvm_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

measured_load() { # as api_load, adding the JVM's and the machine's CPU ms per page
  local jvm busy result
  jvm=$(jvm_ticks) busy=$(busy_ticks)
  result=$(api_load "$@")
  jq -c --argjson jvm "$(( ($(jvm_ticks) - jvm) * tick_ms ))" \
    --argjson busy "$(( ($(busy_ticks) - busy) * tick_ms ))" \
    '. + {jvm_ms: ($jvm / .pages), busy_ms: ($busy / .pages)}' <<<"$result"
}

# As long as an API round, like it: a run of one collection's worth of pages (1,000 in 0.6 s)
# measured new backends preparing their statements and clients finishing one by one, and read
# half the steady rate (1,750 against 3,330 transactions/s on the same machine, 2026-12-01).
pgbench_tps() { # script pages [defines...] -> transactions per second over DURATION seconds
  local script=$1 pages=$2; shift 2
  pgbench -h "$pg_host" -p "$pg_port" -U postgres -n -M prepared -c 8 -j 2 -T "$duration" \
    -D pages="$pages" "$@" -f "$script" "$db" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

# The anchors Lectern keeps in its cache, as a table pgbench can read (see users-page.sql).
fill_anchors() { # table, where-clause
  psql_db -c "DROP TABLE IF EXISTS bench_anchor" -c "CREATE TABLE bench_anchor AS SELECT 0 AS n, ''::text AS sourced_id UNION ALL SELECT a.n / 500, a.sourced_id FROM (SELECT t.sourced_id, row_number() OVER (ORDER BY t.sourced_id) AS n FROM $1 t $2) a WHERE a.n % 500 = 0" -c "CREATE UNIQUE INDEX ON bench_anchor (n)"
}
fill_anchors roster_user ""

# Warm both sides. The JIT compiles Lectern's request path during the first minutes of this load
# on two cores (after a start: 170, 320, 440, ... 950 pages/s in 15 s rounds, still compiling
# 100-400 methods a round), so the API is loaded in 15 s rounds until two rounds in a row compile
# fewer than 80 methods each (jstat; a warm server still compiles 40-60): at least 90 s, at most
# 360 s.
warmed=0 quiet=0
while :; do
  compiled=$(jstat -compiler "$server_pid" | awk 'NR == 2 {print $1}')
  rate=$(duration=15 api_load "$path/users?limit=100&offset={offset}" "$pages" | jq .pages_per_second)
  compiled=$(( $(jstat -compiler "$server_pid" | awk 'NR == 2 {print $1}') - compiled ))
  warmed=$((warmed + 15))
  if [ "$compiled" -lt 80 ]; then quiet=$((quiet + 1)); else quiet=0; fi
  if [ "$warmed" -ge 360 ] || { [ "$warmed" -ge 90 ] && [ "$quiet" -ge 2 ]; }; then break; fi
done
echo "warm-up: $warmed s of load; last round $rate pages/s, $compiled methods compiled"
page_bytes=$(curl -fsS -H "Authorization: Bearer $token" "$url$path/users?limit=100&offset=$((pages / 2 * 100))" | wc -c)
duration=15 api_load "/bare/page?size=$page_bytes" 1 "Accept: application/json" >/dev/null
for _ in 1 2 3; do duration=15 api_load "/bare/users?offset={offset}" "$pages" >/dev/null; done
pgbench_tps "$here/users-page.sql" "$pages" >/dev/null

api_rates=() api_p99=() api_p50=() sql_rates=() jvm_ms=() busy_ms=() floor_ms=() bare_ms=() minimal_rates=() minimal_ms=()
for round in $(seq 1 "$rounds"); do
  result=$(measured_load "$path/users?limit=100&offset={offset}" "$pages")
  [ "$(jq .failures <<<"$result")" = 0 ] || { echo "API failures: $result"; exit 1; }
  api_rates+=("$(jq .pages_per_second <<<"$result")"); api_p99+=("$(jq .p99_ms <<<"$result")"); api_p50+=("$(jq .p50_ms <<<"$result")")
  jvm_ms+=("$(jq .jvm_ms <<<"$result")"); busy_ms+=("$(jq .busy_ms <<<"$result")")
  sql_rates+=("$(pgbench_tps "$here/users-page.sql" "$pages")")
  floor=$(measured_load "$path/users?limit=1&offset={offset}" "$pages")
  [ "$(jq .failures <<<"$floor")" = 0 ] || { echo "API failures: $floor"; exit 1; }
  floor_ms+=("$(jq .jvm_ms <<<"$floor")")
  bare=$(measured_load "/bare/page?size=$page_bytes" 1 "Accept: application/json")
  [ "$(jq .failures <<<"$bare")" = 0 ] || { echo "bare failures: $bare"; exit 1; }
  bare_ms+=("$(jq .jvm_ms <<<"$bare")")
  minimal=$(measured_load "/bare/users?offset={offset}" "$pages")
  [ "$(jq .failures <<<"$minimal")" = 0 ] || { echo "minimal failures: $minimal"; exit 1; }
  minimal_rates+=("$(jq .pages_per_second <<<"$minimal")") minimal_ms+=("$(jq .jvm_ms <<<"$minimal")")
  printf 'round %s paging: API %s pages/s (p50 %s ms, p99 %s ms; CPU per page: JVM %.3f ms, machine %.3f ms), pgbench %s pages/s; limit=1: JVM %.3f ms per request; Liberty alone: JVM %.3f ms per %s bytes; least implementation: %s pages/s, JVM %.3f ms per page\n' \
    "$round" "${api_rates[-1]}" "${api_p50[-1]}" "${api_p99[-1]}" "${jvm_ms[-1]}" "${busy_ms[-1]}" "${sql_rates[-1]}" "${floor_ms[-1]}" "${bare_ms[-1]}" "$page_bytes" "${minimal_rates[-1]}" "${minimal_ms[-1]}"
done

# Delta sync: 1% of enrollments change after 'since'.
since=$(psql_db -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
sleep 0.01
psql_db -c "UPDATE roster_enrollment SET date_last_modified = date_trunc('milliseconds', clock_timestamp()), begin_date = '2026-08-16' WHERE (substr(sourced_id, 9))::bigint % 100 = 0"
changed=$(psql_db -c "SELECT count(*) FROM roster_enrollment WHERE date_last_modified > '$since'")
delta_pages=$(( (changed + 99) / 100 ))
fill_anchors roster_enrollment "WHERE t.date_last_modified > '$since'"
filter=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(\"dateLastModified>'$since'\"))")
api_delta=() sql_delta=()
for round in $(seq 1 "$rounds"); do
  result=$(api_load "$path/enrollments?filter=$filter&limit=100&offset={offset}" "$delta_pages")
  [ "$(jq .failures <<<"$result")" = 0 ] || { echo "API failures: $result"; exit 1; }
  api_delta+=("$(python3 -c "print(round($delta_pages / $(jq .pages_per_second <<<"$result"), 3))")")
  tps=$(pgbench_tps "$here/enrollments-delta.sql" "$delta_pages" -D since="$since")
  sql_delta+=("$(python3 -c "print(round($delta_pages / $tps, 3))")")
  echo "round $round delta ($changed changed, $delta_pages pages): API ${api_delta[-1]} s, pgbench ${sql_delta[-1]} s"
done

python3 - "${api_rates[*]}" "${sql_rates[*]}" "${api_p50[*]}" "${api_p99[*]}" "${api_delta[*]}" "${sql_delta[*]}" \
  "${jvm_ms[*]}" "${busy_ms[*]}" "${floor_ms[*]}" "${bare_ms[*]}" "${minimal_rates[*]}" "${minimal_ms[*]}" "$cores" <<'PY'
import statistics, sys
api, sql, p50, p99, api_delta, sql_delta, jvm, busy, floor, bare, minimal, minimal_jvm = (
    [float(x) for x in a.split()] for a in sys.argv[1:13])
cores = int(sys.argv[13])
m = statistics.median
print(f"paging /users: API {m(api):.0f} pages/s, pgbench {m(sql):.0f} pages/s, ratio {m(api)/m(sql):.2f} (target >= 0.6); API p50 {m(p50)} ms, p99 {m(p99)} ms (target <= 50)")
# With the cores saturated, a page costs the JVM's request path, its JSON work, and the rest of the
# machine (PostgreSQL, wrk, the kernel). Without the JSON work: the bound below.
rest = m(busy) - m(jvm)
bound = cores * 1000 / (m(floor) + rest)
print(f"CPU per page: JVM {m(jvm):.3f} ms (request path alone, limit=1: {m(floor):.3f} ms), rest of the machine {rest:.3f} ms; "
      f"with rows written for free the API could serve at most {bound:.0f} pages/s, ratio {bound/m(sql):.2f}")
# Liberty alone answering the same bytes: what this server costs before Lectern does anything.
bare_bound = cores * 1000 / (m(bare) + rest)
print(f"Liberty alone (same bytes, no security, filters or database): JVM {m(bare):.3f} ms per page, at most "
      f"{bare_bound:.0f} pages/s, ratio {bare_bound/m(sql):.2f}; above it, Lectern's page costs the JVM {m(jvm) - m(bare):.3f} ms "
      f"(its request path at least {m(floor) - m(bare):.3f} ms, the rows and their bytes {m(jvm) - m(floor):.3f} ms)")
print(f"least implementation on this stack (MP JWT, the same statements, column bytes copied, no JSON): "
      f"{m(minimal):.0f} pages/s, ratio {m(minimal)/m(sql):.2f}, JVM {m(minimal_jvm):.3f} ms per page; "
      f"Lectern serves {m(api)/m(minimal):.2f} of its pages/s")
# pgbench and the API share the machine's mood within a round more than across rounds.
def per_round(rates):
    ratios = [rate / reference for rate, reference in zip(rates, sql)]
    return "/".join(f"{r:.2f}" for r in ratios) + f" (median {m(ratios):.2f})"
print(f"ratios per round, against that round's pgbench: Lectern {per_round(api)}, least implementation {per_round(minimal)}")
print(f"delta /enrollments: API {m(api_delta):.2f} s, pgbench {m(sql_delta):.2f} s, ratio {m(api_delta)/m(sql_delta):.2f} (target <= 2)")
PY
