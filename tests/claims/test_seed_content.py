"""The shipped seed content: complete, safe for patients, faithful to the brief, re-runnable."""

import html
import re
from io import StringIO

import pytest
import textstat
from django.apps import apps
from django.core.management import call_command
from django.utils.html import strip_tags

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseCheck,
    Evidence,
    Origin,
    ReviewState,
    Source,
    SourceType,
    Topic,
    Verdict,
)
from claims.rich_text import render_markdown

TOPIC_SLUG = "vitamin-b12-and-ms"
MAX_GRADE = 8.0
DOSE_AMOUNT = re.compile(r"\d[\d,.]*\s*(mcg|µg|μg|mg|micrograms?|milligrams?|IU)\b", re.I)
VERDICT_WORDS = re.compile(r"\b(supported|unsupported|false|true|myth|contradicted)\b", re.I)

# From the evidence brief's table of the blog's claims.
EXPECTED_VERDICTS = {
    1: "S", 2: "I", 3: "N", 4: "P", 5: "I", 6: "S", 7: "C", 8: "P", 9: "N", 10: "N",
    11: "P", 12: "P", 13: "P", 14: "C", 15: "C", 16: "N", 17: "I", 18: "P", 19: "P", 20: "I",
    21: "N", 22: "P", 23: "P", 24: "P", 25: "P", 26: "S", 27: "S", 28: "N", 29: "S", 30: "P",
    31: "N", 32: "N", 33: "P", 34: "N", 35: "S",
}
# Claims whose sources the brief gives as "-": no study was found, so no evidence items.
NO_SOURCE_CLAIMS = {17, 21, 28}
DOSE_CLAIMS = {16, 17, 18}
STRONG_SOURCE_TYPES = {SourceType.GUIDELINE, SourceType.SYSTEMATIC_REVIEW}
SEEN_NOTE = "Seen in the published source when the evidence brief was compiled."


def load() -> str:
    out = StringIO()
    call_command("load_seed_content", stdout=out)
    return out.getvalue()


def plain_text(markdown_text: str) -> str:
    return html.unescape(strip_tags(render_markdown(markdown_text))).strip()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("claims").get_models()
    }


@pytest.fixture
def seeded(db):
    load()
    return Topic.objects.get(slug=TOPIC_SLUG)


def claims_of(topic):
    return list(topic.claims.select_related("verdict").order_by("number"))


def patient_texts(topic):
    """(where, text) for everything a patient reads that is not the claim itself."""
    yield "topic intro", topic.intro_md
    yield "topic what to do", topic.what_to_do_md
    for claim in claims_of(topic):
        yield f"claim {claim.number} patient summary", claim.patient_summary_md
        yield f"claim {claim.number} what to do", claim.what_to_do_md
        yield f"claim {claim.number} verdict reason", claim.verdict_reason
        yield f"claim {claim.number} short wording", claim.short_wording
    for item in Evidence.objects.filter(claim__topic=topic).select_related("claim"):
        yield f"claim {item.claim.number} evidence {item.pk} finding", item.finding
    for link in ClaimOrigin.objects.filter(claim__topic=topic).select_related("claim"):
        yield f"claim {link.claim.number} origin wording", link.wording


@pytest.mark.django_db
def test_topic_has_35_numbered_claims_awaiting_review(seeded):
    claims = claims_of(seeded)

    assert seeded.is_published
    assert [claim.number for claim in claims] == list(range(1, 36))
    assert {claim.state for claim in claims} == {ReviewState.UNDER_REVIEW}
    for claim in claims:
        assert claim.author is None
        assert claim.reviewed_by is None
        assert claim.last_reviewed is None
        assert claim.next_review_due is None
        assert claim.patient_summary_html and claim.what_to_do_html
        assert claim.origins.filter(kind=Origin.Kind.MARKETING).exists(), claim.number


@pytest.mark.django_db
def test_verdicts_match_the_evidence_brief(seeded):
    actual = {claim.number: claim.verdict.code for claim in claims_of(seeded)}
    assert actual == EXPECTED_VERDICTS
    assert dict(Verdict.objects.values_list("code", "rating_value")) == {
        "C": 1, "N": 2, "I": 3, "P": 4, "S": 5
    }


@pytest.mark.django_db
def test_second_run_creates_nothing(seeded):
    before = row_counts()

    report = load()

    assert row_counts() == before
    assert "created 0 verdicts" in report
    assert "0 claims" in report


@pytest.mark.django_db
def test_editor_changes_survive_a_rerun(seeded):
    claim = Claim.objects.get(slug="b12-deficiency-can-mimic-ms")
    claim.patient_summary_md = "Edited by an editor."
    claim.save()
    source = Source.objects.get(key="reynolds-1992")
    source.citation = "Corrected citation."
    source.save()
    removed = Evidence.objects.filter(claim__number=2, claim__topic=seeded).first()
    removed.delete()

    load()

    claim.refresh_from_db()
    source.refresh_from_db()
    assert claim.patient_summary_md == "Edited by an editor."
    assert claim.patient_summary_html == "<p>Edited by an editor.</p>"
    assert source.citation == "Corrected citation."
    assert not Evidence.objects.filter(claim__number=2, claim__topic=seeded).exists()


@pytest.mark.django_db
def test_patient_text_reads_at_grade_8_or_lower(seeded):
    grades = []
    for claim in claims_of(seeded):
        for field in ("patient_summary_md", "what_to_do_md"):
            text = plain_text(getattr(claim, field))
            grades.append((textstat.flesch_kincaid_grade(text), claim.number, field))
    for field in ("intro_md", "what_to_do_md"):
        grades.append((textstat.flesch_kincaid_grade(plain_text(getattr(seeded, field))), 0, field))

    too_hard = sorted((g for g in grades if g[0] > MAX_GRADE), reverse=True)
    worst = sorted(grades, reverse=True)[:5]
    assert not too_hard, f"above grade {MAX_GRADE}: {too_hard}; worst five: {worst}"


@pytest.mark.django_db
def test_no_patient_text_names_a_dose(seeded):
    doses = [
        (where, match.group(0))
        for where, text in patient_texts(seeded)
        for match in [DOSE_AMOUNT.search(text)]
        if match
    ]
    assert doses == []


@pytest.mark.django_db
def test_short_wording_is_short_and_neutral(seeded):
    labels = [label.lower() for label in Verdict.objects.values_list("label", flat=True)]
    for claim in claims_of(seeded):
        wording = claim.short_wording
        assert len(wording) <= 75, claim.number
        assert not VERDICT_WORDS.search(wording), (claim.number, wording)
        assert not any(label in wording.lower() for label in labels), (claim.number, wording)


@pytest.mark.django_db
def test_each_claim_has_strong_evidence_or_says_it_has_none(seeded):
    for claim in claims_of(seeded):
        strong = claim.evidence.filter(source__source_type__in=STRONG_SOURCE_TYPES).exists()
        assert strong or claim.no_guideline_note.strip(), claim.number


@pytest.mark.django_db
def test_every_claim_with_sources_has_evidence(seeded):
    for claim in claims_of(seeded):
        if claim.number in NO_SOURCE_CLAIMS:
            assert not claim.evidence.exists(), claim.number
            assert "no study" in claim.no_guideline_note.lower(), claim.number
        else:
            assert claim.evidence.exists(), claim.number


@pytest.mark.django_db
def test_unverified_sources_are_never_marked_verified(seeded):
    shaky = Evidence.objects.filter(source__key__in=["espen-2018", "sandyk-1993"])

    assert shaky.exists()
    assert not shaky.filter(verified=True).exists()
    assert all(
        item.verification_note.startswith("Not yet verified against the primary document")
        for item in Evidence.objects.filter(verified=False)
    )
    for item in Evidence.objects.filter(verified=True):
        assert item.verification_note == SEEN_NOTE
        assert item.verified_by is None
        assert item.verified_at is None


@pytest.mark.django_db
def test_espen_grade_is_kept_but_unverified(seeded):
    graded = Evidence.objects.filter(source__key="espen-2018", grade__isnull=False)

    assert {item.claim.number for item in graded} == {3, 32}
    assert {(item.grade.scheme.slug, item.grade.code) for item in graded} == {("espen", "0")}
    assert all("95% consensus" in item.grade_note for item in graded)


@pytest.mark.django_db
def test_blog_citations_are_checked(seeded):
    checks = CitationCheck.objects.filter(origin__kind=Origin.Kind.MARKETING)

    assert checks.count() == 5
    kumar = checks.get(cited_as__startswith="Kumar N.")
    assert kumar.status == CitationCheck.Status.MISATTRIBUTED
    assert kumar.matched_source.key == "kumar-2006"
    okuda = checks.get(cited_as__startswith="Okuda B.")
    assert okuda.status == CitationCheck.Status.NOT_FOUND
    assert okuda.matched_source is None
    assert not Origin.objects.exclude(url="").exists()


@pytest.mark.django_db
def test_dose_claims_are_compared_with_both_references(seeded):
    checks = DoseCheck.objects.filter(claim__topic=seeded).select_related("claim")

    assert {check.claim.number for check in checks} == DOSE_CLAIMS
    for check in checks:
        keys = set(check.references.values_list("key", flat=True))
        assert keys == {"adult-intake", "deficiency-treatment"}, check.claim.number
        assert check.explanation_html
