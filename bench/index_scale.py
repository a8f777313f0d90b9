"""The search indexes at scale: how long a worker takes to build them, and how much memory they
take, at N claims (default 100,000) in a throwaway database.

    .venv/bin/python bench/index_scale.py [--claims 100000] [--database postgresql|sqlite]
        [--repeat 3] [--queries 50] [--no-vectors] [--compute-vectors] [--render-markdown]
        [--processes N]

It starts a throwaway PostgreSQL (bench/lib.sh: bench_pg_start; needs root, like the other
bench scripts) or SQLite file, migrates it, loads the seed content and adds N claims with
bench/generate_claims.py's generator (approved, 100 a topic). Their summaries' HTML is not
rendered unless --render-markdown (no index reads it, and rendering is most of the time it
takes to fill: at 100,000 claims about 15 minutes on 2 cores instead of 2-3). Then, in a fresh
process, as a gunicorn worker does after a content change:

- the lexical index (claims.search.index.SearchIndex, through SearchIndexCache.get, as
  postgres_candidates calls it): the time to build it, first in the fresh process and then
  --repeat times, split into reading the stored search vectors and building from them; the
  memory it takes (tracemalloc: the peak while building and what the index keeps; RSS: what
  the process grew by and its peak above where it started, read from /proc/self/status after
  resetting VmHWM);
- the sound-key table the index builds at the first query word that no claim uses and none
  looks like (Vocabulary._sounds_like);
- the cost of a new query at that size: the index alone (query_words and candidates) and
  search_claims (index, the candidates read from the database, the scorer), median over
  --queries queries drawn as bench/wrk_search_mix.lua draws them;
- on SQLite, which keeps no index: one search's candidates (sqlite_candidates reads every
  public claim and builds the vocabulary for each query);
- what the scorer keeps per content version (claims.search.scoring): the vocabulary of every
  public claim's searched words, built at a version's first search, and the claims it reads
  at their most (CLAIM_TERMS_ENTRIES ClaimTerms), with their build time and memory;
- the vector index for matching by meaning (claims.search.vectors.VectorIndexCache), if the
  code has it (--no-vectors skips it): its build time and memory, and what a search asks of
  it (the closest claims above the floor for meaning alone), for --queries queries of the
  load mix encoded by the model. Every public claim gets stored vectors first: random unit
  rows of the model's shape, which cost the index's build the same as real ones, or with
  --compute-vectors the model's (as publishing does; about 20 s more at 100,000). Use
  --compute-vectors for the search step: random vectors are near no query, so a search
  would read almost no claim's vectors exactly.

The report is printed and saved under bench/out/. Internal phases: --phase fill, --phase
measure (run by the script itself inside the throwaway database's environment).
"""

import argparse
import gc
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
MB = 1024 * 1024
QUERY_SEED = 18
TYPO_NOBODY_USES = "injekshuns"  # no claim word looks like it: the sound-key table is built


# --- outer: the throwaway database ----------------------------------------------------------

WRAPPER = r"""
set -euo pipefail
source "$BENCH_DIR/lib.sh"
bench_init index
if [ "$INDEX_DATABASE" = postgresql ]; then
  bench_pg_start
  DB_LINE="PostgreSQL $(_as_postgres postgres --version | awk '{print $3}') (fsync off)"
else
  export DATABASE_URL="sqlite:///$BENCH_WORK/db.sqlite3"
  DB_LINE="SQLite $("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)') (a file in /tmp)"
fi
export INDEX_DB_LINE="$DB_LINE"
export INDEX_MACHINE="$(bench_machine_summary)"
bench_prepare_database
"$PY" "$BENCH_DIR/index_scale.py" --phase fill "$@"
if [ "$INDEX_DATABASE" = postgresql ]; then
  _as_postgres psql -q -h "$PG_DIR/sock" -p "$PG_PORT" -d claimcheck -c 'VACUUM ANALYZE' >/dev/null
fi
"$PY" "$BENCH_DIR/index_scale.py" --phase measure "$@"
"""


def run_outer(args: argparse.Namespace, argv: list[str]) -> int:
    out_dir = BENCH_DIR / "out"
    out_dir.mkdir(exist_ok=True)
    report = out_dir / f"index-scale-{datetime.now():%Y%m%d-%H%M%S}.md"
    env = {
        **os.environ,
        "BENCH_DIR": str(BENCH_DIR),
        "INDEX_DATABASE": args.database,
        "INDEX_REPORT": str(report),
        "INDEX_COMMAND": " ".join(["bench/index_scale.py", *argv]),
    }
    started = time.monotonic()
    status = subprocess.call(["bash", "-c", WRAPPER, "index_scale", *argv], env=env)
    if status == 0:
        with report.open("a") as handle:
            handle.write(f"\nWhole run: {time.monotonic() - started:.0f} s. Report saved to "
                         f"{report.relative_to(ROOT)}.\n")
        print(f"\nWhole run: {time.monotonic() - started:.0f} s. Report saved to "
              f"{report.relative_to(ROOT)}.")
    return status


# --- phase fill ---------------------------------------------------------------------------


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def fill(args: argparse.Namespace) -> None:
    django_setup()
    if not args.render_markdown:
        # No index reads the HTML; generate_claims imports render_markdown when it runs, so
        # its forked workers get this stand-in.
        import claims.rich_text

        claims.rich_text.render_markdown = lambda text: "<p>(not rendered)</p>"
    from bench.generate_claims import generate

    started = time.monotonic()
    generate(args.claims, 100, 1, max(1, args.processes))
    notes = {"claims": f"{time.monotonic() - started:.0f} s"}
    if not args.no_vectors and vector_index_module() is not None:
        from bench.generate_claims import store_vectors

        notes["vectors"] = store_vectors("model" if args.compute_vectors else "random")
    Path(os.environ["INDEX_REPORT"] + ".fill").write_text(json.dumps(notes))


# --- phase measure ------------------------------------------------------------------------


def proc_status() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in bytes."""
    values = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0]) * 1024
    return values


def reset_peak_rss() -> bool:
    """Resets VmHWM to the current RSS (Linux 4.0 and later); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def traced(function, *args, **kwargs):
    """(result, peak bytes while it ran, bytes it left allocated) under tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = function(*args, **kwargs)
        peak = tracemalloc.get_traced_memory()[1] - before
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return result, peak, kept


def mix_queries(count: int) -> list[str]:
    """count queries drawn as bench/wrk_search_mix.lua draws them (its word lists), seeded."""
    lua = (BENCH_DIR / "wrk_search_mix.lua").read_text()
    lists = {}
    for name in ("themes", "outcomes", "words"):
        body = re.search(rf"local {name} = \{{(.*?)\}}", lua, re.S)
        if body is None:
            raise SystemExit(f"no list {name} in bench/wrk_search_mix.lua")
        lists[name] = re.findall(r'"([^"]+)"', body.group(1))
    rng = random.Random(QUERY_SEED)
    return [
        " ".join(rng.choice(lists[name]) for name in ("themes", "outcomes", "words"))
        for _ in range(count)
    ]


def seconds_cell(values: list[float]) -> str:
    if len(values) == 1:
        return fmt_seconds(values[0])
    return (f"{fmt_seconds(statistics.median(values))} "
            f"({fmt_seconds(min(values))}–{fmt_seconds(max(values))})")


def fmt_seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms" if value >= 0.01 else f"{value * 1000:.2f} ms"


def fmt_mb(value: float) -> str:
    if abs(value) < MB:
        return f"{value / 1024:.0f} KB"
    return f"{value / MB:.1f} MB"


def measure_lexical(args, rows: list) -> str:
    from django.db import connection

    from claims.models import Claim
    from claims.search import search_claims
    from claims.search.index import SearchIndex, SearchIndexCache
    from claims.search.postgres import CANDIDATE_LIMIT
    from claims.search.words import query_terms

    def vectors():
        return list(Claim.objects.public().values_list("id", "search_vector"))

    def worker_build():
        # What postgres_candidates does after a content change: a new key, one build.
        return SearchIndexCache().get(SimpleNamespace(number=1, changed_at=time.time()))

    # 1. The first build in a fresh process, as a worker after start or a content change.
    gc.collect()
    rss_before = proc_status()["VmRSS"]
    peak_reset = reset_peak_rss()
    index, first = timed(worker_build)
    gc.collect()
    status = proc_status()
    rows.append((
        "lexical index, first build in a fresh process (SearchIndexCache.get: read the "
        "vectors, build)",
        fmt_seconds(first),
        f"RSS +{fmt_mb(status['VmRSS'] - rss_before)} kept"
        + (f", peak +{fmt_mb(status['VmHWM'] - rss_before)}" if peak_reset else "")
        + " (the process started at " + fmt_mb(rss_before) + ")",
    ))
    postings = sum(map(len, index.in_wording.values())) + sum(map(len, index.in_aliases.values()))
    shape = (f"{index.claims:,} claims, {len(index.words):,} words, {postings:,} postings "
             f"(claim ids under a word)")

    # 2. Again, split into reading and building, --repeat times.
    read_times, build_times, total_times = [], [], []
    for _ in range(args.repeat):
        del index
        gc.collect()
        data, read = timed(vectors)
        index, build = timed(SearchIndex, data)
        del data
        read_times.append(read)
        build_times.append(build)
        del index
        gc.collect()
        index, total = timed(worker_build)
        total_times.append(total)
    rows.append((f"lexical index, built again: whole (median and range of {args.repeat})"
                 if args.repeat > 1 else "lexical index, built again: whole",
                 seconds_cell(total_times), ""))
    rows.append(("↳ reading (id, search_vector) of every public claim", seconds_cell(read_times),
                 ""))
    rows.append(("↳ building SearchIndex from them", seconds_cell(build_times), ""))

    # 3. Memory by tracemalloc: the peak while building (with the rows read) and what stays.
    del index
    index, peak, kept = traced(worker_build)
    rows.append((
        "lexical index, memory (tracemalloc, Python objects only)",
        "",
        f"{fmt_mb(kept)} kept; peak {fmt_mb(peak)} while building. A rebuild after a content "
        f"change holds the old index until the new one is built: about {fmt_mb(kept + peak)}",
    ))

    # 4. The sound-key table, built lazily at the first query word nobody uses.
    terms = query_terms(TYPO_NOBODY_USES)
    _, sound_time = timed(index.query_words, terms)
    fresh = worker_build()
    _, _, sound_kept = traced(fresh.query_words, terms)
    del fresh
    rows.append((f"sound-key table, built at the first word like \"{TYPO_NOBODY_USES}\"",
                 fmt_seconds(sound_time), f"{fmt_mb(sound_kept)} kept"))

    # 5. A new query at this size.
    queries = mix_queries(args.queries)
    on_index = []
    for query in queries:
        def rank_on_index(query=query):
            words = index.query_words(query_terms(query))
            return index.candidates(words, CANDIDATE_LIMIT) if words else {}
        on_index.append(timed(rank_on_index)[1])
    rows.append((f"a new query on the index alone (query_words, candidates): median "
                 f"(range) of {len(queries)}", seconds_cell(on_index), ""))
    if connection.vendor == "postgresql":  # SQLite searches without the index
        version = SimpleNamespace(number=1, changed_at="index_scale")
        search_claims(queries[0], version=version)  # builds the module's own cached index
        searched = [timed(search_claims, query, version=version)[1] for query in queries]
        rows.append((f"search_claims for a new query (index, {CANDIDATE_LIMIT} candidates "
                     f"read, scored; no template): median (range) of {len(queries)}",
                     seconds_cell(searched), ""))
    return shape


def measure_sqlite_search(args, rows: list) -> None:
    """On SQLite every search reads every public claim and builds the vocabulary."""
    from claims.search.sqlite import sqlite_candidates
    from claims.search.words import query_terms

    queries = mix_queries(min(args.queries, 5))
    times = [timed(sqlite_candidates, query_terms(query))[1] for query in queries]
    _, peak, _ = traced(sqlite_candidates, query_terms(queries[0]))
    rows.append((f"SQLite: one search's candidates (every public claim read, vocabulary "
                 f"built): median (range) of {len(queries)}", seconds_cell(times),
                 f"peak {fmt_mb(peak)} (tracemalloc)"))


def vector_index_module():
    """claims.search.vectors if it has the vector index (VectorIndexCache), else None."""
    try:
        from claims.search import vectors
    except ImportError:
        return None
    return vectors if hasattr(vectors, "VectorIndexCache") else None


def measure_vectors(args, rows: list) -> str:
    vectors = vector_index_module()
    if vectors is None:
        return "vector index: not measured (claims.search.vectors has no VectorIndexCache)"
    from claims.search.ranking import MEANING_ONLY_FLOOR

    def build():
        return vectors.VectorIndexCache().get(SimpleNamespace(number=1, changed_at=time.time()))

    gc.collect()
    rss_before = proc_status()["VmRSS"]
    peak_reset = reset_peak_rss()
    index, first = timed(build)
    gc.collect()
    status = proc_status()
    shape = (f"{len(index):,} claims with vectors, {index.means.shape[1]} dimensions, "
             f"arrays of {fmt_mb(index.nbytes)} (VectorIndex.nbytes)")
    rows.append((
        "vector index, first build (VectorIndexCache.get: read ClaimVector rows, build arrays)",
        fmt_seconds(first),
        f"RSS +{fmt_mb(status['VmRSS'] - rss_before)} kept"
        + (f", peak +{fmt_mb(status['VmHWM'] - rss_before)}" if peak_reset else ""),
    ))
    times = []
    for _ in range(args.repeat):
        del index
        gc.collect()
        index, seconds = timed(build)
        times.append(seconds)
    rows.append((f"vector index, built again (median and range of {args.repeat})"
                 if args.repeat > 1 else "vector index, built again",
                 seconds_cell(times), ""))
    del index
    index, peak, kept = traced(build)
    rows.append(("vector index, memory (tracemalloc, numpy arrays included)", "",
                 f"{fmt_mb(kept)} kept; peak {fmt_mb(peak)} while building"))
    if len(index):
        queries, encoded_by = query_vectors(args, index.means.shape[1])

        def closest(query):
            # What a search asks of the index (claims.search.ranking): the claims close
            # enough to be shown by meaning alone, best first.
            return index.similarities(query).closest(20, at_least=MEANING_ONLY_FLOOR)

        times = [timed(closest, query)[1] for query in queries]
        rows.append((f"the closest claims by meaning to a query, as a search asks (Similarities."
                     f"closest(20) above the floor; {encoded_by}, encoding not included): "
                     f"median (range) of {len(queries)}", seconds_cell(times), ""))
        every = [timed(lambda query: index.means @ query, query)[1] for query in queries]
        rows.append((f"↳ of which: the cosine with every claim's mean vector (the one step over "
                     f"every claim): median (range) of {len(queries)}", seconds_cell(every), ""))
    return f"vector index: {shape}"


def query_vectors(args, dimensions: int):
    """The vectors of --queries queries of the load mix, by the model when it loads (else
    random unit vectors, which are near no claim: then few claims are read exactly)."""
    import numpy as np

    from claims.search import embeddings

    try:
        return embeddings.encode_queries(mix_queries(args.queries)), "queries of the load mix"
    except embeddings.EmbeddingUnavailable:
        rng = np.random.default_rng(QUERY_SEED)
        queries = rng.standard_normal((args.queries, dimensions)).astype(np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        return queries, "random query vectors (the model did not load)"


def measure_scoring(args, rows: list) -> None:
    """What the scorer keeps per content version: the vocabulary of every public claim's
    searched words (built at a version's first search), and the claims it has read
    (ClaimTerms, up to CLAIM_TERMS_ENTRIES)."""
    from claims.models import Claim
    from claims.search.ranking import CLAIM_TERMS_ENTRIES
    from claims.search.scoring import (
        TERM_FIELDS,
        ClaimTerms,
        ScoringVocabularyCache,
    )

    def build():
        return ScoringVocabularyCache().get(SimpleNamespace(number=1, changed_at=time.time()))

    vocabulary, first = timed(build)
    times = [first]
    for _ in range(args.repeat):
        del vocabulary
        gc.collect()
        vocabulary, seconds = timed(build)
        times.append(seconds)
    del vocabulary
    vocabulary, peak, kept = traced(build)
    rows.append((f"scoring vocabulary, built at a version's first search (every public claim's "
                 f"searched words, one query; {len(vocabulary):,} words): median (range) of "
                 f"{len(times)}", seconds_cell(times),
                 f"{fmt_mb(kept)} kept; peak {fmt_mb(peak)} while building"))
    ids = list(Claim.objects.public().order_by("id").values_list("id", flat=True)
               [:CLAIM_TERMS_ENTRIES])

    def read_terms():
        found = Claim.objects.public().filter(id__in=ids).values_list(*TERM_FIELDS)
        return [ClaimTerms.from_row(row, vocabulary) for row in found]

    terms, seconds = timed(read_terms)
    del terms
    gc.collect()
    terms, peak, kept = traced(read_terms)
    rows.append((f"the claims the scorer keeps, at their most ({len(terms):,} ClaimTerms, "
                 f"CLAIM_TERMS_ENTRIES): read and built in one go", fmt_seconds(seconds),
                 f"{fmt_mb(kept)} kept ({kept / max(1, len(terms)) / 1024:.1f} KB a claim); "
                 f"peak {fmt_mb(peak)}"))


def measure(args: argparse.Namespace) -> None:
    django_setup()
    from django.db import connection

    from claims.models import Claim

    public = Claim.objects.public().count()  # imports done, connection open: the baseline
    rows: list[tuple[str, str, str]] = []
    shape = measure_lexical(args, rows)
    if connection.vendor == "sqlite":
        shape += " (SQLite's search does not use it: measured for comparison)"
        measure_sqlite_search(args, rows)
    measure_scoring(args, rows)
    vectors_note = "vector index: skipped (--no-vectors)"
    if not args.no_vectors:
        vectors_note = measure_vectors(args, rows)

    fill_file = Path(os.environ["INDEX_REPORT"] + ".fill")
    filled = json.loads(fill_file.read_text()) if fill_file.exists() else {}
    fill_file.unlink(missing_ok=True)
    lines = [
        f"# bench/index_scale.py {datetime.now(UTC):%Y-%m-%d %H:%M UTC}",
        "",
        f"- command: `{os.environ.get('INDEX_COMMAND', 'bench/index_scale.py')}`",
        f"- code: {git('rev-parse', '--short', 'HEAD')} "
        f"({len(git('status', '--porcelain').splitlines())} files changed in the work tree)",
        f"- machine at start: {os.environ.get('INDEX_MACHINE', '?')}",
        f"- database: {os.environ.get('INDEX_DB_LINE', connection.vendor)}; {public:,} public "
        f"claims (seed and generated; generating took {filled.get('claims', '?')}"
        + (")" if args.render_markdown else ", summaries' HTML not rendered)"),
        *([f"- stored vectors: {filled['vectors']}"] if "vectors" in filled else []),
        f"- lexical index: {shape}",
        f"- {vectors_note}",
        f"- Python {sys.version.split()[0]}; times are wall clock in one process with no"
        " requests being served; other work on the machine slows them (see the load average)",
        "",
        "| what | time | memory |",
        "|---|---:|---|",
        *(f"| {what} | {time_} | {memory} |" for what, time_, memory in rows),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(os.environ["INDEX_REPORT"]).write_text(text)


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--repeat", type=int, default=3, help="builds timed after the first")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--no-vectors", action="store_true", help="skip the vector index")
    parser.add_argument("--compute-vectors", action="store_true",
                        help="store vectors computed by the model rather than random ones")
    parser.add_argument("--render-markdown", action="store_true",
                        help="render the summaries' HTML as load.sh's data has it (slower)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--phase", choices=("fill", "measure"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.claims < 1 or args.repeat < 1 or args.queries < 1:
        parser.error("--claims, --repeat and --queries must be at least 1")
    if args.phase == "fill":
        fill(args)
        return 0
    if args.phase == "measure":
        measure(args)
        return 0
    return run_outer(args, argv)


if __name__ == "__main__":
    sys.exit(main())
