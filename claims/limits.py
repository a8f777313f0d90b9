"""How long editor text may be: one place for the models (and so the admin forms), the importer
and the Markdown preview.

Each limit is several times the longest value in the seed content (in brackets) and is
enforced by `full_clean()` through a MaxLengthValidator. The Markdown limit is also what keeps
the slowest Markdown to render cheap (see bench/markdown_worst.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible

# Topic intro and what to do, claim summaries and what to do, dose explanations (686).
MARKDOWN_MAX_CHARS = 5_000
# Plain prose: evidence findings, grade and scheme meanings, explanations, descriptions (313).
PROSE_MAX_CHARS = 2_000
# Short notes: citations, verification and citation notes, reasons for a verdict change (205).
NOTE_MAX_CHARS = 1_000
# The claim as people meet it (126). It is also searched, as are the aliases.
CLAIM_TEXT_MAX_CHARS = 500
# Lay phrasings people search for, one a line (130): every search reads them.
ALIASES_MAX_CHARS = 2_000


def text_limit(chars: int) -> dict:
    """TextField arguments for a limit: max_length gives the admin's field its check and the
    textarea its maxlength; the validator makes full_clean() check it (max_length alone does
    not, on a TextField)."""
    return {"max_length": chars, "validators": [MaxLengthValidator(chars)]}

# The shape of Markdown, besides its length. Rendering costs time in step with the number of
# elements the text makes (bleach's work per element), so a text packed with lines or markup
# (a 1,250-row table, 2,500 emphasis marks) took 150 ms at 5,000 characters. Bounding lines
# and markup characters keeps the slowest allowed text under 50 ms (bench/markdown_worst.py).
# The seed's longest Markdown has 9 non-blank lines and no markup character at all.
MARKDOWN_MAX_LINES = 80
MARKDOWN_MAX_MARKUP = 400
MARKUP_CHARACTERS = frozenset("*_`[]<>&|#")


def markdown_shape_problem(text: str) -> str:
    """Why this Markdown is refused, in words an editor can act on; empty when it is fine."""
    if len(text) > MARKDOWN_MAX_CHARS:
        return (f"This text is {len(text):,} characters long; the limit is "
                f"{MARKDOWN_MAX_CHARS:,}. Shorten it.")
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MARKDOWN_MAX_LINES:
        return (f"This text has {lines:,} lines; the limit is {MARKDOWN_MAX_LINES}. Join or "
                "shorten lines.")
    markup = sum(1 for character in text if character in MARKUP_CHARACTERS)
    if markup > MARKDOWN_MAX_MARKUP:
        return (f"This text has {markup:,} formatting characters (* _ ` [ ] < > & | #); the "
                f"limit is {MARKDOWN_MAX_MARKUP}. Use less formatting.")
    return ""


@deconstructible
class MarkdownShapeValidator:
    """full_clean() refuses Markdown over the length, line or markup limit."""

    def __call__(self, value):
        if problem := markdown_shape_problem(value or ""):
            raise ValidationError(problem, code="markdown_shape")

    def __eq__(self, other):
        return isinstance(other, MarkdownShapeValidator)


def markdown_limit() -> dict:
    """TextField arguments for a Markdown field: the length limit and the shape limit."""
    return {
        "max_length": MARKDOWN_MAX_CHARS,
        "validators": [MaxLengthValidator(MARKDOWN_MAX_CHARS), MarkdownShapeValidator()],
    }
