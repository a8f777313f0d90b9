"""Claim vectors for matching by meaning: computed from published text only, recomputed when it
changes, kept in memory for one content version, and never needed for lexical search to work."""

import logging
import os
from datetime import UTC, datetime
from types import SimpleNamespace

import numpy as np
import pytest
from django.core.management import call_command

from claims.models import PUBLIC_STATES, Claim, ClaimOrigin, ClaimVector, ReviewState
from claims.search import embeddings, search_claims
from claims.search.vectors import (
    KINDS,
    VectorIndexCache,
    claim_passage_groups,
    claim_vectors_update,
    passages_hash,
)
from editorial.services import changes
from editorial.services import claims as services
from pagecache import content_version
from tests.factories import add_origin, make_claim, make_draft_claim

pytestmark = pytest.mark.django_db

S = ReviewState


@pytest.fixture
def author(django_user_model):
    """A second editor, so the fixed reviewer is never blocked by the four-eyes rule."""
    from tests.conftest import _in_group

    user = django_user_model.objects.create_user("ann.author", "ann@example.org", "pw pw pw pw")
    return _in_group(user, "Editor")


@pytest.fixture
def broken_model(monkeypatch):
    """The embedding model fails to load, as with a missing file or a broken install."""
    def fail():
        raise ImportError("No module named 'wordllama'")

    monkeypatch.setattr(embeddings, "_load_model", fail)
    embeddings.model.reset()
    yield
    embeddings.model.reset()


def stored(claim) -> ClaimVector | None:
    return ClaimVector.objects.filter(claim=claim).first()


# --- what represents a claim ----------------------------------------------------------------


def test_a_claim_is_its_wording_what_you_may_have_read_and_its_aliases():
    claim = make_claim(text="B12 cures MS.", short_wording="B12 cures MS",
                       aliases="b12 ms cure\n\nB12 CURES MS\nvitamin b12 miracle")
    add_origin(claim, quote="B12 is a miracle for MS!", wording="Says B12 cures MS.")
    groups = claim_passage_groups(claim)
    # Repeats (whatever their case) and blank lines are left out.
    assert groups == {
        "wording": ["B12 cures MS.", "B12 cures MS"],
        "read": ["B12 is a miracle for MS!", "Says B12 cures MS."],
        "aliases": ["b12 ms cure", "vitamin b12 miracle"],
    }
    assert list(groups) == list(KINDS)


def test_the_stored_vectors_are_a_mean_and_one_per_kind_of_text():
    claim = make_claim(text="B12 cures MS.", short_wording="Vitamin B12 cures MS",
                       aliases="b12 cure")
    assert claim_vectors_update(claims=[claim]) == 1
    row = stored(claim)
    matrix = np.frombuffer(bytes(row.vectors), dtype=np.float32).reshape(-1, row.dimensions)
    assert matrix.shape == (3, embeddings.DIMENSIONS)  # the mean, wording, aliases: no origin
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)
    assert row.model_name == embeddings.MODEL_NAME
    assert row.text_hash == passages_hash(claim_passage_groups(claim))


# --- published text only, recomputed when it changes ----------------------------------------


def test_vectors_follow_the_published_text_through_the_workflow(
        editor_user, reviewer_user, author):
    claim = make_draft_claim(author=author, text="Magnesium stops spasms.",
                             short_wording="Magnesium stops spasms")
    services.claim_update(claim=claim, actor=editor_user, expected_version=None,
                          values={"aliases": "magnesium cramps"})
    services.claim_submit(claim=claim, actor=editor_user)
    assert stored(claim) is None  # a draft and a submission are not published
    services.claim_start_review(claim=claim, actor=reviewer_user)  # public, under a caution
    first = stored(claim)
    assert first is not None
    services.claim_approve(claim=claim, actor=reviewer_user)
    assert stored(claim).text_hash == first.text_hash  # same text: nothing recomputed

    # An edit to the published claim waits as a revision: the public text, and its vectors,
    # stay as they were until a reviewer approves it.
    services.claim_update(claim=claim, actor=editor_user, expected_version=None,
                          values={"text": "Magnesium cures MS spasms for good."})
    services.claim_submit(claim=claim, actor=editor_user)
    assert stored(claim).text_hash == first.text_hash
    services.claim_approve(claim=claim, actor=reviewer_user)
    claim.refresh_from_db()
    assert claim.text == "Magnesium cures MS spasms for good."
    assert stored(claim).text_hash == passages_hash(claim_passage_groups(claim))
    assert stored(claim).text_hash != first.text_hash


def test_an_approved_change_to_what_you_may_have_read_recomputes_them(
        editor_user, reviewer_user, author):
    claim = make_draft_claim(author=author, state=S.APPROVED)
    origin = add_origin(claim, wording="Says pills cure MS.")
    claim_vectors_update(claims=[claim])
    before = stored(claim).text_hash
    origin.wording = "Says vitamin pills cure MS within weeks."
    change = changes.row_save(obj=origin, actor=editor_user).change
    assert change is not None and stored(claim).text_hash == before  # proposed, not public
    changes.change_approve(change=change, actor=reviewer_user)
    claim.refresh_from_db()
    assert stored(claim).text_hash != before
    assert stored(claim).text_hash == passages_hash(claim_passage_groups(claim))


def test_drafts_are_never_encoded():
    drafts = [make_claim(state=state) for state in S.values if state not in PUBLIC_STATES]
    assert claim_vectors_update(claims=drafts) == 0
    assert claim_vectors_update() == 0
    assert not ClaimVector.objects.exists()


def test_unchanged_claims_are_not_recomputed_unless_forced():
    claims = [make_claim() for _ in range(3)]
    assert claim_vectors_update(claims=claims) == 3
    assert claim_vectors_update(claims=claims) == 0
    assert claim_vectors_update(claims=claims, force=True) == 3


def test_recomputed_vectors_replace_the_stored_ones_and_move_the_content_version_on():
    claims = [make_claim(text=f"Claim {n}: B12 and tiredness.") for n in range(3)]
    claim_vectors_update(claims=claims)
    before = {claim.pk: bytes(stored(claim).vectors) for claim in claims}
    # A change that sends no signal, so only the vectors' write can move the version on.
    Claim.objects.filter(pk=claims[0].pk).update(text="Sublingual B12 absorbs better.")
    version = content_version.from_database().number
    assert claim_vectors_update(claims=claims) == 1
    assert content_version.from_database().number > version  # every worker's index rebuilds
    assert bytes(stored(claims[0]).vectors) != before[claims[0].pk]
    assert bytes(stored(claims[1]).vectors) == before[claims[1].pk]
    assert ClaimVector.objects.filter(claim__in=claims).count() == 3


def test_loading_the_seed_computes_every_published_claims_vectors(seed_content):
    published = Claim.objects.filter(state__in=PUBLIC_STATES)
    assert published.count() >= 48
    assert ClaimVector.objects.filter(claim__in=published).count() == published.count()
    assert claim_vectors_update() == 0  # and they are current


def test_the_command_fills_in_what_is_missing(capsys):
    claims = [make_claim() for _ in range(2)]
    make_claim(state=S.DRAFT)
    call_command("compute_claim_vectors")
    assert "Computed the vectors of 2 claims" in capsys.readouterr().out
    assert ClaimVector.objects.filter(claim__in=claims).count() == 2
    call_command("compute_claim_vectors", "--all", stdout=open(os.devnull, "w"))
    call_command("compute_claim_vectors")
    assert "Computed the vectors of 0 claims" in capsys.readouterr().out


# --- kept in memory for one content version --------------------------------------------------


def test_the_vector_index_is_kept_for_one_content_version(django_assert_num_queries):
    claim = make_claim(text="Cold showers reset the immune system.", short_wording="Showers")
    claim_vectors_update(claims=[claim])
    cache = VectorIndexCache()
    first = SimpleNamespace(number=1, changed_at=datetime(2026, 1, 1, tzinfo=UTC))
    with django_assert_num_queries(1):  # 1. the public claims' vectors
        index = cache.get(first)
    assert index.claim_ids.tolist() == [claim.pk]
    newer = make_claim(state=S.APPROVED)
    claim_vectors_update(claims=[newer])
    with django_assert_num_queries(0):
        assert cache.get(first) is index
    second = SimpleNamespace(number=2, changed_at=datetime(2026, 1, 2, tzinfo=UTC))
    assert sorted(cache.get(second).claim_ids.tolist()) == sorted([claim.pk, newer.pk])
    cache.clear()
    assert cache.get(second) is not index


def test_the_index_holds_public_claims_only():
    shown, hidden = make_claim(), make_claim()
    claim_vectors_update(claims=[shown, hidden])
    Claim.objects.filter(pk=hidden.pk).update(state=S.DRAFT)
    index = VectorIndexCache().get(SimpleNamespace(number=9, changed_at=None))
    assert index.claim_ids.tolist() == [shown.pk]


# --- when the model fails, lexical search goes on ---------------------------------------------


def test_publication_and_search_go_on_when_the_model_fails(
        broken_model, editor_user, reviewer_user, author, caplog):
    claim = make_draft_claim(author=author, state=S.SUBMITTED,
                             text="Sublingual B12 absorbs better.", short_wording="Sublingual B12")
    with caplog.at_level(logging.WARNING, logger="claims.search.embeddings"):
        services.claim_start_review(claim=claim, actor=reviewer_user)
        services.claim_approve(claim=claim, actor=reviewer_user)
        assert [found.slug for found in search_claims("sublingual b12")] == [claim.slug]
        assert [found.slug for found in search_claims("sublingual b12")] == [claim.slug]
    assert stored(claim) is None
    # One warning for the process, not one per query.
    assert len([r for r in caplog.records if "Matching by meaning is off" in r.message]) == 1
    assert not embeddings.available()
    with pytest.raises(embeddings.EmbeddingUnavailable):
        embeddings.encode_queries(["b12"])


def test_the_command_says_so_when_the_model_fails(broken_model):
    make_claim()
    with pytest.raises(Exception, match="did not load"):
        call_command("compute_claim_vectors")
    assert not ClaimVector.objects.exists()


def test_a_claim_origin_without_words_adds_nothing():
    claim = make_claim(aliases="")
    ClaimOrigin.objects.create(claim=claim, origin=add_origin(make_claim()).origin)
    assert claim_passage_groups(claim)["read"] == []


# --- a query reads only the kinds it needs, with the answers of reading them all ----------------


def _index_like_real_claims(count: int, seed: int):
    """A VectorIndex whose claims' kinds lie near their means, as real claims' do, some
    lacking a kind; rows as ClaimVector stores them."""
    from claims.search.vectors import VectorIndex, claim_rows

    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((8, embeddings.DIMENSIONS)).astype(np.float32)
    rows = []
    for claim_id in range(1, count + 1):
        base = centres[claim_id % 8] + 0.7 * rng.standard_normal(embeddings.DIMENSIONS)
        kinds = list(KINDS) if claim_id % 5 else ["wording", "aliases"]
        texts = np.array([base + 0.5 * rng.standard_normal(embeddings.DIMENSIONS)
                          for _ in kinds], dtype=np.float32)
        matrix = claim_rows(texts, kinds)
        rows.append((claim_id, matrix.shape[1], matrix.tobytes()))
    return VectorIndex(rows), centres


def _every_claim_at_once(index, query) -> np.ndarray:
    best = (index.kinds.reshape(-1, index.kinds.shape[2]) @ query).reshape(
        len(index), len(KINDS)).max(axis=1)
    return (index.means @ query + best) / 2


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_closest_claims_are_those_computing_every_claim_would_give(seed):
    index, centres = _index_like_real_claims(600, seed)
    rng = np.random.default_rng(100 + seed)
    for at in range(12):
        query = centres[at % 8] + rng.standard_normal(embeddings.DIMENSIONS) * (0.3 + at / 6)
        query = (query / np.linalg.norm(query)).astype(np.float32)
        full = _every_claim_at_once(index, query)
        order = np.lexsort((np.arange(len(full)), -full))
        floor = float(np.sort(full)[-8])  # about the 8th best: some reach it, most do not
        similarities = index.similarities(query)
        assert similarities.closest(20) == index.claim_ids[order[:20]].tolist()
        reaching = [i for i in index.claim_ids[order].tolist()
                    if full[index.positions[i]] >= floor][:20]
        assert similarities.closest(20, at_least=floor) == reaching
        for claim_id in (1, 5, 77, 600):
            assert similarities[claim_id] == pytest.approx(full[index.positions[claim_id]],
                                                           abs=1e-6)
        # Each claim's bound holds: none is ever above what the skipped ones were bounded by.
        assert (similarities._upper_bounds() >= full - 1e-6).all()
