"""Selectors: what the public pages may read, and nothing that is not public."""

import pytest

from claims import selectors
from claims.models import ReviewState, SourceType
from tests.factories import (
    make_claim,
    make_evidence,
    make_grade,
    make_source,
    make_topic,
    make_verdict,
    make_verdict_change,
)

pytestmark = pytest.mark.django_db


def test_topics_for_home_counts_only_public_claims():
    topic = make_topic()
    make_claim(topic=topic)
    make_claim(topic=topic, state=ReviewState.NEEDS_REREVIEW)
    make_claim(topic=topic, state=ReviewState.SUBMITTED)
    make_topic(is_published=False)
    [only] = selectors.topics_for_home()
    assert only == topic and only.public_claim_count == 2


def test_topic_claims_are_grouped_in_verdict_order():
    topic = make_topic()
    contradicted = make_claim(topic=topic, verdict=make_verdict("C"))
    supported = make_claim(topic=topic, verdict=make_verdict("S"))
    make_claim(topic=topic, verdict=make_verdict("S"), state=ReviewState.DRAFT)
    groups = selectors.topic_claims_by_verdict(topic)
    assert [(g.verdict.code, g.claims) for g in groups] == [
        ("S", [supported]), ("C", [contradicted]),
    ]


def test_public_claim_refuses_drafts_and_unpublished_topics():
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.public_claim(make_claim(state=ReviewState.DRAFT).slug)
    with pytest.raises(Http404):
        selectors.public_claim(make_claim(topic=make_topic(is_published=False)).slug)
    assert selectors.public_claim(make_claim().slug)


def test_evidence_is_grouped_by_source_type_in_type_order():
    claim = make_claim()
    study = make_evidence(claim, source=make_source(source_type=SourceType.RCT), order=1)
    guideline = make_evidence(claim, source=make_source(source_type=SourceType.GUIDELINE), order=2)
    groups = selectors.evidence_by_source_type(selectors.public_claim(claim.slug))
    assert [(g.label, g.evidence) for g in groups] == [
        ("Guideline", [guideline]), ("Randomised trial", [study]),
    ]


def test_grades_used_are_distinct():
    claim = make_claim()
    grade = make_grade()
    make_evidence(claim, grade=grade)
    make_evidence(claim, grade=grade)
    make_evidence(claim)
    assert selectors.grades_used(selectors.public_claim(claim.slug)) == [grade]


def test_public_verdict_changes_leave_out_hidden_claims():
    public = make_verdict_change(make_claim())
    make_verdict_change(make_claim(state=ReviewState.DRAFT))
    assert selectors.public_verdict_changes() == [public]
