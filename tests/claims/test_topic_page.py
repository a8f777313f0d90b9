"""The public topic page: claims grouped by verdict, the audience switch, and its speed."""

import pytest

from claims.models import ReviewState
from tests.factories import make_claim, make_topic, make_verdict

pytestmark = pytest.mark.django_db


def test_topic_page_groups_public_claims_by_verdict(client):
    topic = make_topic(title="Vitamin B12 and MS", intro_md="B12 keeps nerves healthy.",
                       what_to_do_md="Ask your GP for a blood test.")
    supported = make_claim(topic=topic, verdict=make_verdict("S"),
                           short_wording="Low B12 mimics MS",
                           verdict_reason="Doctors test B12 before they diagnose MS.")
    contradicted = make_claim(topic=topic, verdict=make_verdict("C"),
                              short_wording="Sublingual B12 absorbs better")
    draft = make_claim(topic=topic, state=ReviewState.DRAFT, short_wording="A secret draft")
    response = client.get(f"/topics/{topic.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vitamin B12 and MS</h1>" in html
    assert "B12 keeps nerves healthy." in html and "Ask your GP for a blood test." in html
    assert html.index("Supported</span>") < html.index("Low B12 mimics MS")
    assert html.index("Low B12 mimics MS") < html.index("Contradicted</span>")
    assert html.index("Contradicted</span>") < html.index("Sublingual B12 absorbs better")
    assert "Good evidence says the opposite." in html  # group heading's plain definition
    assert "Doctors test B12 before they diagnose MS." in html
    assert f'href="/claims/{supported.slug}/"' in html
    assert f'href="/claims/{contradicted.slug}/"' in html
    assert "A secret draft" not in html and draft.slug not in html


def test_unpublished_and_unknown_topics_are_not_found(client):
    topic = make_topic(is_published=False)
    make_claim(topic=topic)
    assert client.get(f"/topics/{topic.slug}/").status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_claims_under_review_are_marked_in_the_list(client):
    topic = make_topic()
    make_claim(topic=topic, state=ReviewState.UNDER_REVIEW)
    html = client.get(f"/topics/{topic.slug}/").content.decode()
    assert "Awaiting medical review" in html


def test_clinician_audience_shows_clinician_summaries_and_sets_cookie(client):
    topic = make_topic()
    make_claim(topic=topic)
    response = client.get(f"/topics/{topic.slug}/", {"audience": "clinician"})
    assert "Clinician summary" in response.content.decode()
    assert response.cookies["audience"].value == "clinician"
    patient = client.get(f"/topics/{topic.slug}/", {"audience": "patient"})
    assert "Clinician summary" not in patient.content.decode()


def test_htmx_switch_returns_the_panel_only(client):
    topic = make_topic()
    make_claim(topic=topic)
    response = client.get(f"/topics/{topic.slug}/", {"audience": "clinician"},
                          HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="audience-panel"')
    assert "<html" not in html


def test_topic_page_answers_304_and_changes_when_a_claim_changes(client):
    topic = make_topic()
    claim = make_claim(topic=topic)
    first = client.get(f"/topics/{topic.slug}/")
    assert "Cookie" in first["Vary"] and "HX-Request" in first["Vary"]
    assert client.get(f"/topics/{topic.slug}/",
                      HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(f"/topics/{topic.slug}/",
                      HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    claim.short_wording = "Changed wording"
    claim.save()
    again = client.get(f"/topics/{topic.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "Changed wording" in again.content.decode()


@pytest.mark.parametrize("claims", [1, 30])
def test_topic_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, claims):
    topic = make_topic()
    for code in ["S", "P", "N", "C", "I"] * (claims // 5) or ["S"]:
        make_claim(topic=topic, verdict=make_verdict(code))
    # 1. the content version, for ETag/Last-Modified and the page-cache key
    # 2. the published topic
    # 3. its public claims with their verdicts
    with django_assert_num_queries(3):
        assert client.get(f"/topics/{topic.slug}/").status_code == 200
