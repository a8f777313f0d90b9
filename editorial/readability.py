"""Reading grade of patient text, measured on the words patients will actually read."""

import bleach
import textstat

from claims.rich_text import render_markdown

GRADE_LIMIT = 8


def reading_grade(markdown_text: str) -> float | None:
    """Flesch-Kincaid grade of the rendered text, or None when there is nothing to measure."""
    plain = bleach.clean(render_markdown(markdown_text), tags=set(), strip=True).strip()
    if len(plain.split()) < 3:
        return None
    return round(max(textstat.flesch_kincaid_grade(plain), 0.0), 1)


def grade_is_too_high(grade: float | None) -> bool:
    return grade is not None and grade > GRADE_LIMIT
