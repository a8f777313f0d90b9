"""Every public page passes the W3C Nu HTML validator (vnu-jar from package-lock.json)."""


import pytest

from tests.html_validator import needs_validator, vnu_problems
from tests.quality.pages import PUBLIC_PAGES

pytestmark = needs_validator


@pytest.mark.slow
@pytest.mark.django_db
def test_every_public_page_is_valid_html(client, seed_content, tmp_path):
    pages = list(PUBLIC_PAGES)
    # Result and error states rendered by a form submission.
    posted = [
        ("suggest-errors", "/suggest/", {"claim_text": "", "seen_at": "not a url"}),
        ("explorer-results", "/explorer/", {"symptom": ["fatigue", "pins-and-needles"]}),
        ("explorer-red-flag", "/explorer/", {"symptom": ["fatigue"],
                                             "flag": ["sudden-vision-loss"]}),
        ("appointment-sheet", "/explorer/appointment-sheet/", {"symptom": ["fatigue"]}),
        ("explainer-result", "/explorer/results/",
         {"test": "total", "value": "250", "unit": "pg/mL"}),
        ("explainer-errors", "/explorer/results/", {"test": "total", "value": "-5"}),
    ]
    files = {}
    for name, path in pages:
        response = client.get(path)
        assert response.status_code in (200, 404), (name, response.status_code)
        files[name] = response.content
    for name, path, data in posted:
        files[name] = client.post(path, data).content
    for name, content in files.items():
        (tmp_path / f"{name}.html").write_bytes(content)

    problems = vnu_problems(tmp_path)
    assert problems == []


@pytest.mark.django_db
def test_posted_result_pages_show_results_not_errors(client, seed_content):
    """Guards the validator test above: its posted pages really are result states."""
    html = client.post("/explorer/", {"symptom": ["fatigue"], "flag": ["sudden-vision-loss"]})
    assert '<h2 class="care-card-heading">Call 999 now</h2>' in html.content.decode()
    explained = client.post("/explorer/results/",
                            {"test": "total", "value": "250", "unit": "pg/mL"}).content.decode()
    assert "185" in explained
