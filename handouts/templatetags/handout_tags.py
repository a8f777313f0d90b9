"""Template filters for handouts."""

import re

from django import template

register = template.Library()
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@register.filter
def first_sentence(text: str) -> str:
    """The first sentence: the topic handout gives each claim a one-line reason."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""
