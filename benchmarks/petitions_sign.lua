-- wrk script: POST valid petition sign forms, one new signer per request (some repeat on purpose).
--
--   wrk -t2 -c16 -d20s -s benchmarks/petitions_sign.lua http://127.0.0.1:8765 -- \
--       /nl/petitions/<key>/sign/ <consent_version> <GM0363,GM0599,...> <duplicate fraction> <run tag>
--
-- Every request carries a fresh address `<tag>-t<thread>-<n>@bench.example.org`; with probability
-- <duplicate fraction> it repeats an address this thread already sent instead (the "already signed"
-- path). X-Forwarded-For gives each request a random 10.x.y.z address (the bench settings trust one
-- proxy), as a proxy would for real signers. At the end one line `BENCHJSON {...}` sums up the
-- threads: requests, unique addresses sent, duplicates sent, responses by status class and wrk's
-- latency percentiles (microseconds).

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

local function urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
   path = args[1] or "/"
   consent_version = args[2] or "1"
   municipalities = {}
   for code in string.gmatch(args[3] or "", "[^,]+") do table.insert(municipalities, code) end
   duplicate_fraction = tonumber(args[4] or "0") or 0
   tag = args[5] or tostring(os.time())
   math.randomseed(os.time() * 1000 + id * 7919)
   unique, duplicates, sent = 0, 0, 0
   s2, s3, s4, s5 = 0, 0, 0, 0
end

local function email(n)
   return string.format("%s-t%d-%d@bench.example.org", tag, id, n)
end

function request()
   local address
   if unique > 0 and math.random() < duplicate_fraction then
      address = email(math.random(1, unique))
      duplicates = duplicates + 1
   else
      unique = unique + 1
      address = email(unique)
   end
   sent = sent + 1
   local body = "name=" .. urlencode("Bench Signer " .. unique)
      .. "&email=" .. urlencode(address)
      .. "&municipality=" .. municipalities[math.random(1, #municipalities)]
      .. "&consent=on&consent_version=" .. consent_version
      .. "&form_ms=" .. math.random(6000, 90000)
      .. "&website="
   local headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
                                          math.random(1, 254)),
      ["Accept-Language"] = "nl",
   }
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   if status < 300 then s2 = s2 + 1
   elseif status < 400 then s3 = s3 + 1
   elseif status < 500 then s4 = s4 + 1
   else s5 = s5 + 1 end
end

function done(summary, latency, requests)
   local t = {unique = 0, duplicates = 0, sent = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0}
   for _, thread in ipairs(threads) do
      for key, _ in pairs(t) do t[key] = t[key] + (thread:get(key) or 0) end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCHJSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"sent": %d, "unique": %d, "duplicates": %d, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s5xx": %d, ' ..
      '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      t.sent, t.unique, t.duplicates, t.s2, t.s3, t.s4, t.s5,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
