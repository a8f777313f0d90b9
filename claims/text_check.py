"""Reads for the "Check a text" page: a pasted text, sentence by sentence, beside the claims
we have checked. Nothing here writes or keeps the text."""

from dataclasses import dataclass

from claims.models import Claim
from claims.search import matching
from claims.sentences import reads_like_health_claim, split_sentences
from pagecache.pages import current_version

MAX_SENTENCES = 200


@dataclass(frozen=True)
class CheckedSentence:
    text: str
    claim: Claim | None = None  # the claim it matched, with its verdict
    level: str | None = None  # matching.CHECKED or matching.SIMILAR when it matched
    reads_like_claim: bool = False  # not "checked", and it reads like a health claim

    @property
    def checked(self) -> bool:
        return self.level == matching.CHECKED

    @property
    def similar(self) -> bool:
        return self.level == matching.SIMILAR

    @property
    def can_ask(self) -> bool:
        """Offer "Ask us to check this": it reads like a claim that we have not checked
        (no match, or only a similar claim that may not be the same)."""
        return self.reads_like_claim and not self.checked


@dataclass(frozen=True)
class TextCheck:
    sentences: list[CheckedSentence]
    left_out: int  # sentences past MAX_SENTENCES, not checked

    @property
    def matched(self) -> list[CheckedSentence]:
        return [sentence for sentence in self.sentences if sentence.claim is not None]

    @property
    def checked_count(self) -> int:
        return sum(1 for sentence in self.sentences if sentence.checked)

    @property
    def similar_count(self) -> int:
        return sum(1 for sentence in self.sentences if sentence.similar)

    @property
    def review_state(self) -> str:
        """One review state for the claims shown, as a topic page has for its list."""
        claims = {sentence.claim.pk: sentence.claim for sentence in self.matched}.values()
        awaiting = sum(1 for claim in claims if claim.needs_caution)
        if not awaiting:
            return "approved"
        return "under_review" if awaiting == len(claims) else "mixed"


def claims_in_text(text: str) -> TextCheck:
    """Each sentence of `text` (up to MAX_SENTENCES) with the checked claim it matches, if any.

    Queries: the content version (once, for every sentence), what the matching engine reads
    for all the distinct sentences together (claims.search.matching.match_sentences: the
    candidate claims once, whatever the number of sentences), and one for the matched claims
    with their verdicts, read again here so the page shows only public claims with the fields
    it needs, whichever engine found them.
    """
    sentences = split_sentences(text)
    kept = sentences[:MAX_SENTENCES]
    version = current_version()
    # Each distinct sentence once (a post may repeat itself), all in one call of the engine.
    distinct = list(dict.fromkeys(_key(sentence) for sentence in kept if _has_words(sentence)))
    first = {}
    for sentence in kept:
        first.setdefault(_key(sentence), sentence)
    found = matching.match_sentences([first[key] for key in distinct], version=version)
    matches: dict[str, matching.ClaimMatch | None] = dict(zip(distinct, found, strict=True))
    ids = {match.claim.pk for match in matches.values() if match is not None}
    claims = Claim.objects.public().select_related("verdict").in_bulk(ids) if ids else {}
    checked = []
    for sentence in kept:
        match = matches.get(_key(sentence))
        claim = claims.get(match.claim.pk) if match is not None else None
        checked.append(CheckedSentence(
            text=sentence,
            claim=claim,
            level=match.level if claim is not None else None,
            reads_like_claim=(claim is None or match.level != matching.CHECKED)
            and reads_like_health_claim(sentence),
        ))
    return TextCheck(sentences=checked, left_out=len(sentences) - len(kept))


def _key(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def _has_words(sentence: str) -> bool:
    return any(character.isalpha() for character in sentence)
