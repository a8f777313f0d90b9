"""The symptom-overlap explorer at /explorer/ and its appointment sheet, by an anonymous patient.

What is ticked is POSTed; a GET shows the empty page whatever its parameters.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from assessments.models import CareRoute, RedFlag, Symptom
from tests.assessments.conftest import row_counts

URL = "/explorer/"
SHEET = "/explorer/appointment-sheet/"
FORM_BODY = "application/x-www-form-urlencoded"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def results_of(html: str) -> str:
    """The results region of a full page."""
    return html.split('id="results"', 1)[1].split("<footer", 1)[0]


def main_of(html: str) -> str:
    """What the main region holds, after its wrapper."""
    return html.split("<main", 1)[1].split('<div class="wrap">', 1)[1].split("</main>", 1)[0]


def first_tag(html: str) -> str:
    return re.search(r"<(\w+)[^>]*>", html).group(0)


def test_url_names_are_kept():
    assert reverse("assessments:explorer") == URL
    assert reverse("assessments:result_explainer") == "/explorer/results/"
    assert reverse("assessments:appointment_sheet") == "/explorer/appointment-sheet/"


@pytest.mark.django_db
def test_nothing_ticked_shows_the_grouped_form_and_a_prompt(client, seeded):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for legend in ("Check these first", "About you (you can skip this)",
                   "Energy, mood and thinking", "Feeling and movement", "Eyes", "Skin and mouth",
                   "Bladder", "How symptoms started"):
        assert f"<legend>{legend}</legend>" in html
    # Every sign once, plus the optional "I already have an MS diagnosis" box.
    assert html.count('type="checkbox"') == Symptom.objects.count() + RedFlag.objects.count() + 1
    assert "Tick any symptoms above" in html
    assert 'class="care-card' not in html and 'autofocus' not in html
    # The no-JavaScript form: a POST to the same page with a real submit button.
    assert re.search(r'<form class="explorer-form" method="post" action="/explorer/#answer"', html)
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
    first, later = text.split("Ask about these first", 1)[1].split(
        "Only if the first B12 result is borderline", 1)
    for test_name in ("Serum (total) B12", "Active B12 (holotranscobalamin)", "Full blood count",
                      "Folate"):
        assert test_name in first
    assert "Methylmalonic acid (MMA)" not in first and "Methylmalonic acid (MMA)" in later
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
    assert "This is more typical of low B12." in text
    text = text_of(client.post(URL, {"symptom": ["double-vision"]}).content.decode())
    assert "MS can cause these" in text and "Low B12 can cause these" not in text
    assert "This is more typical of MS." in text
    assert "points towards" not in text.lower() and "points more towards" not in text.lower()


@pytest.mark.django_db
def test_without_javascript_the_submitted_page_leads_with_the_card(client, seeded):
    html = client.post(
        URL, {"symptom": ["fatigue"], "flag": ["sudden-vision-loss"], "x": "1"}
    ).content.decode()
    main = main_of(html)
    # The first thing after the header: the card block, which the form's #answer and
    # autofocus bring into view and focus.
    assert first_tag(main) == '<div class="answer-first" id="answer" tabindex="-1" autofocus>'
    card = main.split(">", 1)[1]
    assert 'class="care-card care-card--emergency"' in first_tag(card)
    assert main.index("care-card--emergency") < main.index("<h1>") < main.index('id="overlap"')
    assert "Call 999 now" in text_of(card.split("</h2>", 1)[0])
    # The results below the form point back to it rather than repeat it.
    results = results_of(html)
    assert 'class="care-card' not in results
    assert '<a href="#answer">Get help first' in results


@pytest.mark.django_db
def test_with_htmx_the_results_lead_with_the_card_and_the_slot_under_the_box_gets_it(
    client, seeded
):
    html = client.post(URL, {"symptom": ["fatigue"], "flag": ["sudden-vision-loss"]},
                       headers={"HX-Request": "true"}).content.decode()
    body = html.split('<div class="results-body" id="answer" tabindex="-1">', 1)[1]
    assert 'class="care-card care-card--emergency"' in first_tag(body)
    slot = html.split('<div class="card-slot" id="card-flag-sudden-vision-loss" '
                      'data-hx-swap-oob="true">', 1)[1].split('<div class="card-slot"', 1)[0]
    assert "care-card--inline" in slot and "Call 999 now" in slot
    assert re.search(r'id="card-flag-stroke-signs" data-hx-swap-oob="true"></div>', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("flags", "cards", "booking"),
    [
        (["new-or-worse-symptoms"], [], "See a GP soon"),
        (["walking-worse-fast"], ["urgent"], None),
        (["new-or-worse-symptoms", "walking-worse-fast"], ["urgent"], None),
        (["new-or-worse-symptoms", "walking-worse-fast", "stroke-signs"],
         ["emergency", "urgent"], None),
        (["chest-pain-breathless", "new-or-worse-symptoms"], ["emergency"], None),
        (["walking-worse-fast", "suicidal-thoughts", "stroke-signs"],
         ["emergency", "mental", "urgent"], None),
    ],
)
def test_one_card_per_urgency_most_urgent_first(client, seeded, flags, cards, booking):
    html = client.post(URL, {"flag": flags}, headers={"HX-Request": "true"}).content.decode()
    body = html.split('class="results-body"', 1)[1].split('class="card-slot"', 1)[0]
    assert re.findall(r'class="care-card care-card--(\w+)"', body) == cards
    for urgency in cards:
        assert CareRoute.objects.get(urgency=urgency).title in body
    if booking:
        assert "How soon to get help" in body and booking in body
    else:
        assert "How soon to get help" not in body


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
    assert response.content.decode().count('class="care-card care-card--emergency"') == 1
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
@pytest.mark.parametrize("htmx", [False, True])
def test_explorer_reads_in_seven_queries(client, seeded, django_assert_num_queries, htmx):
    # conditions; symptoms (+points_towards, source); symptom conditions (prefetch);
    # red flags (+source); lab tests (+source); cautions (+source); care routes
    headers = {"HX-Request": "true"} if htmx else {}
    with django_assert_num_queries(7):
        client.post(URL, {"symptom": ["fatigue", "double-vision"], "flag": ["stroke-signs"],
                          "ms": "yes"}, headers=headers)


@pytest.mark.django_db
def test_appointment_sheet_reads_in_the_same_seven_queries(client, seeded,
                                                           django_assert_num_queries):
    # The explorer's seven; the footer (QR code, address, date) and the sources line need none.
    with django_assert_num_queries(7):
        client.post(SHEET, {"symptom": ["fatigue", "double-vision"], "flag": ["stroke-signs"]})


@pytest.mark.django_db
def test_explorer_stores_nothing_sets_no_cookie_and_is_not_cached(client, seeded):
    before = row_counts()
    responses = [
        client.post(URL, {"symptom": ["fatigue"], "flag": ["stroke-signs"], "ms": "yes"}),
        client.post(URL, {"symptom": ["fatigue"], "flag": ["suicidal-thoughts"]},
                    headers={"HX-Request": "true"}),
        client.post(SHEET, {"symptom": ["fatigue"], "ms": "yes"}),
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
    assert '<script src="/static/js/explorer.js" defer></script>' in html


@pytest.mark.django_db
def test_appointment_sheet_lists_symptoms_tests_questions_and_space_for_notes(client, seeded):
    response = client.post(SHEET, {"symptom": ["fatigue", "pins-and-needles", "bogus"]})
    text = text_of(response.content.decode())
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in text and "Pins and needles, tingling or numbness" in text
    assert "Serum (total) B12" in text
    assert "Only if the first B12 result is borderline: Methylmalonic acid (MMA)" in text
    questions = response.content.decode().split('id="sheet-questions"', 1)[1].split("</ol>")[0]
    assert 3 <= questions.count("<li>") <= 5
    assert "Notes" in text and 'class="notes-box' in response.content.decode()
    assert "bogus" not in text


@pytest.mark.django_db
def test_appointment_sheet_puts_a_red_flag_first(client, seeded):
    html = client.post(SHEET, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}).content.decode()
    assert html.index("care-card--emergency") < html.index("Symptoms I have noticed")
    assert "Call 999 now" in html and "Do not drive yourself" in html


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
    assert " checked" not in html and 'class="care-card' not in html
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
    assert "Tiredness (fatigue)" not in text and 'class="care-card' not in html
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
