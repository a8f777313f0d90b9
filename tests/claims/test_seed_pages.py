"""The shipped seed content (content/*.json) through the public pages and search."""

import pytest

from claims.models import Claim
from claims.search import search_claims


def test_topic_page_lists_all_35_b12_claims(client, seed_content):
    response = client.get("/topics/vitamin-b12-and-ms/")
    html = response.content.decode()
    claims = Claim.objects.public().filter(topic__slug="vitamin-b12-and-ms")
    assert response.status_code == 200
    assert claims.count() == 35
    for claim in claims:
        assert f'href="/claims/{claim.slug}/"' in html


def test_sublingual_b12_finds_the_sublingual_claim_first(seed_content):
    # Seed claim 15: "Sublingual forms absorb better" (worded there as "under the tongue").
    results = search_claims("sublingual b12")
    assert results
    assert results[0].slug == "sublingual-b12-absorbs-better"


@pytest.mark.parametrize(
    "query, expected_words",
    [
        ("B-12", ["b12", "b-12", "b 12"]),
        ("methylcobolamin", ["methylcobalamin"]),
        ("remyelinate", ["remyelinat"]),
    ],
)
def test_lay_and_misspelled_queries_find_a_relevant_claim(seed_content, query, expected_words):
    results = search_claims(query)
    assert results
    wording = " ".join([results[0].text, results[0].short_wording, results[0].aliases]).lower()
    assert any(word in wording for word in expected_words)


def test_every_seed_claim_page_renders(client, seed_content):
    for claim in Claim.objects.public():
        assert client.get(f"/claims/{claim.slug}/").status_code == 200
