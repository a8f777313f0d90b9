-- Every request searches a different three-word query (a theme word, an outcome word and a
-- common word, chosen at random from 22,000 combinations), so the page cache cannot answer
-- it: what a search costs when nobody has searched for it yet.
local themes = {
  "b12", "cobalamin", "sublingual", "injections", "methylcobalamin", "homocysteine",
  "deficiency", "absorption", "tablets", "vitamin", "d3", "sunlight", "calcium", "supplements",
  "diet", "fasting", "gluten", "dairy", "paleo", "swank", "keto", "sugar", "exercise",
  "walking", "yoga", "physiotherapy", "fatigue", "tiredness", "sleep", "amantadine", "pacing",
  "gut", "microbiome", "probiotics", "bacteria", "fibre", "cannabis", "cbd", "spasticity",
  "pain", "biotin", "progressive", "interference", "cramps",
}
local outcomes = {
  "progression", "relapses", "nerves", "repairs", "cures", "disability", "lesions", "mri",
  "brain", "walking", "risk", "symptoms", "slows", "stops", "reverses", "protects", "eases",
  "improves", "myelin", "memory",
}
local words = {
  "daily", "high", "dose", "taking", "more", "avoiding", "cutting", "regular", "help", "ms",
  "study", "evidence", "doctor", "safe", "test", "levels", "body", "early", "long", "best",
  "real", "works", "true", "adding", "natural",
}

local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

request = function()
  local q = themes[math.random(#themes)] .. "+" .. outcomes[math.random(#outcomes)] .. "+"
    .. words[math.random(#words)]
  return wrk.format("GET", "/search/?q=" .. q)
end

-- The same BENCH line as every other run: bench_wrk passes the folder in BENCH_DIR.
dofile(os.getenv("BENCH_DIR") .. "/wrk_report.lua")
