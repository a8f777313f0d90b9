-- Prints one machine-readable line at the end of a wrk run (latencies in milliseconds).
-- wrk counts any response outside 2xx/3xx in errors.status ("Non-2xx or 3xx responses").
done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx3xx=%d connect_err=%d read_err=%d write_err=%d timeout_err=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
