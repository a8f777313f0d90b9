"""Every public page in a real Chromium: axe, the CSP, other origins, reflow and zoom.

Each page is checked for: 0 axe violations; no Content-Security-Policy violation in the
console; no request to another origin; no horizontal scrolling at 320 CSS px wide (WCAG 1.4.10)
or at 200% zoom of a 1280 px window (WCAG 1.4.4).
"""

import pytest

from tests.browser import RequestLog, axe_violations
from tests.quality.pages import PUBLIC_PAGES


def _watch_console(page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: messages.append(str(exc)))
    return messages


def _overflows(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    )


@pytest.mark.parametrize("name,path", PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
def test_public_page_is_accessible_self_contained_and_reflows(seeded_site, browser, name, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = _watch_console(page)
    requests = RequestLog(page, seeded_site)
    page.goto(seeded_site + path)
    assert axe_violations(page) == [], name
    csp = [message for message in errors if "Content Security Policy" in message]
    assert csp == [], csp
    assert requests.foreign() == []
    context.close()

    for viewport, scale in (({"width": 320, "height": 640}, 1), ({"width": 640, "height": 450}, 2)):
        # 640 CSS px at a device scale of 2 is what a 1280 px window shows at 200% zoom.
        context = browser.new_context(viewport=viewport, device_scale_factor=scale)
        page = context.new_page()
        page.goto(seeded_site + path)
        assert not _overflows(page), f"{name} scrolls sideways at {viewport['width']} px"
        context.close()


def test_error_states_are_accessible(seeded_site, page):
    # The suggestion form sent empty, and the result explainer with a bad value.
    page.goto(seeded_site + "/suggest/")
    page.get_by_role("button", name="Send the claim").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == []

    page.goto(seeded_site + "/explorer/results/")
    page.get_by_label("Your result (the number only)").fill("-5")
    page.locator("form.explainer-form button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == []
