"""The explorer and explainer in a real Chromium: with htmx, without JavaScript, and with axe."""

import pytest
from playwright.sync_api import expect

from assessments.models import CARD_URGENCIES, CareRoute, RedFlag, Symptom
from tests.assessments.conftest import row_counts
from tests.browser import RequestLog, axe_violations
from tests.content import load_explorer

pytestmark = pytest.mark.django_db(transaction=True)

PINS = "Pins and needles, tingling or numbness"
FATIGUE = "Tiredness (fatigue)"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def seeded_live(live_server):
    load_explorer()
    return live_server


def assert_overlap_result(results):
    expect(results).to_contain_text("Both MS and low B12 can cause these")
    both = results.locator(".symptom-list--both")
    expect(both).to_contain_text(PINS)
    expect(both).to_contain_text(FATIGUE)
    expect(results).to_contain_text("Tests to ask your GP about")
    expect(results).to_contain_text("Only if the first B12 result is borderline")
    expect(results).to_contain_text("Methylmalonic acid (MMA)")
    expect(results).to_contain_text("Get tested before you take supplements")
    expect(results).to_contain_text("Taking B12 before a blood test can raise the result")


def test_ticking_updates_results_with_htmx_without_a_page_load(seeded_live, page):
    requests = RequestLog(page, seeded_live.url)
    page.goto(seeded_live.url + "/explorer/")
    results = page.locator("#results")
    expect(results).to_contain_text("Tick any symptoms above")
    assert axe_violations(page) == []  # nothing ticked
    page.evaluate("window.__samePage = true")

    page.get_by_label(PINS, exact=True).check()
    expect(results).to_contain_text("Both MS and low B12 can cause these")
    # Keyboard: Tab to the next box is not needed; focus and Space ticks it.
    page.get_by_label(FATIGUE, exact=True).focus()
    page.keyboard.press("Space")
    assert_overlap_result(results)
    assert page.evaluate("window.__samePage") is True  # htmx swapped; no page load
    assert page.url == seeded_live.url + "/explorer/"  # what is ticked stays out of the address
    assert axe_violations(page) == []  # overlap only

    page.get_by_label(PINS, exact=True).uncheck()
    page.get_by_label(FATIGUE, exact=True).uncheck()
    page.get_by_label("Sore, red tongue", exact=True).check()
    expect(results).to_contain_text("Low B12 can cause these")
    expect(results).not_to_contain_text("Both MS and low B12")
    assert axe_violations(page) == []  # one condition only

    assert requests.foreign() == []
    assert page.context.cookies() == []
    assert page.evaluate("window.localStorage.length") == 0  # no htmx history snapshot


def test_the_same_flow_works_without_javascript(seeded_live, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = RequestLog(page, seeded_live.url)
    page.goto(seeded_live.url + "/explorer/")
    page.get_by_label(PINS, exact=True).check()
    page.get_by_label(FATIGUE, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Show what these can mean").click()
    assert page.url == seeded_live.url + "/explorer/#answer"  # POSTed: no query string
    assert_overlap_result(page.locator("#results"))
    expect(page.get_by_label(FATIGUE, exact=True)).to_be_checked()

    with page.expect_navigation():
        page.get_by_role("button", name="Open a printable appointment sheet").click()
    expect(page.locator("main")).to_contain_text("Questions for my doctor")
    expect(page.locator("main")).to_contain_text(PINS)
    assert page.url == seeded_live.url + "/explorer/appointment-sheet/"
    expect(page.get_by_role("button", name="Print this handout")).to_be_hidden()  # needs JS
    assert requests.foreign() == []
    assert context.cookies() == []
    context.close()
    # axe needs JavaScript, so the sheet is opened again in a normal page.
    page = browser.new_page()
    page.goto(seeded_live.url + "/explorer/")
    page.get_by_label(PINS, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Open a printable appointment sheet").click()
    expect(page.get_by_role("button", name="Print this handout")).to_be_visible()
    assert axe_violations(page) == []
    page.close()


def test_sudden_loss_of_vision_puts_the_emergency_card_first(seeded_live, page):
    requests = RequestLog(page, seeded_live.url)
    page.goto(seeded_live.url + "/explorer/")
    page.get_by_label(FATIGUE, exact=True).check()
    page.get_by_label("Sudden loss of sight in one or both eyes", exact=True).check()
    card = page.locator("#results .results-body > :first-child")
    expect(card).to_have_class("care-card care-card--emergency")
    expect(card).to_contain_text("Call 999 now")
    expect(card).not_to_contain_text("not yet checked")
    inline = page.locator("#card-flag-sudden-vision-loss .care-card")
    expect(inline).to_contain_text("Call 999 now")
    expect(page.locator("#results")).to_contain_text("Both MS and low B12 can cause these")
    assert axe_violations(page) == []  # red flag, with its card under the box
    assert requests.foreign() == []
    assert page.context.cookies() == []


def signs_with_cards() -> list[tuple[str, str, str]]:
    """(form field, slug, label) of every sign whose urgency shows a care card."""
    flags = [("flag", f.slug, f.label)
             for f in RedFlag.objects.filter(urgency__in=CARD_URGENCIES)]
    symptoms = [("symptom", s.slug, s.name)
                for s in Symptom.objects.filter(urgency__in=CARD_URGENCIES)]
    return flags + symptoms


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    # One CSS pixel of slack for sub-pixel rounding after scrolling.
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= height + 1


def test_at_390px_each_card_appears_in_view_under_its_box_and_is_announced(seeded_live,
                                                                           browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(seeded_live.url + "/explorer/")
    signs = signs_with_cards()
    assert len(signs) >= 8  # every emergency, mental-health and same-day sign
    titles = dict(CareRoute.objects.values_list("urgency", "title"))
    for field, slug, label in signs:
        box = page.get_by_label(label, exact=True)
        box.check()
        card = page.locator(f"#card-{field}-{slug} .care-card")
        expect(card).to_be_visible()
        urgency = (RedFlag if field == "flag" else Symptom).objects.get(slug=slug).urgency
        expect(card.locator(".care-card-heading")).to_have_text(titles[urgency])
        expect(page.locator("#care-announcer")).to_contain_text(titles[urgency])
        # The card lies inside the 390 x 844 viewport once it is shown.
        page.wait_for_function(
            """(id) => { const r = document.querySelector(id).getBoundingClientRect();
                         return r.top >= -1 && r.bottom <= window.innerHeight + 1; }""",
            arg=f"#card-{field}-{slug} .care-card",
        )
        assert in_viewport(page, card), label
        box.uncheck()
        expect(card).to_have_count(0)
    context.close()


def test_at_390px_without_javascript_the_submitted_page_leads_with_each_card(seeded_live,
                                                                            browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    titles = dict(CareRoute.objects.values_list("urgency", "title"))
    for field, slug, label in signs_with_cards():
        page.goto(seeded_live.url + "/explorer/")
        page.get_by_label(label, exact=True).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Show what these can mean").click()
        assert page.url == seeded_live.url + "/explorer/#answer"
        first = page.locator("main .wrap > :first-child")
        expect(first).to_have_id("answer")
        card = first.locator(".care-card").first
        urgency = (RedFlag if field == "flag" else Symptom).objects.get(slug=slug).urgency
        expect(card.locator(".care-card-heading")).to_have_text(titles[urgency])
        expect(card).to_contain_text(label)
        assert page.evaluate("document.activeElement.id") == "answer", label
        assert in_viewport(page, card.locator(".care-card-heading")), label
        # Nothing else comes between the header and the card.
        assert page.evaluate(
            "document.querySelector('main .wrap').firstElementChild.id"
        ) == "answer"
    assert context.cookies() == []
    context.close()


def test_thoughts_of_ending_your_life_lead_to_support_first_and_fold_the_rest(seeded_live,
                                                                             page):
    page.set_viewport_size(PHONE)
    page.goto(seeded_live.url + "/explorer/")
    page.get_by_label(FATIGUE, exact=True).check()
    page.get_by_label("Thoughts of ending your life, or not feeling safe", exact=True).check()
    inline = page.locator("#card-flag-suicidal-thoughts .care-card")
    for words in ("Talk to someone now", "NHS 111", "mental health option", "116 123",
                  "999 or go to A&E"):
        expect(inline).to_contain_text(words)
    assert in_viewport(page, inline)
    body = page.locator("#results .results-body")
    expect(body.locator(":scope > :first-child")).to_have_class(
        "care-card care-card--mental"
    )
    rest = body.locator("details.rest-of-results")
    expect(rest).not_to_have_attribute("open", "")
    expect(rest.get_by_text("Both MS and low B12 can cause these")).to_be_hidden()
    rest.locator("summary").click()
    expect(rest.get_by_text("Both MS and low B12 can cause these")).to_be_visible()
    assert axe_violations(page) == []  # mental-health support first, the rest opened
    with page.expect_navigation():
        page.get_by_role("button", name="Open a printable appointment sheet").click()
    opening = page.locator(".sheet-opening")
    expect(opening).to_contain_text("First, I want to talk about my mental health")
    expect(page.locator(".appointment-sheet .care-card--mental")).to_contain_text("116 123")
    assert axe_violations(page) == []  # sheet led by the mental-health concern


def test_explainer_shows_the_borderline_band_and_pmol(seeded_live, page):
    requests = RequestLog(page, seeded_live.url)
    page.goto(seeded_live.url + "/explorer/results/")
    page.get_by_label("Serum (total) B12").check()
    page.get_by_label("Your result (the number only)").fill("250")
    page.get_by_label("pg/mL").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Explain my result").click()
    result = page.locator("#result")
    expect(result).to_contain_text("about 185 pmol/L")
    expect(result).to_contain_text("NICE band: 180 to 350 ng/L")
    expect(result).to_contain_text("MMA test or an active B12 test")
    assert page.url == seeded_live.url + "/explorer/results/#result"  # nothing typed in it
    assert axe_violations(page) == []  # explainer result
    assert requests.foreign() == []
    assert page.context.cookies() == []


def test_explainer_errors_are_summarised_linked_and_accessible(seeded_live, page):
    page.goto(seeded_live.url + "/explorer/results/")
    page.get_by_label("Your result (the number only)").fill("-12")
    with page.expect_navigation():
        page.get_by_role("button", name="Explain my result").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("cannot be below zero")
    expect(summary).to_contain_text("Choose which test you had")
    summary.get_by_role("link", name="cannot be below zero").click()
    assert page.evaluate("document.activeElement.id") == "id_value"
    expect(page.get_by_label("Your result (the number only)")).to_have_attribute(
        "aria-invalid", "true"
    )
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []  # explainer with errors
    assert page.context.cookies() == []


def test_nothing_ticked_or_typed_reaches_an_address_a_cookie_or_the_database(seeded_live, page):
    """Ticks and typed results travel only in POST bodies: no address the browser asks for or
    shows holds them, no cookie is set and no row is written."""
    before = row_counts()
    requests = RequestLog(page, seeded_live.url)
    page.goto(seeded_live.url + "/explorer/")
    page.get_by_label(FATIGUE, exact=True).check()
    page.get_by_label("Sore, red tongue", exact=True).check()
    page.get_by_label("Walking or balance getting worse fast", exact=True).check()
    expect(page.locator(".sheet-form input[type=hidden]")).to_have_count(3)
    assert page.url == seeded_live.url + "/explorer/"
    with page.expect_navigation():
        page.get_by_role("button", name="Open a printable appointment sheet").click()
    expect(page.locator("main")).to_contain_text("Sore, red tongue")
    assert page.url == seeded_live.url + "/explorer/appointment-sheet/"

    page.goto(seeded_live.url + "/explorer/results/")
    page.get_by_label("Active B12 (holotranscobalamin)").check()
    page.get_by_label("Your result (the number only)").fill("61.5")
    page.get_by_label("pmol/L").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Explain my result").click()
    expect(page.locator("#result")).to_contain_text("NICE band: 25 to 70 pmol/L")
    assert page.url == seeded_live.url + "/explorer/results/#result"

    for url in requests.urls:
        assert "?" not in url, url
        for secret in ("fatigue", "sore-red-tongue", "walking-worse-fast", "61.5", "active"):
            assert secret not in url, url
    assert page.context.cookies() == []
    # htmx keeps only the current path in sessionStorage; no page snapshot, no answers.
    stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert "htmx-history-cache" not in stored
    for secret in ("fatigue", "Sore, red tongue", "61.5", "?"):
        assert secret not in stored, stored
    assert row_counts() == before
