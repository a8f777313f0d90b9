"""PostgreSQL's candidates for the scorer: the claims the per-process index ranks best, and
if they are too few, claims with a query word in their summary (the GIN index)."""

from django.db.models import BooleanField, F, Func, Value

from claims.models import Claim
from claims.search.index import SearchIndex, narrowing, search_index_cache
from claims.search.scoring import RESULT_FIELDS
from claims.search.vocabulary import QueryWord
from pagecache.pages import current_version

CANDIDATE_LIMIT = 50


def postgres_candidates(terms: list[str], *, version=None) -> tuple[list[QueryWord], list[Claim]]:
    """The query's words, read by the index of the content version (the current one unless
    given), and up to CANDIDATE_LIMIT claims with one of them, best first."""
    index = search_index_cache.get(version or current_version())
    words = index.query_words(terms)
    if not words:
        return [], []
    return words, _candidates(index, words)


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


def _candidates(index: SearchIndex, words: list[QueryWord]) -> list[Claim]:
    """Up to CANDIDATE_LIMIT claims with a query word, best first.

    First the best claims with a word in their own wording or aliases, chosen by the index
    and read by id. If there are too few, claims with a word only in their summary (the GIN
    index on search_words) make up the number, unranked: the scorer places them.
    """
    ranked = index.candidates(words, CANDIDATE_LIMIT)
    public = Claim.objects.public().select_related("verdict", "topic").only(*RESULT_FIELDS)
    candidates = sorted(
        public.filter(id__in=ranked), key=lambda claim: (-ranked[claim.id], claim.id)
    )
    for claim in candidates:
        claim.candidate_rank = ranked[claim.id]
    if len(ranked) < CANDIDATE_LIMIT:
        # No ORDER BY, so when a summary word is common the scan stops as soon as it has
        # enough rows, rather than reading every claim's search_words out of TOAST.
        # A "for" (rule 5) has no words of its own to look for in summaries.
        searched = [f"({_tsquery(word)})" for word in narrowing(words) if word.patterns()]
        if searched:
            any_word = Value(" | ".join(searched))
            in_summary = public.filter(_Matches(F("search_words"), any_word))
            in_summary = in_summary.exclude(id__in=ranked).order_by()
            candidates += in_summary[: CANDIDATE_LIMIT - len(ranked)]
    return candidates
