"""Every page of the second topic (the supplement stack), as a patient and as a clinician:
0 axe violations and no sideways scrolling on a 320 px phone in Chromium, and valid HTML by
the W3C Nu validator. Reading grade and doses are checked on every seeded claim by
test_patient_text.py and test_supplement_stack_content.py; the first screen at 390 px by
test_answer_first.py; the handouts' page counts by tests/handouts/test_print_pdf.py."""


import pytest

from tests.browser import axe_violations
from tests.content import content_records
from tests.html_validator import needs_validator, vnu_problems

TOPIC = "supplement-stack"


def stack_paths() -> list[str]:
    records = content_records(TOPIC)
    paths = [f"/topics/{TOPIC}/", f"/topics/{TOPIC}/?audience=clinician"]
    for claim in sorted(records["claims"], key=lambda c: c["number"]):
        paths += [f"/claims/{claim['slug']}/", f"/claims/{claim['slug']}/?audience=clinician"]
    return paths


def test_the_topic_has_its_thirteen_claims_in_both_views():
    assert len(stack_paths()) == 2 + 13 * 2


@pytest.mark.slow
def test_every_stack_page_passes_axe_and_fits_a_phone(seeded_site, browser):
    problems = {}
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in stack_paths():
        response = page.goto(seeded_site + path)
        assert response.status == 200, path
        if violations := axe_violations(page):
            problems[path] = violations
        if page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
        ):
            problems.setdefault(path, []).append("scrolls sideways at 320 px")
    context.close()
    assert problems == {}


@needs_validator
@pytest.mark.slow
@pytest.mark.django_db
def test_every_stack_page_is_valid_html(client, seed_content, tmp_path):
    for index, path in enumerate(stack_paths()):
        response = client.get(path)
        assert response.status_code == 200, path
        (tmp_path / f"page-{index}.html").write_bytes(response.content)
    problems = vnu_problems(tmp_path)
    assert problems == []
