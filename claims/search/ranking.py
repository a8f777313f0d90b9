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
from django.db.models import F, Value

from claims.models import Claim
from claims.search.index import narrowing, search_index_cache
from claims.search.postgres import CANDIDATE_LIMIT, _Matches, _tsquery
from claims.search.scoring import RESULT_FIELDS, Scorer
from claims.search.vectors import similarities_by_meaning_many
from claims.search.vocabulary import Vocabulary
from claims.search.words import MAX_TERMS, query_terms
from pagecache.pages import current_version

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
# On PostgreSQL, the most claims one batch reads for words found only in summaries.
SUMMARY_BATCH_LIMIT = 500


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
    ((words, candidates, ranks),) = _candidates([terms], version)
    return _lexical(words, candidates, ranks)[:limit]


def _candidates(term_lists: list[list[str]], version=None) -> list[tuple[list, list[Claim], dict]]:
    """For each query's terms: its words as the claims' vocabulary reads them, the candidate
    claims, and the rank its finder gave each (by claim id; rule 9's first tie-break).

    SQLite (claims.search.sqlite): every public claim, read once for all the queries.
    PostgreSQL (claims.search.postgres): the claims the per-process index ranks best for
    each query (up to CANDIDATE_LIMIT), read by id in one query for all of them; when a query
    has fewer, claims with one of its words only in their summary make up the number, read in
    one more query for every such query (up to SUMMARY_BATCH_LIMIT claims, shared)."""
    if connection.vendor != "postgresql":
        public = Claim.objects.public().select_related("verdict", "topic")
        candidates = list(public.only(*RESULT_FIELDS, "search_terms"))
        vocabulary = Vocabulary(set(claim.search_terms.split()) for claim in candidates)
        return [(vocabulary.query_words(terms), candidates, {}) for terms in term_lists]
    index = search_index_cache.get(version or current_version())
    words_of = [index.query_words(terms) for terms in term_lists]
    ranks_of = [index.candidates(words, CANDIDATE_LIMIT) if words else {} for words in words_of]
    public = Claim.objects.public().select_related("verdict", "topic").only(*RESULT_FIELDS)
    ranked_ids = set().union(*ranks_of)
    by_id = public.in_bulk(ranked_ids) if ranked_ids else {}
    # A query with fewer than CANDIDATE_LIMIT claims ranked has every claim with its words in
    # their wording or aliases; claims with them only in their summary join (the scorer
    # places them, and gives 0 to those that are another query's).
    short = [(words, ranks) for words, ranks in zip(words_of, ranks_of, strict=True)
             if words and len(ranks) < CANDIDATE_LIMIT]
    searched = list(dict.fromkeys(
        f"({_tsquery(word)})" for words, _ in short for word in narrowing(words)
        if word.patterns()))
    extra: list[Claim] = []
    if searched:
        in_summary = public.filter(_Matches(F("search_words"), Value(" | ".join(searched))))
        in_summary = in_summary.exclude(id__in=ranked_ids).order_by()
        wanted = sum(CANDIDATE_LIMIT - len(ranks) for _, ranks in short)
        extra = list(in_summary[: min(SUMMARY_BATCH_LIMIT, wanted)])
    out = []
    for words, ranks in zip(words_of, ranks_of, strict=True):
        if not words:
            out.append(([], [], {}))
            continue
        mine = sorted((by_id[i] for i in ranks if i in by_id), key=lambda c: (-ranks[c.id], c.id))
        if len(ranks) < CANDIDATE_LIMIT:
            mine += [claim for i, claim in by_id.items() if i not in ranks] + extra
        out.append((words, mine, ranks))
    return out


def _lexical(words, candidates: list[Claim], ranks: dict) -> list[tuple[Claim, float]]:
    """The candidates the words find, best first, with their scores."""
    if not words or not candidates:
        return []
    scores = Scorer(words).scores(candidates)
    scored = [
        (score, ranks.get(claim.pk, 0.0), claim)
        for score, claim in zip(scores, candidates, strict=True)
        if score > 0
    ]
    # Rule 9 for ties, as claims.search.scoring.rank orders them.
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [(claim, score) for score, _, claim in scored]


def ranked_claims(query: str, limit: int = 20, *, version=None) -> list[Ranked]:
    """The public claims closest to a query or a sentence, best first, with their scores.

    Queries: the content version unless given; the lexical candidates (claims.search:
    PostgreSQL 1 or 2, SQLite 1); the vector index's rows, once per content version and
    process; on PostgreSQL, one more for claims found by meaning alone, when there are any.
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
    queries = list(queries)
    terms_of = [query_terms(query, max_terms=max_terms, max_length=MAX_SENTENCE_LENGTH)
                if max_terms != MAX_TERMS else query_terms(query) for query in queries]
    todo = [at for at, terms in enumerate(terms_of) if terms]
    results: list[list[Ranked]] = [[] for _ in queries]
    if not todo:
        return results
    version = version or current_version()
    found = _candidates([terms_of[at] for at in todo], version)
    lexical_of = [_lexical(words, candidates, ranks) for words, candidates, ranks in found]
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
            results[at] = [Ranked(claim, score, False, score) for claim, score in lexical[:limit]]
        return results
    # Claims found by meaning alone, for every query at once.
    extra_of, known_claims = [], {}
    for (_, candidates, _), lexical, meaning in zip(found, lexical_of, meanings, strict=True):
        known_claims |= {claim.pk: claim for claim in candidates}
        lexical_ids = {claim.pk for claim, _ in lexical}
        extra_of.append([i for i in meaning.closest(limit)
                         if meaning[i] >= MEANING_ONLY_FLOOR and i not in lexical_ids])
    missing = {i for extra in extra_of for i in extra} - set(known_claims)
    if missing:  # PostgreSQL: its candidates are only the lexical ones
        public = Claim.objects.public().select_related("verdict", "topic")
        known_claims |= public.only(*RESULT_FIELDS).in_bulk(missing)
    for at, lexical, meaning, extra in zip(todo, lexical_of, meanings, extra_of, strict=True):
        best = lexical[0][1] if lexical else 1.0
        # A match with no vectors yet (published a moment ago, or computed by nobody) is
        # neither helped nor sunk by meaning: it counts as the average of the other matches.
        known = [meaning[claim.pk] for claim, _ in lexical if claim.pk in meaning]
        neutral = sum(known) / len(known) if known else MEANING_ONLY_FLOOR
        blended = []
        for claim, score in lexical:
            similarity = meaning.get(claim.pk, neutral)
            blended.append((similarity + LEXICAL_WEIGHT * score / best, score, claim, similarity))
        blended += [(meaning[i], 0.0, known_claims[i], meaning[i])
                    for i in extra if i in known_claims]
        blended.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
        results[at] = [Ranked(claim, score, True, words, similarity)
                       for score, words, claim, similarity in blended[:limit]]
    return results
