"""Hypothesis throws arbitrary input at every public form and query string: never a 500.

Covers search, the audience switch, the symptom explorer, the result explainer and the
suggestion form, each by GET and POST, with and without the htmx header.
"""

import os

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text a browser could send: any characters but lone surrogates (which cannot be encoded).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
params = st.lists(st.tuples(st.sampled_from(
    ["q", "audience", "symptom", "flag", "red_flag", "test", "value", "unit", "page",
     "claim_text", "seen_at", "email", "email_consent", "website", "print"]) | text, text),
    max_size=12)
htmx = st.booleans()


@pytest.fixture
def site(client):
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    return client


def _get(client, path, pairs, as_htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if as_htmx else {}
    return client.get(path, data=_multi(pairs), **headers)


def _post(client, path, pairs, as_htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if as_htmx else {}
    return client.post(path, data=_multi(pairs), **headers)


def _multi(pairs):
    data: dict[str, list[str]] = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return data


PATHS = ["/search/", "/claims/sublingual-b12-absorbs-better/", "/topics/vitamin-b12-and-ms/",
         "/explorer/", "/explorer/results/", "/explorer/appointment-sheet/", "/suggest/",
         "/claims/sublingual-b12-absorbs-better/handout/"]


@pytest.mark.parametrize("path", PATHS)
@FUZZ
@given(pairs=params, as_htmx=htmx)
def test_arbitrary_query_strings_never_cause_a_server_error(site, path, pairs, as_htmx):
    response = _get(site, path, pairs, as_htmx)
    assert response.status_code < 500, (path, pairs)


@pytest.mark.parametrize("path", ["/explorer/", "/explorer/results/",
                                  "/explorer/appointment-sheet/", "/suggest/", "/search/"])
@FUZZ
@given(pairs=params, as_htmx=htmx)
def test_arbitrary_form_posts_never_cause_a_server_error(site, path, pairs, as_htmx):
    response = _post(site, path, pairs, as_htmx)
    assert response.status_code < 500, (path, pairs)


@FUZZ
@given(query=st.text(max_size=6000))
def test_any_search_text_gets_a_page(site, query):
    response = site.get("/search/", {"q": query})
    assert response.status_code == 200
