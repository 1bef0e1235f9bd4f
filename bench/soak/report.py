"""The soak's report (bench/soak/run.sh): reads what the run left in its work directory.

  requests-<generator>.log  "ms generator method route status seconds", one line per request
  metrics.txt               "# scrape <ms>" and the /metrics text, every 15 s on a grid from the start
  gc.log                    the server JVM's -Xlog:gc (heap before and after each full GC)
  jobs.log                  "ms kind id state millis {message, counts}"
  deltas-<consumer>.log     one line per delta sync
  diagnostics.json          GET /api/v1/admin/diagnostics/database at the end
  messages.log              the server's log

and turns the scrapes into promtool unit tests of the shipped alerts (alerts/), expecting none.
"""
import datetime
import json
import math
import os
import re
import statistics
import subprocess
import sys
from collections import Counter, defaultdict

(work, promtool, rules, start_ms, end_ms, window, gc_every, url, ffdc, cpu_start, cpu_end, jvm_start,
 jvm_end, cores, clk) = sys.argv[1:16]
start_ms, end_ms, window, gc_every, ffdc = int(start_ms), int(end_ms), int(window), int(gc_every), int(ffdc)
SCRAPE = 15
results = []  # (goal, passed, detail)


def pct(values, q):
    """Nearest-rank percentile of a non-empty list."""
    s = sorted(values)
    return s[max(0, math.ceil(q / 100 * len(s)) - 1)]


def ms(seconds):
    return f"{seconds * 1000:.0f}" if seconds >= 0.1 else f"{seconds * 1000:.1f}"


# ---------------------------------------------------------------- requests, client side
requests = []
for name in sorted(os.listdir(work)):
    if name.startswith("requests-"):
        with open(os.path.join(work, name)) as f:
            for line in f:
                p = line.split()
                if len(p) == 6:
                    requests.append((int(p[0]), p[1], p[2], p[3], p[4], float(p[5])))
print()
print(f"== requests (client side), {(end_ms - start_ms) / 60000:.1f} minutes")
print(f"{'generator':<12} {'requests':>9} {'per s':>6} {'2xx':>8} {'4xx':>6} {'429':>5} {'5xx':>5} {'failed':>6}")
by_gen = defaultdict(Counter)
for r in requests:
    s = r[4]
    by_gen[r[1]]["all"] += 1
    by_gen[r[1]]["429" if s == "429" else "000" if s == "000" else s[0] + "xx"] += 1
for g in list(sorted(by_gen)) + ["all"]:
    c = by_gen[g] if g != "all" else sum(by_gen.values(), Counter())
    print(f"{g:<12} {c['all']:>9} {c['all'] / ((end_ms - start_ms) / 1000):>6.1f} {c['2xx']:>8} {c['4xx']:>6} "
          f"{c['429']:>5} {c['5xx']:>5} {c['000']:>6}")
total = sum(by_gen.values(), Counter())
client_5xx = total["5xx"] + total["000"]
print("4xx: the logins' wrong passwords (every 20th sign-in, 401); anything else is listed below. "
      "failed: no answer (connection refused, reset, 30 s timeout).")
odd = Counter((r[1], r[2], r[3], r[4]) for r in requests
              if r[4][0] not in "23" and not (r[1] == "logins" and r[4] == "401"))
for (g, m, route, s), n in odd.most_common(15):
    print(f"  {n:>6} x {s} {m} {route} ({g})")
deltas = {}
for name in sorted(os.listdir(work)):
    if name.startswith("deltas-"):
        lines = [line.split() for line in open(os.path.join(work, name))]
        deltas[name[7:-4]] = (len(lines), sum(int(p[3]) for p in lines if len(p) > 3))
if deltas:
    print("delta syncs (syncs, changed records they found): "
          + ", ".join(f"{g} {n} ({c})" for g, (n, c) in deltas.items()))

# ---------------------------------------------------------------- scrapes
LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')
scrapes = {}  # slot -> {(name, labels tuple): value}
failed_scrapes = 0
with open(os.path.join(work, "metrics.txt")) as f:
    current = None
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("# scrape failed") or line.startswith("curl:"):
            failed_scrapes += 1
            continue
        if line.startswith("# scrape "):
            at = int(line.split()[2])
            current = scrapes.setdefault(round((at - start_ms) / 1000 / SCRAPE), {})
            continue
        if not line or line.startswith("#") or current is None:
            continue
        m = LINE.match(line)
        if not m:
            continue
        try:
            value = float(m.group(3))
        except ValueError:
            continue
        current[(m.group(1), tuple(sorted(LABEL.findall(m.group(2) or ""))))] = value
scrapes = {k: v for k, v in scrapes.items() if v}
slots = sorted(scrapes)
first, last = scrapes[slots[0]], scrapes[slots[-1]]
names = {k[0] for s in scrapes.values() for k in s}


def delta(key):
    return last.get(key, 0.0) - first.get(key, 0.0)


def lab(key, name):
    return dict(key[1]).get(name)


def quantile(q, buckets):
    """histogram_quantile over [(le, cumulative count)]."""
    buckets = sorted(buckets)
    count = buckets[-1][1] if buckets else 0
    if count <= 0:
        return None
    rank, prev_le, prev_c = q * count, 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if math.isinf(le):
                return prev_le
            return prev_le + (le - prev_le) * ((rank - prev_c) / (c - prev_c) if c > prev_c else 0)
        prev_le, prev_c = le, c
    return prev_le


def route_buckets(a, b, select):
    """Bucket deltas (le -> count) between scrapes a and b for the series select() accepts."""
    out = defaultdict(float)
    for key, value in b.items():
        if key[0] == "lectern_http_request_duration_seconds_bucket" and select(key):
            out[float(lab(key, "le"))] += value - a.get(key, 0.0)
    return sorted(out.items())


print()
print(f"== latency by route: Lectern's histogram (first to last scrape, interpolated in its buckets) "
      f"and the clients' timings (exact)")
routes = sorted({(lab(k, "route"), lab(k, "method")) for k in last
                 if k[0] == "lectern_http_request_duration_seconds_count"})
server_5xx = 0
client_by_route = defaultdict(list)
for r in requests:
    if r[4] != "000":
        client_by_route[(r[3], r[2])].append(r[5])
print(f"{'route':<46} {'method':<6} {'requests':>8} {'5xx':>4} {'p50 ms':>7} {'p99 ms':>7}   {'client p50':>10} {'p99':>7}")
for route, method in routes:
    sel = lambda k, route=route, method=method: lab(k, "route") == route and lab(k, "method") == method
    n = sum(delta(k) for k in last if k[0] == "lectern_http_request_duration_seconds_count" and sel(k))
    e = sum(delta(k) for k in last if k[0] == "lectern_http_request_duration_seconds_count" and sel(k)
            and lab(k, "status") == "5xx")
    server_5xx += e
    if n <= 0:
        continue
    b = route_buckets(first, last, sel)
    p50, p99 = quantile(0.5, b), quantile(0.99, b)
    c = client_by_route.get((route, method))
    cl = f"{ms(pct(c, 50)):>10} {ms(pct(c, 99)):>7}" if c else f"{'-':>10} {'-':>7}"
    print(f"{route:<46} {method:<6} {n:>8.0f} {e:>4.0f} {ms(p50):>7} {ms(p99):>7}   {cl}")
win = window // SCRAPE
if len(slots) > 2 * win:
    a0, a1 = scrapes[slots[0]], scrapes[min(slots, key=lambda s: abs(s - win))]
    b0, b1 = scrapes[min(slots, key=lambda s: abs(s - (slots[-1] - win)))], last
    not_unmatched = lambda k: lab(k, "route") != "unmatched"
    fa, lb = route_buckets(a0, a1, not_unmatched), route_buckets(b0, b1, not_unmatched)
    print(f"all routes, first {window} s: p50 {ms(quantile(0.5, fa))} ms, p95 {ms(quantile(0.95, fa))} ms, "
          f"p99 {ms(quantile(0.99, fa))} ms; last {window} s: p50 {ms(quantile(0.5, lb))} ms, "
          f"p95 {ms(quantile(0.95, lb))} ms, p99 {ms(quantile(0.99, lb))} ms")
results.append(("no 5xx", client_5xx == 0 and server_5xx == 0,
                f"clients saw {total['5xx']} 5xx and {total['000']} without an answer; "
                f"Lectern counted {server_5xx:.0f} 5xx"))

# ---------------------------------------------------------------- heap
print()
print(f"== heap after full GC (jcmd GC.run every {gc_every} s, the GC log's heap after each; seconds into the run: MB)")
FULL = re.compile(r"^\[(\S+)\] GC\(\d+\) Pause Full \((.*?)\) (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms")
after, natural = [], []
with open(os.path.join(work, "gc.log")) as f:
    for line in f:
        m = FULL.match(line)
        if not m:
            continue
        at = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
        gc = {"t": at - start_ms / 1000, "cause": m.group(2), "before": int(m.group(3)),
              "used": int(m.group(4)), "heap": int(m.group(5)), "ms": float(m.group(6))}
        if gc["t"] >= 0:
            (after if gc["cause"] in ("Diagnostic Command", "System.gc()") else natural).append(gc)
if after:
    print("  " + " ".join(f"{r['t']:.0f}s:{r['used']}" for r in after))
    head = [r["used"] for r in after if r["t"] <= window]
    tail = [r["used"] for r in after if r["t"] >= (end_ms - start_ms) / 1000 - window]
    if head and tail:
        h, t = statistics.median(head), statistics.median(tail)
        change = (t - h) / h * 100
        print(f"first {window} s: median {h:.0f} MB ({len(head)} GCs); last {window} s: median {t:.0f} MB "
              f"({len(tail)} GCs); change {change:+.1f}%")
        results.append(("heap after full GC flat within 10%", change <= 10,
                        f"{h:.0f} MB -> {t:.0f} MB ({change:+.1f}%)"))
    else:
        results.append(("heap after full GC flat within 10%", False, "too few full GCs in a window"))
    print(f"pauses of the forced full GCs: median {statistics.median(r['ms'] for r in after):.0f} ms, "
          f"max {max(r['ms'] for r in after):.0f} ms")
else:
    results.append(("heap after full GC flat within 10%", False, "no full GC recorded"))
print(f"full GCs of G1's own: {len(natural)}" + "".join(f"; {r['t']:.0f}s {r['cause']} {r['before']}M->{r['used']}M"
                                                     for r in natural[:5]))
heap_used = [s[k] for s in scrapes.values() for k in s if k[0] == "memory_usedHeap_bytes"]
heap_max = next((v for k, v in last.items() if k[0] == "memory_maxHeap_bytes"), 0)
young = next((k for k in last if k[0] == "gc_total" and lab(k, "name") == "G1 Young Generation"), None)
if heap_used:
    print(f"heap used at the scrapes (memory_usedHeap_bytes): min {min(heap_used) / 2**20:.0f} MB, "
          f"max {max(heap_used) / 2**20:.0f} MB of {heap_max / 2**20:.0f} MB; young GCs {delta(young) if young else 0:.0f}")

# ---------------------------------------------------------------- pools
print()
print("== connection pools (Liberty's connectionpool_* series, first to last scrape; and the diagnostics at the end)")
for ds in sorted({lab(k, "datasource") for k in last if k[0].startswith("connectionpool_")}):
    key = lambda name: next((k for k in last if k[0] == name and lab(k, "datasource") == ds), None)
    queued, waited = key("connectionpool_queuedRequests_total"), key("connectionpool_waitTime_total_seconds")
    handles = key("connectionpool_connectionHandles")
    managed = key("connectionpool_managedConnections")
    peak = max((s.get(handles, 0) for s in scrapes.values()), default=0) if handles else 0
    peak_managed = max((s.get(managed, 0) for s in scrapes.values()), default=0) if managed else 0
    print(f"{ds}: {delta(queued) if queued else 0:.0f} requests waited, {delta(waited) if waited else 0:.3f} s waited in all; "
          f"in use at most {peak:.0f} at a scrape, connections at most {peak_managed:.0f}")
try:
    with open(os.path.join(work, "diagnostics.json")) as f:
        for pool in json.load(f).get("pools", []):
            print(f"{pool['dataSource']}: {pool['waits']} waits since start, longest {pool['waitMaxMs']} ms, "
                  f"mean {pool['waitMeanMs']} ms; max {pool['max']}")
except (OSError, ValueError, KeyError) as e:
    print(f"diagnostics: not read ({e})")
slow = {lab(k, "origin"): delta(k) for k in last if k[0] == "lectern_slow_statements_total"}
if slow:
    print("slow statements (over SLOW_QUERY_MS): " + ", ".join(f"{o} {n:.0f}" for o, n in sorted(slow.items())))
hits = {lab(k, "layer"): delta(k) for k in last if k[0] == "lectern_cache_lookups_total"}
if sum(hits.values()) > 0:
    print("cache lookups: " + ", ".join(f"{l} {n:.0f}" for l, n in sorted(hits.items()))
          + f" (found {(1 - hits.get('miss', 0) / sum(hits.values())) * 100:.1f}%)")

# ---------------------------------------------------------------- jobs
print()
print("== jobs")
jobs = []
if os.path.exists(os.path.join(work, "jobs.log")):
    with open(os.path.join(work, "jobs.log")) as f:
        for line in f:
            p = line.split(" ", 5)
            jobs.append({"t": (int(p[0]) - start_ms) / 1000, "kind": p[1], "id": p[2], "state": p[3],
                         "seconds": int(p[4]) / 1000, "detail": p[5].strip() if len(p) > 5 else ""})
for kind in ("import", "backup", "drill"):
    js = [j for j in jobs if j["kind"] == kind]
    done = [j for j in js if j["state"] == "completed"]
    line = f"{kind}: {len(done)} of {len(js)} completed"
    if done:
        line += (f", request to end median {statistics.median(j['seconds'] for j in done):.1f} s, "
                 f"max {max(j['seconds'] for j in done):.1f} s; at " + ", ".join(f"{j['t']:.0f}s" for j in js))
    print(line)
    for j in js:
        if j["state"] != "completed":
            print(f"  {j['t']:.0f}s {j['id']} {j['state']}: {j['detail'][:300]}")
drill_result = ""
for j in jobs:
    if j["kind"] == "drill":
        try:
            drill_result = json.loads(j["detail"]).get("counts", {}).get("reason", "")
        except ValueError:
            pass
if drill_result:
    print(f"drill: {drill_result}")
results.append(("every import, backup and drill completed",
                bool(jobs) and all(j["state"] == "completed" for j in jobs) and any(j["kind"] == "drill" for j in jobs),
                f"{sum(j['state'] == 'completed' for j in jobs)} of {len(jobs)}"))

# ---------------------------------------------------------------- alerts
print()
print("== alerts (promtool test rules over the scraped series, expecting none at every scrape)")
alerts_dir = os.path.join(work, "alerts")
os.makedirs(alerts_dir, exist_ok=True)
rules = os.path.abspath(rules)
text = open(rules).read()
alerts = re.findall(r"^\s*- alert:\s*(\S+)", text, re.M)
# Metric names each alert reads (label matchers, groupings and functions left out).
blocks = dict(zip(alerts, re.split(r"^\s*- alert:\s*\S+", text, flags=re.M)[1:]))
used = {}
for alert, block in blocks.items():
    expr = block.split("labels:")[0]
    expr = re.sub(r"\{[^}]*\}", "", expr)
    expr = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", expr)
    used[alert] = {w for w in re.findall(r"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b", expr)
                   if "_" in w and w not in ("histogram_quantile", "label_replace", "label_join")}
host = url.split("://", 1)[1]
t0 = start_ms / 1000
n = slots[-1] + 1


def fmt(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    s = f"{v:.9f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


series = []
keys = sorted({k for s in scrapes.values() for k in s})
for key in keys:
    name, labels = key
    values = []
    for slot in range(n):
        v = scrapes.get(slot, {}).get(key)
        if v is not None and name == "lectern_backup_last_success_timestamp_seconds":
            v -= t0  # promtool's clock starts at 0: the timestamp moved by as much (0, never, too)
        values.append("_" if v is None else fmt(v))
    ls = dict(labels)
    ls.update({"job": "lectern", "instance": host})
    body = ",".join(f'{k}="{v}"' for k, v in sorted(ls.items()))  # values kept escaped as scraped
    series.append({"series": f"{name}{{{body}}}", "values": " ".join(values)})
evaluated = [a for a in alerts if used[a] <= names]
missing = {a: sorted(used[a] - names) for a in alerts if not used[a] <= names}


def run(rule_file, label):
    tests = [{"alertname": a, "eval_time": f"{slot * SCRAPE}s", "exp_alerts": []}
             for slot in range(1, n) for a in alerts]
    test = {"rule_files": [rule_file], "evaluation_interval": f"{SCRAPE}s",
            "tests": [{"name": label, "interval": f"{SCRAPE}s", "input_series": series, "alert_rule_test": tests}]}
    path = os.path.join(alerts_dir, f"{label}-test.yml")
    with open(path, "w") as f:
        json.dump(test, f, indent=1)  # JSON is YAML
    out = subprocess.run([promtool, "test", "rules", path], capture_output=True, text=True)
    fired = defaultdict(list)
    current = None
    for line in (out.stdout + out.stderr).splitlines():
        m = re.search(r"alertname: (\S+), time: (\S+),", line)
        if m:
            current = (m.group(1), m.group(2))
            continue
        m = re.search(r"Labels:(\{.*\})", line)
        if m and current:
            fired[current[0]].append((current[1], m.group(1)))
    ok = out.returncode == 0 or fired
    if not ok:
        print(f"promtool failed ({label}):\n" + (out.stdout + out.stderr)[-3000:])
    return fired, ok


fired, ok = run(rules, "shipped")
conditions_file = os.path.join(alerts_dir, "conditions.yml")
with open(conditions_file, "w") as f:
    f.write(re.sub(r"^\s*for:.*\n", "", text, flags=re.M))
held, ok2 = run(conditions_file, "conditions")
for a in alerts:
    if a in missing:
        state = f"no data: {', '.join(missing[a])} not on Lectern's /metrics (cAdvisor / kube-state-metrics)"
    elif fired.get(a):
        times = sorted({t for t, _ in fired[a]}, key=lambda t: int(t.rstrip("s")))
        state = f"FIRED at {len(times)} scrapes, first {times[0]}: {fired[a][0][1]}"
    elif held.get(a):
        times = sorted({t for t, _ in held[a]}, key=lambda t: int(t.rstrip("s")))
        state = f"quiet (its condition held at {len(times)} scrapes, first {times[0]}, not for its `for`)"
    else:
        state = "quiet"
    print(f"  {a:<34} {state}")
print(f"{len(series)} series, {n} scrapes ({failed_scrapes} failed); test files in {alerts_dir}")
names_fired = sorted(fired)
results.append(("no shipped alert fired", ok and ok2 and not names_fired,
                ("alerts that would have fired: " + ", ".join(names_fired)) if names_fired else
                f"alerts that would have fired: none ({len(evaluated)} evaluated, {len(missing)} without data)"))

# ---------------------------------------------------------------- server log, CPU
print()
print("== server log")
levels, seen = Counter(), defaultdict(Counter)
with open(os.path.join(work, "messages.log"), errors="replace") as f:
    for line in f:
        try:
            record = json.loads(line)
            level, message = record.get("loglevel", ""), record.get("message", "")
            at = record.get("ibm_datetime")
            if at and datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000 < start_ms:
                continue  # the server's start and the setup, before the load
        except ValueError:
            m = re.search(r"\]\s+\S+\s+\S+\s+([EWI])\s+(.*)", line)
            if not m:
                continue
            level, message = {"E": "SEVERE", "W": "WARNING", "I": "INFO"}[m.group(1)], m.group(2)
        if level in ("SEVERE", "WARNING", "ERROR"):
            levels[level] += 1
            seen[level][re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+", "#", message)[:200]] += 1
print(f"during the soak: SEVERE {levels['SEVERE'] + levels['ERROR']}, WARNING {levels['WARNING']}, FFDC files {ffdc}")
for level in ("SEVERE", "ERROR", "WARNING"):
    for message, count in seen[level].most_common(6):
        print(f"  {level} x{count}: {message}")
busy0, all0 = map(float, cpu_start.split())
busy1, all1 = map(float, cpu_end.split())
print(f"CPU over the run: the machine ({cores} cores) {100 * (busy1 - busy0) / (all1 - all0):.0f}% busy, "
      f"Lectern's JVM {100 * (float(jvm_end) - float(jvm_start)) / (all1 - all0):.0f}% of it all")

# ---------------------------------------------------------------- goals
print()
print("== goals")
for goal, passed, detail in results:
    print(f"{'PASS' if passed else 'FAIL'}  {goal}: {detail}")
