"""The labelled query sets' results, in order, written to a JSON file: to show that a change to
search leaves every result where it was.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... SECRET_KEY=x \
        .venv/bin/python bench/search_orders.py OUT.json

Run it against the same database with the code before and after a change (a second `git
worktree` for "before", with this file copied into it if it predates it: the script imports
the code beside it), then compare the two files:

    python3 bench/search_orders.py --compare before.json after.json

For every query of `tests/data/own_words_queries.json` (people's own words) and of
`tests/claims/test_search_lay_queries.py` (lay queries) it records search's 20 results and
the 3 closest claims with their levels; for every labelled sentence of the pasted texts, the
claim "Check a text" matches and its level. Use a database with many claims (the seed plus
`bench/generate_claims.py`'s) so the rankings have something to get wrong.
"""

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def record(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from claims.search import search_claims
    from claims.search.matching import closest_claims, match_sentences

    spec = importlib.util.spec_from_file_location(
        "lay_queries", ROOT / "tests/claims/test_search_lay_queries.py")
    lay = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lay)
    data = json.loads((ROOT / "tests/data/own_words_queries.json").read_text())
    queries = [item["query"] for item in data["queries"]] + [q for q, _ in lay.LAY_QUERIES]
    sentences = [each["sentence"] for text in data["texts"] for each in text["sentences"]]
    found = {
        "search": {q: [claim.slug for claim in search_claims(q)] for q in queries},
        "closest": {q: [[m.claim.slug, m.level] for m in closest_claims(q)] for q in queries},
        "sentences": [[m.claim.slug, m.level] if m else None
                      for m in match_sentences(sentences)],
    }
    out.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n")
    print(f"{len(queries)} queries and {len(sentences)} sentences written to {out}")


def compare(before: Path, after: Path) -> int:
    a, b = (json.loads(path.read_text()) for path in (before, after))
    differ = 0
    for kind in ("search", "closest"):
        changed = [q for q in a[kind] if a[kind][q] != b[kind].get(q)]
        differ += len(changed)
        print(f"{kind}: {len(changed)} of {len(a[kind])} queries differ")
        for query in changed[:5]:
            print(f"  {query!r}: {a[kind][query]} -> {b[kind].get(query)}")
    changed = [at for at, (x, y) in enumerate(zip(a["sentences"], b["sentences"], strict=True))
               if x != y]
    differ += len(changed)
    print(f"sentences: {len(changed)} of {len(a['sentences'])} differ")
    return 1 if differ else 0


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    if len(sys.argv) == 2:
        record(Path(sys.argv[1]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
