"""Template filters for handouts."""

import re

from django import template

register = template.Library()
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@register.filter
def first_sentence(text: str) -> str:
    """The first sentence: the topic handout gives each claim a one-line reason."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""


@register.filter
def only_for(population: str) -> str:
    """For whom a verdict holds, as the claim page says it: "This verdict applies only in
    people with ..."."""
    population = (population or "").strip().rstrip(".")
    return f"This verdict applies only {population}." if population else ""
