"""The published claims closest to readers' suggestions, for the suggestion inbox: an editor
sees at once whether a suggested claim is already checked, or something like it."""

from dataclasses import dataclass

from claims.models import Claim
from claims.search import matching
from pagecache.pages import current_version

LIMIT = 3
LEVEL_WORDS = {matching.CHECKED: "same claim", matching.SIMILAR: "similar"}


@dataclass(frozen=True)
class NearDuplicate:
    claim: Claim
    level: str  # matching.CHECKED or matching.SIMILAR

    @property
    def level_words(self) -> str:
        return LEVEL_WORDS.get(self.level, self.level)


def near_duplicates(suggestions, *, limit: int = LIMIT) -> dict[int, list[NearDuplicate]]:
    """Up to `limit` closest public claims for each suggestion, by suggestion id, best first.

    Queries: the content version (once), what the matching engine reads for each distinct
    suggestion text (claims.search.matching), and one for every claim found, with the fields
    the inbox shows, whichever engine found them.
    """
    suggestions = list(suggestions)
    if not suggestions:
        return {}
    version = current_version()
    found: dict[str, list[matching.ClaimMatch]] = {}
    for suggestion in suggestions:
        text = suggestion.claim_text
        if text not in found:
            found[text] = matching.closest_claims(text, limit, version=version)
    ids = {match.claim.pk for matches in found.values() for match in matches}
    claims = Claim.objects.only("pk", "short_wording").in_bulk(ids) if ids else {}
    return {
        suggestion.pk: [
            NearDuplicate(claims[match.claim.pk], match.level)
            for match in found[suggestion.claim_text] if match.claim.pk in claims
        ]
        for suggestion in suggestions
    }
