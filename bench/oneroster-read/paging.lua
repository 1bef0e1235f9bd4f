-- wrk script: consumers paging through a OneRoster collection. Thread i of n requests pages
-- i, i+n, i+2n, ... and starts over at the end, so every page is read and the load stays even.
-- Settings come from the environment: PAGES (page count), PAGE_PATH (path and query with
-- {offset} where the offset goes; limit=100). Prints one JSON line with the rate and latencies.
-- WRK_THREADS must equal wrk's -t.
local started = 0

function setup(thread)
  thread:set("first", started)
  started = started + 1
end

function init(args)
  pages = tonumber(os.getenv("PAGES"))
  threads = tonumber(os.getenv("WRK_THREADS"))
  path = os.getenv("PAGE_PATH")
  page = first % pages
end

function request()
  local offset = page * 100
  page = (page + threads) % pages
  return wrk.format("GET", (path:gsub("{offset}", tostring(offset))))
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failures = errors.status + errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format(
    '{"pages": %d, "failures": %d, "seconds": %.3f, "pages_per_second": %.1f, ' ..
    '"p50_ms": %.1f, "p99_ms": %.1f}\n',
    summary.requests, failures, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
