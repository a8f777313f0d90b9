"""Seed content for the explorer (filled in by the assessments issue)."""


def load() -> list[str]:
    return ["assessments: nothing to load yet"]
