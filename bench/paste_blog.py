"""Times pasting the whole seed blog into "Check a text": the page's code path, end to end.

    OMP_NUM_THREADS=1 .venv/bin/python bench/paste_blog.py [--runs 20] [--text PATH]

On PostgreSQL (a throwaway server from bench/lib.sh; the script migrates and loads the seed):

    bash -c 'source bench/lib.sh && bench_init paste && bench_pg_start && \\
        OMP_NUM_THREADS=1 "$PY" bench/paste_blog.py'

The text is the supplement seller's blog of ../shared/seeds/ (about 8,600 characters: the
issue's "whole seed blog"), or --text. Unless DATABASE_URL is set, the database is an in-memory
SQLite one; either way the script migrates it and runs load_seed_content (which computes the
claim vectors), on the test settings (config.settings_test: no Redis, so the content version is
read from the database on every request, as the page's query count in the tests assumes).

One cold run first (it loads the model and builds this process's indexes; reported), then
--runs timed runs of each of:

- the view: POST /check/ through Django's test client (form, split, match, render);
- the service alone: claims.text_check.claims_in_text (split, match, read the claims);
- for comparison, the old way: claims.search.matching.match_sentence once per distinct
  sentence (each call reading the candidates again), then the matched claims.

For each: p50, p90 and the slowest, the time per sentence at p50, and the queries of one run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_6ba63f71083e4278.txt"


def timed(function, runs: int) -> tuple[list[float], int]:
    """The seconds of each run, and the queries of the last one."""
    seconds = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            function()
            seconds.append(time.perf_counter() - started)
    return seconds, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--text", default=str(SEED), help="the text to paste (a file)")
    args = parser.parse_args()

    text = Path(args.text).read_text(encoding="utf-8")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    load_seconds = time.perf_counter() - started

    from claims.forms import CHECK_TEXT_MAX_CHARS
    from claims.models import Claim
    from claims.search import matching
    from claims.sentences import split_sentences
    from claims.text_check import _has_words, _key, claims_in_text
    from pagecache.pages import current_version

    client = Client()

    def view():
        response = client.post("/check/", {"text": text})
        assert response.status_code == 200, response.status_code

    def service():
        return claims_in_text(text)

    def one_at_a_time():
        version = current_version()
        seen = {}
        for sentence in split_sentences(text)[:200]:
            if _key(sentence) not in seen and _has_words(sentence):
                seen[_key(sentence)] = matching.match_sentence(sentence, version=version)
        ids = {match.claim.pk for match in seen.values() if match}
        return Claim.objects.public().select_related("verdict").in_bulk(ids)

    assert len(text) <= CHECK_TEXT_MAX_CHARS, len(text)
    started = time.perf_counter()
    result = service()  # cold: loads the model, builds the vector index
    cold = time.perf_counter() - started
    sentences = split_sentences(text)
    distinct = len({_key(s) for s in sentences if _has_words(s)})
    lines = [
        f"Text: {args.text} ({len(text):,} characters, {len(sentences)} sentences, "
        f"{distinct} distinct with words; {result.checked_count} marked 'we checked this', "
        f"{result.similar_count} 'something similar'). Database: {connection.vendor} "
        f"({Claim.objects.public().count()} public claims; load_seed_content "
        f"{load_seconds:.1f} s). OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}; "
        f"{args.runs} runs each. First (cold) run of the service: {1000 * cold:.0f} ms.",
        "",
        "| path | p50 ms | p90 ms | slowest ms | ms per sentence at p50 | queries a run |",
        "|---|---|---|---|---|---|",
    ]
    for label, function in (("the view: POST /check/ (test client)", view),
                            ("the service: claims_in_text", service),
                            ("the old way: match_sentence per sentence", one_at_a_time)):
        function()  # warm
        seconds, queries = timed(function, args.runs)
        p50 = statistics.median(seconds)
        p90 = statistics.quantiles(seconds, n=10)[-1] if len(seconds) > 1 else seconds[0]
        lines.append(f"| {label} | {1000 * p50:.0f} | {1000 * p90:.0f} | "
                     f"{1000 * max(seconds):.0f} | {1000 * p50 / distinct:.2f} | {queries} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
