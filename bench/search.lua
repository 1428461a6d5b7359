-- wrk script: cycles through bench/queries.txt, reports p50/p95/p99 latency and throughput.
local queries = {}
for line in io.lines("bench/queries.txt") do
  if line ~= "" then
    local encoded = line:gsub("([^%w%-%.%_%~ ])", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+")
    table.insert(queries, "/recherche?q=" .. encoded)
  end
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), %.0f requests/s\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
