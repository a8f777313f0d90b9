"""The symptom-overlap explorer at /explorer/, by an anonymous patient."""

import re

import pytest
from django.urls import reverse

from assessments.models import RedFlag, Symptom
from tests.assessments.conftest import row_counts

URL = "/explorer/"


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
    # The no-JavaScript form: a GET to the same page with a real submit button.
    assert re.search(r'<form class="explorer-form" method="get" action="/explorer/#results"', html)
    assert '<button type="submit">' in html
    # htmx enhances the same form, written as data-hx-* attributes.
    assert 'data-hx-get="/explorer/"' in html and 'data-hx-trigger="change, submit"' in html
    assert 'data-hx-target="#results"' in html
    assert " hx-" not in html
    assert 'aria-live="polite"' in html


@pytest.mark.django_db
def test_overlap_symptoms_show_both_conditions_tests_and_why_not_to_self_supplement(
    client, seeded
):
    html = client.get(URL, {"symptom": ["pins-and-needles", "fatigue"]}).content.decode()
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
    assert (
        'href="/explorer/appointment-sheet/?symptom=fatigue&amp;symptom=pins-and-needles"'
        in html
    )


@pytest.mark.django_db
def test_one_condition_only_lists_it_with_its_pointer(client, seeded):
    text = text_of(client.get(URL, {"symptom": ["sore-red-tongue"]}).content.decode())
    assert "Low B12 can cause these" in text
    assert "Both MS and low B12" not in text
    assert "This points more towards low B12." in text
    text = text_of(client.get(URL, {"symptom": ["double-vision"]}).content.decode())
    assert "MS can cause these" in text and "Low B12 can cause these" not in text


@pytest.mark.django_db
def test_red_flag_card_comes_first_and_before_the_overlap(client, seeded):
    html = client.get(
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
    html = client.get(URL, {"flag": flags}).content.decode()
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
    response = client.get(
        URL, {"symptom": ["fatigue", "made-up<b>", "zzz"], "flag": ["nope"], "other": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "We left out some items in the web address" in html
    assert "made-up" not in html and "zzz" not in html and "nope" not in html
    assert "Tiredness (fatigue)" in results_of(html)


@pytest.mark.django_db
def test_thousands_of_parameters_are_handled(client, seeded):
    query = "&".join(["symptom=fatigue"] + [f"symptom=junk{i}" for i in range(5000)])
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in results_of(response.content.decode())
    assert "We left out some items" in response.content.decode()
    response = client.get(f"{URL}?{'&'.join(['flag=stroke-signs'] * 3000)}")
    assert response.status_code == 200
    assert response.content.decode().count('role="alert"') == 1


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results_partial(client, seeded):
    response = client.get(URL, {"symptom": ["fatigue"]}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
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
        client.get(URL, {"symptom": ["fatigue", "double-vision"], "flag": ["stroke-signs"]})


@pytest.mark.django_db
def test_explorer_stores_nothing_sets_no_cookie_and_is_not_cached(client, seeded):
    before = row_counts()
    responses = [
        client.get(URL, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}),
        client.get(URL, {"symptom": ["fatigue"]}, headers={"HX-Request": "true"}),
        client.get("/explorer/appointment-sheet/", {"symptom": ["fatigue"]}),
    ]
    assert row_counts() == before
    assert client.cookies == {}
    for response in responses:
        assert "Set-Cookie" not in response.headers
        assert {"private", "no-store"} <= {
            part.strip() for part in response.headers["Cache-Control"].split(",")
        }
        html = response.content.decode()
        assert not re.search(r'(src|href|action|data-hx-[a-z]+)="(https?:)?//', html)


@pytest.mark.django_db
def test_explorer_uses_no_inline_script_style_or_handlers(client, seeded):
    html = client.get(URL, {"symptom": ["fatigue"], "flag": ["stroke-signs"]}).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert '<link rel="stylesheet" href="/static/css/assessments.css">' in html


@pytest.mark.django_db
def test_appointment_sheet_lists_symptoms_tests_questions_and_space_for_notes(client, seeded):
    response = client.get(
        "/explorer/appointment-sheet/", {"symptom": ["fatigue", "pins-and-needles", "bogus"]}
    )
    text = text_of(response.content.decode())
    assert response.status_code == 200
    assert "Tiredness (fatigue)" in text and "Pins and needles, tingling or numbness" in text
    assert "Serum (total) B12" in text and "Methylmalonic acid (MMA)" in text
    questions = response.content.decode().split('id="sheet-questions"', 1)[1].split("</ol>")[0]
    assert 3 <= questions.count("<li>") <= 5
    assert "Notes" in text and 'class="write-box' in response.content.decode()
    assert "bogus" not in text


@pytest.mark.django_db
def test_appointment_sheet_puts_a_red_flag_first(client, seeded):
    html = client.get(
        "/explorer/appointment-sheet/", {"symptom": ["fatigue"], "flag": ["stroke-signs"]}
    ).content.decode()
    assert html.index('role="alert"') < html.index("Symptoms I have noticed")


@pytest.mark.django_db
def test_explorer_only_answers_get(client, seeded):
    assert client.post(URL, {"symptom": "fatigue"}).status_code == 405
