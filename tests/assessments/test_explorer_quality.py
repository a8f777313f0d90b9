"""Every explorer and appointment-sheet state of issue 13 is valid HTML, has no axe violation,
reads at grade 8 or lower, and reflows at 320 CSS px; with and without JavaScript."""


import pytest
import textstat

from tests.assessments.test_readability import MAX_GRADE, page_prose
from tests.browser import axe_violations
from tests.content import load_explorer
from tests.html_validator import needs_validator, vnu_problems
from tests.quality.pages import EXPLORER_STATES

IDS = [name for name, _, _ in EXPLORER_STATES]


@pytest.fixture
def seeded(db):
    load_explorer()


@pytest.mark.django_db
@needs_validator
@pytest.mark.slow
def test_every_explorer_state_is_valid_html(client, seeded, tmp_path):
    for name, path, data in EXPLORER_STATES:
        (tmp_path / f"{name}.html").write_bytes(client.post(path, data).content)
    problems = vnu_problems(tmp_path)
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "path", "data"), EXPLORER_STATES, ids=IDS)
def test_every_explorer_state_reads_at_grade_8_or_lower(client, seeded, name, path, data):
    html = client.post(path, data).content.decode()
    if "<main" not in html:  # the sheet is a handout: its article is the prose
        html = "<main>" + html.split('<article class="appointment-sheet"', 1)[1] + "</main>"
    prose = page_prose(html)
    assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose


def _submit_without_javascript(page, path: str, data: dict) -> None:
    """Tick the boxes and send the explorer's form; the sheet is opened from the results."""
    for field, values in data.items():
        for value in values:
            page.locator(f'input[name="{field}"][value="{value}"]').first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Show what these can mean").click()
    if path.endswith("appointment-sheet/"):
        folded = page.locator("details.rest-of-results:not([open]) > summary")
        if folded.count():
            folded.click()
        with page.expect_navigation():
            page.get_by_role("button", name="Open a printable appointment sheet").click()


@pytest.mark.slow
def test_every_explorer_state_is_accessible_and_reflows(seeded_site, browser):
    for name, path, data in EXPLORER_STATES:
        for viewport in ({"width": 1280, "height": 900}, {"width": 320, "height": 640}):
            # The page a browser without JavaScript gets. axe needs timers, which a context
            # without JavaScript never runs, so htmx is kept out instead: the form then posts
            # as it does without JavaScript and the server sends the same page.
            context = browser.new_context(viewport=viewport)
            context.route("**/django_htmx/**", lambda route: route.abort())
            page = context.new_page()
            page.goto(seeded_site + "/explorer/")
            assert page.evaluate("typeof window.htmx") == "undefined"
            _submit_without_javascript(page, path, data)
            assert page.url.startswith(seeded_site + path), name
            assert axe_violations(page) == [], name
            assert not page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
            ), f"{name} scrolls sideways at {viewport['width']} px"
            assert context.cookies() == []
            context.close()


def test_the_cards_htmx_shows_under_the_boxes_are_accessible(seeded_site, page):
    page.goto(seeded_site + "/explorer/")
    assert axe_violations(page) == []  # before anything is ticked: one line per urgency
    for field, values in EXPLORER_STATES[3][2].items():  # a card of every urgency
        for value in values:
            page.locator(f'input[name="{field}"][value="{value}"]').check()
            page.locator(f"#card-{field}-{value} .care-card").wait_for()
    page.get_by_label("I already have an MS diagnosis", exact=True).check()
    page.locator("#card-symptom-double-vision .care-card-ms").wait_for()
    assert axe_violations(page) == []
    assert page.context.cookies() == []
