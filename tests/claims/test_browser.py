"""The claim pages in a real Chromium: htmx enhancements, the no-JavaScript path, and axe."""

import pytest

from claims.models import ReviewState
from tests.browser import RequestLog, axe_violations
from tests.factories import (
    add_origin,
    make_citation_check,
    make_claim,
    make_dose_check,
    make_evidence,
    make_grade,
    make_origin,
    make_topic,
    make_verdict,
    make_verdict_change,
    make_verdicts,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content(transactional_db):
    make_verdicts()
    topic = make_topic(slug="vitamin-b12-and-ms", title="Vitamin B12 and MS")
    sublingual = make_claim(
        topic=topic, slug="sublingual-absorbs-better", verdict=make_verdict("C"),
        text="Sublingual forms of B12 absorb better than tablets.",
        short_wording="Sublingual B12 absorbs better",
        patient_summary_md="Tablets you swallow work as well.",
        clinician_summary_md="No difference in efficacy between oral and sublingual routes.",
        state=ReviewState.UNDER_REVIEW,
    )
    origin = make_origin(name="Supplement blog", url="https://blog.example/b12")
    add_origin(sublingual, origin, wording="Sublingual is best")
    make_citation_check(origin)
    make_evidence(sublingual, grade=make_grade(), verified=False)
    make_evidence(sublingual)
    make_dose_check(sublingual)
    make_verdict_change(sublingual)
    make_claim(topic=topic, slug="b12-fatigue", verdict=make_verdict("N"),
               text="High-dose B12 reduces MS fatigue.", short_wording="B12 reduces MS fatigue")
    return {"topic": topic, "claim": sublingual}


def mark_page(page):
    """A marker that survives htmx swaps but not a full page load."""
    page.evaluate("window.__stillHere = true")


def still_same_page(page) -> bool:
    return page.evaluate("window.__stillHere === true")


def test_search_as_you_type_updates_results_without_reload(live_server, page, content):
    requests = RequestLog(page, live_server.url)
    page.goto(live_server.url + "/search/")
    mark_page(page)
    page.locator("#search-q").press_sequentially("sublingual", delay=20)
    page.locator("#search-results .result").first.wait_for()
    assert "Sublingual B12 absorbs better" in page.locator("#search-results").inner_text()
    assert "1 claim found" in page.locator("#search-status").inner_text()
    assert still_same_page(page)
    assert "q=sublingual" in page.url
    page.locator("#search-q").fill("xqzvv blorptangle")
    page.locator("#search-results").get_by_text("No claims found").wait_for()
    assert "No claims found for" in page.locator("#search-status").inner_text()
    assert still_same_page(page)
    assert requests.foreign() == []


def test_search_form_works_without_javascript(live_server, browser, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/search/")
    page.locator("#search-q").fill("b-12 fatigue")
    page.locator("main form button").click()
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".result").first.inner_text().startswith("B12 reduces MS fatigue")
    context.close()


def test_audience_switch_swaps_the_summary_with_htmx(live_server, page, content):
    url = f"{live_server.url}/claims/{content['claim'].slug}/"
    page.goto(url)
    assert "Tablets you swallow work as well." in page.locator("#audience-panel").inner_text()
    mark_page(page)
    page.get_by_role("link", name="Clinicians").click()
    page.get_by_text("No difference in efficacy").wait_for()
    assert still_same_page(page)
    assert page.url.endswith("?audience=clinician")
    assert page.locator("#audience-clinician").get_attribute("aria-current") == "true"
    assert page.locator("#audience-patient").get_attribute("aria-current") is None
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["audience"]["value"] == "clinician"
    assert cookies["audience"]["httpOnly"] and cookies["audience"]["sameSite"] == "Lax"
    page.goto(url)
    assert "No difference in efficacy" in page.locator("#audience-panel").inner_text()


def test_audience_switch_works_as_a_plain_link_without_javascript(live_server, browser, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = f"{live_server.url}/topics/{content['topic'].slug}/"
    page.goto(url)
    assert "No difference in efficacy" not in page.content()
    page.get_by_role("link", name="Clinicians").click()
    page.wait_for_url("**?audience=clinician")
    assert "No difference in efficacy" in page.content()
    page.goto(url)  # the choice is remembered on the next visit
    assert "No difference in efficacy" in page.content()
    assert page.locator("#audience-clinician").get_attribute("aria-current") == "true"
    context.close()


@pytest.mark.slow
def test_every_claims_page_passes_axe_and_stays_on_this_origin(live_server, page, content):
    requests = RequestLog(page, live_server.url)
    console = []
    page.on("console", lambda message: console.append(message.text))
    claim = f"/claims/{content['claim'].slug}/"
    paths = [
        "/", f"/topics/{content['topic'].slug}/", f"/topics/{content['topic'].slug}/"
        "?audience=clinician", claim, claim + "?audience=clinician", claim + "?audience=patient",
        "/search/", "/search/?q=sublingual+b12", "/search/?q=xqzvv+blorptangle",
        "/about/evidence/", "/about/editorial-policy/", "/about/corrections/",
        "/about/disclaimer/", "/claims/no-such-claim/",
    ]
    problems = {}
    for path in paths:
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            problems[path] = violations
    assert problems == {}
    assert requests.foreign() == []
    assert [text for text in console if "Content Security Policy" in text] == []
