"""The public JSON feed at /api/claims.json: published claims only, paginated, cacheable."""

import pytest

from claims.models import ClaimRevision, ReviewState
from claims.structured_data import claim_review
from tests.factories import (
    add_origin,
    make_claim,
    make_evidence,
    make_grade,
    make_source,
    make_topic,
)

pytestmark = pytest.mark.django_db

FEED = "/api/claims.json"
SITE = "https://claims.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def make_full_claim(**overrides):
    """A claim with graded evidence from a cited source and an origin, as a page shows it."""
    claim = make_claim(**overrides)
    make_evidence(claim, grade=make_grade(), source=make_source(url="https://example.org/a"))
    add_origin(claim)
    return claim


def slugs(response) -> list[str]:
    return [entry["slug"] for entry in response.json()["results"]]


def test_anonymous_reader_gets_each_claim_with_its_review_fields(client):
    claim = make_full_claim()
    evidence = claim.evidence.get()

    response = client.get(FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    entry = response.json()["results"][0]
    assert entry["url"] == f"{SITE}/claims/{claim.slug}/"
    assert entry["state"] == "approved"
    assert entry["verdict"] == {
        "code": "N", "label": "Not supported", "rating_value": 2, "best_rating": 5,
        "worst_rating": 1, "reason": claim.verdict_reason, "population": "",
    }
    assert entry["review"] == {
        "first_published": "2025-01-15", "last_reviewed": "2025-02-01",
        "next_review_due": "2026-02-01",
    }
    assert entry["claim_review"] == claim_review(claim)
    assert entry["grades"] == [{
        "scheme": evidence.grade.scheme.slug, "scheme_name": evidence.grade.scheme.name,
        "code": evidence.grade.code, "label": evidence.grade.label,
    }]
    source = evidence.source
    assert entry["sources"] == [{
        "key": source.key, "short_name": source.short_name, "citation": source.citation,
        "type": "observational", "type_label": "Observational study", "year": 2020,
        "doi": source.doi, "pmid": source.pmid, "url": "https://example.org/a",
        "citation_verified": True, "integrity": None, "checked": "source",
        "evidence_verified": False,
    }]


def test_the_feed_carries_the_licence_and_publisher(client):
    body = client.get(FEED).json()

    assert body["licence"]["name"] == "CC BY 4.0"
    assert body["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["licence"]["attribution"] == f"MS Claim Check ({SITE})"
    assert body["publisher"] == {"name": "MS Claim Check", "url": SITE}
    assert body["count"] == 0
    assert body["results"] == []


@pytest.mark.parametrize(
    ("state", "shown_as"),
    [
        (ReviewState.APPROVED, "approved"),
        (ReviewState.UNDER_REVIEW, "under review"),
        (ReviewState.NEEDS_REREVIEW, "needs re-review"),
    ],
)
def test_public_claims_appear_with_their_state(client, state, shown_as):
    claim = make_claim(state=state)

    entries = client.get(FEED).json()["results"]

    assert [(e["slug"], e["state"]) for e in entries] == [(claim.slug, shown_as)]
    # Only an approved claim carries a ClaimReview; one under review or overdue does not.
    assert (entries[0]["claim_review"] is None) is (state != ReviewState.APPROVED)


@pytest.mark.parametrize(
    ("levels", "checked"),
    [
        (["original"], "original"),
        (["original", "source"], "source"),
        (["source", "summary"], "summary"),
        (["original", "unchecked"], "unchecked"),
    ],
)
def test_each_source_gives_its_weakest_level_of_checking(client, reviewer_user, levels,
                                                         checked):
    claim = make_claim()
    source = make_source()
    for level in levels:
        if level == "original":
            make_evidence(claim, source=source, seen_as="summary", verified=True,
                          verified_by=reviewer_user)
        else:
            make_evidence(claim, source=source, seen_as=level)

    entry = client.get(FEED).json()["results"][0]

    assert [(s["checked"], s["evidence_verified"]) for s in entry["sources"]] == [
        (checked, checked == "original")
    ]


def test_a_tick_without_a_named_reviewer_is_not_a_check(client):
    make_evidence(make_claim(), seen_as="summary", verified=True, verified_by=None)

    source = client.get(FEED).json()["results"][0]["sources"][0]

    assert (source["checked"], source["evidence_verified"]) == ("summary", False)


@pytest.mark.parametrize(
    "state", [ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED]
)
def test_unpublished_claims_never_appear(client, state):
    make_claim(state=state)
    make_claim(topic=make_topic(is_published=False))  # public state, unpublished topic

    body = client.get(FEED).json()

    assert body["count"] == 0
    assert body["results"] == []


def test_a_pending_revision_never_leaks(client, editor_user):
    claim = make_claim(text="The approved wording.")
    ClaimRevision.objects.create(
        claim=claim, author=editor_user,
        data={"text": "A PROPOSED wording", "short_wording": "PROPOSED short"},
    )

    text = client.get(FEED).content.decode()

    assert "The approved wording." in text
    assert "PROPOSED" not in text


def test_fifty_one_claims_make_two_linked_pages(client):
    topic = make_topic()
    claims = [make_claim(topic=topic, number=n, slug=f"claim-{n:02d}") for n in range(1, 52)]

    first = client.get(FEED).json()
    second = client.get(FEED, {"page": 2}).json()

    assert (first["count"], first["pages"], first["page"], first["page_size"]) == (51, 2, 1, 50)
    assert first["next"] == f"{SITE}/api/claims.json?page=2"
    assert first["previous"] is None
    assert second["next"] is None
    assert second["previous"] == f"{SITE}/api/claims.json?page=1"
    listed = [e["slug"] for e in first["results"] + second["results"]]
    assert listed == [claim.slug for claim in claims]


@pytest.mark.parametrize(
    ("page_number", "status"),
    [("abc", 400), ("1.5", 400), ("", 400), ("0", 404), ("-1", 404), ("2", 404),
     ("9" * 40, 404)],
)
def test_a_bad_page_is_a_json_error_not_a_crash(client, page_number, status):
    make_claim()

    response = client.get(FEED, {"page": page_number})

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["status"] == status


def test_etag_then_not_modified_until_the_content_changes(client):
    claim = make_claim()
    first = client.get(FEED)
    etag = first["ETag"]

    again = client.get(FEED, headers={"if-none-match": etag})
    claim.verdict_reason = "A clearer reason."
    claim.save()
    changed = client.get(FEED, headers={"if-none-match": etag})

    assert etag.startswith('"') and etag.endswith('"')
    assert again.status_code == 304
    assert again.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_feed_is_public_cacheable_and_readable_from_any_site(client):
    response = client.get(FEED)

    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response


def test_the_feed_is_read_only(client):
    assert client.post(FEED).status_code == 405
    assert client.put(FEED).status_code == 405
    assert client.delete(FEED).status_code == 405


@pytest.mark.parametrize("count", [1, 50])
def test_a_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    topic = make_topic()
    for n in range(count):
        make_full_claim(topic=topic, number=n + 1)

    # 1. count the public claims (paginator)
    # 2. the page of claims, with topic and verdict
    # 3. their evidence, with source, grade and grading scheme
    # 4. their origins, with the origin (ClaimReview appearances)
    with django_assert_num_queries(4):
        response = client.get(FEED)

    assert len(response.json()["results"]) == count
