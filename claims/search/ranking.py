"""The order that search and matching share: the lexical rules of claims.search blended with
the similarity by meaning (claims.search.vectors), and the levels a score reaches.

Chosen by measurement (bench/matching_eval.py; bench/RESULTS.md, "Matching by meaning"):
a claim's score is its similarity by meaning plus LEXICAL_WEIGHT times its lexical score
divided by the query's best lexical score. Every claim the lexical rules find stays in the
results, in the blended order; a claim they miss joins them when its similarity alone reaches
MEANING_ONLY_FLOOR. When matching by meaning is off (the model did not load, no claim has
vectors yet, or settings.SEARCH_BY_MEANING is false) the order is the lexical one, and the
score is the lexical score, with levels of its own.

ranked_claims_many ranks several texts at once (the sentences of a pasted text): the
candidates are read once for all of them and the model encodes them in one call.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from claims.models import Claim
from claims.search.index import search_index_cache
from claims.search.postgres import postgres_candidates
from claims.search.scoring import (
    RESULT_FIELDS,
    TERM_FIELDS,
    ClaimTerms,
    Scorer,
    scoring_vocabulary_cache,
)
from claims.search.sqlite import sqlite_candidates
from claims.search.vectors import similarities_by_meaning_many
from claims.search.words import MAX_TERMS, query_terms
from pagecache.pages import LocalPages, current_version

LEXICAL_WEIGHT = 0.3

# The levels of a blended score, calibrated on the pasted sentences of
# tests/data/own_words_queries.json (bench/RESULTS.md has the precision and recall of each).
CHECKED_AT = 0.92
SIMILAR_AT = 0.71
# A blend at SIMILAR_AT or over is CHECKED too when the words agree: its lexical score (rules
# 2 to 8, on the sentence's words) reaches this, as when it shares several of the claim's own
# words ("A friend with PPMS is on huge doses of biotin and swears by it").
WORDS_CHECKED_AT = 6.0
# A claim the lexical rules miss is shown when its similarity is at least what SIMILAR asks.
MEANING_ONLY_FLOOR = SIMILAR_AT
# The same levels for the lexical score alone (the rules' scores, not comparable with the
# blended ones), used while matching by meaning is off.
LEXICAL_CHECKED_AT = 7.2
LEXICAL_SIMILAR_AT = 5.0
# How much of a sentence the lexical rules read when they read further than a query.
MAX_SENTENCE_LENGTH = 400


@dataclass(frozen=True)
class Ranked:
    claim: Claim
    score: float  # the blended score, or the lexical score when by_meaning is False
    by_meaning: bool
    lexical: float = 0.0  # the lexical score (rules 2 to 8); 0 when found by meaning alone
    meaning: float | None = None  # the similarity by meaning, when by_meaning

    @property
    def checked(self) -> bool:
        """The score reaches CHECKED: the blend reaches CHECKED_AT, or SIMILAR_AT when the
        words agree (the lexical score alone reaches WORDS_CHECKED_AT)."""
        if not self.by_meaning:
            return self.score >= LEXICAL_CHECKED_AT
        return self.score >= CHECKED_AT or (
            self.score >= SIMILAR_AT and self.lexical >= WORDS_CHECKED_AT)

    @property
    def similar(self) -> bool:
        return self.score >= (SIMILAR_AT if self.by_meaning else LEXICAL_SIMILAR_AT)


def lexical_ranking(query: str, limit: int = 20, *, version=None) -> list[tuple[Claim, float]]:
    """Public claims matching a query by its words alone (rules 1 to 9 of claims.search), best
    first, each with its score."""
    terms = query_terms(query)
    if not terms:
        return []
    version = version or current_version()
    ((words, candidates, ranks),) = _candidates([terms], version)
    best = _lexical(words, candidates, ranks, version)[:limit]
    claims = result_claims({claim_id for claim_id, _ in best}, version)
    return [(claims[claim_id], score) for claim_id, score in best if claim_id in claims]


def _candidates(term_lists: list[list[str]], version) -> list[tuple[list, list[int], dict]]:
    """For each query's terms: its words as the claims' vocabulary reads them, the ids of the
    candidate claims, and the rank its finder gave each (by claim id; rule 9's first
    tie-break).

    SQLite (claims.search.sqlite): every public claim, read once for all the queries.
    PostgreSQL (claims.search.postgres): the claims the per-process index ranks best for
    each query (up to CANDIDATE_LIMIT); when a query has fewer, claims with one of its words
    only in their summary make up the number, found in one query for every such query."""
    if connection.vendor != "postgresql":
        return sqlite_candidates(term_lists)
    return postgres_candidates(search_index_cache.get(version), term_lists)


class _KeptByVersion:
    """Values read from the database by claim id, each kept (least recently used dropped
    first) with the content version it was read at, and read again once that changes: a new
    search reads only the claims no search before it read at this version."""

    def __init__(self, entries: int, load):
        self._kept = LocalPages(entries)
        self._load = load  # (ids, version) -> {id: value}, for the public claims among them

    def get_many(self, ids, version) -> dict:
        key = (version.number, version.changed_at)
        found, missing = {}, []
        for claim_id in ids:
            entry = self._kept.get(claim_id)
            if entry is not None and entry[0] == key:
                found[claim_id] = entry[1]
            else:
                missing.append(claim_id)
        if missing:
            for claim_id, value in self._load(missing, version).items():
                found[claim_id] = value
                self._kept.set(claim_id, (key, value))
        return found

    def clear(self) -> None:
        self._kept.clear()


def _read_terms(ids, version) -> dict[int, ClaimTerms]:
    vocabulary = scoring_vocabulary_cache.get(version)
    rows = Claim.objects.public().filter(id__in=ids).values_list(*TERM_FIELDS)
    return {row[0]: ClaimTerms.from_row(row, vocabulary) for row in rows}


def _read_result_claims(ids, version) -> dict[int, Claim]:
    public = Claim.objects.public().select_related("verdict", "topic")
    return public.only(*RESULT_FIELDS).in_bulk(list(ids))


# How the scorer reads each claim (ClaimTerms): about 1 KB a claim with the generated claims'
# vocabulary of about 1,000 words (9.7 MB for 10,000, bench/index_scale.py), plus an eighth of
# a byte a claim for each further word of the vocabulary (its summary's mask): about 5 KB
# with 30,000 words (bench/RESULTS.md).
CLAIM_TERMS_ENTRIES = 10_000
_claim_terms = _KeptByVersion(CLAIM_TERMS_ENTRIES, _read_terms)
# The claims results show (RESULT_FIELDS, with topic and verdict): about 3 KB and nine objects
# the garbage collector walks a claim, so fewer are kept. They are shared by the searches of
# one version, which only read them.
RESULT_CLAIM_ENTRIES = 2_000
_result_claim_objects = _KeptByVersion(RESULT_CLAIM_ENTRIES, _read_result_claims)


def forget_kept_claims() -> None:
    """Drops the claims kept by earlier searches (for tests that count a search's queries)."""
    _claim_terms.clear()
    _result_claim_objects.clear()


def claim_terms(ids, version) -> dict[int, ClaimTerms]:
    """The ClaimTerms of the public claims with these ids, at the content version (one query
    for those not kept from an earlier search)."""
    return _claim_terms.get_many(ids, version)


def _lexical(words, candidates: list[int], ranks: dict, version) -> list[tuple[int, float]]:
    """The ids of the candidates the words find, best first, with their scores."""
    if not words or not candidates:
        return []
    terms = claim_terms(candidates, version)
    known = [terms[claim_id] for claim_id in candidates if claim_id in terms]
    scores = Scorer(words).scores(known, scoring_vocabulary_cache.get(version))
    scored = [(score, ranks.get(claim.id, 0.0), claim.place, claim.id)
              for score, claim in zip(scores, known, strict=True) if score > 0]
    # Rule 9 for ties: the finder's rank, then topic order and claim number.
    scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
    return [(claim_id, score) for score, _, _, claim_id in scored]


def result_claims(ids, version) -> dict[int, Claim]:
    """The public claims with these ids, with what a result shows (RESULT_FIELDS), at the
    content version (one query for those not kept from an earlier search)."""
    return _result_claim_objects.get_many(ids, version) if ids else {}


def ranked_claims(query: str, limit: int = 20, *, version=None) -> list[Ranked]:
    """The public claims closest to a query or a sentence, best first, with their scores.

    Queries: the content version unless given; once per content version and process, the
    search index (PostgreSQL), the scoring vocabulary and the vector index; then PostgreSQL
    0 or 1 (claims with a query word only in their summary, when the index finds fewer than
    CANDIDATE_LIMIT), SQLite 1 (the public claims' ids and wording words); 1 for the
    candidates no search read before at this version (claim_terms), 1 more for claims found by
    meaning alone that none read, and 1 for the results' claims that none showed.
    """
    return ranked_claims_many([query], limit, version=version)[0]


def ranked_claims_many(queries: list[str], limit: int = 20, *, version=None,
                       max_terms: int = MAX_TERMS, corrections: bool = True,
                       ) -> list[list[Ranked]]:
    """ranked_claims for each of several queries or sentences, in their order, with the
    queries of one: the candidates are read once for all of them (see _candidates), the model
    encodes them all in one call, and the claims found by meaning alone are read in one query.
    max_terms: how many words of each the lexical rules read (a sentence is read further than
    a search query: claims.search.matching.SENTENCE_TERMS); corrections: whether the model
    also reads the words rule 4 corrected a misspelt term to.
    """
    version = version or current_version()
    ranked_of = ranked_ids_many(queries, limit, version=version, max_terms=max_terms,
                                corrections=corrections)
    claims = result_claims({item[0] for ranked in ranked_of for item in ranked}, version)
    return [[Ranked(claims[claim_id], *rest) for claim_id, *rest in ranked if claim_id in claims]
            for ranked in ranked_of]


def ranked_ids(query: str, limit: int = 20, *, version=None) -> list[int]:
    """The ids of the claims ranked_claims would give, without reading the claims: the search
    page renders each result from its own cache (claims.views), and reads only the claims it
    has no row for."""
    version = version or current_version()
    return [claim_id for claim_id, *_ in ranked_ids_many([query], limit, version=version)[0]]


def ranked_ids_many(queries: list[str], limit: int = 20, *, version,
                    max_terms: int = MAX_TERMS, corrections: bool = True,
                    ) -> list[list[tuple[int, float, bool, float, float | None]]]:
    """For each query, best first: (claim id, score, by meaning, lexical score, similarity),
    the fields of Ranked with the claim's id for the claim."""
    queries = list(queries)
    terms_of = [query_terms(query, max_terms=max_terms, max_length=MAX_SENTENCE_LENGTH)
                if max_terms != MAX_TERMS else query_terms(query) for query in queries]
    todo = [at for at, terms in enumerate(terms_of) if terms]
    results: list[list[tuple]] = [[] for _ in queries]
    if not todo:
        return results
    found = _candidates([terms_of[at] for at in todo], version)
    lexical_of = [_lexical(words, candidates, ranks, version)
                  for words, candidates, ranks in found]
    meanings = None
    if settings.SEARCH_BY_MEANING:
        # The model knows words, not misspellings: it also reads the words rule 4 corrected a
        # misspelt term to ("injekshuns" adds "injections").
        meanings = similarities_by_meaning_many([
            " ".join([queries[at], *(each for word in words for each in word.corrections
                                     if corrections)])
            for at, (words, _, _) in zip(todo, found, strict=True)
        ], version)
    if meanings is None:
        for at, lexical in zip(todo, lexical_of, strict=True):
            results[at] = [(i, score, False, score, None) for i, score in lexical[:limit]]
        return results
    # Each query's claims, blended: its lexical matches, then those found by meaning alone.
    chosen_of = []
    for lexical, meaning in zip(lexical_of, meanings, strict=True):
        lexical_ids = {claim_id for claim_id, _ in lexical}
        meaning.prefetch(lexical_ids)
        extra = [i for i in meaning.closest(limit, at_least=MEANING_ONLY_FLOOR)
                 if i not in lexical_ids]
        best = lexical[0][1] if lexical else 1.0
        # A match with no vectors yet (published a moment ago, or computed by nobody) is
        # neither helped nor sunk by meaning: it counts as the average of the other matches.
        known = [meaning[claim_id] for claim_id, _ in lexical if claim_id in meaning]
        neutral = sum(known) / len(known) if known else MEANING_ONLY_FLOOR
        blended = []
        for claim_id, score in lexical:
            similarity = meaning.get(claim_id, neutral)
            blended.append((similarity + LEXICAL_WEIGHT * score / best, score, claim_id,
                            similarity))
        blended += [(meaning[i], 0.0, i, meaning[i]) for i in extra]
        chosen_of.append(blended)
    # Rule 9 for ties needs each claim's place (claims found by meaning alone may be new).
    places = claim_terms({item[2] for blended in chosen_of for item in blended}, version)
    for at, blended in zip(todo, chosen_of, strict=True):
        blended = [item for item in blended if item[2] in places]
        blended.sort(key=lambda item: (-item[0], -item[1], places[item[2]].place))
        results[at] = [(claim_id, score, True, words, similarity)
                       for score, words, claim_id, similarity in blended[:limit]]
    return results
