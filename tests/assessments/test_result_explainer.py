"""The test-result explainer at /explorer/results/, by an anonymous patient.

What is typed is POSTed; a GET shows the blank form whatever its parameters.
"""

import re

import pytest
from django.test import Client

from assessments import forms
from tests.assessments.conftest import row_counts

URL = "/explorer/results/"
FORM_BODY = "application/x-www-form-urlencoded"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.django_db
def test_blank_form_shows_no_errors_and_states_the_band_rules(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" not in html
    text = text_of(response)
    assert "180 and 350 are in the middle band, 179 is below it and 351 is above it" in text
    assert "25 and 70 are in the middle band" in text
    assert "times it by 0.738" in text and "times it by 1.355" in text


@pytest.mark.django_db
def test_250_pg_ml_is_borderline_with_pmol_and_the_usual_next_step(client):
    text = text_of(client.post(URL, {"test": "total", "value": "250", "unit": "pg/mL"}))
    assert "250 pg/mL is the same as 250 ng/L, and about 185 pmol/L." in text
    assert "NICE band: 180 to 350 ng/L" in text
    assert "indeterminate" in text
    assert "MMA test or an active B12 test" in text
    assert "Labs use their own ranges" in text
    assert "fixed cut-offs for B12 are not possible" in text
    assert "Not yet checked against the original document" in text  # the [K] supplement fact


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "band_heading"),
    [
        ({"test": "total", "value": "179", "unit": "ng/L"}, "NICE band: below 180 ng/L"),
        ({"test": "total", "value": "351", "unit": "pg/mL"}, "NICE band: above 350 ng/L"),
        ({"test": "total", "value": "133", "unit": "pmol/L"}, "NICE band: 180 to 350 ng/L"),
        ({"test": "active", "value": "24", "unit": "pmol/L"}, "NICE band: below 25 pmol/L"),
        ({"test": "active", "value": "70", "unit": "pmol/L"}, "NICE band: 25 to 70 pmol/L"),
        ({"test": "active", "value": "71", "unit": "pmol/L"}, "NICE band: above 70 pmol/L"),
    ],
)
def test_each_band_is_explained(client, params, band_heading):
    response = client.post(URL, params)
    assert response.status_code == 200
    assert band_heading in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"test": "total", "value": "", "unit": "pg/mL"}, "value", forms.MSG_VALUE_REQUIRED),
        ({"test": "total", "unit": "pg/mL"}, "value", forms.MSG_VALUE_REQUIRED),
        ({"test": "total", "value": "abc", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NOT_NUMBER),
        ({"test": "total", "value": "1,250", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NOT_NUMBER),
        ({"test": "total", "value": "1e3", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NOT_NUMBER),
        ({"test": "total", "value": "1" * 200, "unit": "pg/mL"}, "value",
         forms.MSG_VALUE_NOT_NUMBER),
        ({"test": "total", "value": "-5", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NEGATIVE),
        ({"test": "total", "value": "0", "unit": "pg/mL"}, "value", forms.MSG_VALUE_ZERO),
        ({"test": "total", "value": "0.000", "unit": "pg/mL"}, "value", forms.MSG_VALUE_ZERO),
        ({"test": "total", "value": "100001", "unit": "pg/mL"}, "value",
         forms.MSG_VALUE_TOO_BIG),
        ({"test": "total", "value": "NaN", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NOT_FINITE),
        ({"test": "total", "value": "inf", "unit": "pg/mL"}, "value", forms.MSG_VALUE_NOT_FINITE),
        ({"test": "total", "value": "-Infinity", "unit": "pg/mL"}, "value",
         forms.MSG_VALUE_NOT_FINITE),
        ({"test": "total", "value": "250"}, "unit", forms.MSG_UNIT_REQUIRED),
        ({"test": "total", "value": "250", "unit": ""}, "unit", forms.MSG_UNIT_REQUIRED),
        ({"test": "total", "value": "250", "unit": "mg/dL"}, "unit", forms.MSG_UNIT_UNKNOWN),
        ({"value": "250", "unit": "pg/mL"}, "test", forms.MSG_TEST_REQUIRED),
        ({"test": "folate", "value": "250", "unit": "pg/mL"}, "test", forms.MSG_TEST_UNKNOWN),
    ],
)
def test_bad_input_gives_its_own_error_linked_from_the_summary(client, params, field, message):
    response = client.post(URL, params)
    html = response.content.decode()
    assert response.status_code == 200  # the form is shown again with its errors, as before
    assert html.count(message) == 2  # once in the summary, once by the field
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    anchor = {"value": "#id_value", "unit": "#unit-0", "test": "#test-total"}[field]
    assert f'href="{anchor}"' in summary
    assert f'id="{anchor[1:]}"' in html
    assert f'{field}-error"' in html  # the field points at its error with aria-describedby
    assert re.search(rf'aria-describedby="[^"]*{field}-error', html)
    assert "<title>Error: " in html
    assert "What your result means" not in html


@pytest.mark.django_db
def test_every_bad_field_is_reported_at_once(client):
    html = client.post(URL, {"test": "x", "value": "nan", "unit": "y"}).content.decode()
    for message in (forms.MSG_TEST_UNKNOWN, forms.MSG_VALUE_NOT_FINITE, forms.MSG_UNIT_UNKNOWN):
        assert message in html


@pytest.mark.django_db
def test_a_value_typed_in_is_escaped_when_shown_back(client):
    html = client.post(URL, {"test": "total", "value": '"><script>x</script>'}).content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_thousands_of_parameters_do_not_break_the_page(client):
    body = "&".join(f"junk{i}=1" for i in range(5000)) + "&test=total&value=250&unit=pg/mL"
    response = client.post(URL, body, content_type=FORM_BODY)
    assert response.status_code == 200
    body = "test=total&value=250&unit=pg/mL&" + "&".join(f"junk{i}=1" for i in range(5000))
    response = client.post(URL, body, content_type=FORM_BODY)
    assert response.status_code == 200
    assert "NICE band: 180 to 350 ng/L" in text_of(response)  # the first fields are read


@pytest.mark.django_db
def test_explainer_stores_nothing_sets_no_cookie_and_is_not_cached(client, seeded):
    before = row_counts()
    response = client.post(URL, {"test": "total", "value": "250", "unit": "pg/mL"})
    client.post(URL, {"test": "total", "value": "bad", "unit": "pg/mL"})
    assert row_counts() == before
    assert "Set-Cookie" not in response.headers
    assert response.cookies == {} and client.cookies == {}
    assert {"private", "no-store"} <= {
        part.strip() for part in response.headers["Cache-Control"].split(",")
    }


@pytest.mark.django_db
def test_explainer_answers_get_and_post_only(client):
    assert client.post(URL, {"test": "total", "value": "250", "unit": "pg/mL"}).status_code == 200
    assert client.put(URL, "test=total&value=250", content_type=FORM_BODY).status_code == 405
    assert client.delete(URL).status_code == 405


@pytest.mark.django_db
def test_posting_needs_no_csrf_token_so_no_cookie_is_ever_set():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"test": "total", "value": "250", "unit": "pg/mL"})
    assert response.status_code == 200
    assert "NICE band: 180 to 350 ng/L" in text_of(response)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert client.cookies == {} and "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_a_result_in_the_address_is_ignored(client):
    response = client.get(URL, {"test": "total", "value": "987", "unit": "pg/mL"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "987" not in html and "There is a problem" not in html
    assert "What your result means" not in html
    assert "Fill in the form above to see what your result means." in text_of(response)
    assert re.search(r'<form class="explainer-form" method="post" action="/explorer/results/#r',
                     html)
