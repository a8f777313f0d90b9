"""Lay-language search over public claims, forgiving of case, accents, hyphens and typos.

Query words are normalised like the claims (claims.text), and a misspelt word is matched to
the words claims are worded in (a vocabulary of their own wording and aliases). Rare words
weigh more than common ones, so "sublingual" counts for more than "b12" on a site about B12.

On PostgreSQL each process keeps an index of that vocabulary for the current content
version (SearchIndex: which claims use each word, in their own wording or only in their
aliases), built once per content change from the stored search vectors. It ranks the claims
with a query word in their wording or aliases by tier and word weight, and the best
CANDIDATE_LIMIT of them are read by id; if there are too few, claims with a query word only in
their summary (the GIN index on search_words) make up the number. SQLite, used for local
runs, reads the public claims and matches in Python. On both, the final order comes from the
same small scorer, run only on the candidates, so a claim whose own wording matches comes
before one that matches only in its summary. Both databases give the same results until
PostgreSQL has more matches than it hands the scorer: then it keeps the best of the
own-wording matches.
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
from claims.text import ALIASES_TIER, WORDING_TIER, search_normalise

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CANDIDATE_LIMIT = 50
RANK_LIMIT = 1000
FUZZY_CUTOFF = 0.85
FUZZY_MIN_LENGTH = 5
MAX_CORRECTIONS = 3

STOPWORDS = frozenset(
    "a an and are as at be by can could do does for from has have how i if in is it its me "
    "my of on or should that the this to what when which who why will with you your".split()
)

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
    """The normalised words of a query, without filler words, at most MAX_TERMS."""
    words = search_normalise((query or "")[:MAX_QUERY_LENGTH]).split()
    terms = [word for word in words if word not in STOPWORDS] or words
    return list(dict.fromkeys(terms))[:MAX_TERMS]


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
    corrections: tuple[str, ...]  # words claims use that look like a misspelling of term
    used_by: int  # how many claims' wording or aliases have it (or a correction)
    weight: float  # rarer words weigh more; the weights of one query average 1


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
        for words in claims_words:
            self.claims += 1
            self.frequency.update(words)
        self.words = sorted(self.frequency)
        self._by_length: dict[int, list[str]] = {}
        for word in self.words:
            self._by_length.setdefault(len(word), []).append(word)

    def corrections(self, term: str) -> tuple[str, ...]:
        """Up to MAX_CORRECTIONS words of the vocabulary that term looks like a misspelling of."""
        if term in self.frequency or not can_be_misspelt(term):
            return ()
        matcher = SequenceMatcher(None, "", term)
        found = []
        for length, words in self._by_length.items():
            if not _lengths_can_match(length, len(term)):
                continue
            for word in words:
                if ratio := similar(matcher, word):
                    found.append((-ratio, -self.frequency[word], word))
        return tuple(word for *_, word in sorted(found)[:MAX_CORRECTIONS])

    def query_words(self, terms: list[str]) -> list[QueryWord]:
        spelt = []
        for term in terms:
            corrections = self.corrections(term)
            used_by = max(self.frequency[word] for word in (term, *corrections))
            spelt.append((term, corrections, used_by))
        # An inverse document frequency; never 0, so a word in every claim still counts.
        rarity = [math.log(1 + (self.claims + 1) / (used_by + 1)) for *_, used_by in spelt]
        mean = sum(rarity) / len(rarity)
        return [
            QueryWord(term, corrections, used_by, weight / mean)
            for (term, corrections, used_by), weight in zip(spelt, rarity, strict=True)
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
    """What the word and its corrections find, each as (text, whether it is a prefix): cut to
    its stem, a prefix of the words it finds ("remyelinate" finds "remyelination", "methyl"
    "methylcobalamin"); words of one or two letters ("ms", "d3") must be whole."""
    return [
        (stem(each), True) if len(each) >= 3 else (each, False)
        for each in (word.term, *word.corrections)
    ]


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
        any_word = Value(" | ".join(f"({_tsquery(word)})" for word in narrowing(words)))
        in_summary = public.filter(_Matches(F("search_words"), any_word)).exclude(id__in=ranked)
        candidates += in_summary.order_by()[: CANDIDATE_LIMIT - len(ranked)]
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
    """Scores a claim: each query word counts most when the claim's own wording has it.

    Own wording is the claim text and short wording, then the editors' aliases; the summary
    and verdict reason (the rest of search_document) count least. A word counts by its weight
    (rare words more). Finding the query's words side by side, or all of them, adds a little.
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
        seen = set().union(*(words for tiers in claim_tiers for _, _, words in tiers))
        matches = [
            {word: quality for word in seen if (quality := match_quality(query.term, word))}
            for query in self.words
        ]
        return [self._score(tiers, matches) for tiers in claim_tiers]

    def _tiers(self, claim: Claim) -> list[tuple[float, str, frozenset[str]]]:
        wording, wording_words = _words_of(claim.text + " " + claim.short_wording)
        aliases, alias_words = _words_of(claim.aliases)
        return [
            (self.WORDING, wording, wording_words),
            (self.ALIASES, aliases, alias_words),
            (self.SUMMARY, "", frozenset(claim.search_document.split())),
        ]

    def _score(self, tiers, matches: list[dict[str, float]]) -> float:
        total, matched = 0.0, 0
        for word, found in zip(self.words, matches, strict=True):
            term_score = max(
                (weight * quality for weight, _, words in tiers
                 for match, quality in found.items() if match in words),
                default=0.0,
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
