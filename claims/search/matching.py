"""Matching a sentence someone read to the claims we have checked: the one interface that the
"Check a text" page, search and the suggestion inbox call.

A match has a level: CHECKED ("we checked this": the sentence says what the claim says) or
SIMILAR ("we checked something similar": close enough to show, with the claim's wording, so
the reader can judge). Below SIMILAR there is no match.

This first version ranks with the lexical search alone; matching by meaning replaces the
inside of these functions and keeps their signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Claim

CHECKED = "checked"
SIMILAR = "similar"


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    level: str  # CHECKED or SIMILAR
    score: float  # higher is closer; comparable only within one method


def closest_claims(text: str, limit: int = 3, *, version=None) -> list[ClaimMatch]:
    """The public claims closest to `text`, best first, each with its match level; claims
    below the SIMILAR level are left out."""
    from claims.search import search_claims

    claims = search_claims(text, limit=limit, version=version)
    return [ClaimMatch(claim, SIMILAR, 1.0 / (rank + 1)) for rank, claim in enumerate(claims)]


def match_sentence(sentence: str, *, version=None) -> ClaimMatch | None:
    """The best match for one sentence, or None when nothing is close enough."""
    matches = closest_claims(sentence, limit=1, version=version)
    return matches[0] if matches else None
