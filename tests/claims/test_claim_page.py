"""The public claim page: what a reader sees, what stays hidden, and how fast it is."""

import datetime

import pytest

from claims.models import ReviewState
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
    make_verdict_change,
)

pytestmark = pytest.mark.django_db


def page(client, claim, **kwargs):
    response = client.get(f"/claims/{claim.slug}/", **kwargs)
    return response, response.content.decode()


def test_claim_page_shows_the_claim_beside_the_evidence(client):
    claim = make_claim(
        text="Sublingual B12 absorbs better than tablets.",
        short_wording="Sublingual B12 absorbs better",
        verdict=make_verdict("C"),
        verdict_reason="Tablets under the tongue work no better than tablets you swallow.",
        patient_summary_md="Both kinds **work the same**.",
        what_to_do_md="Ask your GP for a blood test.",
    )
    response, html = page(client, claim)
    assert response.status_code == 200
    assert "What you may have read" in html
    assert "Sublingual B12 absorbs better than tablets." in html
    assert "What the evidence says" in html
    assert "Contradicted" in html and 'aria-hidden="true"' in html
    assert "Good evidence says the opposite." in html  # the verdict's plain definition
    assert "<strong>work the same</strong>" in html
    assert "What to do instead" in html and "Ask your GP for a blood test." in html
    assert "Page last reviewed" in html and "1 February 2025" in html
    assert "Next review due" in html and "1 February 2026" in html


def test_review_dates_say_so_when_not_set(client):
    claim = make_claim(last_reviewed=None, next_review_due=None)
    _, html = page(client, claim)
    assert "awaiting review by a medical reviewer" in html
    assert "to be set" in html


@pytest.mark.parametrize(
    "state", [ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED]
)
def test_claims_not_yet_public_are_not_found(client, state):
    claim = make_claim(state=state)
    response, html = page(client, claim)
    assert response.status_code == 404
    assert "Page not found" in html


def test_unknown_claim_is_not_found(client):
    assert client.get("/claims/no-such-claim/").status_code == 404


def test_claim_in_an_unpublished_topic_is_not_found(client):
    claim = make_claim(topic=make_topic(is_published=False))
    assert page(client, claim)[0].status_code == 404


@pytest.mark.parametrize("state", [ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW])
def test_caution_banner_on_claims_not_yet_approved(client, state):
    _, html = page(client, make_claim(state=state))
    assert 'role="note"' in html
    assert "A medical reviewer has not yet approved this page" in html


def test_no_caution_banner_on_approved_claims(client):
    _, html = page(client, make_claim(state=ReviewState.APPROVED))
    assert "A medical reviewer has not yet approved" not in html


def test_evidence_is_grouped_by_source_type_with_verification_marks(client):
    from claims.models import SourceType

    claim = make_claim()
    guideline = make_source(source_type=SourceType.GUIDELINE, citation="Guideline citation.",
                            doi="10.1016/j.clnu.2017.09.003", pmid="29274834",
                            citation_note="Wording seen only in a summary.")
    study = make_source(source_type=SourceType.OBSERVATIONAL, citation="Study citation.",
                        doi="", pmid="")
    make_evidence(claim, source=study, seen_as="unchecked", order=1)
    make_evidence(claim, source=guideline, seen_as="source", order=2)
    _, html = page(client, claim)
    assert html.index("<h4>Guideline</h4>") < html.index("Guideline citation.")
    assert html.index("Guideline citation.") < html.index("<h4>Observational study</h4>")
    assert html.index("<h4>Observational study</h4>") < html.index("Study citation.")
    assert "we saw this in the published source" in html
    assert "Not yet checked" in html
    assert ('href="https://doi.org/10.1016/j.clnu.2017.09.003" rel="nofollow noopener"'
            in html)
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/29274834/" rel="nofollow noopener"' in html
    assert "Wording seen only in a summary." in html


def test_grades_show_their_plain_meaning_and_link_to_the_scheme(client):
    claim = make_claim()
    grade = make_grade(label="Grade 0", plain_meaning="Experts agree; there are no trials.")
    make_evidence(claim, grade=grade, grade_question="This claim's question",
                  grade_answers_claim=True)
    _, html = page(client, claim)
    assert "Grade 0" in html and "Experts agree; there are no trials." in html
    assert f'href="/about/evidence/#scheme-{grade.scheme.slug}"' in html


def test_origins_are_named_but_never_linked(client):
    claim = make_claim()
    origin = make_origin(name="Miracle Vitamins blog", url="https://miracle.example/b12")
    claim_origin = add_origin(claim, origin, wording="B12 cures MS fatigue")
    claim_origin.relies_on.add(make_citation_check(
        origin, cited_as="Reynolds EH. Lancet 1992",
        finding="The paper is in Arch Neurol, not the Lancet."))
    _, html = page(client, claim)
    assert "Miracle Vitamins blog" in html
    assert "miracle.example" not in html.split('type="application/ld+json"')[0]
    assert 'href="https://miracle.example' not in html
    assert "Reynolds EH. Lancet 1992" in html
    assert "Wrong details" in html
    assert "The paper is in Arch Neurol, not the Lancet." in html


def test_dose_check_compares_amounts_and_says_it_is_not_advice(client):
    claim = make_claim()
    make_dose_check(claim, claimed_amount="1,000 to 5,000 mcg a day")
    response = client.get(f"/claims/{claim.slug}/", {"audience": "clinician"})
    html = response.content.decode()
    assert "1,000 to 5,000 mcg a day" in html
    assert "1 mg a day" in html and "Used to treat a diagnosed lack of B12." in html
    assert "This is not advice on what to take." in html


def test_verdict_changes_are_listed(client):
    claim = make_claim(verdict=make_verdict("C"))
    make_verdict_change(claim, reason="A trial showed no difference.")
    _, html = page(client, claim)
    assert "Changes to this verdict" in html
    assert "A trial showed no difference." in html
    assert "1 March 2025" in html


def test_no_verdict_changes_section_when_there_are_none(client):
    assert "Changes to this verdict" not in page(client, make_claim())[1]


def test_patient_is_the_default_audience_and_no_cookie_is_set(client):
    response, html = page(client, make_claim())
    assert "Patient summary" in html and "Clinician summary" not in html
    assert response.cookies == {}
    assert 'id="audience-patient"' in html
    assert 'aria-current="true">Patients' in html


def test_audience_switch_sets_a_cookie_and_shows_the_clinician_summary(client):
    claim = make_claim()
    response, html = page(client, claim, data={"audience": "clinician"})
    assert "Clinician summary" in html and "Patient summary" not in html
    assert 'aria-current="true">Clinicians' in html
    cookie = response.cookies["audience"]
    assert cookie.value == "clinician"
    assert cookie["samesite"] == "Lax" and cookie["httponly"]
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    # The next visit without the parameter remembers the choice.
    _, html = page(client, claim)
    assert "Clinician summary" in html


def test_unknown_audience_is_ignored(client):
    response, html = page(client, make_claim(), data={"audience": "<script>"})
    assert "Patient summary" in html
    assert response.cookies == {}


def test_htmx_switch_returns_only_the_summary_panel(client):
    claim = make_claim()
    response, html = page(client, claim, data={"audience": "clinician"}, HTTP_HX_REQUEST="true")
    assert html.lstrip().startswith('<div id="audience-panel"')
    assert "Clinician summary" in html
    assert "<html" not in html
    assert response.cookies["audience"].value == "clinician"


def test_page_sends_validators_and_answers_304(client):
    claim = make_claim()
    response, _ = page(client, claim)
    assert response["ETag"] and response["Last-Modified"]
    assert "Cookie" in response["Vary"] and "HX-Request" in response["Vary"]
    again = client.get(f"/claims/{claim.slug}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    again = client.get(f"/claims/{claim.slug}/",
                       HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_etag_changes_with_the_claim_and_the_audience(client):
    claim = make_claim()
    etag = page(client, claim)[0]["ETag"]
    client.cookies["audience"] = "clinician"
    assert page(client, claim)[0]["ETag"] != etag
    del client.cookies["audience"]
    claim.verdict_reason = "A new reason."
    claim.save()
    response = client.get(f"/claims/{claim.slug}/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "A new reason." in response.content.decode()


def test_switch_link_always_renders_so_the_cookie_is_set(client):
    claim = make_claim()
    etag = page(client, claim, data={"audience": "patient"})[0].get("ETag")
    response = client.get(f"/claims/{claim.slug}/", {"audience": "patient"},
                          HTTP_IF_NONE_MATCH=etag or "*")
    assert response.status_code == 200
    assert response.cookies["audience"].value == "patient"


def _claim_with_sources(count):
    claim = make_claim(reviewed_by=None)
    origin = make_origin()
    add_origin(claim, origin)
    make_citation_check(origin)
    make_dose_check(claim)
    make_verdict_change(claim)
    for _ in range(count):
        make_evidence(claim, grade=make_grade())
    return claim


@pytest.mark.parametrize("sources", [1, 30])
def test_claim_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, sources):
    claim = _claim_with_sources(sources)
    # 1. the content version, for ETag/Last-Modified and the page-cache key
    # 2. the claim with topic, verdict, reviewer and dose check
    # 3. evidence with source, grade and scheme
    # 4. claim origins with origin
    # 5. the origins' citation checks with matched source
    # 6. dose check reference amounts with source
    # 7. verdict changes with both verdicts
    with django_assert_num_queries(7):
        assert client.get(f"/claims/{claim.slug}/").status_code == 200


def test_reviewer_name_is_shown(client, reviewer_user):
    # reviewer_user has a complete profile (tests/conftest.py); an approved page credits it.
    _, html = page(client, make_claim(reviewed_by=reviewer_user,
                                      last_reviewed=datetime.date(2025, 2, 1)))
    assert "Reviewed by Dr Rita.Reviewer, Consultant neurologist" in html
