"""Matching a sentence someone read to the claims we have checked: the one interface that the
"Check a text" page, search and the suggestion inbox call.

A match has a level: CHECKED ("we checked this": the sentence says what the claim says) or
SIMILAR ("we checked something similar": close enough to show, with the claim's wording, so
the reader can judge). Below SIMILAR there is no match.

Claims are ordered as search orders them (claims.search.ranking: the lexical rules blended
with the similarity by meaning), and a match's level comes from its score. The thresholds
were calibrated on the pasted sentences of tests/data/own_words_queries.json
(bench/matching_eval.py; figures in bench/RESULTS.md, "Matching by meaning"):

- CHECKED at a blended score of ranking.CHECKED_AT (0.88): precision 0.86, recall 0.72;
- SIMILAR at ranking.SIMILAR_AT (0.71): precision 0.80, recall 0.78 (SIMILAR counts the
  CHECKED matches too, and a similar claim is right when the sentence states it or is close
  to it). Sentences that state no claim of ours rarely reach it: 9 of the 80 it matched.

When matching by meaning is off (the model did not load), the lexical score alone decides,
with thresholds calibrated the same way (ranking.LEXICAL_CHECKED_AT, 6.0: precision 0.89,
recall 0.58; LEXICAL_SIMILAR_AT, 4.7: 0.85, 0.62).
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Claim
from claims.search.ranking import ranked_claims

CHECKED = "checked"
SIMILAR = "similar"


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    level: str  # CHECKED or SIMILAR
    score: float  # higher is closer; comparable only within one method


def closest_claims(text: str, limit: int = 3, *, version=None) -> list[ClaimMatch]:
    """The public claims closest to `text`, best first, each with its match level; claims
    below the SIMILAR level are left out.

    Queries: those of claims.search.ranking.ranked_claims (the content version unless given,
    the lexical candidates, the vector index once per content version and process)."""
    return [
        ClaimMatch(ranked.claim, CHECKED if ranked.checked else SIMILAR, ranked.score)
        for ranked in ranked_claims(text, limit, version=version)
        if ranked.similar
    ]


def match_sentence(sentence: str, *, version=None) -> ClaimMatch | None:
    """The best match for one sentence, or None when nothing is close enough."""
    matches = closest_claims(sentence, limit=1, version=version)
    return matches[0] if matches else None
