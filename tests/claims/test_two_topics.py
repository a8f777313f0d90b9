"""The site is a database of topics, not a page about B12: every published topic is on the home
page, in search, the sitemap, the feed and a handout, and a page that is about B12 only (the
explorer) says so.

The first tests use factories (any two topics); the rest read the shipped content, where the
second topic is the daily supplement stack (content/supplement-stack.json).
"""

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.urls import reverse

from claims.models import Claim, Topic
from claims.search import search_claims
from claims.views import SUGGESTED_SEARCHES
from tests.factories import make_claim, make_dose_check, make_topic

pytestmark = pytest.mark.django_db

B12 = "vitamin-b12-and-ms"
STACK = "supplement-stack"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def text_of(html: str) -> str:
    body = html.split("<body", 1)[1] if "<body" in html else html
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def sitemap_paths(client) -> set[str]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {url.find("s:loc", NS).text.split("//", 1)[1].split("/", 1)[1]
            for url in root.findall("s:url", NS)}


# --- any two topics (factories) -------------------------------------------------------------


@pytest.fixture
def two_topics():
    first = make_topic(slug="first-topic", title="Vitamin B12 and MS", order=1)
    second = make_topic(slug="second-topic", title="The daily supplement stack for MS", order=2)
    make_claim(topic=first, slug="b12-claim", text="B12 cures MS.", short_wording="B12 cures MS")
    make_claim(topic=second, slug="vitamin-d-claim", text="Vitamin D cures MS.",
               short_wording="Vitamin D cures MS")
    make_claim(topic=second, slug="omega-claim", text="Omega-3 cures MS.",
               short_wording="Omega-3 cures MS")
    make_topic(slug="hidden-topic", title="Not yet published", is_published=False)
    return first, second


def test_the_home_page_lists_every_published_topic_with_its_claim_count(client, two_topics):
    text = text_of(client.get("/").content.decode())
    assert "Vitamin B12 and MS (1 claim)" in text
    assert "The daily supplement stack for MS (2 claims)" in text
    assert "Not yet published" not in text


def test_search_spans_both_topics_and_names_each_results_topic(client, two_topics):
    results = text_of(client.get("/search/", {"q": "cures ms"}).content.decode())
    assert "Topic: Vitamin B12 and MS" in results
    assert "Topic: The daily supplement stack for MS" in results


def test_the_sitemap_and_feed_cover_both_topics(client, two_topics):
    paths = sitemap_paths(client)
    assert {"topics/first-topic/", "topics/second-topic/"} <= paths
    assert {"claims/b12-claim/", "claims/vitamin-d-claim/", "claims/omega-claim/"} <= paths
    assert "topics/hidden-topic/" not in paths
    entries = client.get("/api/claims.json").json()["results"]
    assert {entry["topic"]["slug"] for entry in entries} == {"first-topic", "second-topic"}


def test_each_topic_has_its_own_handout(client, two_topics):
    first, second = two_topics
    html = client.get(reverse("handouts:topic", args=[second.slug])).content.decode()
    assert "The daily supplement stack for MS: what the evidence says" in html
    assert "Vitamin D cures MS" in html and "Omega-3 cures MS" in html
    assert "B12 cures MS" not in html


def test_a_dose_check_on_another_supplement_does_not_speak_of_b12(client, two_topics):
    claim = Claim.objects.get(slug="vitamin-d-claim")
    make_dose_check(claim, claimed_amount="10,000 IU a day")
    notice = text_of(client.get(f"/claims/{claim.slug}/").content.decode())
    assert ("This is not advice on what to take. Only your doctor can tell you if you need a "
            "supplement, which kind and how much.") in notice
    assert "vitamin B12" not in notice.split("The amount in this claim")[1].split("Sources")[0]


def test_the_home_and_search_pages_suggest_searches_from_both_topics(client, two_topics):
    html = client.get("/search/").content.decode()
    for query in ("b12 injections", "vitamin d", "fish oil", "biotin"):
        assert query in SUGGESTED_SEARCHES
        assert f'href="/search/?q={query.replace(" ", "%20")}"' in html
    assert "vitamin D for MS" in client.get("/").content.decode()


# --- the explorer is about B12 and MS only -----------------------------------------------------


def test_the_explorer_says_it_is_about_b12_only(client):
    text = text_of(client.get(reverse("assessments:explorer")).content.decode())
    assert ("This explorer compares MS with a lack of vitamin B12 only. It does not cover "
            "vitamin D or other supplements.") in text
    # Said near the top, before the first signs to tick.
    assert text.index("vitamin B12 only") < text.index("Check these first")


# --- the shipped content ----------------------------------------------------------------------


def test_both_shipped_topics_are_on_the_home_page(client, seed_content):
    text = text_of(client.get("/").content.decode())
    for topic in Topic.objects.published():
        count = Claim.objects.public().filter(topic=topic).count()
        assert f"{topic.title} ({count} claims)" in text
    assert {B12, STACK} <= set(Topic.objects.published().values_list("slug", flat=True))


def test_the_new_topic_and_all_its_claims_are_in_the_sitemap(client, seed_content):
    paths = sitemap_paths(client)
    assert f"topics/{STACK}/" in paths and f"topics/{B12}/" in paths
    for slug in Claim.objects.public().filter(topic__slug=STACK).values_list("slug", flat=True):
        assert f"claims/{slug}/" in paths


def test_the_feed_covers_every_public_claim_of_both_topics(client, seed_content):
    first = client.get("/api/claims.json").json()
    entries = list(first["results"])
    for page in range(2, first["pages"] + 1):
        entries += client.get("/api/claims.json", {"page": page}).json()["results"]
    assert len(entries) == first["count"] == Claim.objects.public().count()
    by_topic = {}
    for entry in entries:
        by_topic.setdefault(entry["topic"]["slug"], set()).add(entry["slug"])
    assert by_topic[STACK] == set(
        Claim.objects.public().filter(topic__slug=STACK).values_list("slug", flat=True))
    assert len(by_topic[STACK]) == 13 and B12 in by_topic


def test_the_new_topics_handout_lists_each_of_its_claims(client, seed_content):
    html = client.get(reverse("handouts:topic", args=[STACK])).content.decode()
    for wording in Claim.objects.public().filter(topic__slug=STACK).values_list(
            "short_wording", flat=True):
        assert f"<strong>{unescape(wording)}.</strong>" in unescape(html)


def test_each_suggested_search_finds_a_claim(client, seed_content):
    for query in SUGGESTED_SEARCHES:
        assert search_claims(query, limit=1), query


def test_search_finds_the_new_topics_claim_with_its_topic_named(client, seed_content):
    html = client.get("/search/", {"q": "biotin progressive"}).content.decode()
    first = text_of(html.split('<li class="result">', 1)[1].split("</li>", 1)[0])
    assert "High-dose biotin treats progressive MS" in first
    assert "Topic: The daily supplement stack for MS" in first


def test_the_shipped_retraction_is_flagged_on_the_probiotics_page(client, seed_content):
    html = client.get("/claims/probiotics-improve-ms/").content.decode()
    assert 'class="source-item source-flagged source-retracted"' in html
    assert 'class="source-item source-flagged source-related_concern"' in html
    clinician = client.get("/claims/probiotics-improve-ms/", {"audience": "clinician"})
    assert "The notice:" in clinician.content.decode()


def test_the_shipped_vitamin_d_verdict_says_for_whom(client, seed_content):
    claim = Claim.objects.get(slug="vitamin-d-treats-ms")
    assert claim.verdict_population
    html = client.get(f"/claims/{claim.slug}/").content.decode()
    assert f"This verdict applies only {claim.verdict_population.rstrip('.')}" in unescape(html)
    topic = unescape(client.get(f"/topics/{STACK}/").content.decode())
    assert f"This verdict applies only {claim.verdict_population.rstrip('.')}" in topic


def test_the_new_topic_page_runs_the_same_queries_as_the_first(
    client, seed_content, django_assert_num_queries
):
    for slug in (B12, STACK):
        # 1. the content version  2. the published topic  3. its public claims with verdicts
        with django_assert_num_queries(3):
            assert client.get(f"/topics/{slug}/").status_code == 200


@pytest.mark.parametrize("slug", ["high-dose-biotin-progressive-ms", "b-complex-supports-nerves"])
def test_a_patient_reading_about_biotin_is_told_to_tell_the_lab(client, seed_content, slug):
    html = client.get(f"/claims/{slug}/").content.decode()
    todo = text_of(html.split('id="todo-heading"', 1)[1].split("</section>", 1)[0])
    assert "biotin" in todo and re.search(r"\blab\b", todo) and "blood test" in todo
    clinician = client.get(f"/claims/{slug}/", {"audience": "clinician"}).content.decode()
    assert "troponin" in clinician and "thyroid" in clinician
    found = [claim.slug for claim in search_claims("biotin blood test", limit=3)]
    assert "high-dose-biotin-progressive-ms" in found
