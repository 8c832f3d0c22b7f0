-- wrk reporter: one JSON line with throughput, errors and latency percentiles (microseconds).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "errors": %d, "p50": %d, "p90": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
