-- Every request searches a query nobody searched before: a theme word, an outcome word, a
-- common word and a word of who or where, chosen at random from 880,000 combinations, so the
-- page cache answers almost none of them (about 3 in 100 after 30,000 requests, the most a
-- pass of load.sh makes). With three words (22,000 combinations) a pass repeated so many that
-- by its last runs about half were answered from the cache: what a search costs when nobody
-- has searched for it yet is what this measures.
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

local people = {
  "women", "men", "elderly", "older", "teenagers", "children", "vegans", "vegetarians",
  "pregnancy", "breastfeeding", "athletes", "smokers", "menopause", "students", "night",
  "morning", "winter", "summer", "uk", "nhs", "gp", "nurse", "forum", "facebook", "reddit",
  "blog", "podcast", "shop", "amazon", "holland", "spray", "drops", "gummies", "liquid",
  "powder", "patch", "cheap", "brand", "organic", "online",
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
    .. words[math.random(#words)] .. "+" .. people[math.random(#people)]
  return wrk.format("GET", "/search/?q=" .. q)
end

-- The same BENCH line as every other run: bench_wrk passes the folder in BENCH_DIR.
dofile(os.getenv("BENCH_DIR") .. "/wrk_report.lua")
