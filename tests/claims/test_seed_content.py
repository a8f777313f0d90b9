"""The shipped seed content (content/*.json, loaded by load_seed_content): complete, safe for
patients, faithful to the brief, re-runnable."""

import html
import re
from io import StringIO
from pathlib import Path

import pytest
import textstat
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils.html import strip_tags

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseCheck,
    DoseReference,
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
# The origins' keys: the supplement blog the claims come from, and the AI answer site's summary.
BLOG = "supplement-blog-ms-b12"
AI_SUMMARY = "ai-answer-b12-ms"
# The note of every finding seen in the published source itself.
SEEN_IN_SOURCE = (
    "Seen in the published source. A medical reviewer has not yet checked it against the full "
    "original document."
)
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
# Words of the team's own notes that must never reach a page.
INTERNAL_WORDS = re.compile(r"evidence brief|general knowledge|\bseeds?\b|\[(S2?|K)\]", re.I)
# How each finding was seen where it is not "in the published source".
SEEN_ONLY_IN_SUMMARY = {"nice-ng239", "savage-1994"}
NOT_YET_CHECKED = {"espen-2018", "sandyk-1993"}
SEEN_AS_EXCEPTIONS = {
    (9, "nice-ng220"): "summary",  # NICE's view on B12 injections, as the MS Trust sums it up
    (14, "cochrane-oral-im"): "unchecked",  # which oral form the trials used
}
GRADE_QUESTIONS = {
    ("espen", "0"): "B12 supplements to prevent MS",
    ("grade", "low"): "B12 tablets compared with B12 injections for B12 deficiency",
}
# Addresses not confirmed yet: these sources stay without a url until someone confirms one.
UNCONFIRMED_URLS = {"vrethem-2003", "savage-1994", "sandyk-1993", "fda-biotin", "uk-drv-b12"}
DOSE_REFERENCE_KEYS = ["adult-intake-uk", "adult-intake", "deficiency-treatment"]
SAME_AS_TREATMENT = re.compile(r"\bsame as\b|\bequals?\b|\bidentical\b", re.I)
# Which of the blog's references each claim rests on (every other claim rests on none).
RELIES_ON = {
    "b12-deficiency-can-mimic-ms": {"Kumar N."},
    "many-with-ms-have-low-b12": {"Reynolds EH."},
    "low-b12-in-ms-from-inflammation-or-malabsorption": {"Reynolds EH."},
    "homocysteine-raised-in-ms": {"Vrethem M"},
    "raised-homocysteine-in-ms-from-low-b12": {"Vrethem M"},
    "b12-stimulates-remyelination": {"Scalabrino G."},
    "high-dose-b12-eases-ms-fatigue": {"Okuda B.", "Kumar N."},
    "b12-protects-and-repairs-nerves": {"Scalabrino G."},
}
SEED_FILES = {BLOG: "000_6ba63f71083e4278.txt", AI_SUMMARY: "002_ffb0dde342a2344e.txt"}
SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
VEGAN_PAGES = ["b12-only-in-animal-foods", "b12-food-sources-table", "who-should-take-b12"]


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
    for dose in DoseCheck.objects.filter(claim__topic=topic).select_related("claim"):
        yield f"claim {dose.claim.number} dose comparison", dose.patient_comparison


def public_texts():
    """(where, text) for every seeded text a page, feed or handout can show."""
    fields = {
        Topic: ["title", "summary", "intro_md", "what_to_do_md"],
        Claim: [
            "text", "short_wording", "verdict_reason", "patient_summary_md",
            "clinician_summary_md", "what_to_do_md", "no_guideline_note",
        ],
        Evidence: ["finding", "clinician_finding", "grade_note", "grade_question",
                   "verification_note"],
        ClaimOrigin: ["quote", "wording"],
        Origin: ["name", "description"],
        CitationCheck: ["cited_as", "finding"],
        Source: ["short_name", "citation", "citation_note"],
        DoseReference: ["label", "amount", "explanation"],
        DoseCheck: ["claimed_amount", "patient_comparison", "explanation_md"],
    }
    for model, names in fields.items():
        for row in model.objects.all():
            for name in names:
                yield f"{model.__name__} {row.pk} {name}", getattr(row, name)


def normalise(text: str) -> str:
    """Collapse whitespace and make curly quote marks straight, for comparing quotes."""
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split())


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
def test_nothing_seeded_is_checked_against_the_original_document(seeded):
    evidence = Evidence.objects.all()

    assert evidence.exists()
    assert not evidence.filter(verified=True).exists()
    assert not evidence.filter(verified_by__isnull=False).exists()
    assert not evidence.filter(verified_at__isnull=False).exists()
    assert {item.provenance for item in evidence} <= {"source", "summary", "unchecked"}


@pytest.mark.django_db
def test_each_finding_says_how_it_was_seen(seeded):
    # This topic's table; the stack topic's is in test_supplement_stack_content.py.
    for item in Evidence.objects.filter(claim__topic=seeded).select_related("claim", "source"):
        key = item.source.key
        expected = SEEN_AS_EXCEPTIONS.get((item.claim.number, key))
        if expected is None:
            if key in NOT_YET_CHECKED:
                expected = "unchecked"
            elif key in SEEN_ONLY_IN_SUMMARY:
                expected = "summary"
            else:
                expected = "source"
        where = (item.claim.number, key)
        assert item.seen_as == expected, where
        note = item.verification_note
        if expected == "source":
            assert note == SEEN_IN_SOURCE, where
        elif expected == "summary":
            assert "seen only" in note.lower() and "summary" in note.lower(), where
        else:
            assert note.startswith("Not yet checked"), where


@pytest.mark.django_db
def test_no_public_text_carries_internal_words(seeded):
    leaks = [
        (where, match.group(0))
        for where, text in public_texts()
        for match in [INTERNAL_WORDS.search(text or "")]
        if match
    ]
    assert leaks == []


@pytest.mark.django_db
def test_espen_grade_is_kept_but_unverified(seeded):
    graded = Evidence.objects.filter(source__key="espen-2018", grade__isnull=False)

    assert {item.claim.number for item in graded} == {3, 32}
    assert {(item.grade.scheme.slug, item.grade.code) for item in graded} == {("espen", "0")}
    assert all("95% consensus" in item.grade_note for item in graded)
    assert {item.seen_as for item in graded} == {"unchecked"}


@pytest.mark.django_db
def test_every_grade_names_its_question_and_none_stands_in_for_a_claim(seeded):
    graded = Evidence.objects.filter(grade__isnull=False).select_related("grade__scheme")

    assert graded.count() == 4
    for item in graded:
        item.full_clean()
        key = (item.grade.scheme.slug, item.grade.code)
        assert item.grade_question == GRADE_QUESTIONS[key], item.claim.number
        assert not item.grade_answers_claim, item.claim.number
    cochrane = graded.get(claim__slug="high-dose-methylcobalamin-for-ms")
    assert not cochrane.grade_answers_claim


@pytest.mark.django_db
def test_every_source_links_to_its_canonical_address(seeded):
    # Sources only the stack topic cites are checked in test_supplement_stack_content.py.
    ours = set(Source.objects.filter(evidence__claim__topic=seeded).values_list("pk", flat=True))
    others = Source.objects.filter(evidence__claim__topic__slug="supplement-stack")
    for source in Source.objects.exclude(pk__in=set(others.values_list("pk", flat=True)) - ours):
        if source.key in UNCONFIRMED_URLS:
            assert source.url == "", source.key
            continue
        assert source.url.startswith(("https://", "http://")), source.key
        if source.doi:
            assert source.url == f"https://doi.org/{source.doi}", source.key
        elif source.pmid:
            assert source.url == f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/", source.key
    urls = dict(Source.objects.values_list("key", "url"))
    assert urls["nice-ng239"] == "https://www.nice.org.uk/guidance/ng239"
    assert urls["nice-ng220"] == "https://www.nice.org.uk/guidance/ng220"
    assert urls["ods-b12"] == "https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/"
    assert urls["cochrane-oral-im"] == "https://doi.org/10.1002/14651858.CD004655.pub3"
    najafi = Source.objects.get(key="najafi-2012")
    assert "is there any association?" in najafi.citation
    assert "Int J Prev Med. 2012" in najafi.citation


@pytest.mark.django_db
def test_dose_references_put_the_uk_first_and_keep_treatment_for_clinicians(seeded):
    references = list(DoseReference.objects.order_by("order"))

    assert [ref.key for ref in references] == DOSE_REFERENCE_KEYS
    assert [ref.country for ref in references] == ["UK", "US", "UK"]
    assert [ref.clinician_only for ref in references] == [False, False, True]
    assert references[0].amount == "1.5 micrograms a day"
    assert references[1].amount == "2.4 micrograms a day"


@pytest.mark.django_db
def test_dose_comparisons_are_words_and_never_equate_a_claim_with_treatment(seeded):
    for check in DoseCheck.objects.filter(claim__topic=seeded).select_related("claim"):
        assert check.patient_comparison, check.claim.number
        assert not re.search(r"\d", check.patient_comparison), check.claim.number
        claim = check.claim
        texts = [
            check.explanation_md, claim.patient_summary_md, claim.clinician_summary_md,
            claim.verdict_reason, *claim.evidence.values_list("finding", flat=True),
            *claim.evidence.values_list("clinician_finding", flat=True),
        ]
        for text in texts:
            assert not SAME_AS_TREATMENT.search(text), (claim.number, text)


@pytest.mark.django_db
def test_quotes_are_the_origins_own_words(seeded):
    quoted = ClaimOrigin.objects.exclude(quote="").select_related("origin", "claim")
    assert quoted.filter(origin__key=BLOG, claim__topic=seeded).count() == 35
    for link in quoted:
        path = SEEDS_DIR / SEED_FILES[link.origin.key]
        if not path.exists():
            pytest.skip(f"the origin's saved copy is not here: {path}")
        original = normalise(path.read_text(encoding="utf-8"))
        for fragment in link.quote.split("…"):
            assert normalise(fragment) in original, (link.claim.number, fragment)


@pytest.mark.django_db
def test_each_claim_names_the_blog_references_it_rests_on(seeded):
    for link in ClaimOrigin.objects.select_related("claim", "origin"):
        cited = {check.cited_as for check in link.relies_on.all()}
        expected = RELIES_ON.get(link.claim.slug, set()) if link.origin.key == BLOG else set()
        assert {next(p for p in expected if c.startswith(p)) for c in cited} == expected, (
            link.claim.slug
        )
        assert len(cited) == len(expected), link.claim.slug


@pytest.mark.django_db
def test_vegan_pages_say_plainly_what_vegans_need(seeded):
    for slug in VEGAN_PAGES:
        summary = Claim.objects.get(slug=slug).patient_summary_md.lower()
        assert "vegan diet" in summary, slug
        assert "b12 added" in summary and "supplement" in summary, slug
        assert "not a treatment for ms" in " ".join(summary.split()), slug


@pytest.mark.django_db
def test_food_table_claim_names_the_fortified_food_the_blog_lists_and_those_it_leaves_out(seeded):
    claim = Claim.objects.get(slug="b12-food-sources-table")
    blog = claim.claim_origins.get(origin__key=BLOG)

    assert "Nutritional yeast (fortified) Varies" in blog.quote
    assert "nutritional yeast" in claim.verdict_reason.lower()
    summary = " ".join(claim.patient_summary_md.split())
    assert "breakfast cereals and plant milks" in summary


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
        assert keys == set(DOSE_REFERENCE_KEYS), check.claim.number
        assert check.explanation_html
