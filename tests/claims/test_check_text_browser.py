"""The "Check a text" page in a real Chromium: with htmx, without JavaScript, on a phone, with
axe; and "Ask us to check this", which sends nothing until the reader presses its button."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from claims.search import matching
from editorial.models import Suggestion
from tests.browser import RequestLog, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

BOX = "Paste a post, message or shop page"
CHECK = "Check this text"
PHONE = {"width": 390, "height": 844}
UNRELATED = "Love this photo."
LONG_ADDRESS = "https://www.example.com/" + "a-very-long-shop-page-address-" * 8


def pasted_text() -> str:
    """A post made of two seeded claims' own wording, one everyday sentence and a long link."""
    own = [Claim.objects.get(slug=slug).text
           for slug in ("take-b12-in-the-morning", "sublingual-b12-absorbs-better")]
    return f"Hi! {own[0]}\n\n{UNRELATED} {own[1]}\nMore at {LONG_ADDRESS}"


def overflows(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    )


def assert_results(results):
    expect(results).to_contain_text("What we found")
    expect(results.locator("mark").first).to_be_visible()
    expect(results.locator(".check-label").first).to_have_text(
        re.compile("We checked (this|something similar)"))
    expect(results.locator(".verdict").first).to_be_visible()
    expect(results.get_by_role("link", name=re.compile("^Read our check: "))
           .first).to_be_visible()


def test_htmx_swaps_the_results_region_only(seeded_site, page):
    requests = RequestLog(page, seeded_site)
    page.goto(seeded_site + "/check/")
    assert axe_violations(page) == []  # the empty form
    page.evaluate("window.__samePage = true")
    text = pasted_text()
    page.get_by_label(BOX).fill(text)
    page.get_by_role("button", name=CHECK).click()
    results = page.locator("#check-results")
    assert_results(results)
    expect(page.locator("#check-status")).to_contain_text("Your text has")
    assert page.evaluate("window.__samePage") is True  # htmx swapped; no page load
    assert page.url == seeded_site + "/check/"  # the text stays out of the address
    expect(page.get_by_label(BOX)).to_have_value(text.replace("\r\n", "\n"))
    assert axe_violations(page) == []  # the results

    # A mistake shows its message in the same region (static/js/check-text.js), keeping the box.
    page.get_by_label(BOX).fill("")
    page.get_by_role("button", name=CHECK).click()
    expect(results.locator(".check-problem")).to_contain_text(
        "Paste the text you want to check into the box.")
    assert axe_violations(page) == []
    page.get_by_label(BOX).fill("B12 helps. " * 1000)
    page.get_by_role("button", name=CHECK).click()
    expect(results.locator(".check-problem")).to_contain_text("We can check up to 10,000")
    expect(page.get_by_label(BOX)).to_have_value("B12 helps. " * 1000)
    results.get_by_role("link", name="We can check up to 10,000", exact=False).click()
    expect(page.get_by_label(BOX)).to_be_focused()  # the message leads back to the box

    assert page.evaluate("window.__samePage") is True
    assert requests.foreign() == []
    assert {cookie["name"] for cookie in page.context.cookies()} <= {"csrftoken"}
    assert page.evaluate("window.localStorage.length") == 0  # no htmx history snapshot


def test_the_same_check_works_without_javascript(seeded_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = RequestLog(page, seeded_site)
    page.goto(seeded_site + "/check/")
    text = pasted_text()
    page.get_by_label(BOX).fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name=CHECK).click()
    assert page.url == seeded_site + "/check/#check-results"  # POSTed: no query string
    assert_results(page.locator("#check-results"))
    expect(page.get_by_label(BOX)).to_have_value(text.replace("\r\n", "\n"))

    page.get_by_label(BOX).fill("")
    with page.expect_navigation():
        page.get_by_role("button", name=CHECK).click()
    expect(page.locator("#check-results .check-problem")).to_contain_text(
        "Paste the text you want to check into the box.")
    expect(page).to_have_title("Error: Check a text | MS Claim Check")
    assert requests.foreign() == []
    context.close()


@pytest.mark.parametrize(("width", "javascript"), [(390, True), (390, False), (320, True)],
                         ids=["390-htmx", "390-no-js", "320-htmx"])
def test_on_a_phone_the_results_fit_without_sideways_scrolling(seeded_site, browser, width,
                                                               javascript):
    viewport = {**PHONE, "width": width}
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(seeded_site + "/check/")
    assert not overflows(page)
    page.get_by_label(BOX).fill(pasted_text())
    if javascript:
        page.get_by_role("button", name=CHECK).click()
    else:
        with page.expect_navigation():
            page.get_by_role("button", name=CHECK).click()
    results = page.locator("#check-results")
    assert_results(results)
    assert not overflows(page), f"the results scroll sideways at {width} px"
    box = results.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # After the check, the results are in view (htmx scrolls to them; the form's #check-results
    # does without JavaScript), so a reader need not hunt for them under the box.
    expect(results.locator("h2").first).to_be_in_viewport()
    if javascript:
        assert axe_violations(page) == []
    context.close()


def test_ask_us_to_check_this_sends_nothing_until_the_reader_presses_send(
        seeded_site, page, monkeypatch):
    # No claim matches (the engine is replaced), so the sentence like a claim offers the form.
    monkeypatch.setattr(matching, "match_sentence", lambda sentence, *, version=None: None)
    monkeypatch.setattr(matching, "match_sentences",
                        lambda sentences, *, version=None: [None] * len(sentences))
    sentence = "Cannabis oil cures MS in weeks."
    posted = []
    page.on("request", lambda r: posted.append(r.url) if r.method == "POST" else None)
    page.goto(seeded_site + "/check/")
    page.get_by_label(BOX).fill(f"{UNRELATED} {sentence}")
    page.get_by_role("button", name=CHECK).click()
    ask = page.locator("details.check-ask")
    expect(ask).to_have_count(1)
    ask.locator("summary").click()
    box = ask.get_by_label("The claim you would like us to check")
    expect(box).to_have_value(sentence)
    assert axe_violations(page) == []  # with the form open
    assert posted == [seeded_site + "/check/"]  # only the check itself so far
    assert Suggestion.objects.count() == 0

    box.fill(sentence + " My friend sent it to me.")
    with page.expect_navigation():
        ask.get_by_role("button", name="Send it to our editors").click()
    assert page.url == seeded_site + "/suggest/thanks/"
    assert list(Suggestion.objects.values_list("claim_text", flat=True)) == [
        sentence + " My friend sent it to me."
    ]
