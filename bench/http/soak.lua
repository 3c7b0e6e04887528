-- wrk script for bench/http/soak.sh: a mix of reads and appends with a Bearer token.
--   ~(100 - SOAK_POST_PERCENT) %: GET /api/v1/cases/{id}/timeline or /api/v1/cases/{id} (half
--   each) of a random case of SOAK_READ_CASES;
--   SOAK_POST_PERCENT % (default 10): POST /api/v1/cases/{id}/entries of a reintegration
--   interview dated SOAK_TODAY, round-robin over SOAK_WRITE_CASES, without expected_seq (the
--   server serialises concurrent appends).
-- Environment: SOAK_TOKEN, SOAK_READ_CASES and SOAK_WRITE_CASES (comma-separated ids),
-- SOAK_TODAY (YYYY-MM-DD), SOAK_POST_PERCENT.

local function ids(text)
  local list = {}
  for id in string.gmatch(text or "", "%d+") do list[#list + 1] = id end
  return list
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
  threads[#threads + 1] = thread
end

local read_cases, write_cases, headers, post_headers, today, post_percent
local number = 0
-- Globals, so that done() can read them with thread:get().
posts, timelines, case_files = 0, 0, 0

function init(args)
  read_cases = ids(os.getenv("SOAK_READ_CASES"))
  write_cases = ids(os.getenv("SOAK_WRITE_CASES"))
  today = os.getenv("SOAK_TODAY")
  post_percent = tonumber(os.getenv("SOAK_POST_PERCENT") or "10")
  local auth = "Bearer " .. os.getenv("SOAK_TOKEN")
  headers = { ["Authorization"] = auth }
  post_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  number = thread_number or 0
  math.randomseed(os.time() * 1000 + number)
  assert(#read_cases > 0 and #write_cases > 0 and today, "SOAK_* environment missing")
end

function request()
  if math.random(100) <= post_percent then
    posts = posts + 1
    local case_id = write_cases[(posts + number) % #write_cases + 1]
    local body = '{"type":"reintegration_interview","occurred_on":"' .. today .. '",' ..
        '"payload":{"attendees":["Casemanager"],"summary":"soak ' .. number .. '.' .. posts ..
        '","employee_agreement":"agreed"}}'
    return wrk.format("POST", "/api/v1/cases/" .. case_id .. "/entries", post_headers, body)
  end
  local case_id = read_cases[math.random(#read_cases)]
  if math.random(2) == 1 then
    timelines = timelines + 1
    return wrk.format("GET", "/api/v1/cases/" .. case_id .. "/timeline", headers)
  end
  case_files = case_files + 1
  return wrk.format("GET", "/api/v1/cases/" .. case_id, headers)
end

function done(summary, latency, requests)
  local p, t, c = 0, 0, 0
  for _, thread in ipairs(threads) do
    p = p + (thread:get("posts") or 0)
    t = t + (thread:get("timelines") or 0)
    c = c + (thread:get("case_files") or 0)
  end
  io.write(string.format("soak mix (requests written): %d POST entries, %d GET timeline, " ..
                         "%d GET case file\n", p, t, c))
end
