"""The symptom-overlap explorer at /explorer/ and its appointment sheet, by an anonymous patient.

What is ticked is POSTed; a GET shows the empty page whatever its parameters.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from assessments.models import RedFlag, Symptom
from tests.assessments.conftest import row_counts

URL = "/explorer/"
SHEET = "/explorer/appointment-sheet/"
FORM_BODY = "application/x-www-form-urlencoded"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def results_of(html: str) -> str:
    """The results region of a full page."""
    return html.split('id="results"', 1)[1].split("<footer", 1)[0]


def test_url_names_are_kept():
    assert reverse("assessments:explorer") == URL
    assert reverse("assessments:result_explainer") == "/explorer/results/"
    assert reverse("assessments:appointment_sheet") == "/explorer/appointment-sheet/"


@pytest.mark.django_db
def test_nothing_ticked_shows_the_grouped_form_and_a_prompt(client, seeded):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for legend in ("Any of these right now?", "Energy, mood and thinking", "Feeling and movement",
                   "Eyes", "Skin and mouth", "Bladder", "How symptoms started"):
        assert f"<legend>{legend}</legend>" in html
    assert html.count('type="checkbox"') == Symptom.objects.count() + RedFlag.objects.count()
    assert "Tick any symptoms above" in html
    assert 'role="alert"' not in html
    # The no-JavaScript form: a POST to the same page with a real submit button.
    assert re.search(r'<form class="explorer-form" method="post" action="/explorer/#results"', html)
    assert '<button type="submit">' in html
    # htmx enhances the same form, written as data-hx-* attributes; nothing goes into history.
    assert 'data-hx-post="/explorer/"' in html and 'data-hx-trigger="change, submit"' in html
    assert 'data-hx-target="#results"' in html
    assert "data-hx-get" not in html and "push-url" not in html
    assert 'data-hx-history="false"' in html
    assert " hx-" not in html
    assert 'aria-live="polite"' in html


@pytest.mark.django_db
def test_overlap_symptoms_show_both_conditions_tests_and_why_not_to_self_supplement(
    client, seeded
):
    html = client.post(URL, {"symptom": ["pins-and-needles", "fatigue"]}).content.decode()
    text = text_of(html)
    assert "Both MS and low B12 can cause these" in text
    assert "Pins and needles, tingling or numbness" in text and "Tiredness (fatigue)" in text
    assert "MS can cause these" not in text.replace("Both MS and low B12 can cause these", "")
    for test_name in ("Serum (total) B12", "Active B12 (holotranscobalamin)",
                      "Methylmalonic acid (MMA)", "Full blood count", "Folate"):
        assert test_name in text
    assert "symptoms alone cannot tell them apart. That is why a blood test helps" in text
    assert "Taking B12 before a blood test can raise the result" in text
    assert "Folic acid alone can hide the anaemia" in text
    assert "low copper can harm the spinal cord in the same way" in text
    assert "Not yet checked against the original document" in text  # the [K] supplement fact
    assert "NICE says tiredness on its own is not a reason to suspect MS" in text
    assert 'checked>' in html  # the ticked boxes stay ticked
    # The sheet is a POST form carrying the known slugs, in catalogue order, as hidden inputs.
    sheet_form = html.split('<form class="sheet-form" method="post" action="/explorer/appointment'
                            '-sheet/">', 1)[1].split("</form>", 1)[0]
    assert re.findall(r'<input type="hidden" name="(\w+)" value="([^"]+)">', sheet_form) == [
        ("symptom", "fatigue"), ("symptom", "pins-and-needles")
    ]
    assert '<button type="submit">Open a printable appointment sheet</button>' in sheet_form
    assert "appointment-sheet/?" not in html


@pytest.mark.django_db
def test_one_condition_only_lists_it_with_its_pointer(client, seeded):
    text = text_of(client.post(URL, {"symptom": ["sore-red-tongue"]}).content.decode())
    assert "Low B12 can cause these" in text
    assert "Both MS and low B12" not in text
    assert "This points more towards low B12." in text
    text = text_of(client.post(URL, {"symptom": ["double-vision"]}).content.decode())
    assert "MS can cause these" in text and "Low B12 can cause these" not in text


@pytest.mark.django_db
def test_red_flag_card_comes_first_and_before_the_overlap(client, seeded):
    html = client.post(
        URL, {"symptom": ["fatigue"], "flag": ["sudden-vision-loss"], "x": "1"}
    ).content.decode()
    results = results_of(html)
    assert results.index('role="alert"') < results.index("What your answers show")
    assert html.index('role="alert"') < html.index('id="overlap"')
    assert results.lstrip().startswith('class="explorer-results"')
    first_element = re.search(r"<(\w+)[^>]*>", results.split(">", 1)[1]).group(0)
    assert 'class="care-card care-card--emergency"' in first_element
    assert "Call 999 or go to A&amp;E now" in results


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("flags", "urgency", "heading"),
    [
        (["new-or-worse-symptoms"], "soon", "See your GP or MS team soon"),
        (["walking-worse-fast"], "urgent", "Get help today: call your GP or NHS 111"),
        (["new-or-worse-symptoms", "walking-worse-fast"], "urgent", "Get help today"),
        (["new-or-worse-symptoms", "walking-worse-fast", "stroke-signs"], "emergency",
         "Call 999 or go to A&amp;E now"),
        (["chest-pain-breathless", "new-or-worse-symptoms"], "emergency", "Call 999"),
    ],
)
def test_card_urgency_follows_the_most_urgent_ticked_flag(client, seeded, flags, urgency,
                                                          heading):
    html = client.post(URL, {"flag": flags}).content.decode()
    assert html.count('role="alert"') == 1
    card = html.split('role="alert"', 1)[0].rsplit("<div", 1)[1]
    assert f"care-card--{urgency}" in card
    card_body = html.split('role="alert"', 1)[1].split("</h2>", 1)[0]
    assert heading in card_body
    # Most urgent flag listed first inside the card.
    first = RedFlag.objects.filter(slug__in=flags).order_by("order")
    most_urgent = sorted(first, key=lambda f: (f.urgency_rank, f.order))[0]
    card_list = html.split('role="alert"', 1)[1].split("</ul>", 1)[0]
    assert card_list.index(most_urgent.label) == min(card_list.index(f.label) for f in first)


@pytest.mark.django_db
def test_unknown_slugs_are_ignored_with_a_note_and_never_echoed(client, seeded):
    response = client.post(
        URL, {"symptom": ["fatigue", "made-up<b>", "zzz"], "flag": ["nope"], "other": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "We left out some answers that we did not know" in html
    assert "made-up" not in html and "zzz" not in html and "nope" not in html
    assert "Tiredness (fatigue)" in results_of(html)


@pytest.mark.django_db
def test_thousands_of_parameters_are_handled(client, seeded):
    body = "&".join(["symptom=fatigue"] + [f"symptom=junk{i}" for i in range(5000)])
    response = client.post(URL, body, content_type=FORM_BODY)
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in results_of(response.content.decode())
    assert "We left out some answers" in response.content.decode()
    response = client.post(URL, "&".join(["flag=stroke-signs"] * 3000), content_type=FORM_BODY)
    assert response.status_code == 200
    assert response.content.decode().count('role="alert"') == 1
    # A multipart body that long cannot be read again: the page still answers, empty.
    response = client.post(URL, {"symptom": ["fatigue"] + [f"junk{i}" for i in range(1500)]})
    assert response.status_code == 200
    assert "We left out some answers" in response.content.decode()
    # A body above Django's upload limit is refused as a bad request, never a server error.
    response = client.post(URL, "symptom=" + "x" * 3_000_000, content_type=FORM_BODY)
    assert response.status_code == 400


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results_partial(client, seeded):
    response = client.post(URL, {"symptom": ["fatigue"]}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and '<form class="explorer-form"' not in html
    assert "Both MS and low B12 can cause these" in html
    assert "HX-Request" in response.headers["Vary"]
    restore = client.get(
        URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


@pytest.mark.django_db
def test_explorer_reads_in_six_queries(client, seeded, django_assert_num_queries):
    # conditions; symptoms (+points_towards, source); symptom conditions (prefetch);
    # red flags (+source); lab tests (+source); cautions (+source)
    with django_assert_num_queries(6):
        client.post(URL, {"symptom": ["fatigue", "double-vision"], "flag": ["stroke-signs"]})


@pytest.mark.django_db
def test_appointment_sheet_reads_in_the_same_six_queries(client, seeded,
                                                         django_assert_num_queries):
    # The explorer's six; the footer (QR code, address, date) and the sources line need none.
    with django_assert_num_queries(6):
        client.post(SHEET, {"symptom": ["fatigue", "double-vision"], "flag": ["stroke-signs"]})


@pytest.mark.django_db
def test_explorer_stores_nothing_sets_no_cookie_and_is_not_cached(client, seeded):
    before = row_counts()
    responses = [
        client.post(URL, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}),
        client.post(URL, {"symptom": ["fatigue"]}, headers={"HX-Request": "true"}),
        client.post(SHEET, {"symptom": ["fatigue"]}),
        client.get(URL),
        client.get(SHEET),
    ]
    assert row_counts() == before
    assert client.cookies == {}
    for response in responses:
        assert "Set-Cookie" not in response.headers
        assert {"private", "no-store"} <= {
            part.strip() for part in response.headers["Cache-Control"].split(",")
        }
        html = response.content.decode()
        # Only the sheet's printed address is absolute, and it is this site's own.
        absolute = re.findall(r'(?:src|href|action|data-hx-[a-z]+)="((?:https?:)?//[^"]*)"', html)
        assert {url.split("/explorer/")[0] for url in absolute} <= {settings.SITE_URL}


@pytest.mark.django_db
def test_explorer_uses_no_inline_script_style_or_handlers(client, seeded):
    html = client.post(URL, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert '<link rel="stylesheet" href="/static/css/assessments.css">' in html


@pytest.mark.django_db
def test_appointment_sheet_lists_symptoms_tests_questions_and_space_for_notes(client, seeded):
    response = client.post(SHEET, {"symptom": ["fatigue", "pins-and-needles", "bogus"]})
    text = text_of(response.content.decode())
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in text and "Pins and needles, tingling or numbness" in text
    assert "Serum (total) B12" in text and "Methylmalonic acid (MMA)" in text
    questions = response.content.decode().split('id="sheet-questions"', 1)[1].split("</ol>")[0]
    assert 3 <= questions.count("<li>") <= 5
    assert "Notes" in text and 'class="notes-box' in response.content.decode()
    assert "bogus" not in text


@pytest.mark.django_db
def test_appointment_sheet_puts_a_red_flag_first(client, seeded):
    html = client.post(SHEET, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}).content.decode()
    assert html.index('role="alert"') < html.index("Symptoms I have noticed")
    assert "Call 999 or go to A&amp;E now" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", [URL, SHEET])
def test_explorer_and_sheet_answer_get_and_post_only(client, seeded, url):
    assert client.post(url, {"symptom": "fatigue"}).status_code == 200
    assert client.put(url, "symptom=fatigue", content_type=FORM_BODY).status_code == 405
    assert client.delete(url).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("url", [URL, SHEET])
def test_posting_needs_no_csrf_token_so_no_cookie_is_ever_set(seeded, url):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"symptom": "fatigue"})
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert client.cookies == {} and "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_old_links_with_choices_in_the_address_show_the_empty_explorer(client, seeded):
    response = client.get(URL, {"symptom": ["fatigue", "pins-and-needles"],
                                "flag": "stroke-signs"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tick any symptoms above" in html
    assert " checked" not in html and 'role="alert"' not in html
    assert "Both MS and low B12 can cause these" not in html
    assert "We left out some answers" not in html
    htmx = client.get(URL, {"symptom": "fatigue"}, headers={"HX-Request": "true"})
    assert "Tick any symptoms above" in htmx.content.decode()


@pytest.mark.django_db
def test_old_sheet_links_show_an_empty_sheet_that_says_to_tick_symptoms_first(client, seeded):
    response = client.get(SHEET, {"symptom": ["fatigue"], "flag": ["stroke-signs"]})
    html = response.content.decode()
    text = text_of(html)
    assert response.status_code == 200
    assert "No symptoms are ticked yet. To fill this in for you, tick them in the" in text
    assert 'href="/explorer/"' in html
    assert "Tiredness (fatigue)" not in text and 'role="alert"' not in html
    assert "Tests to ask about" in text and 'class="notes-box' in html


@pytest.mark.django_db
def test_appointment_sheet_is_a_handout_whose_footer_leads_to_the_explorer(client, seeded):
    html = client.post(SHEET, {"symptom": ["fatigue", "mouth-ulcers"]}).content.decode()
    assert '<link rel="stylesheet" href="/static/css/handout.css">' in html
    assert '<script src="/static/js/print.js" defer></script>' in html
    assert '<button type="button" data-print-button hidden>Print this handout</button>' in html
    assert "<title>Take this to your appointment (printable handout)" in html
    online_url = settings.SITE_URL + "/explorer/"
    assert f'<a href="{online_url}">{online_url}</a>' in html  # footer address and back link
    assert f"<title>QR code: {online_url}</title>" in html
    assert "appointment-sheet" not in html.split('<footer class="handout-footer">', 1)[1]
    assert "Printed " in html
    # The sheet's own review line: educational, its sources, and what is not yet checked.
    sources = text_of(html.split('class="sheet-sources"', 1)[1].split("</p>", 1)[0])
    assert "for learning" in sources
    assert "NICE NG239 (2024)" in sources and "BSH guideline 2014" in sources
    assert "Some facts are not yet checked against the original document" in sources  # ulcers
    # Strict CSP: no inline script, style or handler.
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.django_db
def test_sheet_says_when_every_fact_on_it_is_checked(client, seeded):
    html = client.post(SHEET, {"symptom": ["fatigue"]}).content.decode()
    assert "We have checked each fact on it against its source." in html
    assert "not yet checked" not in html
