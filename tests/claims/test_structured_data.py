"""JSON-LD on claim pages: a ClaimReview and a MedicalWebPage that match the visible page."""

import datetime
import json
import re
from html import unescape

import pytest

from claims.models import ReviewerProfile, ReviewState
from claims.structured_data import claim_page_graph, review_credit, reviewer_name
from tests.factories import add_origin, make_claim, make_origin, make_verdict

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def visible_text(html):
    body = html.split("<body", 1)[1]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def by_type(data, kind):
    return next(node for node in data["@graph"] if node["@type"] == kind)


def complete_profile(user, **overrides) -> ReviewerProfile:
    fields = {"name": "Rita Reviewer", "role": "Consultant neurologist",
              "registration": "GMC 1234567", "conflicts": "None declared"}
    profile, _ = ReviewerProfile.objects.update_or_create(
        user=user, defaults={**fields, **overrides})
    user.refresh_from_db()  # forget the profile the fixture made
    return profile


def test_json_ld_matches_the_visible_page(client, reviewer_user):
    complete_profile(reviewer_user)
    claim = make_claim(
        short_wording="Sublingual B12 absorbs better", verdict=make_verdict("C"),
        first_published=datetime.date(2025, 1, 15), last_reviewed=datetime.date(2025, 2, 1),
        reviewed_by=reviewer_user,
    )
    add_origin(claim, make_origin(name="Miracle Vitamins blog", url="https://m.example/b12"))
    add_origin(claim, make_origin(name="A forum thread", url=""))
    html = client.get(f"/claims/{claim.slug}/").content.decode()
    data = json_ld(html)
    text = visible_text(html)
    review = by_type(data, "ClaimReview")
    page = by_type(data, "MedicalWebPage")

    assert data["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Sublingual B12 absorbs better"
    assert f"<h1 class=\"claim-title\">{review['claimReviewed']}</h1>" in html
    rating = review["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                      "alternateName": "Contradicted"}
    assert f"Our verdict: {rating['alternateName']}" in text
    assert review["url"] == f"http://127.0.0.1:8000/claims/{claim.slug}/"
    assert review["author"] == {"@type": "Organization", "name": "MS Claim Check",
                                "url": "http://127.0.0.1:8000"}
    assert review["datePublished"] == "2025-01-15"
    assert f'<time datetime="{review["datePublished"]}">15 January 2025</time>' in html
    assert review["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "name": "Miracle Vitamins blog", "url": "https://m.example/b12"},
        {"@type": "CreativeWork", "name": "A forum thread"},
    ]
    for work in review["itemReviewed"]["appearance"]:
        assert work["name"] in text

    assert page["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert page["lastReviewed"] == "2025-02-01"
    assert f'<time datetime="{page["lastReviewed"]}">1 February 2025</time>' in html
    assert page["reviewedBy"] == {"@type": "Person", "name": "Rita Reviewer",
                                  "jobTitle": "Consultant neurologist"}
    assert "Reviewed by Rita Reviewer, Consultant neurologist" in text
    assert page["name"] == review["claimReviewed"]
    assert page["about"]["name"] in text


def test_json_ld_follows_the_chosen_audience(client):
    claim = make_claim()
    html = client.get(f"/claims/{claim.slug}/", {"audience": "clinician"}).content.decode()
    page = by_type(json_ld(html), "MedicalWebPage")
    assert page["audience"]["audienceType"] == "Clinician"


def test_optional_fields_are_left_out_when_unknown(client):
    claim = make_claim(first_published=None, last_reviewed=None, reviewed_by=None)
    data = claim_page_graph(claim, "patient")
    page = by_type(data, "MedicalWebPage")
    assert "lastReviewed" not in page and "reviewedBy" not in page
    assert by_type(data, "ClaimReview")["datePublished"] == claim.created_at.date().isoformat()


def test_json_ld_cannot_break_out_of_its_script_element(client):
    claim = make_claim(short_wording="</script><script>alert(1)</script>")
    html = client.get(f"/claims/{claim.slug}/").content.decode()
    assert "<script>alert(1)" not in html
    assert by_type(json_ld(html), "ClaimReview")["claimReviewed"] == claim.short_wording


REVIEWED = datetime.date(2025, 2, 1)


@pytest.mark.parametrize(
    ("state", "reviewed"),
    [(ReviewState.APPROVED, True), (ReviewState.UNDER_REVIEW, False),
     (ReviewState.NEEDS_REREVIEW, False)],
)
def test_only_an_approved_claim_claims_a_review(state, reviewed, reviewer_user):
    complete_profile(reviewer_user)
    claim = make_claim(state=state, reviewed_by=reviewer_user, last_reviewed=REVIEWED)
    data = claim_page_graph(claim, "patient")
    types = [node["@type"] for node in data["@graph"]]
    page = by_type(data, "MedicalWebPage")
    assert ("ClaimReview" in types) is reviewed
    assert ("mainEntity" in page) is reviewed
    assert ("lastReviewed" in page and "reviewedBy" in page) is reviewed
    assert (review_credit(claim) is not None) is reviewed


@pytest.mark.parametrize("missing", ["name", "role", "registration", "conflicts", "profile"])
def test_no_reviewer_is_named_without_a_complete_profile(missing, reviewer_user):
    if missing == "profile":
        ReviewerProfile.objects.filter(user=reviewer_user).delete()
        reviewer_user.refresh_from_db()
    else:
        complete_profile(reviewer_user, **{missing: "  "})
    claim = make_claim(reviewed_by=reviewer_user, last_reviewed=REVIEWED)
    page = by_type(claim_page_graph(claim, "patient"), "MedicalWebPage")
    assert "reviewedBy" not in page and "lastReviewed" not in page
    assert review_credit(claim) is None and reviewer_name(claim) == ""
    # The verdict itself was still approved: the ClaimReview stays.
    assert by_type(claim_page_graph(claim, "patient"), "ClaimReview")


def test_review_credit_gives_what_the_page_shows(reviewer_user):
    complete_profile(reviewer_user, conflicts="Paid talks for a vitamin maker (2023)")
    claim = make_claim(reviewed_by=reviewer_user, last_reviewed=REVIEWED)
    assert review_credit(claim) == {
        "name": "Rita Reviewer", "role": "Consultant neurologist", "date": REVIEWED,
        "conflicts": "Paid talks for a vitamin maker (2023)", "registration": "GMC 1234567",
    }
    assert reviewer_name(claim) == "Rita Reviewer"
