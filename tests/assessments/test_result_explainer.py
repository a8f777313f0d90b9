"""The test-result explainer at /explorer/results/, by an anonymous patient.

What is typed is POSTed; a GET shows the blank form whatever its parameters.
"""

import html as html_lib
import logging
import re

import pytest
import textstat
from django.test import Client

from assessments import forms
from tests.assessments.conftest import row_counts
from tests.assessments.test_readability import MAX_GRADE, page_prose
from tests.browser import axe_violations
from tests.html_validator import needs_validator, vnu_problems
from tests.quality.pages import EXPLAINER_STATES

URL = "/explorer/results/"
FORM_BODY = "application/x-www-form-urlencoded"


def text_of(response) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    return html_lib.unescape(text)


def result_of(response) -> str:
    """The text of the result section only (the bands table below it is always there)."""
    page = response.content.decode()
    section = page.split('id="result"', 1)[1].split('class="bands-info"', 1)[0]
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)))


def post(client, test, value, unit):
    return client.post(URL, {"test": test, "value": value, "unit": unit})


@pytest.mark.django_db
def test_blank_form_shows_no_errors_and_states_the_band_rules(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" not in html
    text = text_of(response)
    assert "180 and 350 are in the middle band, 179.5 is below it and 350.5 is above it" in text
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
        ({"test": "total", "value": "1,250", "unit": "pg/mL"}, "value",
         forms.MSG_VALUE_COMMA_UNCLEAR),
        ({"test": "total", "value": "<<150", "unit": "pg/mL"}, "value",
         forms.MSG_VALUE_NOT_NUMBER),
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
    assert html.count(html_lib.escape(message)) == 2  # once in the summary, once by the field
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


# --- Issue 13, finding 6: the explainer catches mistakes ------------------------------------


@pytest.mark.django_db
def test_50_pg_ml_as_active_b12_asks_to_check_the_unit_instead_of_calling_it_indeterminate(
    client,
):
    response = post(client, "active", "50", "pg/mL")
    html, result = response.content.decode(), result_of(response)
    assert response.status_code == 200
    assert "Check the test and the unit" in result
    assert "The NICE bands for active B12 are in pmol/L." in result
    assert "NICE band:" not in result and "indeterminate" not in result
    assert "37 pmol/L" not in result and "about" not in result  # nothing converted
    # Not an error page: the form is kept as typed, ready to correct.
    assert "There is a problem" not in html and "<title>Error: " not in html
    assert 'value="50"' in html
    assert re.search(r'id="test-active" name="test" value="active" checked', html)
    assert re.search(r'name="unit" value="pg/mL" checked', html)
    assert 'href="#test-active"' in html and 'href="#unit-0"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["24", "61.5", "61,5", "<25", ">70"])
def test_active_b12_is_never_shown_in_ng_l_or_pg_ml(client, value):
    result = result_of(post(client, "active", value, "pmol/L"))
    assert "NICE band:" in result
    assert "ng/L" not in result and "pg/mL" not in result


@pytest.mark.django_db
def test_a_total_b12_of_20_pmol_l_is_queried_before_any_band_is_given(client):
    response = post(client, "total", "20", "pmol/L")
    result = result_of(response)
    assert response.status_code == 200
    assert "very low for a total B12 test" in result
    assert "25 and 70 pmol/L" in result  # the active B12 cut-offs, to compare with
    assert "NICE band:" not in result and "likely" not in result
    assert "If your report really shows this, ask your GP what it means." in result


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("test", "value", "unit", "heading"),
    [
        ("active", "250", "pmol/L", "Check the test"),
        ("total", "25000", "ng/L", "Check the number"),
    ],
)
def test_other_unlikely_numbers_are_queried_too(client, test, value, unit, heading):
    response = post(client, test, value, unit)
    assert response.status_code == 200
    result = result_of(response)
    assert f"{heading} " in result and "NICE band:" not in result


@pytest.mark.django_db
def test_2000_pg_ml_says_a_high_result_usually_means_b12_is_being_taken(client):
    result = result_of(post(client, "total", "2000", "pg/mL"))
    assert "NICE band: above 350 ng/L" in result
    note = result.split("About high results", 1)[1].split("Why ranges differ", 1)[0]
    assert "usually means B12 is being taken" in note
    assert "tablets, injections or some energy drinks" in note
    assert "It says nothing about MS." in note
    assert "If you do not take any B12, tell your GP about your result." in note
    assert "Not yet checked against the original document." in note  # [K] in the brief


@pytest.mark.django_db
@pytest.mark.parametrize(("test", "value", "unit"), [("total", "250", "pg/mL"),
                                                    ("active", ">70", "pmol/L")])
def test_a_result_that_is_not_high_total_b12_gets_no_high_result_note(client, test, value, unit):
    assert "About high results" not in result_of(post(client, test, value, unit))


@pytest.mark.django_db
def test_below_150_is_read_and_explained_as_below_150_not_150(client):
    response = post(client, "total", "<150", "ng/L")
    result = result_of(response)
    assert response.status_code == 200
    assert "You entered <150 ng/L" in result
    assert "means your result is below 150, not equal to it." in result
    assert "NICE band: below 180 ng/L" in result
    assert "Every number below 150 is below 180 ng/L." in result
    sign_line = result.split("not equal to it.", 1)[1].split("Below 150", 1)[0]
    assert "Not yet checked against the original document." in sign_line  # [K] in the brief


@pytest.mark.django_db
def test_above_2000_is_read_and_placed_in_the_top_band_with_the_high_result_note(client):
    result = result_of(post(client, "total", ">2000", "pg/mL"))
    assert "means your result is above 2000, not equal to it." in result
    assert "NICE band: above 350 ng/L" in result
    assert "About high results" in result


@pytest.mark.django_db
def test_below_200_cannot_be_placed_and_sends_you_to_the_lab_or_gp(client):
    result = result_of(post(client, "total", "<200", "ng/L"))
    assert "NICE band: cannot be placed" in result
    assert "could be below 180 ng/L or in the band from 180 to 350 ng/L" in result
    assert "Ask the lab or your GP what your result means." in result
    assert "NICE band: below 180 ng/L" not in result


@pytest.mark.django_db
def test_a_comma_decimal_is_read_as_a_decimal_point_and_says_so(client):
    result = result_of(post(client, "total", "250,5", "ng/L"))
    assert "We read the comma as a decimal point, so your number is 250.5." in result
    assert "You entered 250.5 ng/L" in result
    assert "NICE band: 180 to 350 ng/L" in result


@pytest.mark.django_db
def test_179_5_ng_l_is_in_the_deficiency_likely_band_not_rounded_up_to_180(client):
    result = result_of(post(client, "total", "179.5", "ng/L"))
    assert "NICE band: below 180 ng/L" in result
    assert "Your result, 179.5 ng/L, is below 180 ng/L." in result


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("test", "value", "unit"),
    [("total", "250", "pg/mL"), ("total", "<200", "ng/L"), ("active", "61.5", "pmol/L")],
)
def test_the_labs_own_range_comes_before_the_nice_band(client, test, value, unit):
    response = post(client, test, value, unit)
    page, result = text_of(response), result_of(response)
    assert page.index("Start with your report.") < page.index("Which test did you have?")
    first = result.index("Compare your result with the range printed on your report before")
    assert first < result.index("You entered") < result.index("NICE band:")


@pytest.mark.django_db
def test_the_explainer_is_linked_from_the_main_navigation_and_the_home_page(client):
    html = client.get("/").content.decode()
    nav = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/explorer/results/">B12 results</a>' in nav
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert '<a href="/explorer/results/">See what your B12 result means</a>' in main


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data"), EXPLAINER_STATES, ids=[n for n, _ in EXPLAINER_STATES])
def test_every_explainer_state_reads_at_grade_8_or_lower(client, name, data):
    prose = page_prose(client.post(URL, data).content.decode())
    assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose


@pytest.mark.django_db
def test_nothing_typed_reaches_a_log_the_database_or_a_cookie(client, caplog):
    before = row_counts()
    with caplog.at_level(logging.DEBUG):
        for test, value, unit in [("total", "<987.6", "ng/L"), ("active", "98,76", "pg/mL"),
                                  ("total", "9876,5,4", "ng/L")]:
            response = post(client, test, value, unit)
            assert response.status_code == 200
    assert "987" not in caplog.text and "98,76" not in caplog.text
    assert row_counts() == before
    assert client.cookies == {}


# --- Accessibility and valid HTML of every state ---------------------------------------------



@pytest.mark.django_db
@needs_validator
@pytest.mark.slow
def test_every_explainer_state_is_valid_html(client, tmp_path):
    for name, data in EXPLAINER_STATES:
        (tmp_path / f"{name}.html").write_bytes(client.post(URL, data).content)
    problems = vnu_problems(tmp_path)
    assert problems == []


def _submit(page, data: dict) -> None:
    """Fill in and send the form as a person would (the page works without JavaScript)."""
    if "test" in data:
        page.locator(f'input[name="test"][value="{data["test"]}"]').check()
    page.locator("#id_value").fill(data.get("value", ""))
    if "unit" in data:
        page.locator(f'input[name="unit"][value="{data["unit"]}"]').check()
    with page.expect_navigation():
        page.locator("form.explainer-form button[type=submit]").click()


@pytest.mark.slow
def test_every_explainer_state_is_accessible_and_reflows(seeded_site, browser):
    for name, data in EXPLAINER_STATES:
        for viewport in ({"width": 1280, "height": 900}, {"width": 320, "height": 640}):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.goto(seeded_site + URL)
            _submit(page, data)
            assert page.url == seeded_site + URL + "#result", name  # nothing typed in it
            assert axe_violations(page) == [], name
            assert not page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
            ), f"{name} scrolls sideways at {viewport['width']} px"
            assert context.cookies() == []
            context.close()
