"""Seed content for the claims app (filled in by the claims issue)."""


def load() -> list[str]:
    return ["claims: nothing to load yet"]
