"""Lay-language search over public claims, forgiving of case, accents, hyphens and typos.

Query words are normalised like the claims (claims.text), and a misspelt word is matched to
the words claims are worded in (a vocabulary of their own wording and aliases, kept per
process for each content version). Rare words weigh more than common ones, so "sublingual"
counts for more than "b12" on a site about B12.

PostgreSQL finds the candidates with GIN indexes: first claims with a query word in their
own wording or aliases (search_vector, small, so ranking them in SQL by tier and word weight
is cheap), the best CANDIDATE_LIMIT of them, then if too few, claims with one only in their
summary (search_words). SQLite, used for local runs, reads the public claims and matches in
Python. On both, the final order comes from the same small scorer, run only on the
candidates, so a claim whose own wording matches comes before one that matches only in its
summary. Both databases give the same results until PostgreSQL has more matches than it
hands the scorer: then it keeps the best of the own-wording matches.
"""

import math
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Value

from claims import content_version
from claims.models import Claim
from claims.text import search_normalise

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

    Queries: PostgreSQL 1 or 2 (the best wording matches, and if they are too few the
    summary matches; the content version unless given, and the vocabulary once per content
    version and process), SQLite 1 (the public claims).
    """
    terms = query_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        query_words = _vocabulary(version or content_version.current()).query_words(terms)
        candidates = _postgres_candidates(query_words)
    else:
        public = Claim.objects.public().select_related("verdict", "topic")
        candidates = list(public.only(*_RESULT_FIELDS, "search_terms"))
        query_words = Vocabulary(claim.search_terms for claim in candidates).query_words(terms)
    scores = _Scorer(query_words).scores(candidates)
    scored = [
        (score, getattr(claim, "sql_rank", 0.0) or 0.0, claim)
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

    def __init__(self, search_terms):
        self.claims = 0
        self.frequency: Counter[str] = Counter()
        for words in search_terms:
            self.claims += 1
            self.frequency.update(set(words.split()))
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self.frequency):
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


_cached_vocabulary: tuple[tuple, Vocabulary] | None = None


def _vocabulary(version) -> Vocabulary:
    """The vocabulary of the current content: rebuilt by each process when content changes."""
    global _cached_vocabulary
    key = (version.number, version.changed_at)
    if _cached_vocabulary is None or _cached_vocabulary[0] != key:
        terms = Claim.objects.public().values_list("search_terms", flat=True)
        _cached_vocabulary = (key, Vocabulary(list(terms)))
    return _cached_vocabulary[1]


# --- PostgreSQL: candidates from the GIN index, ranked in SQL --------------------------------


class _Matches(Func):
    """vector @@ query, the query given as tsquery text (never parsed: words as stored)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s::tsquery)"
    output_field = BooleanField()


class _TierRank(Func):
    """ts_rank of the claim's own wording (weight A, 1) above its aliases (B)."""

    template = "ts_rank('{0, 0, %(aliases)s, 1}', %(expressions)s::tsquery)"
    output_field = FloatField()


def _tsquery(word: QueryWord) -> str:
    """The word and its corrections as tsquery text. Each is a prefix of the words it finds,
    cut to its stem: "remyelinate" finds "remyelination", "methyl" "methylcobalamin".
    Words of one or two letters ("ms", "d3") must be whole."""
    found = [word.term, *word.corrections]
    return " | ".join(f"'{stem(each)}':*" if len(each) >= 3 else f"'{each}'" for each in found)


def _postgres_candidates(words: list[QueryWord]) -> list[Claim]:
    """Up to CANDIDATE_LIMIT claims with a query word, best first by tier and word weight.

    First the claims with a word in their own wording or aliases: the GIN index on the small
    search_vector finds them and ranking reads that vector only. If there are too few, any
    claims with a word only in their summary (the GIN index on search_words) make up the
    number, unranked: the scorer places them. A word in more than RANK_LIMIT claims' wording
    ("ms" here) narrows nothing, so it is only ranked where it comes with rarer words (or
    the rarest of the query's words, if all are that common).
    """
    narrowing = [word for word in words if word.used_by <= RANK_LIMIT] or [
        min(words, key=lambda word: word.used_by)
    ]
    any_word = Value(" | ".join(f"({_tsquery(word)})" for word in narrowing))
    aliases = f"{_Scorer.ALIASES / _Scorer.WORDING:.2f}"
    rank = sum(
        (
            Value(word.weight)
            * _TierRank(F("search_vector"), Value(_tsquery(word)), aliases=aliases)
            for word in words
        ),
        start=Value(0.0),
    )
    in_wording = _Matches(F("search_vector"), any_word)
    public = Claim.objects.public().select_related("verdict", "topic").only(*_RESULT_FIELDS)
    candidates = list(
        public.filter(in_wording).annotate(sql_rank=rank).order_by("-sql_rank", "id")[
            :CANDIDATE_LIMIT
        ]
    )
    if len(candidates) < CANDIDATE_LIMIT:
        # No ORDER BY, so when a summary word is common the scan stops as soon as it has
        # enough rows, rather than reading every claim's search_words out of TOAST.
        in_summary_only = public.filter(_Matches(F("search_words"), any_word)).exclude(in_wording)
        candidates += in_summary_only.order_by()[: CANDIDATE_LIMIT - len(candidates)]
    return candidates


# --- the final order -------------------------------------------------------------------------


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
        self.stems = [stem(word.term) for word in words]
        self.matchers = [SequenceMatcher(None, "", word.term) for word in words]
        terms = [word.term for word in words]
        self.phrase = f" {' '.join(terms)} " if len(terms) > 1 else ""

    def _match(self, index: int, word: str, word_stem: str) -> float:
        term = self.words[index].term
        if word == term:
            return 1.0
        if word_stem == self.stems[index]:
            return 0.9
        if len(term) >= 3 and word.startswith(term):
            return 0.8
        if can_be_misspelt(term) and _lengths_can_match(len(word), len(term)):
            return 0.75 * similar(self.matchers[index], word)
        return 0.0

    def scores(self, claims: list[Claim]) -> list[float]:
        """The score of each claim. Each distinct word of the claims is compared with each
        query word once; a claim then looks up only the few words that matched."""
        claim_tiers = [self._tiers(claim) for claim in claims]
        seen = set().union(*(words for tiers in claim_tiers for _, _, words in tiers))
        stems = {word: stem(word) for word in seen}
        matches = [
            {word: quality for word in seen if (quality := self._match(index, word, stems[word]))}
            for index in range(len(self.words))
        ]
        return [self._score(tiers, matches) for tiers in claim_tiers]

    def _tiers(self, claim: Claim) -> list[tuple[float, str, set[str]]]:
        wording = f" {search_normalise(claim.text + ' ' + claim.short_wording)} "
        aliases = f" {search_normalise(claim.aliases)} "
        return [
            (self.WORDING, wording, set(wording.split())),
            (self.ALIASES, aliases, set(aliases.split())),
            (self.SUMMARY, "", set(claim.search_document.split())),
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
