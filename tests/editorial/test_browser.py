"""In a real Chromium: live preview in the admin under the strict CSP; the form is accessible."""

import pytest

from tests.browser import RequestLog, axe_violations
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db(transaction=True)


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_live_preview_renders_markdown_and_grade_as_the_editor_types(
    page, live_server, editor_user, author_user
):
    claim = make_draft_claim(author=author_user)
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    _login(page, live_server, editor_user.username)
    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    preview = page.locator("#id_patient_summary_md-preview")
    page.fill("#id_patient_summary_md", "Some *new* words about <script>x()</script> MS. "
              "Notwithstanding immunomodulatory heterogeneity, demyelination considerations "
              "predominate pathophysiologically.")
    preview.locator("em").wait_for()
    assert preview.locator("script").count() == 0
    assert "above grade 8" in preview.inner_text()
    assert not [e for e in errors if "Content Security Policy" in e and "preview" in e]


def test_suggestion_form_is_accessible_with_and_without_errors(page, live_server):
    log = RequestLog(page, live_server.url)
    page.goto(f"{live_server.url}/suggest/")
    assert axe_violations(page) == []
    page.click(".suggest-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == "id_claim_text"
    page.fill("#id_claim_text", "Cold showers cure MS fatigue.")
    page.click(".suggest-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/suggest/thanks/")
    assert log.foreign() == []
