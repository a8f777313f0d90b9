"""Matching by meaning: people's own words find the claims they mean, and sentences pasted from
what people read match at the right level, on the shipped content.

The labelled sets are in tests/data/own_words_queries.json (README: "Matching by meaning" says
how to add to them). The floors below sit a little under the figures measured when the
thresholds were set (bench/RESULTS.md, "Matching by meaning"): a change that makes matching
worse fails here. Run with -s to see the rates and the misses.
"""

import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

from claims.models import Claim
from claims.search import embeddings, lexical_ranking, ranked_claims, ranking, search_claims
from claims.search.matching import (
    CHECKED,
    SIMILAR,
    ClaimMatch,
    closest_claims,
    for_matching,
    match_sentence,
    match_sentences,
    states_a_claim,
)
from claims.search.vectors import vector_index_cache
from claims.sentences import split_sentences
from pagecache.pages import current_version

pytestmark = pytest.mark.django_db

DATA = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "own_words_queries.json").read_text(
        encoding="utf-8"
    )
)
QUERIES = [(q["query"], set(q["expected"])) for q in DATA["queries"]]
TEXTS = DATA["texts"]
SENTENCES = [sentence for text in TEXTS for sentence in text["sentences"]]

# Measured: top-1 83.6%, top-3 94.3% (lexical alone: 58.2% and 82.8%). The targets
# are 80% and 90%.
TOP_1_FLOOR, TOP_3_FLOOR = 0.80, 0.92
# The targets for "we checked this" (measured as shipped: precision 0.89, recall 0.78
# on 259 sentences of 8 texts); SIMILAR or better, a little under the measured 0.81 and 0.73.
CHECKED_FLOORS = {"precision": 0.85, "recall": 0.75}
SIMILAR_FLOORS = {"precision": 0.77, "recall": 0.69}
# Without the model (lexical alone; measured: CHECKED precision 0.88, recall 0.51).
LEXICAL_CHECKED_FLOORS = {"precision": 0.85, "recall": 0.45}


def top(query: str, n: int = 3) -> list[str]:
    return [claim.slug for claim in search_claims(query, limit=n)]


def hit_rates(queries) -> tuple[float, float, list]:
    first = third = 0
    misses = []
    for query, expected in queries:
        found = top(query)
        first += bool(found) and found[0] in expected
        third += bool(expected & set(found))
        if not expected & set(found):
            misses.append((query, found))
    return first / len(queries), third / len(queries), misses


def level_quality(level: str) -> dict:
    """Precision and recall of the levels the "Check a text" page gives (SIMILAR counts CHECKED
    too), each text's sentences matched together as the page matches them."""
    matched = correct = positives = 0
    for text in TEXTS:
        matches = match_sentences([sentence["sentence"] for sentence in text["sentences"]])
        for sentence, match in zip(text["sentences"], matches, strict=True):
            acceptable = set(sentence["checked"]) | (
                set(sentence["similar"]) if level == SIMILAR else set())
            positives += bool(acceptable)
            if match is None or (level == CHECKED and match.level != CHECKED):
                continue
            matched += 1
            correct += match.claim.slug in acceptable
    return {"precision": correct / matched, "recall": correct / positives,
            "matched": matched}


@pytest.fixture
def broken_model(monkeypatch):
    def fail():
        raise OSError("l2_supercat_256.safetensors: no such file")

    monkeypatch.setattr(embeddings, "_load_model", fail)
    embeddings.model.reset()
    yield
    embeddings.model.reset()


# --- the labelled sets ----------------------------------------------------------------------


def test_the_sets_are_big_enough_and_name_real_claims(seed_content):
    by_topic = {}
    for query in DATA["queries"]:
        by_topic.setdefault(query["topic"], []).append(query)
    assert len(by_topic["vitamin-b12-and-ms"]) >= 80
    assert len(by_topic["supplement-stack"]) >= 25
    assert sum(query["language"] == "es" for query in DATA["queries"]) >= 5
    assert len({query for query, _ in QUERIES}) == len(QUERIES)
    public = set(Claim.objects.public().values_list("slug", flat=True))
    named = set().union(*(expected for _, expected in QUERIES))
    named |= {slug for s in SENTENCES for slug in s["checked"] + s["similar"]}
    assert named <= public, named - public
    # Every claim of both topics is asked for in people's own words.
    assert public <= set().union(*(expected for _, expected in QUERIES))
    assert sum(not s["checked"] and not s["similar"] for s in SENTENCES) >= 30


def test_the_pasted_texts_are_whole_texts_as_the_page_splits_them():
    """At least 4 pasted texts of 150 to 400 words (both topics, claims we checked beside
    sentences that match none), and the seed blog, labelled sentence by sentence: each
    labelled sentence is one the page's splitter gives, once."""
    def words(text):
        return sum(len(sentence["sentence"].split()) for sentence in text["sentences"])

    pasted = [text for text in TEXTS if not text.get("seed")]
    sized = [text for text in pasted if 150 <= words(text) <= 400]
    assert len(sized) >= 4, [(text["name"], words(text)) for text in pasted]
    assert {text["topic"] for text in sized} == {"vitamin-b12-and-ms", "supplement-stack"}
    for text in sized:
        labels = text["sentences"]
        assert sum(bool(s["checked"]) for s in labels) >= 4, text["name"]
        assert sum(not s["checked"] and not s["similar"] for s in labels) >= 4, text["name"]
    (blog,) = [text for text in TEXTS if text.get("seed")]
    assert len(blog["sentences"]) >= 150
    assert sum(bool(s["checked"]) for s in blog["sentences"]) >= 40
    for text in TEXTS:
        sentences = [sentence["sentence"] for sentence in text["sentences"]]
        assert split_sentences("\n".join(sentences)) == sentences, text["name"]
        assert len(set(sentences)) == len(sentences), text["name"]


# --- people's own words ----------------------------------------------------------------------


def test_own_words_find_their_claims(seed_content):
    first, third, misses = hit_rates(QUERIES)
    print(f"\nown words: top-1 {first:.1%}, top-3 {third:.1%} ({len(QUERIES)} queries)")
    for query, found in misses:
        print(f"  miss: {query!r} -> {found}")
    assert third >= TOP_3_FLOOR, misses
    assert first >= TOP_1_FLOOR


@pytest.mark.parametrize("topic", ["vitamin-b12-and-ms", "supplement-stack"])
def test_each_topic_holds_up_on_its_own(seed_content, topic):
    queries = [(q["query"], set(q["expected"])) for q in DATA["queries"] if q["topic"] == topic]
    _, third, misses = hit_rates(queries)
    assert third >= 0.9, misses


def test_meaning_finds_what_the_words_alone_miss(seed_content):
    query = "getting older and not soaking up b12 like before"
    assert "b12-absorption-falls-with-age" not in [
        claim.slug for claim, _ in lexical_ranking(query, limit=3)]
    assert top(query)[0] == "b12-absorption-falls-with-age"


# --- pasted sentences and their levels --------------------------------------------------------


def test_pasted_sentences_match_at_the_calibrated_levels(seed_content):
    """"We checked this" is right at least 85% of the times it is shown, and shown for at
    least 75% of the sentences that state a claim we checked (hazard H28)."""
    checked, similar = level_quality(CHECKED), level_quality(SIMILAR)
    print(f"\nCHECKED: precision {checked['precision']:.2f} recall {checked['recall']:.2f}; "
          f"SIMILAR or better: precision {similar['precision']:.2f} "
          f"recall {similar['recall']:.2f}")
    for name, floor in CHECKED_FLOORS.items():
        assert checked[name] >= floor, (name, checked)
    for name, floor in SIMILAR_FLOORS.items():
        assert similar[name] >= floor, (name, similar)


def test_without_the_model_we_checked_this_stays_precise(seed_content, broken_model):
    checked = level_quality(CHECKED)
    print(f"\nlexical alone, CHECKED: precision {checked['precision']:.2f} "
          f"recall {checked['recall']:.2f}")
    for name, floor in LEXICAL_CHECKED_FLOORS.items():
        assert checked[name] >= floor, (name, checked)


def test_matching_sentences_together_gives_what_each_alone_gives(seed_content):
    (blog,) = [text for text in TEXTS if text.get("seed")]
    sentences = [s["sentence"] for s in TEXTS[0]["sentences"] + blog["sentences"][:40]]
    def seen(match):
        return match and (match.claim.pk, match.level, pytest.approx(match.score, abs=1e-5))

    # The same claims at the same levels (the scores of a batch are one matrix product, so
    # they may differ from one query's in the last bits of a float32).
    assert [seen(m) for m in match_sentences(sentences)] == [
        seen(match_sentence(s)) for s in sentences]
    assert match_sentences([]) == []
    assert match_sentences(["", "!!!", "Love this photo."]) == [None, None, None]


@pytest.mark.parametrize(("sentence", "reason"), [
    ("B12 and Myelin Repair", "a heading names a subject"),
    ("Low B12 Levels in MS Patients", "a heading, even one that reads like a claim"),
    ("Does B12 cause MS?", "a question"),
    ("People with MS may be more vulnerable to B12 deficiency for several reasons:", "a lead-in"),
    ("Brain fog", "too short"),
])
def test_headings_questions_lead_ins_and_fragments_are_never_checked(
        seed_content, sentence, reason):
    assert not states_a_claim(for_matching(sentence)), reason
    match = match_sentence(sentence)
    assert match is None or match.level == SIMILAR


def test_shop_and_blog_filler_is_read_past():
    assert for_matching("📌 Note: Serum B12 alone is not always reliable [5].") == (
        "Serum B12 alone is not always reliable.")
    assert for_matching("Looking for supplements for people with MS? Click here.") == (
        "Looking for supplements for people with MS?")
    assert for_matching("🔋 1. Fights Fatigue") == "Fights Fatigue"
    assert states_a_claim(for_matching("B12 under your tongue works better than tablets."))


@pytest.mark.parametrize("sentence", [
    "Free UK delivery on orders over £30.",
    "Not suitable for children under 12.",
    "Share this with 10 people you care about!!",
])
def test_sentences_that_are_no_claim_match_nothing(seed_content, sentence):
    assert match_sentence(sentence) is None


def test_a_claims_own_words_are_checked(seed_content):
    claim = Claim.objects.public().get(slug="sublingual-b12-absorbs-better")
    match = match_sentence(claim.text)
    assert match == ClaimMatch(match.claim, CHECKED, match.score)
    assert match.claim.pk == claim.pk


def test_closest_claims_are_ordered_and_levelled(seed_content):
    matches = closest_claims("Weekly B12 jabs are the best way to take it.", limit=3)
    assert 1 <= len(matches) <= 3
    assert matches[0].claim.slug == "weekly-hydroxocobalamin-injections"
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert {m.level for m in matches} <= {CHECKED, SIMILAR}
    assert closest_claims("   ") == [] and closest_claims("is it") == []


# --- without the model, lexical search and matching go on ------------------------------------


def test_search_falls_back_to_the_lexical_rules_when_the_model_fails(seed_content, broken_model):
    for query in ["can you get b12 from plants", "b12 jabs every week", "tired all the time"]:
        assert search_claims(query) == [claim for claim, _ in lexical_ranking(query)]
    assert not embeddings.available()


def test_matching_falls_back_to_lexical_levels_when_the_model_fails(
        seed_content, broken_model):
    claim = Claim.objects.public().get(slug="take-b12-in-the-morning")
    match = match_sentence(claim.text)
    assert match is not None and match.claim.pk == claim.pk
    assert all(not r.by_meaning for r in ranked_claims(claim.text))
    assert match_sentence("Free UK delivery on orders over £30.") is None


# --- queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("meaning_alone", [False, True])
def test_a_search_by_meaning_takes_a_fixed_number_of_queries(
        seed_content, django_assert_num_queries, monkeypatch, meaning_alone):
    if meaning_alone:
        # Any claim may join by meaning alone, so some that the words do not find do.
        monkeypatch.setattr(ranking, "MEANING_ONLY_FLOOR", 0.0)
    version = current_version()
    query = "turmeric"
    search_claims(query, version=version)  # builds this process's indexes for the version
    ranking.forget_kept_claims()
    if connection.vendor == "postgresql":
        # 1. claims with a query word in their summary only (the index, which reads no
        #    database, found fewer than 50 in their wording or aliases)
        # 2. how the scorer reads each candidate (ranking.claim_terms)
        # 3. when some are found by meaning alone: how it reads them (for rule 9's ties)
        # 4. the results' claims, by id, with topic and verdict
        expected = 4 if meaning_alone else 3
    else:
        # 1. every public claim's id and wording words: SQLite matches in Python, and the
        #    claims found by meaning alone are among them
        # 2. how the scorer reads each candidate (ranking.claim_terms)
        # 3. the results' claims, by id, with topic and verdict
        expected = 3
    with django_assert_num_queries(expected):
        found = search_claims(query, version=version)
    # The same search again reads only what finds its candidates: the claims are kept.
    with django_assert_num_queries(1):
        assert search_claims(query, version=version) == found
    assert found[0].slug == "curcumin-calms-ms"
    lexical = {claim.pk for claim, _ in lexical_ranking(query, limit=100, version=version)}
    assert bool(set(claim.pk for claim in found) - lexical) == meaning_alone


def test_the_vector_index_is_built_once_per_content_version(
        seed_content, django_assert_num_queries):
    vector_index_cache.clear()
    version = SimpleNamespace(number=10**6, changed_at=datetime(2026, 1, 1, tzinfo=UTC))
    with django_assert_num_queries(1):  # 1. the public claims' vectors
        index = vector_index_cache.get(version)
    assert len(index) == Claim.objects.public().count()
    with django_assert_num_queries(0):
        assert vector_index_cache.get(version) is index
    # Four vectors of 256 float32 numbers a claim, at most, its id and its bound's two values
    # (claims.search.vectors.Similarities): about 4 KB.
    assert index.nbytes <= len(index) * (4 * embeddings.DIMENSIONS * 4 + 8 + 4 + 1)
