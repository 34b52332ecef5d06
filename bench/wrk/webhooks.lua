-- Pre-signed booking webhooks for wrk, one per line of the file given after "--":
-- timestamp <TAB> signature <TAB> body. Each wrk thread sends its share of the lines once
-- (line n goes to thread n % threads), and when all its answers are in it creates the file
-- <marker><thread> and stops. wrk's main thread sleeps for the whole -d regardless, so the
-- driver sends it SIGINT once every thread's marker exists (and times the run itself).
--
--   wrk -t2 -c16 -d600s -s bench/wrk/webhooks.lua http://host:port/webhooks/booking -- file 2 marker

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  marker = args[3] .. id
  requests = {}
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      local timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["X-Nurture-Timestamp"] = timestamp,
        ["X-Nurture-Signature"] = signature,
      }, body)
    end
    n = n + 1
  end
  expected = #requests
  if id == 0 and expected > 0 then
    -- wrk checks the script by calling request() once on the first thread before the run:
    -- that call takes this copy, so the first line is still sent.
    table.insert(requests, 1, requests[1])
  end
  sent, answered, accepted, failed, finished = 0, 0, 0, 0, false
end

function request()
  sent = sent + 1
  -- A connection that asks after the last line repeats it (answered 200 duplicate; not counted).
  return requests[math.min(sent, #requests)]
end

function response(status, headers, body)
  -- A repeat after the last line is answered 200 (duplicate) and counts for nothing; every
  -- line of ours is new, so it is answered 202 or fails.
  answered = answered + 1
  if status == 202 then
    accepted = accepted + 1
  elseif status ~= 200 then
    failed = failed + 1
  end
  if not finished and (accepted + failed >= expected or answered >= expected + 256) then
    finished = true
    io.open(marker, "w"):close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local accepted = 0
  for _, thread in ipairs(threads) do
    accepted = accepted + thread:get("accepted")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"accepted":%d,"micros":%d,"p50":%d,"p99":%d,"max":%d,"socketErrors":%d,"non2xx":%d}\n',
    summary.requests, accepted, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
