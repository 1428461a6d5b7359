-- wrk script for bench/run.sh's long-tail rows: each request asks for an address drawn at random from the file
-- named by the first argument (one a line), as readers arriving from search engines and crawlers spread over an
-- archive do. Each thread draws from its own fixed seed, so that runs ask for the same addresses.
local paths = {}
local thread_number = 0
local next_thread = 0

setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  math.randomseed(42 + thread_number)
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
