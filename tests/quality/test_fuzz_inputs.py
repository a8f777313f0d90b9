"""Hypothesis throws arbitrary input at every public form and query string: never a 500.

Covers search, the audience switch, the symptom explorer, the result explainer and the
suggestion form, each by GET and POST, with and without the htmx header.
"""

from collections import Counter

import pytest
from django.core.cache import cache
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
def site(client, seed_content):
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
                                  "/explorer/appointment-sheet/", "/search/"])
@FUZZ
@given(pairs=params, as_htmx=htmx)
def test_arbitrary_form_posts_never_cause_a_server_error(site, path, pairs, as_htmx):
    response = _post(site, path, pairs, as_htmx)
    assert response.status_code < 500, (path, pairs)


# Suggestions shaped like the form's, beside arbitrary pairs, so some are valid and thanked.
suggestion = st.fixed_dictionaries(
    {"claim_text": text},
    optional={"seen_at": st.sampled_from(["https://example.org/b12", "not a url"]) | text,
              "email": st.sampled_from(["reader@example.org", "nobody"]) | text,
              "email_consent": st.sampled_from(["on", ""]), "website": text},
).map(lambda fields: list(fields.items()))


def _suggest_answer(response) -> str:
    if response.status_code == 302 and response["Location"] == "/suggest/thanks/":
        return "thanks"
    if response.status_code == 400 and "There is a problem" in response.content.decode():
        return "errors"
    return str(response.status_code)


def test_arbitrary_suggestions_get_the_forms_own_answer(site):
    """Each example is a new reader's first suggestion of the hour (the rate limit is reset),
    so the form answers every one, with thanks or its errors: none is only a 429."""
    answers = Counter()

    @FUZZ
    @given(pairs=params | suggestion, as_htmx=htmx)
    def post_a_suggestion(pairs, as_htmx):
        cache.clear()
        answers[_suggest_answer(_post(site, "/suggest/", pairs, as_htmx))] += 1

    post_a_suggestion()
    assert set(answers) <= {"thanks", "errors"}, answers
    assert answers["thanks"] > 0 and answers["errors"] > 0, answers


@FUZZ
@given(query=st.text(max_size=6000))
def test_any_search_text_gets_a_page(site, query):
    response = site.get("/search/", {"q": query})
    assert response.status_code == 200
