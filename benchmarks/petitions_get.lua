-- wrk script: plain GETs of the URL given to wrk (count.json), summed up as one `BENCHJSON {...}` line.
--
--   wrk -t2 -c16 -d20s -s benchmarks/petitions_get.lua http://127.0.0.1:8765/petitions/<key>/count.json

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   s2, s3, s4, s5 = 0, 0, 0, 0
end

function response(status, headers, body)
   if status < 300 then s2 = s2 + 1
   elseif status < 400 then s3 = s3 + 1
   elseif status < 500 then s4 = s4 + 1
   else s5 = s5 + 1 end
end

function done(summary, latency, requests)
   local t = {s2 = 0, s3 = 0, s4 = 0, s5 = 0}
   for _, thread in ipairs(threads) do
      for key, _ in pairs(t) do t[key] = t[key] + (thread:get(key) or 0) end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCHJSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"sent": %d, "unique": 0, "duplicates": 0, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s5xx": %d, ' ..
      '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout, summary.requests,
      t.s2, t.s3, t.s4, t.s5,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
