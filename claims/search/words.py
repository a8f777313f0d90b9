"""The words of a query: its normalising, and the tables and stemmer that say what a word finds.

Rules 1 to 3 and 5 of the ranking rules in claims.search (its docstring) read these.
"""

import re
from functools import wraps

from claims.text import search_normalise


def memo(function):
    """Caches a pure function of one word in a plain dict, emptied when it reaches MEMO_SIZE.

    Not functools.lru_cache: its entries are linked nodes that the garbage collector walks at
    each full collection (tens of milliseconds with a few caches full, bench/RESULTS.md),
    where a dict of strings to strings or numbers is not tracked at all."""
    cache: dict = {}

    @wraps(function)
    def cached(*args: str):
        key = args[0] if len(args) == 1 else "\x00".join(args)  # a str: never tracked
        found = cache.get(key)
        if found is None:
            if len(cache) >= MEMO_SIZE:
                cache.clear()
            found = cache[key] = function(*args)
        return found

    cached.cache_clear = cache.clear
    return cached


MEMO_SIZE = 1 << 14

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

STOPWORDS = frozenset(
    "a an and are as at be by can could do does for from has have how i if in is it its me "
    "my of on or should that the this to what when which who why will with you your".split()
)
PURPOSE = "for"  # "b12 for ms": kept between two words, as a question of intent (rule 5)

# Rule 1: phrases people type for one thing, on the normalised query.
PHRASES = [
    (re.compile(pattern), word)
    for pattern, word in [
        (r"\bmultiple s[ck]?l[ae]?r[a-z]*", "ms"),
        (r"\bvit(?:amin|amine)? b12\b", "b12"),  # on this site "vitamin b12" is "b12"
        (r"\bpins and needles\b", "tingling"),
        (r"\bworn out\b", "tired"),
        (r"\blion ?s mane\b", "lions mane"),  # "lion's mane" without its stray "s"
    ]
]

# Rule 3: words people use for the same thing. Each word finds the others of its group.
SYNONYMS = [
    "injection injections inject injected jab jabs jag jags shot shots needle needles",
    "tablet tablets pill pills tabs capsule capsules oral",
    "tired tiredness fatigue fatigued exhausted exhaustion knackered weary",
    "anaemia anemia anaemic anemic",
    "deficiency deficient lack lacking shortage",
    "memory forgetful forgetfulness cognition cognitive thinking concentration",
    "mood depression depressed",
    "tingling numbness numb",
    "older elderly pensioner pensioners seniors ageing aging",
    "heartburn indigestion antacid antacids ppi ppis omeprazole lansoprazole",
    "dose dosage doses mcg micrograms",
    "doctor gp physician",
    "folate folic methylfolate",
    "food foods diet",
    "stroke strokes vascular",
    "cure cured cures curable curing treat treated treats treatment treatable heal fix",
    # The supplement stack's parts (topic supplement-stack), by the names people use.
    "d d3 cholecalciferol calciferol sunshine sunlight",
    "omega fish epa dha",
    "turmeric curcumin curcuma",
    "biotin b7 md1003",
    "swank wahls paleo",
    "magnesium mag glycinate",
    "probiotic probiotics microbiome lactobacillus bifidobacterium",
    "relapse relapses relapsing flare flares flareup flareups",
    "prevent prevents prevention preventing",
    "progressive ppms spms",
]
SYNONYMS_OF: dict[str, frozenset[str]] = {
    word: frozenset(group.split()) - {word} for group in SYNONYMS for word in group.split()
}
MAX_SYNONYMS = 12

# Rule 5: words asking whether something treats or helps, words of a claim's own wording that
# present a benefit, and words that make a claim (or a query) about a lack of B12.
INTENT_WORDS = frozenset(
    "cure cures cured curing curable treat treats treating treatment treatments treatable "
    "help helps helping helpful heal heals healing fix fixes reverse reverses work works "
    "benefit benefits beneficial improve improves good remedy therapy effective ease eases "
    "relieve relieves stop stops beat".split()
)
BENEFIT_WORDS = frozenset(
    "help helps treat treats cure cures heal heals ease eases improve improves reduce "
    "reduces protect protects repair repairs support supports relieve relieves benefit "
    "benefits better good essential should need prevent prevents calm calms boost "
    "boosts".split()
)
LACK_WORDS = frozenset("lack lacks lacking low deficiency deficient deficiencies shortage".split())

_SUFFIXES = ("ations", "ation", "ating", "ates", "ated", "ate", "ings", "ing", "ness", "ies",
             "es", "ed", "ly", "s")


@memo
def stem(word: str) -> str:
    """A deliberately small stemmer: "remyelinate" and "remyelination" share "remyelin"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@memo
def pattern(form: str) -> tuple[str, bool]:
    """What a word finds (rule 2), as (text, whether it is a prefix): cut to its stem, a prefix
    of the words it finds ("remyelinate" finds "remyelination", "methyl" "methylcobalamin");
    words of one or two letters must be whole."""
    return (stem(form), True) if len(form) >= 3 else (form, False)


# Spellings that sound alike, folded to one key (sound_key), in this order: "ci"/"si"/"ti" before
# a vowel sound "sh" ("injections" ~ "injekshuns"), a soft c is "s" and a hard one "k", then
# vowels after the first letter go and doubled letters are one.
_SOUND_RULES = [
    (re.compile(rule), replacement)
    for rule, replacement in [
        (r"[cst]i(?=[aou])", "sh"), (r"ph", "f"), (r"ck", "k"), (r"c(?=[eiy])", "s"),
        (r"c", "k"), (r"q", "k"), (r"x", "ks"), (r"z", "s"),
        (r"(?<=.)[aeiouy]+", ""), (r"(.)\1+", r"\1"),
    ]
]


@memo
def sound_key(word: str) -> str:
    """A rough key of how a normalised word sounds: "injekshuns", "injecshons" and
    "injections" all give "injkshns". For spotting misspellings (rule 4), not for matching."""
    for rule, replacement in _SOUND_RULES:
        word = rule.sub(replacement, word)
    return word


def query_terms(query: str, *, max_terms: int = MAX_TERMS,
                max_length: int = MAX_QUERY_LENGTH) -> list[str]:
    """The normalised words of a query, without filler words, at most MAX_TERMS (rule 1).
    A pasted sentence is read further (claims.search.matching: SENTENCE_TERMS)."""
    text = search_normalise((query or "")[:max_length])
    for phrase, word in PHRASES:
        text = phrase.sub(word, text)
    words = text.split()
    terms = [
        word for at, word in enumerate(words)
        if word not in STOPWORDS or (word == PURPOSE and _asks_what_for(words, at))
    ] or words
    return list(dict.fromkeys(terms))[:max_terms]


def _asks_what_for(words: list[str], at: int) -> bool:
    """Whether the "for" at `at` joins a thing to what it is for: "b12 for ms"."""
    return 0 < at < len(words) - 1 and words[at + 1] not in STOPWORDS
