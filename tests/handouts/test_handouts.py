"""Handout pages as a patient, a clinician and an editor get them (HTML; printing is in
test_print_pdf.py)."""

import re

import pytest
import textstat
from django.urls import reverse

from claims.models import Claim, ReviewState
from tests.factories import make_claim, make_evidence

pytestmark = pytest.mark.django_db
SUBLINGUAL = "sublingual-b12-absorbs-better"


def _text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_claim_handout_has_claim_verdict_why_what_to_do_sources_and_footer(client, seed_content):
    html = client.get(reverse("handouts:claim", args=[SUBLINGUAL])).content.decode()
    claim = Claim.objects.get(slug=SUBLINGUAL)
    text = _text(html)
    for expected in ("What you may have read", claim.text, "Our verdict: Contradicted",
                     "Why", "What to do instead", "Sources", "NIH ODS vitamin B12 fact sheet",
                     "Read it online, kept up to date: http://127.0.0.1:8000/claims/"
                     f"{SUBLINGUAL}/", "Printed ", "Not yet approved by a clinical reviewer"):
        assert expected in text, expected
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'class="qr-code"' in html
    assert "data-print-button" in html and 'href="/claims/' not in html.split("<main>")[0]


def test_claim_handout_shows_review_dates_once_approved(client, reviewer_user):
    claim = make_claim(state=ReviewState.APPROVED, reviewed_by=reviewer_user)
    make_evidence(claim=claim)
    text = _text(client.get(reverse("handouts:claim", args=[claim.slug])).content.decode())
    assert "Checked by a medical reviewer. Last reviewed" in text
    assert "Next review due" in text


@pytest.mark.parametrize("state", [ReviewState.DRAFT, ReviewState.SUBMITTED,
                                   ReviewState.CHANGES_REQUESTED])
def test_unpublished_claims_have_no_public_handout(client, state):
    claim = make_claim(state=state)
    assert client.get(reverse("handouts:claim", args=[claim.slug])).status_code == 404


def test_topic_handout_lists_every_claim_with_verdict_and_a_one_line_reason(client, seed_content):
    html = client.get(reverse("handouts:topic", args=["vitamin-b12-and-ms"])).content.decode()
    text = _text(html)
    for claim in Claim.objects.filter(topic__slug="vitamin-b12-and-ms"):
        assert claim.short_wording in text
    for label in ("Supported", "Partly supported", "Not supported", "Contradicted",
                  "Not enough evidence"):
        assert f"Our verdict: {label}" in text
    assert "What to do instead" in text
    assert "0 of 35 claims checked by a medical reviewer" in text


def test_handout_pages_run_a_fixed_number_of_queries(
    client, seed_content, django_assert_num_queries
):
    # 1 claim (+topic, verdict, reviewer, dose check), 2 evidence, 3 origins,
    # 4 citation checks, 5 verdict changes (no dose check on this claim, so no reference query)
    with django_assert_num_queries(5):
        client.get(reverse("handouts:claim", args=[SUBLINGUAL]))
    # 1 topic, 2 its public claims with verdicts
    with django_assert_num_queries(2):
        client.get(reverse("handouts:topic", args=["vitamin-b12-and-ms"]))


def test_handout_patient_wording_is_at_reading_grade_8_or_lower(client, seed_content):
    grades = {}
    for slug in Claim.objects.values_list("slug", flat=True):
        html = client.get(reverse("handouts:claim", args=[slug])).content.decode()
        main = html.split('<ul class="sources">')[0].split("<main>")[1]
        grades[slug] = textstat.flesch_kincaid_grade(_text(main))
    worst = sorted(grades.items(), key=lambda item: -item[1])[:3]
    assert max(grades.values()) <= 8, worst


def test_editors_print_selected_claims_from_the_admin_as_one_document(client, seed_content,
                                                                       editor_user):
    client.force_login(editor_user)
    ids = list(Claim.objects.order_by("number").values_list("pk", flat=True)[:3])
    response = client.post(reverse("admin:claims_claim_changelist"), {
        "action": "print_handouts", "_selected_action": ids,
    })
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert html.count('class="claim-block') == 3
    assert html.count("page-break") == 2


def test_batch_handouts_are_for_staff_only_and_refuse_bad_ids(client, seed_content, editor_user):
    url = reverse("handouts:claims_batch")
    assert client.get(url + "?ids=1").status_code == 403  # names no admin address
    client.force_login(editor_user)
    assert client.get(url + "?ids=abc").status_code == 400
    assert client.get(url + "?ids=").status_code == 400
    assert client.get(url + "?ids=" + ",".join(["1"] * 101)).status_code == 400
