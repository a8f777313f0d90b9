"""The shipped content files (content/*.json) read as data, and loaded as load_seed_content
loads them."""

import json
from functools import cache

from opendata.content import CONTENT_DIR, EXPLORER_FILE, load_content
from opendata.importing import ImportReport

TOPIC_FILE = "vitamin-b12-and-ms"


@cache
def _text(name: str) -> str:
    return (CONTENT_DIR / f"{name}.json").read_text(encoding="utf-8")


def content_records(name: str) -> dict[str, list[dict]]:
    """The records of content/<name>.json by kind (a fresh copy each call)."""
    return json.loads(_text(name))["records"]


def explorer_records() -> dict[str, list[dict]]:
    return content_records(EXPLORER_FILE)


def load_explorer() -> ImportReport:
    """Only the explorer's file, in create-only mode (faster than load_seed_content)."""
    [(_, report)] = load_content([CONTENT_DIR / f"{EXPLORER_FILE}.json"])
    return report
