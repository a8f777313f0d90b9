"""Extra lay wordings for search, by claim slug: how people type a claim, typos included.

Merged after each claim's own aliases when the seed is loaded.
"""

LAY_ALIASES: dict[str, list[str]] = {}
