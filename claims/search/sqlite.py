"""SQLite's candidates for the scorer, for local runs: every public claim, matched in Python."""

from claims.models import Claim
from claims.search.vocabulary import QueryWord, Vocabulary


def sqlite_candidates(term_lists: list[list[str]],
                      ) -> list[tuple[list[QueryWord], list[int], dict[int, float]]]:
    """For each query's terms: its words as the public claims' vocabulary reads them, and the
    ids of every public claim (read once for all the queries; no finder's rank)."""
    rows = list(Claim.objects.public().values_list("id", "search_terms"))
    vocabulary = Vocabulary(set(terms.split()) for _, terms in rows)
    ids = [claim_id for claim_id, _ in rows]
    return [(vocabulary.query_words(terms), ids, {}) for terms in term_lists]
