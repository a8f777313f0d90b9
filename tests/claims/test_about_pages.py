"""Home, the verdict scale, editorial policy, corrections, disclaimer and the 404 page."""

import pytest

from claims.models import ReviewState
from tests.claims.factories import (
    make_claim,
    make_grade,
    make_topic,
    make_verdict,
    make_verdict_change,
    make_verdicts,
)

pytestmark = pytest.mark.django_db


def test_home_lists_published_topics_with_public_claim_counts(client):
    topic = make_topic(title="Vitamin B12 and MS")
    make_claim(topic=topic)
    make_claim(topic=topic, state=ReviewState.UNDER_REVIEW)
    make_claim(topic=topic, state=ReviewState.DRAFT)
    make_topic(title="Hidden topic", is_published=False)
    html = client.get("/").content.decode()
    assert "Vitamin B12 and MS" in html and "(2 claims)" in html
    assert "Hidden topic" not in html
    assert 'action="/search/"' in html and '<label for="home-q">' in html
    assert "does not diagnose you or tell you what dose to take" in html


def test_evidence_scale_explains_verdicts_ratings_and_grades(client):
    make_verdicts()
    grade = make_grade(label="Grade 0", plain_meaning="Experts agree; there are no trials.")
    response = client.get("/about/evidence/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ["Supported", "Partly supported, needs context", "Not enough evidence",
                  "Not supported", "Contradicted"]:
        assert label in html
    assert "<tr><td>1</td><td>Contradicted</td></tr>" in html
    assert "<tr><td>5</td><td>Supported</td></tr>" in html
    assert "bestRating" in html and "worstRating" in html
    assert f'id="scheme-{grade.scheme.slug}"' in html
    assert "Experts agree; there are no trials." in html
    assert 'id="verdict-s"' in html


def test_editorial_policy_explains_review_and_verification(client):
    html = client.get("/about/editorial-policy/").content.decode()
    assert "different medical reviewer" in html
    assert "Drafts are never shown" in html
    assert "Not yet checked against the original document" in html
    assert "last reviewed" in html
    assert 'href="/about/corrections/"' in html


def test_corrections_lists_verdict_changes_of_public_claims_only(client):
    public = make_claim(short_wording="B12 cures fatigue", verdict=make_verdict("N"))
    make_verdict_change(public, reason="A trial found no benefit.")
    hidden = make_claim(short_wording="Hidden draft", state=ReviewState.DRAFT)
    make_verdict_change(hidden, reason="Secret reason.")
    html = client.get("/about/corrections/").content.decode()
    assert "B12 cures fatigue" in html and f'href="/claims/{public.slug}/"' in html
    assert "A trial found no benefit." in html and "1 March 2025" in html
    assert "Not enough evidence" in html and "Not supported" in html
    assert "Secret reason." not in html and "Hidden draft" not in html


def test_corrections_page_says_when_there_are_none(client):
    assert "No published verdict has been changed yet." in client.get(
        "/about/corrections/").content.decode()


def test_disclaimer_says_it_is_not_advice(client):
    html = client.get("/about/disclaimer/").content.decode()
    assert "It is not medical advice" in html


@pytest.mark.parametrize(
    "url", ["/", "/search/", "/about/evidence/", "/about/editorial-policy/",
            "/about/corrections/", "/about/disclaimer/"],
)
def test_public_pages_answer_and_set_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {}
    assert "style=" not in response.content.decode()
    assert "onclick" not in response.content.decode()


def test_pages_refuse_post(client):
    claim = make_claim()
    assert client.post(f"/claims/{claim.slug}/").status_code == 405
    assert client.post("/search/").status_code == 405


def test_404_page_keeps_its_help(client):
    html = client.get("/topics/nothing-here/").content.decode()
    assert "Page not found" in html and "search the claims" in html
