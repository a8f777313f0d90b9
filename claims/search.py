"""Lay-language search over public claims: it answers the question a person types.

The ranking rules, all in one place. SQLite and PostgreSQL apply the same ones (the scorer at
the end of this module, and on PostgreSQL the index that picks its candidates):

1. Words. A query is normalised like the claims (claims.text: case, accents, punctuation;
   "b-12" is "b12"); a few phrases become one word (PHRASES: "multiple sclerosis" is "ms");
   filler words go (STOPWORDS), except "for" between two words (rule 5); MAX_TERMS are kept.
2. What a word finds: claim words that are it, share its stem, or start with its stem
   ("remyelinate" finds "remyelination", "vit" "vitamin"); words of one or two letters ("ms",
   "d3") only themselves.
3. Synonyms. A word also finds the words of its SYNONYMS group, as in rule 2, at
   SYNONYM_QUALITY: "jabs", "shots" and "needle" find "injections"; "pills" "tablets";
   "tiredness" and "exhaustion" "fatigue"; "anemia" "anaemia"; "heartburn" "ppis".
4. Typos. A word no claim uses (in its wording or aliases), and no table here knows, is read
   as up to MAX_CORRECTIONS words that claims use: those that look like it (difflib ratio at
   least FUZZY_CUTOFF: "suplements", "tiredniss"), or if none, those that sound like it
   (claims.text.sound_key: "injekshuns", "injecshons"). A correction finds what it would
   have found if typed (rules 2, 3, 5), at CORRECTION_QUALITY.
5. Intent. A word asking whether something treats or helps (INTENT_WORDS: cure, treat, help,
   work, good...), or "for" between two words ("b12 for ms", "jabs for tiredness"), also
   finds every claim whose own wording presents something as a benefit (BENEFIT_WORDS: helps,
   treats, eases, reduces, protects, supports, should, essential...), as strongly as its own
   word there. It finds nothing in a claim whose own wording is about a lack of B12
   (LACK_WORDS): "cure" in "b12 cure ms" does not mean curing a deficiency. When the query
   itself is about a lack ("is b12 deficiency curable") there is no intent: its words count
   as plain words and "for" is dropped.
6. Weights. Rarer words weigh more: an inverse document frequency over the claims that use
   the word or what it finds by rules 3 to 5. A query's weights average 1.
7. Tiers. A word counts most in a claim's own wording (text and short wording), then in its
   aliases (the editors' and claims.seed_data.lay_aliases), least in its summary and verdict
   reason. Within a tier it counts by how well it matched (match_quality and rules 3 to 5).
8. Bonuses. Finding every query word adds ALL_WORDS_BONUS; the query's words side by side
   in the wording or aliases add PHRASE_BONUS.
9. Ties go to the better PostgreSQL candidate rank, then topic order, then claim number.

On PostgreSQL each process keeps an index of that vocabulary for the current content
version (SearchIndex: which claims use each word, in their own wording or only in their
aliases), built once per content change from the stored search vectors. It ranks the claims
a query word finds in their wording or aliases by tier and word weight (rules 2 to 7), and
the best CANDIDATE_LIMIT of them are read by id; if there are too few, claims with a query
word only in their summary (the GIN index on search_words) make up the number. SQLite, used
for local runs, reads the public claims and matches in Python. On both, the final order
comes from the same small scorer, run only on the candidates. Both databases give the same
results until PostgreSQL has more matches than it hands the scorer: then it keeps the best
of the own-wording matches.
"""

import heapq
import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from django.db import connection
from django.db.models import BooleanField, F, Func, Value

from claims import content_version
from claims.models import Claim
from claims.text import ALIASES_TIER, WORDING_TIER, search_normalise, sound_key

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CANDIDATE_LIMIT = 50
RANK_LIMIT = 1000
FUZZY_CUTOFF = 0.85
FUZZY_MIN_LENGTH = 5
MAX_CORRECTIONS = 3
SOUND_KEY_MIN_LENGTH = 4  # shorter keys ("tng") are shared by too many unrelated words
CORRECTION_QUALITY = 0.75
SYNONYM_QUALITY = 0.9

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
]
_SYNONYMS_OF: dict[str, frozenset[str]] = {
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
    "benefits better good essential should need".split()
)
LACK_WORDS = frozenset("lack lacks lacking low deficiency deficient deficiencies shortage".split())

# What the scorer and the template read: the long Markdown and HTML stay in the database.
_RESULT_FIELDS = (
    "slug", "number", "text", "short_wording", "aliases", "verdict_reason", "search_document",
    "topic__title", "topic__slug", "topic__order", "verdict__code", "verdict__label",
)

_SUFFIXES = ("ations", "ation", "ating", "ates", "ated", "ate", "ings", "ing", "ness", "ies",
             "es", "ed", "ly", "s")


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    """A deliberately small stemmer: "remyelinate" and "remyelination" share "remyelin"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def query_terms(query: str) -> list[str]:
    """The normalised words of a query, without filler words, at most MAX_TERMS (rule 1)."""
    text = search_normalise((query or "")[:MAX_QUERY_LENGTH])
    for phrase, word in PHRASES:
        text = phrase.sub(word, text)
    words = text.split()
    terms = [
        word for at, word in enumerate(words)
        if word not in STOPWORDS or (word == PURPOSE and _asks_what_for(words, at))
    ] or words
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def _asks_what_for(words: list[str], at: int) -> bool:
    """Whether the "for" at `at` joins a thing to what it is for: "b12 for ms"."""
    return 0 < at < len(words) - 1 and words[at + 1] not in STOPWORDS


def search_claims(query: str, limit: int = 20, *, version=None) -> list[Claim]:
    """Public claims matching a lay query, best first.

    Queries: PostgreSQL 1 or 2 (the best wording matches by id, and if they are too few the
    summary matches; the content version unless given, and the search index's vectors once
    per content version and process), SQLite 1 (the public claims).
    """
    terms = query_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        index = search_index(version or content_version.current())
        query_words = index.query_words(terms)
        candidates = _postgres_candidates(index, query_words)
    else:
        public = Claim.objects.public().select_related("verdict", "topic")
        candidates = list(public.only(*_RESULT_FIELDS, "search_terms"))
        vocabulary = Vocabulary(set(claim.search_terms.split()) for claim in candidates)
        query_words = vocabulary.query_words(terms)
    if not query_words:
        return []
    scores = _Scorer(query_words).scores(candidates)
    scored = [
        (score, getattr(claim, "candidate_rank", 0.0), claim)
        for score, claim in zip(scores, candidates, strict=True)
        if score > 0
    ]
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [claim for _, _, claim in scored[:limit]]


# --- words: spelling and weight ---------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    term: str
    corrections: tuple[str, ...]  # words claims use that look or sound like a misspelt term
    synonyms: tuple[str, ...]  # words of the term's (or a correction's) synonym groups
    intent: bool  # asks whether something treats or helps (rule 5)
    used_by: int  # how many claims' wording or aliases have it (or what it finds)
    weight: float  # rarer words weigh more; the weights of one query average 1

    @property
    def literal(self) -> bool:
        """Whether the term finds words itself: a "for" only carries intent."""
        return self.term not in STOPWORDS

    def forms(self) -> list[tuple[str, float]]:
        """The words this finds other words by (rules 2 to 4), with the quality of a match."""
        return [
            *([(self.term, 1.0)] if self.literal else []),
            *((each, CORRECTION_QUALITY) for each in self.corrections),
            *((each, SYNONYM_QUALITY) for each in self.synonyms),
        ]


def similar(matcher: SequenceMatcher, word: str) -> float:
    """difflib's ratio of word to the matcher's term (its seq2), 0 when below FUZZY_CUTOFF.

    One rule for the vocabulary and the scorer, so a word a correction finds also scores.
    """
    matcher.set_seq1(word)
    if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= FUZZY_CUTOFF else 0.0


def can_be_misspelt(term: str) -> bool:
    return len(term) >= FUZZY_MIN_LENGTH and not term.isdigit()


def _lengths_can_match(length: int, other: int) -> bool:
    """Whether difflib's ratio, 2 * matches / (sum of the lengths), can reach FUZZY_CUTOFF."""
    return 2 * min(length, other) >= FUZZY_CUTOFF * (length + other)


class Vocabulary:
    """The words of public claims' own wording and aliases, with how many claims use each."""

    def __init__(self, claims_words):
        """claims_words: each public claim's set of words (wording and aliases)."""
        self.claims = 0
        self.frequency: Counter[str] = Counter()
        self.benefit_claims = 0  # claims with a word of BENEFIT_WORDS (rule 6)
        for words in claims_words:
            self.claims += 1
            self.frequency.update(words)
            self.benefit_claims += not BENEFIT_WORDS.isdisjoint(words)
        self.words = sorted(self.frequency)
        self._by_length: dict[int, list[str]] = {}
        for word in self.words:
            self._by_length.setdefault(len(word), []).append(word)
        self._by_sound: dict[str, list[str]] | None = None  # built at the first need

    def corrections(self, term: str) -> tuple[str, ...]:
        """Up to MAX_CORRECTIONS words of the vocabulary that term looks like a misspelling
        of, or failing that sounds like (rule 4)."""
        known = term in self.frequency or term in _SYNONYMS_OF or term in INTENT_WORDS
        if known or not can_be_misspelt(term):
            return ()
        matcher = SequenceMatcher(None, "", term)
        found = []
        for length, words in self._by_length.items():
            if not _lengths_can_match(length, len(term)):
                continue
            for word in words:
                if ratio := similar(matcher, word):
                    found.append((-ratio, -self.frequency[word], word))
        if not found:
            found = [(0, -self.frequency[word], word) for word in self._sounds_like(term)]
        return tuple(word for *_, word in sorted(found)[:MAX_CORRECTIONS])

    def _sounds_like(self, term: str) -> list[str]:
        key = sound_key(term)
        if len(key) < SOUND_KEY_MIN_LENGTH:
            return []
        if self._by_sound is None:
            self._by_sound = {}
            for word in self.words:
                if can_be_misspelt(word):
                    self._by_sound.setdefault(sound_key(word), []).append(word)
        return self._by_sound.get(key, [])

    def query_words(self, terms: list[str]) -> list[QueryWord]:
        corrected = [(term, self.corrections(term)) for term in terms]
        about_a_lack = any(not LACK_WORDS.isdisjoint((term, *fixes)) for term, fixes in corrected)
        spelt = []
        for term, corrections in corrected:
            typed = (term, *corrections)
            intent = not about_a_lack and len(terms) > 1 and (
                term == PURPOSE or not INTENT_WORDS.isdisjoint(typed)
            )
            if term == PURPOSE and not intent:
                continue
            synonyms = sorted(set().union(*(_SYNONYMS_OF.get(each, ()) for each in typed))
                              - set(typed))[:MAX_SYNONYMS]
            finds = [*typed, *synonyms]
            used_by = max((self.frequency[word] for word in finds), default=0)
            if intent:
                used_by = max(used_by, self.benefit_claims)
            spelt.append((term, corrections, tuple(synonyms), intent, used_by))
        if not spelt:
            return []
        # An inverse document frequency; never 0, so a word in every claim still counts.
        rarity = [math.log(1 + (self.claims + 1) / (used_by + 1)) for *_, used_by in spelt]
        mean = sum(rarity) / len(rarity)
        return [
            QueryWord(*word, weight / mean) for word, weight in zip(spelt, rarity, strict=True)
        ]


# --- PostgreSQL: candidates from the per-process index, summary matches from GIN -----------

# A lexeme of a stored search vector and its positions: "'b12':5A,13B".
_LEXEME = re.compile(r"'([^']*)':([0-9A-D,]+)")


class SearchIndex(Vocabulary):
    """The vocabulary, and for each of its words the claims that use it: in their own
    wording, or in their aliases only. Read from the claims' search vectors (claims.text)."""

    def __init__(self, vectors):
        """vectors: (claim id, search vector text) of every public claim."""
        self.in_wording: dict[str, list[int]] = {}
        self.in_aliases: dict[str, list[int]] = {}
        super().__init__(self._read(claim_id, vector or "") for claim_id, vector in vectors)
        # Rule 5: the claims whose own wording presents a benefit, and those about a lack.
        self.benefit = {c for word in BENEFIT_WORDS for c in self.in_wording.get(word, ())}
        self.lacking = {c for word in LACK_WORDS for c in self.in_wording.get(word, ())}

    def _read(self, claim_id: int, vector: str) -> set[str]:
        words = set()
        for word, positions in _LEXEME.findall(vector):
            words.add(word)
            if WORDING_TIER in positions:
                self.in_wording.setdefault(word, []).append(claim_id)
            elif ALIASES_TIER in positions:
                self.in_aliases.setdefault(word, []).append(claim_id)
        return words

    def found_by(self, word: QueryWord) -> list[str]:
        """The vocabulary's words that word finds (see _patterns)."""
        found = []
        for text, is_prefix in _patterns(word):
            if not is_prefix:
                found += [text] if text in self.frequency else []
                continue
            at = bisect_left(self.words, text)
            while at < len(self.words) and self.words[at].startswith(text):
                found.append(self.words[at])
                at += 1
        return found

    def tiers(self, word: QueryWord, among: set[int] | None = None) -> dict[int, float]:
        """The claims word is found in (of among, if given), each with the weight of the best
        tier it is in: own wording 1, aliases only _Scorer.ALIASES / _Scorer.WORDING."""
        aliases = _Scorer.ALIASES / _Scorer.WORDING
        tiers: dict[int, float] = {}
        found = self.found_by(word)
        for tier, postings in ((aliases, self.in_aliases), (1.0, self.in_wording)):
            for each in found:
                for claim_id in postings.get(each, ()):
                    if among is None or claim_id in among:
                        tiers[claim_id] = tier
        if word.intent:
            for claim_id in self.benefit if among is None else self.benefit & among:
                tiers[claim_id] = 1.0
            for claim_id in self.lacking.intersection(tiers):
                del tiers[claim_id]
        return tiers

    def candidates(self, words: list[QueryWord], limit: int) -> dict[int, float]:
        """The best `limit` claims with a query word in their wording or aliases, each with its
        rank: the sum over query words of word weight times tier weight. A word in more than
        RANK_LIMIT claims ("ms" here) narrows nothing, so it only adds to the rank of claims
        a rarer word found (or the rarest of the query's words, if all are that common)."""
        narrowed = {word: self.tiers(word) for word in narrowing(words)}
        found = set().union(*narrowed.values())
        rank = dict.fromkeys(found, 0.0)
        for word in words:
            tiers = narrowed[word] if word in narrowed else self.tiers(word, among=found)
            for claim_id, tier in tiers.items():
                rank[claim_id] += word.weight * tier
        best = heapq.nsmallest(limit, rank, key=lambda claim_id: (-rank[claim_id], claim_id))
        return {claim_id: rank[claim_id] for claim_id in best}


def narrowing(words: list[QueryWord]) -> list[QueryWord]:
    """The query words that narrow the search: those in at most RANK_LIMIT claims' wording,
    or if all are that common the rarest."""
    return [word for word in words if word.used_by <= RANK_LIMIT] or [
        min(words, key=lambda word: word.used_by)
    ]


_cached_index: tuple[tuple, SearchIndex] | None = None


def search_index(version) -> SearchIndex:
    """The index of the current content: rebuilt by each process when content changes."""
    global _cached_index
    key = (version.number, version.changed_at)
    if _cached_index is None or _cached_index[0] != key:
        vectors = Claim.objects.public().values_list("id", "search_vector")
        _cached_index = (key, SearchIndex(vectors))
    return _cached_index[1]


class _Matches(Func):
    """vector @@ query, the query given as tsquery text (never parsed: words as stored)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s::tsquery)"
    output_field = BooleanField()


def _patterns(word: QueryWord) -> list[tuple[str, bool]]:
    """What the word, its corrections and synonyms find (rules 2 to 4), each as (text, whether
    it is a prefix): cut to its stem, a prefix of the words it finds ("remyelinate" finds
    "remyelination", "methyl" "methylcobalamin"); words of one or two letters must be whole."""
    return [_pattern(each) for each, _ in word.forms()]


@lru_cache(maxsize=1 << 14)
def _pattern(form: str) -> tuple[str, bool]:
    return (stem(form), True) if len(form) >= 3 else (form, False)


def _tsquery(word: QueryWord) -> str:
    """The word and its corrections as tsquery text, finding what SearchIndex.found_by finds."""
    return " | ".join(
        f"'{text}':*" if is_prefix else f"'{text}'" for text, is_prefix in _patterns(word)
    )


def _postgres_candidates(index: SearchIndex, words: list[QueryWord]) -> list[Claim]:
    """Up to CANDIDATE_LIMIT claims with a query word, best first.

    First the best claims with a word in their own wording or aliases, chosen by the index
    and read by id. If there are too few, claims with a word only in their summary (the GIN
    index on search_words) make up the number, unranked: the scorer places them.
    """
    ranked = index.candidates(words, CANDIDATE_LIMIT)
    public = Claim.objects.public().select_related("verdict", "topic").only(*_RESULT_FIELDS)
    candidates = sorted(
        public.filter(id__in=ranked), key=lambda claim: (-ranked[claim.id], claim.id)
    )
    for claim in candidates:
        claim.candidate_rank = ranked[claim.id]
    if len(ranked) < CANDIDATE_LIMIT:
        # No ORDER BY, so when a summary word is common the scan stops as soon as it has
        # enough rows, rather than reading every claim's search_words out of TOAST.
        # A "for" (rule 5) has no words of its own to look for in summaries.
        searched = [f"({_tsquery(word)})" for word in narrowing(words) if _patterns(word)]
        if searched:
            any_word = Value(" | ".join(searched))
            in_summary = public.filter(_Matches(F("search_words"), any_word))
            in_summary = in_summary.exclude(id__in=ranked).order_by()
            candidates += in_summary[: CANDIDATE_LIMIT - len(ranked)]
    return candidates


# --- the final order -------------------------------------------------------------------------
# The functions cached here are pure (the same words in, the same answer out), so their
# caches can never be stale; they spare a new search the work that searches before it did
# on the same words and claims. Each holds a few MB at most per process.


@lru_cache(maxsize=1 << 14)
def match_quality(term: str, word: str) -> float:
    """How well a claim's word matches a query term: 1 the same, 0.9 the same stem, 0.8 the
    term starts it, less if it looks like a misspelling of it, 0 not at all."""
    if word == term:
        return 1.0
    if stem(word) == stem(term):
        return 0.9
    if len(term) >= 3 and word.startswith(term):
        return 0.8
    if can_be_misspelt(term) and _lengths_can_match(len(word), len(term)):
        return 0.75 * similar(SequenceMatcher(None, "", term), word)
    return 0.0


@lru_cache(maxsize=2048)
def _words_of(text: str) -> tuple[str, frozenset[str]]:
    """Text normalised and padded with spaces (to find a phrase in), and its words."""
    normalised = f" {search_normalise(text)} "
    return normalised, frozenset(normalised.split())


class _Scorer:
    """Scores a claim by rules 2 to 8: each query word counts most when the claim's own
    wording has it, by its weight and how well it matched; all words and a phrase add a bit.
    """

    WORDING, ALIASES, SUMMARY = 2.0, 1.6, 1.0
    ALL_WORDS_BONUS = 1.0
    PHRASE_BONUS = {WORDING: 0.5, ALIASES: 0.4}

    def __init__(self, words: list[QueryWord]):
        self.words = words
        terms = [word.term for word in words]
        self.phrase = f" {' '.join(terms)} " if len(terms) > 1 else ""

    def scores(self, claims: list[Claim]) -> list[float]:
        """The score of each claim. Each distinct word of the claims is compared with each
        query word once; a claim then looks up only the few words that matched."""
        claim_tiers = [self._tiers(claim) for claim in claims]
        seen = set().union(*(words for tiers, _ in claim_tiers for _, _, words in tiers))
        ordered = sorted(seen)
        matches = [self._matches(query, seen, ordered) for query in self.words]
        return [self._score(tiers, framing, matches) for tiers, framing in claim_tiers]

    @staticmethod
    def _matches(query: QueryWord, seen: set[str], ordered: list[str]) -> dict[str, float]:
        """The claims' words that query finds, each with how well (rules 2 to 4)."""
        found = {}
        if query.literal:
            found = {word: quality for word in seen if (quality := match_quality(query.term, word))}
        for form, quality in query.forms()[1 if query.literal else 0:]:
            text, is_prefix = _pattern(form)
            at = bisect_left(ordered, text)
            while at < len(ordered) and (
                ordered[at] == text or (is_prefix and ordered[at].startswith(text))
            ):
                word = ordered[at]
                each = quality * (1.0 if word == form else 0.9 if stem(word) == text else 0.8)
                found[word] = max(found.get(word, 0.0), each)
                at += 1
        return found

    def _tiers(self, claim: Claim):
        wording, wording_words = _words_of(claim.text + " " + claim.short_wording)
        aliases, alias_words = _words_of(claim.aliases)
        tiers = [
            (self.WORDING, wording, wording_words),
            (self.ALIASES, aliases, alias_words),
            (self.SUMMARY, "", frozenset(claim.search_document.split())),
        ]
        # Rule 5: whether the claim's own wording presents a benefit, or is about a lack.
        framing = (not BENEFIT_WORDS.isdisjoint(wording_words),
                   not LACK_WORDS.isdisjoint(wording_words))
        return tiers, framing

    def _score(self, tiers, framing, matches: list[dict[str, float]]) -> float:
        presents_a_benefit, about_a_lack = framing
        total, matched = 0.0, 0
        for word, found in zip(self.words, matches, strict=True):
            term_score = max(
                (weight * quality for weight, _, words in tiers
                 for match, quality in found.items() if match in words),
                default=0.0,
            )
            if word.intent:
                term_score = 0.0 if about_a_lack else (
                    max(term_score, self.WORDING) if presents_a_benefit else term_score
                )
            total += word.weight * term_score
            matched += term_score > 0
        if matched == len(self.words) and len(self.words) > 1:
            total += self.ALL_WORDS_BONUS
        (_, wording, _), (_, aliases, _), _ = tiers
        if self.phrase and self.phrase in wording:
            total += self.PHRASE_BONUS[self.WORDING]
        elif self.phrase and self.phrase in aliases:
            total += self.PHRASE_BONUS[self.ALIASES]
        return total
