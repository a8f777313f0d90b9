"""Plain-text helpers shared by search and readability checks."""

import re
import unicodedata

# "b-12", "b 12", "d-3": a lone letter joined to its number by a hyphen or space.
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<![a-z0-9])([a-z])[-‐‑–\s](?=\d)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def search_normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, and join "b-12" / "b 12" into "b12"."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _LETTER_DIGIT_HYPHEN.sub(r"\1", text)
    return _NON_WORD.sub(" ", text).strip()
