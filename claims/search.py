"""Lay-language search over public claims, forgiving of case, accents, hyphens and typos.

PostgreSQL narrows the candidates in SQL with the trigram index (word similarity per query
word) and ranks them with full-text search plus similarity. SQLite, used for local runs,
reads the public claims and matches in Python. On both, the final order comes from the same
small scorer, run only on the candidates, so a claim whose own wording matches comes before
one that matches only in its summary, and both databases give the same results.
"""

import difflib
from functools import reduce
from operator import or_

from django.db import connection, transaction
from django.db.models import F, Q

from claims.models import Claim
from claims.text import search_normalise

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CANDIDATE_LIMIT = 100
RANK_LIMIT = 1000
FUZZY_CUTOFF = 0.85

STOPWORDS = frozenset(
    "a an and are as at be by can could do does for from has have how i if in is it its me "
    "my of on or should that the this to what when which who why will with you your".split()
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


def search_claims(query: str, limit: int = 20) -> list[Claim]:
    """Public claims matching a lay query, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        candidates = _postgres_candidates(terms)
    else:
        candidates = list(Claim.objects.public().select_related("verdict", "topic"))
    scorer = _Scorer(terms)
    scored = []
    for claim in candidates:
        score = scorer.score(claim)
        sql_rank = getattr(claim, "sql_rank", 0.0) or 0.0
        if score > 0:
            scored.append((score, sql_rank, claim))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [claim for _, _, claim in scored[:limit]]


def _postgres_candidates(terms: list[str]) -> list[Claim]:
    """Claims with every query word (topped up with those having rarer words), by SQL rank.

    Each word is looked up on its own, so each lookup is one GIN index scan; the sets are
    combined here. A word found in more than RANK_LIMIT claims ("ms" on this site) narrows
    nothing, so it only counts where it comes with the other words.
    """
    narrowing = [term for term in terms if len(term) > 2] or terms
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner cannot estimate trigram and regex matches and would rather read every
        # row, running word_similarity on each; the GIN index is always the better plan here.
        cursor.execute("SET LOCAL enable_seqscan = off")
        found = [
            set(
                Claim.objects.filter(_postgres_word_match(term))
                .order_by()  # no join to topic for the default ordering: just the index
                .values_list("id", flat=True)
            )
            for term in narrowing
        ]
    every_word = set.intersection(*found)
    ids = set(every_word)
    if len(ids) < CANDIDATE_LIMIT:
        ids = ids.union(*(matches for matches in found if len(matches) <= RANK_LIMIT))
    if len(ids) > RANK_LIMIT:
        # Only words that are in nearly every claim get here: rank a bounded, stable slice.
        ids = set(sorted(ids)[:RANK_LIMIT])
    return _postgres_ranked(ids, terms) if ids else []


def _postgres_word_match(term: str) -> Q:
    """A filter the GIN trigram index answers: similar words, or for short words the word itself.

    `search_document %> word` tolerates typos; for "b12" or "ms" it would match too much, so
    short words and words with digits must appear as they are.
    """
    if len(term) < 4 or any(ch.isdigit() for ch in term):
        return Q(search_document__regex=rf"\m{term}\M")
    return Q(search_document__trigram_word_similar=term)


def _postgres_ranked(ids: set[int], terms: list[str]) -> list[Claim]:
    """The best CANDIDATE_LIMIT of these claims by full-text rank plus word similarity."""
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        TrigramWordSimilarity,
    )

    full_text = reduce(
        or_, (SearchQuery(term, config="english", search_type="plain") for term in terms)
    )
    return list(
        Claim.objects.public()
        .filter(pk__in=ids)
        .select_related("verdict", "topic")
        .annotate(
            text_rank=SearchRank(SearchVector("search_document", config="english"), full_text),
            similarity=TrigramWordSimilarity(" ".join(terms), "search_document"),
        )
        .annotate(sql_rank=F("text_rank") + F("similarity"))
        .order_by("-sql_rank", "id")[:CANDIDATE_LIMIT]
    )


class _Scorer:
    """Scores a claim: each query word counts most when the claim's own wording has it.

    Own wording is the claim text and short wording, then the editors' aliases; the summary
    and verdict reason (the rest of search_document) count least. Finding the query's words
    side by side, or all of them, adds a little.
    """

    WORDING, ALIASES, SUMMARY = 2.0, 1.6, 1.0
    ALL_WORDS_BONUS = 1.0
    PHRASE_BONUS = {WORDING: 0.5, ALIASES: 0.4}

    def __init__(self, terms: list[str]):
        self.terms = terms
        self.stems = [stem(term) for term in terms]
        self.phrase = f" {' '.join(terms)} " if len(terms) > 1 else ""
        self._cache: dict[tuple[int, str], float] = {}

    def word_match(self, index: int, word: str) -> float:
        key = (index, word)
        if key not in self._cache:
            self._cache[key] = self._match(self.terms[index], self.stems[index], word)
        return self._cache[key]

    @staticmethod
    def _match(term: str, term_stem: str, word: str) -> float:
        if word == term:
            return 1.0
        if stem(word) == term_stem:
            return 0.9
        if len(term) >= 3 and word.startswith(term):
            return 0.8
        if len(term) >= 5 and not term.isdigit():
            ratio = difflib.SequenceMatcher(None, term, word).ratio()
            if ratio >= FUZZY_CUTOFF:
                return 0.75 * ratio
        return 0.0

    def best(self, index: int, words: set[str]) -> float:
        return max((self.word_match(index, word) for word in words), default=0.0)

    def score(self, claim: Claim) -> float:
        wording = f" {search_normalise(claim.text + ' ' + claim.short_wording)} "
        aliases = f" {search_normalise(claim.aliases)} "
        tiers = [
            (self.WORDING, set(wording.split())),
            (self.ALIASES, set(aliases.split())),
            (self.SUMMARY, set(claim.search_document.split())),
        ]
        total, matched = 0.0, 0
        for index in range(len(self.terms)):
            term_score = max(weight * self.best(index, words) for weight, words in tiers)
            total += term_score
            matched += term_score > 0
        if matched == len(self.terms) and len(self.terms) > 1:
            total += self.ALL_WORDS_BONUS
        if self.phrase and self.phrase in wording:
            total += self.PHRASE_BONUS[self.WORDING]
        elif self.phrase and self.phrase in aliases:
            total += self.PHRASE_BONUS[self.ALIASES]
        return total


