-- wrk script: POST a JSON body in which {n} becomes a number unique to the request (and the run), with a new
-- Idempotency-Key on every request when asked:
--   wrk ... -s bench/wrk/post.lua <url> -- '<json with {n}>' <run id> [idempotency-key]
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local template, run, idempotent

function init(args)
  template = args[1]
  run = args[2] or "run"
  idempotent = args[3] == "idempotency-key"
end

function request()
  counter = counter + 1
  local n = run .. "-" .. tostring(tid) .. "-" .. tostring(counter)
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  if idempotent then headers["Idempotency-Key"] = "wrk-" .. n end
  local body = template:gsub("{n}", n)
  return wrk.format("POST", nil, headers, body)
end
