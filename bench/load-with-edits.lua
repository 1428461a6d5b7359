-- wrk script for bench/load-with-edits.sh: cycles through the addresses of the file named by the first argument
-- (one a line), so that every connection reads op-eds, lists, searches and feeds in turn.
local paths = {}
local counter = 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
