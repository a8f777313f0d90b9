"""PostgreSQL's candidates for the scorer: the claims the per-process index ranks best, and
if they are too few, claims with a query word in their summary (the GIN index)."""

from django.db.models import BooleanField, F, Func, Value

from claims.models import Claim
from claims.search.index import SearchIndex, narrowing
from claims.search.vocabulary import QueryWord

CANDIDATE_LIMIT = 50
# The most claims one batch of queries reads for words found only in summaries.
SUMMARY_BATCH_LIMIT = 500


def postgres_candidates(index: SearchIndex, term_lists: list[list[str]],
                        ) -> list[tuple[list[QueryWord], list[int], dict[int, float]]]:
    """For each query's terms: its words as the index reads them, the ids of its candidate
    claims (best first), and the rank the index gave each.

    First the best claims with a word in their own wording or aliases, chosen by the index
    (up to CANDIDATE_LIMIT). A query with fewer has every claim with its words there; claims
    with them only in their summary join, found by the GIN index on search_words in one query
    for every such query (up to SUMMARY_BATCH_LIMIT claims, shared, unranked: the scorer
    places them, and gives 0 to those that are another query's). No ORDER BY, so when a
    summary word is common the scan stops as soon as it has enough rows.
    """
    words_of = [index.query_words(terms) for terms in term_lists]
    ranks_of = [index.candidates(words, CANDIDATE_LIMIT) if words else {} for words in words_of]
    ranked_ids = set().union(*ranks_of)
    short = [(words, ranks) for words, ranks in zip(words_of, ranks_of, strict=True)
             if words and len(ranks) < CANDIDATE_LIMIT]
    # A "for" (rule 5) has no words of its own to look for in summaries.
    searched = list(dict.fromkeys(
        f"({_tsquery(word)})" for words, _ in short for word in narrowing(words)
        if word.patterns()))
    extra: list[int] = []
    if searched:
        in_summary = Claim.objects.public().filter(
            _Matches(F("search_words"), Value(" | ".join(searched))))
        in_summary = in_summary.exclude(id__in=ranked_ids).order_by()
        wanted = sum(CANDIDATE_LIMIT - len(ranks) for _, ranks in short)
        extra = list(in_summary.values_list("id", flat=True)[: min(SUMMARY_BATCH_LIMIT, wanted)])
    out = []
    for words, ranks in zip(words_of, ranks_of, strict=True):
        if not words:
            out.append(([], [], {}))
            continue
        mine = sorted(ranks, key=lambda claim_id: (-ranks[claim_id], claim_id))
        if len(ranks) < CANDIDATE_LIMIT:
            mine += [claim_id for claim_id in ranked_ids if claim_id not in ranks] + extra
        out.append((words, mine, ranks))
    return out


class _Matches(Func):
    """vector @@ query, the query given as tsquery text (never parsed: words as stored)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s::tsquery)"
    output_field = BooleanField()


def _tsquery(word: QueryWord) -> str:
    """The word and its corrections as tsquery text, finding what SearchIndex.found_by finds."""
    return " | ".join(
        f"'{text}':*" if is_prefix else f"'{text}'" for text, is_prefix in word.patterns()
    )
