"""The order that search and matching share: the lexical rules of claims.search blended with
the similarity by meaning (claims.search.vectors), and the levels a score reaches.

Chosen by measurement (bench/matching_eval.py; bench/RESULTS.md, "Matching by meaning"):
a claim's score is its similarity by meaning plus LEXICAL_WEIGHT times its lexical score
divided by the query's best lexical score. Every claim the lexical rules find stays in the
results, in the blended order; a claim they miss joins them when its similarity alone reaches
MEANING_ONLY_FLOOR. When matching by meaning is off (the model did not load, no claim has
vectors yet, or settings.SEARCH_BY_MEANING is false) the order is the lexical one, and the
score is the lexical score, with levels of its own.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from claims.models import Claim
from claims.search.postgres import postgres_candidates
from claims.search.scoring import RESULT_FIELDS, Scorer
from claims.search.sqlite import sqlite_candidates
from claims.search.vectors import similarities_by_meaning
from claims.search.words import query_terms
from pagecache.pages import current_version

LEXICAL_WEIGHT = 0.3

# The levels of a blended score, calibrated on the pasted sentences of
# tests/data/own_words_queries.json (bench/RESULTS.md has the precision and recall of each).
CHECKED_AT = 0.88
SIMILAR_AT = 0.71
# A claim the lexical rules miss is shown when its similarity is at least what SIMILAR asks.
MEANING_ONLY_FLOOR = SIMILAR_AT
# The same levels for the lexical score alone (the rules' scores, not comparable with the
# blended ones), used while matching by meaning is off.
LEXICAL_CHECKED_AT = 6.0
LEXICAL_SIMILAR_AT = 4.7


@dataclass(frozen=True)
class Ranked:
    claim: Claim
    score: float  # the blended score, or the lexical score when by_meaning is False
    by_meaning: bool

    @property
    def checked(self) -> bool:
        return self.score >= (CHECKED_AT if self.by_meaning else LEXICAL_CHECKED_AT)

    @property
    def similar(self) -> bool:
        return self.score >= (SIMILAR_AT if self.by_meaning else LEXICAL_SIMILAR_AT)


def lexical_ranking(query: str, limit: int = 20, *, version=None) -> list[tuple[Claim, float]]:
    """Public claims matching a query by its words alone (rules 1 to 9 of claims.search), best
    first, each with its score."""
    terms = query_terms(query)
    if not terms:
        return []
    return _lexical(terms, version)[0][:limit]


def _lexical(terms: list[str], version):
    """The lexical matches, best first with their scores; every candidate read; the query's
    words as the claims' vocabulary reads them."""
    find = postgres_candidates if connection.vendor == "postgresql" else sqlite_candidates
    words, candidates = find(terms, version=version)
    if not words:
        return [], candidates, words
    scores = Scorer(words).scores(candidates)
    scored = [
        (score, getattr(claim, "candidate_rank", 0.0), claim)
        for score, claim in zip(scores, candidates, strict=True)
        if score > 0
    ]
    # Rule 9 for ties, as claims.search.scoring.rank orders them.
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [(claim, score) for score, _, claim in scored], candidates, words


def ranked_claims(query: str, limit: int = 20, *, version=None) -> list[Ranked]:
    """The public claims closest to a query or a sentence, best first, with their scores.

    Queries: the content version unless given; the lexical candidates (claims.search:
    PostgreSQL 1 or 2, SQLite 1); the vector index's rows, once per content version and
    process; on PostgreSQL, one more for claims found by meaning alone, when there are any.
    """
    terms = query_terms(query)
    if not terms:
        return []
    version = version or current_version()
    lexical, candidates, words = _lexical(terms, version)
    # The model knows words, not misspellings: it also reads the words rule 4 corrected a
    # misspelt term to ("injekshuns" adds "injections").
    read_as = " ".join([query, *(each for word in words for each in word.corrections)])
    meaning = similarities_by_meaning(read_as, version) if settings.SEARCH_BY_MEANING else None
    if meaning is None:
        return [Ranked(claim, score, False) for claim, score in lexical[:limit]]
    best = lexical[0][1] if lexical else 1.0
    found = {claim.pk for claim, _ in lexical}
    # A match with no vectors yet (published a moment ago, or computed by nobody) is neither
    # helped nor sunk by meaning: it counts as the average of the other matches.
    known = [meaning[claim.pk] for claim, _ in lexical if claim.pk in meaning]
    neutral = sum(known) / len(known) if known else MEANING_ONLY_FLOOR
    blended = [
        (meaning.get(claim.pk, neutral) + LEXICAL_WEIGHT * score / best, score, claim)
        for claim, score in lexical
    ]
    closest = meaning.closest(limit)
    extra = [i for i in closest if meaning[i] >= MEANING_ONLY_FLOOR and i not in found]
    if extra:
        by_id = {claim.pk: claim for claim in candidates}
        missing = [claim_id for claim_id in extra if claim_id not in by_id]
        if missing:  # PostgreSQL: its candidates are only the lexical ones
            public = Claim.objects.public().select_related("verdict", "topic")
            by_id |= public.only(*RESULT_FIELDS).in_bulk(missing)
        blended += [(meaning[i], 0.0, by_id[i]) for i in extra if i in by_id]
    blended.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [Ranked(claim, score, True) for score, _, claim in blended[:limit]]
