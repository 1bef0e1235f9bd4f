-- wrk script: prints one JSON line with the request count, failures and latency percentiles.
function done(summary, latency, requests)
  local errors = summary.errors
  local failures = errors.status + errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format('{"requests": %d, "failures": %d, "p50_ms": %.3f, "p99_ms": %.3f}\n',
    summary.requests, failures, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
