"""For whom a verdict holds ("in people with a first episode, not yet on treatment"), shown next
to the verdict wherever the verdict is: the claim page, the topic list, search results, an
origin's page, both handouts, the structured data and the feed; set by editors beside the
verdict, under review like the rest of a published claim."""

import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import views
from claims.models import ClaimRevision, ReviewState
from claims.search import ranking
from claims.structured_data import claim_page_graph, verdict_statement
from tests.editorial.helpers import claim_change_url, claim_form_data
from tests.factories import (
    add_origin,
    make_claim,
    make_draft_claim,
    make_origin,
    make_topic,
    make_verdict,
)

pytestmark = pytest.mark.django_db

FIRST_EPISODE = "in people with a first episode of MS symptoms who are not yet on MS treatment"
SHOWN = f"This verdict applies only {FIRST_EPISODE}."


def text_of(html: str) -> str:
    body = html.split("<body", 1)[1] if "<body" in html else html
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture
def vitamin_d(reviewer_user):
    """An approved claim whose verdict holds for a narrow group only, and one for everyone."""
    topic = make_topic(slug="supplement-stack", title="The daily supplement stack for MS")
    narrow = make_claim(
        topic=topic, slug="vitamin-d-treats-ms", verdict=make_verdict("P"),
        text="Vitamin D treats MS: taking it with your MS medicine cuts relapses.",
        short_wording="Vitamin D supplements treat MS and cut relapses",
        verdict_reason="Trials beside MS medicines found no fewer relapses.",
        verdict_population=FIRST_EPISODE, reviewed_by=reviewer_user,
    )
    everyone = make_claim(
        topic=topic, slug="omega-3-helps-ms", verdict=make_verdict("N"),
        text="Omega-3 fish oil helps MS.", short_wording="Omega-3 fish oil supplements help MS",
    )
    return narrow, everyone


# --- patients and clinicians ----------------------------------------------------------------


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_claim_page_says_for_whom_right_under_the_verdict(client, vitamin_d, audience):
    narrow, _ = vitamin_d
    html = client.get(f"/claims/{narrow.slug}/", {"audience": audience}).content.decode()
    answer = text_of(html.split('<div class="answer">', 1)[1].split("</div>", 1)[0])

    assert "Our verdict: Partly supported, needs context" in answer
    assert SHOWN in answer
    assert answer.index("Our verdict") < answer.index(SHOWN) < answer.index("In short")
    # The description search engines show carries it too.
    assert (f'<meta name="description" content="Partly supported, needs context (only '
            f'{FIRST_EPISODE}):') in html


def test_a_verdict_for_everyone_says_nothing_more(client, vitamin_d):
    _, everyone = vitamin_d
    html = client.get(f"/claims/{everyone.slug}/").content.decode()
    assert "This verdict applies only" not in html
    assert 'class="verdict-population"' not in html


def test_a_full_stop_the_editor_typed_is_not_doubled(client):
    claim = make_claim(verdict_population="for people whose B12 level is normal.")
    html = client.get(f"/claims/{claim.slug}/").content.decode()
    assert "This verdict applies only for people whose B12 level is normal.</strong>" in html


def test_the_topic_list_shows_it_beside_the_claims_verdict(client, vitamin_d):
    narrow, everyone = vitamin_d
    html = client.get(f"/topics/{narrow.topic.slug}/").content.decode()
    items = {
        slug: text_of(item) for item in re.findall(r'<li class="claim-item">.*?</li>', html, re.S)
        for slug in (narrow.slug, everyone.slug) if f"/claims/{slug}/" in item
    }
    assert SHOWN in items[narrow.slug]
    assert "Trials beside MS medicines" in items[narrow.slug]
    assert "applies only" not in items[everyone.slug]


def test_search_results_show_it_beside_the_verdict(client, vitamin_d):
    html = client.get("/search/", {"q": "vitamin d relapses"}).content.decode()
    result = text_of(html.split('<li class="result">', 1)[1].split("</li>", 1)[0])
    assert "Vitamin D supplements treat MS and cut relapses" in result
    assert "Verdict: Partly supported, needs context" in result and SHOWN in result


def test_an_origins_page_shows_it_beside_the_verdict(client, vitamin_d):
    narrow, _ = vitamin_d
    origin = make_origin()
    add_origin(narrow, origin)
    assert SHOWN in text_of(client.get(f"/origins/{origin.key}/").content.decode())


def test_both_handouts_say_for_whom(client, vitamin_d):
    narrow, everyone = vitamin_d
    claim_handout = text_of(
        client.get(reverse("handouts:claim", args=[narrow.slug])).content.decode())
    topic_handout = text_of(
        client.get(reverse("handouts:topic", args=[narrow.topic.slug])).content.decode())

    assert "Our verdict: Partly supported, needs context" in claim_handout
    assert SHOWN in claim_handout
    assert f"Trials beside MS medicines found no fewer relapses. {SHOWN}" in topic_handout
    assert topic_handout.count("This verdict applies only") == 1


# --- machines: structured data and the feed -------------------------------------------------


def test_the_claim_review_rating_says_for_whom_and_the_claim_stays_as_made(client, vitamin_d):
    narrow, _ = vitamin_d
    html = client.get(f"/claims/{narrow.slug}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    review = next(node for node in json.loads(block.group(1))["@graph"]
                  if node["@type"] == "ClaimReview")

    assert review["claimReviewed"] == "Vitamin D supplements treat MS and cut relapses"
    assert review["reviewRating"]["alternateName"] == (
        f"Partly supported, needs context (only {FIRST_EPISODE})")
    # Everything in it is on the page: the label, and the same group in the same words.
    text = text_of(html)
    assert "Our verdict: Partly supported, needs context" in text and FIRST_EPISODE in text


def test_a_verdict_for_everyone_keeps_its_plain_label(vitamin_d):
    _, everyone = vitamin_d
    assert verdict_statement(everyone) == "Not supported"
    review = claim_page_graph(everyone, "patient")["@graph"][0]
    assert review["reviewRating"]["alternateName"] == "Not supported"


def test_the_feed_gives_for_whom_with_the_verdict(client, vitamin_d):
    entries = {entry["slug"]: entry for entry in client.get("/api/claims.json").json()["results"]}
    assert entries["vitamin-d-treats-ms"]["verdict"]["population"] == FIRST_EPISODE
    assert entries["omega-3-helps-ms"]["verdict"]["population"] == ""
    rating = entries["vitamin-d-treats-ms"]["claim_review"]["reviewRating"]
    assert rating["alternateName"].endswith(f"(only {FIRST_EPISODE})")


# --- query counts: the population is on the claim row the pages already read ---------------


def test_the_topic_and_search_pages_read_it_without_a_query_more(
    client, django_assert_num_queries, vitamin_d
):
    narrow, _ = vitamin_d
    for n in range(10):
        make_claim(topic=narrow.topic, verdict_population=f"in group {n}")
    # 1. the content version  2. the published topic  3. its public claims with verdicts
    with django_assert_num_queries(3):
        assert client.get(f"/topics/{narrow.topic.slug}/").status_code == 200
    # Search reads it with the results (claims.search.scoring.RESULT_FIELDS): ten results
    # take the same queries as one (the search's own count is pinned in test_search.py).
    client.get("/search/", {"q": "warm"})  # this process's indexes of this content version

    def search(query):
        # Neither search finds claims an earlier one kept (claims.search.ranking) or rows
        # the page kept (claims.views): each reads its results' claims, ten in one query.
        ranking.forget_kept_claims()
        views._search_rows.clear()
        return client.get("/search/", {"q": query}).content.decode()

    with CaptureQueriesContext(connection) as one:
        html = search("vitamin d relapses")
    assert html.count("This verdict applies only") == 1
    with CaptureQueriesContext(connection) as ten:
        html = search("remedy")
    assert html.count("This verdict applies only in group") == 10

    def result_reads(queries):  # the results' claims, read for their rows: population too
        return [each for each in queries.captured_queries
                if "verdict_population" in each["sql"]]

    assert len(result_reads(one)) == len(result_reads(ten)) == 1


# --- editors in the admin ---------------------------------------------------------------------


def test_an_editor_sets_it_beside_the_verdict_and_reason(client, editor_user):
    claim = make_draft_claim(author=editor_user)
    client.force_login(editor_user)
    response = client.get(claim_change_url(claim))
    fieldsets = {
        fieldset.name: [field for line in fieldset for field in line.fields]
        for fieldset in response.context["adminform"]
    }
    assert fieldsets["Verdict"][:3] == ["verdict", "verdict_reason", "verdict_population"]
    html = response.content.decode()
    assert "For whom the verdict holds" in html
    assert "if narrower than everyone with MS" in html  # its help text

    data = claim_form_data(claim, verdict_population=FIRST_EPISODE)
    assert client.post(claim_change_url(claim), data).status_code == 302
    claim.refresh_from_db()
    assert claim.verdict_population == FIRST_EPISODE  # a draft is written in place


def test_on_a_published_claim_it_waits_for_review(client, editor_user, reviewer_user):
    claim = make_draft_claim(state=ReviewState.APPROVED)
    client.force_login(editor_user)
    data = claim_form_data(claim, verdict_population=FIRST_EPISODE)

    assert client.post(claim_change_url(claim), data).status_code == 302

    claim.refresh_from_db()
    assert claim.verdict_population == ""
    client.logout()
    assert FIRST_EPISODE not in client.get(f"/claims/{claim.slug}/").content.decode()
    revision = ClaimRevision.objects.get(claim=claim)
    assert revision.data["verdict_population"] == FIRST_EPISODE
