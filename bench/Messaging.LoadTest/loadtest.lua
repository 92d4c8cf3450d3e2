-- wrk script of the load test. Run with one connection per thread (-t N -c N): each thread then sends its requests one
-- after another, so every answer belongs to the request just sent. The harness prepares the requests of thread k in
-- $LOADTEST_DIR/requests-k.bin (records "<id> <length>\n<raw HTTP request>"), and reads two files this writes there:
-- answers.txt ("<id> <status> <replayed> <sid>" per answer) and summary.txt (throughput, latency, errors).
-- With LOADTEST_CYCLE=1 a thread starts again from its first request when it reaches its last; otherwise it stops.

local dir = os.getenv("LOADTEST_DIR")
local cycle = os.getenv("LOADTEST_CYCLE") == "1"
local threads = {}
local count = 0

function setup(thread)
  thread:set("thread_index", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(dir .. "/requests-" .. thread_index .. ".bin", "rb"))
  local data = file:read("*a")
  file:close()
  requests, ids, answers = {}, {}, {}
  local position = 1
  while position <= #data do
    local newline = data:find("\n", position, true)
    local id, length = data:sub(position, newline - 1):match("^(%d+) (%d+)$")
    length = tonumber(length)
    requests[#requests + 1] = data:sub(newline + 1, newline + length)
    ids[#ids + 1] = id
    position = newline + 1 + length
  end
  sent = 0
  exhausted = 0
  -- Sent only if the thread is asked for a request after its last one, before it has stopped; never recorded.
  filler = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
end

function request()
  if cycle and sent == #requests then
    sent = 0
  end
  sent = sent + 1
  if sent > #requests then
    return filler
  end
  return requests[sent]
end

function response(status, headers, body)
  if sent > #requests then
    return
  end
  local replayed = headers["Idempotent-Replayed"] == "true" and 1 or 0
  local sid = body:match('"waSid":"(%w+)"') or "-"
  answers[#answers + 1] = ids[sent] .. " " .. status .. " " .. replayed .. " " .. sid
  if sent == #requests and not cycle then
    exhausted = 1
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(dir .. "/answers.txt", "w"))
  local exhausted_threads = 0
  for _, thread in ipairs(threads) do
    for _, line in ipairs(thread:get("answers")) do
      out:write(line, "\n")
    end
    exhausted_threads = exhausted_threads + thread:get("exhausted")
  end
  out:close()

  local errors = summary.errors
  local report = assert(io.open(dir .. "/summary.txt", "w"))
  report:write("duration_us ", summary.duration, "\n")
  report:write("requests ", summary.requests, "\n")
  report:write("connect_errors ", errors.connect, "\n")
  report:write("read_errors ", errors.read, "\n")
  report:write("write_errors ", errors.write, "\n")
  report:write("status_errors ", errors.status, "\n")
  report:write("timeouts ", errors.timeout, "\n")
  report:write("exhausted_threads ", exhausted_threads, "\n")
  report:write("mean_us ", latency.mean, "\n")
  report:write("max_us ", latency.max, "\n")
  for _, p in ipairs({ 50, 90, 99 }) do
    report:write("p", p, "_us ", latency:percentile(p), "\n")
  end
  report:close()
end
