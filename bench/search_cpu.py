"""The CPU cost of a search nobody made before, in one process: the search function alone and
the whole view, per query, at N generated claims (default 10,000), and where the time goes.

    .venv/bin/python bench/search_cpu.py [--claims 10000] [--queries 300] [--database
        postgresql|sqlite] [--profile 100] [--vectors model|random|none] [--warm 10]
        [--orders FILE]

It starts a throwaway PostgreSQL (bench/lib.sh: bench_pg_start; needs root) or SQLite file,
migrates it, loads the seed content, adds N claims with bench/generate_claims.py's generator
(summaries' HTML not rendered: no search reads it) and their stored vectors (--vectors: by
the model, the default, as load.sh has them; see bench/generate_claims.py), then, in a fresh
process with the production settings (bench.settings, DEBUG off, the in-process page cache):

- warms up (the indexes of the content version, the model, the templates) on --warm new
  queries (10: a few; 3000: the steady state, where the claims the scorer and the results
  read are kept from earlier searches);
- times, per query, for a stream of never-repeated queries drawn as bench/wrk_search_mix.lua
  draws them (a theme, an outcome, a common word and a word of who or where; each query
  used once):
  1. search_claims(query) alone (index, candidates read, scored, blended with meaning);
  2. the whole view: the Django test client's GET /search/?q=<query> (middleware, the page
     cache's miss and store, search, rendering 20 results);
  and reports p50, p90, p99 and the mean of each, in wall time and in this process's CPU
  time (the latter holds still when other work shares the cores);
- profiles --profile more new queries through the view under cProfile and prints the top
  functions by cumulative and by own time.

--orders FILE writes, for every query of the first stream, the slugs of its results in order
(JSON), to compare two versions of the search code on the same generated claims:
`python -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); print(sum(a[q]!=b[q]
for q in a), "of", len(a), "differ")' before.json after.json`.

The two timed streams use different queries, so no search is answered from a cache of a
previous one. The report is printed and saved under bench/out/.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

WRAPPER = r"""
set -euo pipefail
source "$BENCH_DIR/lib.sh"
bench_init search-cpu
if [ "$SEARCH_CPU_DATABASE" = postgresql ]; then
  bench_pg_start
else
  export DATABASE_URL="sqlite:///$BENCH_WORK/db.sqlite3"
fi
export ALLOWED_HOSTS=127.0.0.1,localhost,testserver
export SEARCH_CPU_MACHINE="$(bench_machine_summary)"
bench_prepare_database
bench_collectstatic
"$PY" "$BENCH_DIR/search_cpu.py" --phase fill "$@"
if [ "$SEARCH_CPU_DATABASE" = postgresql ]; then
  _as_postgres psql -q -h "$PG_DIR/sock" -p "$PG_PORT" -d claimcheck -c 'VACUUM ANALYZE' >/dev/null
fi
"$PY" "$BENCH_DIR/search_cpu.py" --phase measure "$@"
"""


def run_outer(args: argparse.Namespace, argv: list[str]) -> int:
    out_dir = BENCH_DIR / "out"
    out_dir.mkdir(exist_ok=True)
    report = out_dir / f"search-cpu-{datetime.now():%Y%m%d-%H%M%S}.md"
    env = {
        **os.environ,
        "BENCH_DIR": str(BENCH_DIR),
        "SEARCH_CPU_DATABASE": args.database,
        "SEARCH_CPU_REPORT": str(report),
        "SEARCH_CPU_COMMAND": " ".join(["bench/search_cpu.py", *argv]),
    }
    return subprocess.call(["bash", "-c", WRAPPER, "search_cpu", *argv], env=env)


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def fill(args: argparse.Namespace) -> None:
    django_setup()
    import claims.rich_text

    claims.rich_text.render_markdown = lambda text: "<p>(not rendered)</p>"
    from bench.generate_claims import generate, store_vectors

    generate(args.claims, 100, 1, max(1, args.processes))
    print("  " + store_vectors(args.vectors), file=sys.stderr)


def mix_queries(count: int, seed: int) -> list[str]:
    """count distinct queries drawn as bench/wrk_search_mix.lua draws them, seeded."""
    import random
    import re

    lua = (BENCH_DIR / "wrk_search_mix.lua").read_text()
    lists = {}
    for name in ("themes", "outcomes", "words", "people"):
        body = re.search(rf"local {name} = \{{(.*?)\}}", lua, re.S)
        lists[name] = re.findall(r'"([^"]+)"', body.group(1))
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen[" ".join(rng.choice(lists[name])
                      for name in ("themes", "outcomes", "words", "people"))] = None
    return list(seen)


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)

    def at(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    return (f"p50 {at(50):6.1f} ms  p90 {at(90):6.1f} ms  p99 {at(99):6.1f} ms  "
            f"mean {statistics.fmean(ordered) * 1000:6.1f} ms  (n={len(ordered)})")


class GarbageCollections:
    """How many collections of each generation ran, and how long the full ones took."""

    def __init__(self):
        self.counts = [0, 0, 0]
        self.full: list[float] = []
        self._started = 0.0

    def callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.counts[info["generation"]] += 1
        if info["generation"] == 2:
            self.full.append(time.perf_counter() - self._started)

    def summary(self) -> str:
        young, middle, full = self.counts
        text = f"{young} of generation 0, {middle} of 1, {full} full"
        if self.full:
            text += (f" (longest {max(self.full) * 1000:.0f} ms, "
                     f"{sum(self.full) * 1000:.0f} ms in all)")
        return text


def measure(args: argparse.Namespace) -> None:
    django_setup()
    import gc

    from django.db import connection
    from django.test import Client

    from claims.models import Claim
    from claims.search import search_claims
    from claims.search.embeddings import available

    public = Claim.objects.public().count()
    # Distinct queries for each stream, never repeated across streams.
    pool = mix_queries(args.warm + 2 * args.queries + args.profile, seed=args.seed)
    warm, pool = pool[:args.warm], pool[args.warm:]
    alone, pool = pool[:args.queries], pool[args.queries:]
    viewed, profiled = pool[:args.queries], pool[args.queries:]

    import config.wsgi  # noqa: F401  as gunicorn loads the application (it freezes the heap)

    client = Client()
    for query in warm:
        search_claims(query)
        assert client.get("/search/", {"q": query + " x"}).status_code == 200

    gc.collect()
    collections = GarbageCollections()
    gc.callbacks.append(collections.callback)
    times_alone, cpu_alone = [], []
    for query in alone:
        started, cpu = time.perf_counter(), time.process_time()
        search_claims(query)
        times_alone.append(time.perf_counter() - started)
        cpu_alone.append(time.process_time() - cpu)
    times_view, cpu_view = [], []
    for query in viewed:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get("/search/", {"q": query})
        times_view.append(time.perf_counter() - started)
        cpu_view.append(time.process_time() - cpu)
        assert response.status_code == 200, response.status_code

    gc.callbacks.remove(collections.callback)
    tracked = len(gc.get_objects())
    if args.orders:
        orders = {query: [claim.slug for claim in search_claims(query)] for query in alone}
        Path(args.orders).write_text(json.dumps(orders, indent=0, sort_keys=True) + "\n")

    profile = cProfile.Profile()
    profile.enable()
    for query in profiled:
        client.get("/search/", {"q": query})
    profile.disable()

    lines = [
        f"# search CPU, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Command: {os.environ.get('SEARCH_CPU_COMMAND', 'bench/search_cpu.py --phase measure')}",
        f"Machine: {os.environ.get('SEARCH_CPU_MACHINE', '?')}; load {os.getloadavg()}",
        f"Database: {connection.vendor}; {public:,} public claims; model available: "
        f"{available()}",
        "",
        "Wall time includes the database's work (another process) and waiting for the CPU on a",
        "shared machine; CPU time is this process's alone (time.process_time).",
        "",
        f"search_claims alone, wall: {percentiles(times_alone)}",
        f"search_claims alone, CPU:  {percentiles(cpu_alone)}",
        f"GET /search/?q=, wall:     {percentiles(times_view)}",
        f"GET /search/?q=, CPU:      {percentiles(cpu_view)}",
        "",
        f"Garbage collections during the two timed streams: {collections.summary()}; "
        f"{tracked:,} objects tracked by the collector after them.",
        "",
    ]
    for order in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats = pstats.Stats(profile, stream=stream)
        stats.sort_stats(order).print_stats(args.top)
        lines += [f"## cProfile of {len(profiled)} view requests, by {order}", "", "```",
                  stream.getvalue().strip(), "```", ""]
    text = "\n".join(lines)
    print(text)
    if report := os.environ.get("SEARCH_CPU_REPORT"):
        Path(report).write_text(text + "\n")
        print(f"\nReport saved to {Path(report).relative_to(ROOT)}.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--warm", type=int, default=10,
                        help="new queries searched before timing (more: the steady state)")
    parser.add_argument("--profile", type=int, default=100)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--vectors", choices=("model", "random", "none"), default="model")
    parser.add_argument("--orders", help="write each query's results in order (JSON) here")
    parser.add_argument("--phase", choices=("fill", "measure"))
    args = parser.parse_args()
    if args.phase == "fill":
        fill(args)
    elif args.phase == "measure":
        measure(args)
    else:
        return run_outer(args, sys.argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
