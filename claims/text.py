"""Plain-text helpers shared by search and readability checks."""

import re
import unicodedata

# "b-12", "b 12", "d-3": a lone letter joined to its number by a hyphen or space.
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<![a-z0-9])([a-z])[-‐‑–\s](?=\d)")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Tiers of the stored search vector, as PostgreSQL weight letters: a claim's own wording, then
# its aliases. claims.search ranks them in that order, and the summary below both.
WORDING_TIER, ALIASES_TIER = "A", "B"


def search_normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, and join "b-12" / "b 12" into "b12"."""
    text = text or ""
    if not text.isascii():  # most text is: skip the slow per-character pass
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    text = _LETTER_DIGIT_HYPHEN.sub(r"\1", text)
    return _NON_WORD.sub(" ", text).strip()


def claim_search_fields(
    *, text: str, short_wording: str, aliases: str, patient_summary_md: str, verdict_reason: str
) -> dict[str, str]:
    """The derived search columns of a claim, from its editable fields.

    - search_document: every searched word, normalised;
    - search_words: its distinct words as a PostgreSQL tsvector, which a GIN index finds
      matches in;
    - search_terms: the claim's own wording and aliases only: short, the source of the
      vocabulary that misspelt query words are corrected against;
    - search_vector: those words as a tsvector weighted by tier; small enough to stay in the
      table row, so ranking many matches reads no TOAST.

    The vectors are built here, in their text form, rather than by to_tsvector, so their
    lexemes are exactly the normalised words that queries are made of.
    """
    wording = search_normalise(f"{text} {short_wording}")
    alias_words = search_normalise(aliases)
    document = search_normalise(
        " ".join([text, short_wording, aliases, patient_summary_md, verdict_reason])
    )
    return {
        "search_document": document,
        "search_words": " ".join(f"'{word}'" for word in sorted(set(document.split()))),
        "search_terms": f"{wording} {alias_words}".strip(),
        "search_vector": _tsvector_text([(wording, WORDING_TIER), (alias_words, ALIASES_TIER)]),
    }


def _tsvector_text(tiers: list[tuple[str, str]]) -> str:
    """A tsvector's text form, "'b12':1A,9B 'dose':4A ...": one position per word and tier,
    because ranking needs the tier (the weight), not how often a word repeats."""
    positions: dict[str, list[str]] = {}
    position = 0
    for words, tier in tiers:
        for word in dict.fromkeys(words.split()):
            position += 1
            positions.setdefault(word, []).append(f"{position}{tier}")
    return " ".join(f"'{word}':{','.join(at)}" for word, at in sorted(positions.items()))
