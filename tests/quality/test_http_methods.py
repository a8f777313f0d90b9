"""Every GET address answers HEAD and OPTIONS as HTTP requires; other methods get 405 + Allow.

Load balancers and uptime checks send HEAD: a 405 there reads as a dead site. HEAD must give
the GET's status and headers (Content-Type, Content-Length, ETag...) without the body.
"""


import pytest

from tests.quality.pages import CLAIM, PUBLIC_PAGES

pytestmark = pytest.mark.django_db

GET_ADDRESSES = [
    *PUBLIC_PAGES,
    ("suggest-thanks", "/suggest/thanks/"),
    ("healthz", "/healthz"),
    ("feed", "/api/claims.json"),
    ("feed-bad-page", "/api/claims.json?page=two"),
    ("sitemap", "/sitemap.xml"),
    ("robots", "/robots.txt"),
]
STAFF_GET_ADDRESSES = [("dashboard", "/editorial/"),
                       ("batch-handout", "/handouts/selected-claims/?ids={claim_id}")]
GET_ONLY = "GET, HEAD, OPTIONS"
GET_OR_POST = "GET, HEAD, POST, OPTIONS"
POST_ONLY = "POST, OPTIONS"
ALLOW = {"/suggest/": GET_OR_POST, "/explorer/": GET_OR_POST, "/explorer/results/": GET_OR_POST,
         "/explorer/appointment-sheet/": GET_OR_POST, "/check/": GET_OR_POST}


@pytest.fixture
def site(client, seed_content):
    return client


def assert_head_is_get_without_body(client, path):
    # HEAD first: a page not yet cached is rendered for it, and the GET then served from
    # the cache; a second HEAD is served from the cache too. All three must agree.
    head = client.head(path)
    get = client.get(path)
    again = client.head(path)
    assert head.content == b"" and again.content == b""
    assert get.content  # there was a body to leave out
    assert head.status_code == get.status_code == again.status_code
    assert dict(head.items()) == dict(get.items()) == dict(again.items())
    assert int(head["Content-Length"]) == len(get.content)
    return head


@pytest.mark.parametrize("path", [path for _, path in GET_ADDRESSES],
                         ids=[name for name, _ in GET_ADDRESSES])
def test_head_gives_the_get_status_and_headers_without_the_body(site, path):
    head = assert_head_is_get_without_body(site, path)
    expected = 404 if "no-such" in path else 400 if "page=two" in path else 200
    assert head.status_code == expected


@pytest.mark.parametrize("path", [path for _, path in GET_ADDRESSES],
                         ids=[name for name, _ in GET_ADDRESSES])
def test_options_lists_the_methods(client, path):
    response = client.options(path)
    assert response.status_code == 200
    assert response["Allow"] == ALLOW.get(path, GET_ONLY)
    assert response.content == b""


@pytest.mark.parametrize("path", [path for _, path in STAFF_GET_ADDRESSES],
                         ids=[name for name, _ in STAFF_GET_ADDRESSES])
def test_staff_pages_answer_head_too(site, editor_user, path):
    from claims.models import Claim

    site.force_login(editor_user)
    path = path.format(claim_id=Claim.objects.get(slug=CLAIM.split("/")[2]).pk)
    assert assert_head_is_get_without_body(site, path).status_code == 200


def test_head_of_a_cached_page_is_conditional_like_its_get(site):
    etag = site.get(CLAIM)["ETag"]
    response = site.head(CLAIM, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response["ETag"] == etag


@pytest.mark.parametrize(
    "method, path, allow",
    [
        ("post", CLAIM, GET_ONLY),  # the page cache's own wrapper
        ("post", "/about/evidence/", GET_ONLY),
        ("post", "/healthz", GET_ONLY),
        ("post", "/api/claims.json", GET_ONLY),
        ("post", "/robots.txt", GET_ONLY),
        ("post", CLAIM + "handout/", GET_ONLY),
        ("put", "/suggest/", GET_OR_POST),
        ("delete", "/explorer/", GET_OR_POST),
    ],
)
def test_other_methods_are_refused_with_405_and_allow(client, method, path, allow):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == allow


def test_a_post_only_view_refuses_get_and_head_with_405_and_allow(client, editor_user):
    client.force_login(editor_user)
    for response in (client.get("/editorial/preview/"), client.head("/editorial/preview/")):
        assert response.status_code == 405
        assert response["Allow"] == POST_ONLY
    assert client.options("/editorial/preview/")["Allow"] == POST_ONLY
