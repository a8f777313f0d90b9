"""What makes a claim page trustworthy to a patient and a clinician: honest levels of checking,
grades that name their question, the references the claim relies on, sources as links, quotes
only where the origin wrote the words, doses a patient cannot copy, and a skimmable topic page."""

import datetime
import re

import pytest
from django.utils import timezone

from claims.models import ClaimOrigin, ReviewerProfile, ReviewState
from tests.factories import (
    add_origin,
    make_citation_check,
    make_claim,
    make_dose_check,
    make_evidence,
    make_grade,
    make_origin,
    make_source,
    make_topic,
    make_verdict,
)

pytestmark = pytest.mark.django_db


def page(client, claim, audience="patient"):
    response = client.get(f"/claims/{claim.slug}/", {"audience": audience})
    assert response.status_code == 200
    return response.content.decode()


def test_only_a_named_reviewers_check_is_green(client, reviewer_user):
    claim = make_claim()
    seen = make_evidence(claim, seen_as="source", finding="Seen in the paper.")
    summary = make_evidence(claim, seen_as="summary", finding="Seen in a summary.")
    unchecked = make_evidence(claim, seen_as="unchecked", finding="Not checked at all.")
    html = page(client, claim)
    assert "check-done" not in html and "Checked against the original document" not in html
    assert "we saw this in the published source" in html
    assert "we saw this only in a summary of the source" in html
    assert "Not yet checked" in html
    # A tick with nobody behind it is not the first level.
    seen.verified = True
    seen.save()
    assert "check-done" not in page(client, claim)

    ReviewerProfile.objects.update_or_create(user=reviewer_user, defaults=dict(
        name="Dr Rita Reviewer", role="Consultant neurologist", registration="GMC 0000000",
        conflicts="None declared"))
    seen.verified_by, seen.verified_at = reviewer_user, timezone.now()
    seen.save()
    html = page(client, claim)
    assert html.count("check-done") == 1
    assert "Checked against the original document by Dr Rita Reviewer on" in html
    assert summary.finding in html and unchecked.finding in html


def test_a_grade_names_its_question_and_counts_only_for_the_claims_own(client):
    claim = make_claim()
    grade = make_grade(label="Low certainty")
    make_evidence(claim, grade=grade, grade_question="B12 tablets compared with B12 injections")
    html = page(client, claim)
    assert "No guideline has graded the evidence for this claim." in html
    assert "for the question “B12 tablets compared with B12 injections”" in html
    assert "That is not the question this claim asks." in html

    other = make_claim()
    make_evidence(other, grade=grade, grade_question="B12 for this claim",
                  grade_answers_claim=True)
    html = page(client, other)
    assert "No guideline has graded" not in html
    assert "Low certainty</strong>" in html and "That is not the question" not in html


def test_the_claim_shows_only_the_references_it_relies_on(client):
    origin = make_origin(name="A seller's blog")
    relied = make_citation_check(origin, cited_as="Reynolds EH. Lancet 1992.")
    make_citation_check(origin, cited_as="Kumar N. Mayo Clin Proc 2006.")
    claim = make_claim()
    claim_origin = add_origin(claim, origin, quote="B12 repairs myelin",
                              wording="It says B12 mends nerves.")
    claim_origin.relies_on.add(relied)
    html = page(client, claim)
    assert "Reynolds EH. Lancet 1992." in html and "Kumar N. Mayo" not in html
    assert f'href="/origins/{origin.key}/"' in html
    # Quotation marks only around the origin's own words; a paraphrase reads as one.
    assert "It says: <q>B12 repairs myelin</q>" in html
    assert "In our words: It says B12 mends nerves." in html
    assert "“It says B12" not in html

    origin_page = client.get(f"/origins/{origin.key}/").content.decode()
    assert "Reynolds EH. Lancet 1992." in origin_page and "Kumar N. Mayo" in origin_page
    assert claim.short_wording in origin_page


def test_an_origin_page_needs_a_public_claim(client):
    origin = make_origin()
    add_origin(make_claim(state=ReviewState.DRAFT), origin)
    assert client.get(f"/origins/{origin.key}/").status_code == 404
    assert client.get("/origins/no-such-origin/").status_code == 404


def test_every_source_links_to_its_canonical_address(client):
    claim = make_claim()
    make_evidence(claim, source=make_source(url="https://www.nice.org.uk/guidance/ng239",
                                            citation="NICE NG239 citation"))
    make_evidence(claim, source=make_source(doi="10.1000/xyz", pmid="", url="",
                                            citation="A DOI-only citation"))
    make_evidence(claim, source=make_source(doi="", pmid="12345678", url="",
                                            citation="A PubMed-only citation"))
    html = page(client, claim)
    assert ('<a href="https://www.nice.org.uk/guidance/ng239" rel="nofollow noopener">'
            "NICE NG239") in html
    assert '<a href="https://doi.org/10.1000/xyz" rel="nofollow noopener">A DOI-only' in html
    assert ('<a href="https://pubmed.ncbi.nlm.nih.gov/12345678/" rel="nofollow noopener">'
            "A PubMed-only") in html
    handout = client.get(f"/claims/{claim.slug}/handout/").content.decode()
    assert "https://www.nice.org.uk/guidance/ng239" in handout  # printed as text


def test_treatment_amounts_are_for_clinicians_only(client):
    claim = make_claim()
    dose = make_dose_check(claim, references=1, patient_comparison=(
        "hundreds to thousands of times what an adult needs each day"))
    treatment = dose.references.get()
    treatment.clinician_only = True
    treatment.save()
    need = treatment.__class__.objects.create(
        key="uk-need", label="What an adult needs each day", amount="1.5 micrograms a day",
        country="UK", explanation="From food.", source=make_source())
    dose.references.add(need)
    patient = page(client, claim)
    assert "hundreds to thousands of times what an adult needs each day" in patient
    assert "in the UK: 1.5 micrograms a day" in patient
    assert "1 mg a day" not in patient and dose.explanation_html not in patient
    clinician = page(client, claim, "clinician")
    assert "1 mg a day" in clinician and "1.5 micrograms a day" in clinician


def test_topic_page_shows_each_verdict_and_one_review_notice(client):
    topic = make_topic()
    supported = make_claim(topic=topic, verdict=make_verdict("S"), short_wording="Claim one",
                           verdict_reason="Reason one.", state=ReviewState.UNDER_REVIEW)
    make_claim(topic=topic, verdict=make_verdict("C"), short_wording="Claim two",
               verdict_reason="Reason two.", state=ReviewState.UNDER_REVIEW)
    html = client.get(f"/topics/{topic.slug}/").content.decode()
    assert html.count("Awaiting medical review") == 1
    assert html.count('class="claim-verdict"') == 2
    assert "Reason one." in html and "Reason two." in html

    only = client.get(f"/topics/{topic.slug}/", {"verdict": "s"}).content.decode()
    assert "Claim one" in only and "Claim two" not in only
    assert f'href="/topics/{topic.slug}/?verdict=c"' in only  # a plain link, no script

    bad = client.get(f"/topics/{topic.slug}/", {"verdict": "zz"})
    assert bad.status_code == 400
    assert "There is no verdict called “ZZ”" in bad.content.decode()

    supported.state = ReviewState.APPROVED
    supported.save()
    mixed = client.get(f"/topics/{topic.slug}/").content.decode()
    assert "1 of 2 pages have not yet been approved" in mixed
    assert mixed.count('class="caution-tag"') == 1


def test_an_approved_page_names_its_reviewer(client, reviewer_user):
    ReviewerProfile.objects.update_or_create(user=reviewer_user, defaults=dict(
        name="Dr Rita Reviewer", role="Consultant neurologist", registration="GMC 0000000",
        conflicts="None declared"))
    claim = make_claim(state=ReviewState.APPROVED, reviewed_by=reviewer_user,
                       last_reviewed=datetime.date(2026, 11, 2))
    html = re.sub(r"<[^>]+>", "", page(client, claim))
    assert ("Reviewed by Dr Rita Reviewer, Consultant neurologist, on 2 November 2026; "
            "conflicts of interest: None declared") in html
    waiting = make_claim(state=ReviewState.UNDER_REVIEW, reviewed_by=None, last_reviewed=None)
    assert "Reviewed by" not in page(client, waiting)
    assert "awaiting review by a medical reviewer" in page(client, waiting)


def test_claim_origin_keeps_quote_and_paraphrase_apart():
    field = ClaimOrigin._meta.get_field("quote")
    assert "exactly" in field.help_text


def test_one_search_box_a_page(client):
    claim = make_claim()
    for path in ["/", "/search/", "/search/?q=b12", f"/claims/{claim.slug}/"]:
        assert client.get(path).content.decode().count('type="search"') == 1, path
