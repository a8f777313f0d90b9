"""SQLite's candidates for the scorer, for local runs: every public claim, matched in Python."""

from claims.models import Claim
from claims.search.scoring import RESULT_FIELDS
from claims.search.vocabulary import QueryWord, Vocabulary


def sqlite_candidates(terms: list[str], *, version=None) -> tuple[list[QueryWord], list[Claim]]:
    """The query's words, read by the vocabulary of the public claims, and those claims
    (version is unused: there is no index to keep)."""
    public = Claim.objects.public().select_related("verdict", "topic")
    candidates = list(public.only(*RESULT_FIELDS, "search_terms"))
    vocabulary = Vocabulary(set(claim.search_terms.split()) for claim in candidates)
    return vocabulary.query_words(terms), candidates
