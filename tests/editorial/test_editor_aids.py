"""Live Markdown preview, reading grade, and the editors' dashboard."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from claims.limits import MARKDOWN_MAX_CHARS, MARKDOWN_MAX_LINES, MARKDOWN_MAX_MARKUP
from claims.models import ReviewState
from editorial.readability import reading_grade
from tests.browser import RequestLog
from tests.editorial.helpers import claim_form_data
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db
PREVIEW = "/editorial/preview/"
HARD = ("Demyelinating pathophysiological mechanisms notwithstanding, supplementation "
        "demonstrates considerable heterogeneity regarding immunomodulatory effectiveness.")


def test_htmx_preview_uses_the_sanitiser_and_reports_the_reading_grade(client, editor_user):
    client.force_login(editor_user)
    response = client.post(
        PREVIEW,
        {"field": "patient_summary_md", "text": "**Bold** <script>alert(1)</script> " + HARD},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html
    assert "Reading grade" in html and "above grade 8" in html
    assert "<html" not in html  # a partial


def test_simple_text_gets_no_warning_and_clinician_text_no_grade(client, editor_user):
    client.force_login(editor_user)
    simple = client.post(PREVIEW, {"field": "what_to_do_md", "text": "Talk to your MS nurse. "
                                   "They can help you."}, HTTP_HX_REQUEST="true")
    assert "Reading grade" in simple.content.decode()
    assert "above grade" not in simple.content.decode()
    clinician = client.post(PREVIEW, {"field": "clinician_summary_md", "text": HARD},
                            HTTP_HX_REQUEST="true")
    assert "Reading grade" not in clinician.content.decode()


def test_preview_without_javascript_renders_every_markdown_field(client, editor_user):
    client.force_login(editor_user)
    response = client.post(PREVIEW, {"patient_summary_md": "*one*", "what_to_do_md": "two",
                                     "clinician_summary_md": "three", "text": "ignored"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<em>one</em>" in html and "three" in html and "Preview only" in html


def test_preview_is_staff_only_and_csrf_protected(client, editor_user):
    assert client.post(PREVIEW, {"text": "x"}).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor_user)
    assert strict.post(PREVIEW, {"text": "x"}, HTTP_HX_REQUEST="true").status_code == 403
    assert client.get(PREVIEW).status_code in (403, 405)


def test_preview_refuses_text_over_the_markdown_limit(client, editor_user):
    client.force_login(editor_user)
    over = "[" * (MARKDOWN_MAX_CHARS + 1)

    one_field = client.post(PREVIEW, {"field": "patient_summary_md", "text": over},
                            HTTP_HX_REQUEST="true")
    every_field = client.post(PREVIEW, {"patient_summary_md": "Fine.", "what_to_do_md": over})
    at_the_limit = client.post(PREVIEW, {"field": "clinician_summary_md",
                                         "text": "x" * MARKDOWN_MAX_CHARS}, HTTP_HX_REQUEST="true")

    assert one_field.status_code == 400
    assert (f"This text is {MARKDOWN_MAX_CHARS + 1:,} characters long; the limit is "
            f"{MARKDOWN_MAX_CHARS:,}. Shorten it") in one_field.content.decode()
    assert "md-rendered" not in one_field.content.decode()  # refused before rendering
    assert every_field.status_code == 400
    assert "Shorten it" in every_field.content.decode()
    assert "Preview only" in every_field.content.decode()  # the full page, with the reason
    assert at_the_limit.status_code == 200


@pytest.mark.parametrize(("text", "says"), [
    ("a|b\n" * (MARKDOWN_MAX_LINES + 1), f"the limit is {MARKDOWN_MAX_LINES}"),
    ("**a" * (MARKDOWN_MAX_MARKUP // 2 + 1), f"the limit is {MARKDOWN_MAX_MARKUP}"),
])
def test_preview_and_save_refuse_markdown_packed_with_lines_or_markup(
    client, editor_user, author_user, text, says
):
    client.force_login(editor_user)
    response = client.post(PREVIEW, {"field": "patient_summary_md", "text": text},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and says in response.content.decode()
    claim = make_draft_claim(author=author_user)
    data = claim_form_data(claim, patient_summary_md=text)
    saved = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert saved.status_code == 200 and says in saved.content.decode()
    claim.refresh_from_db()
    assert claim.patient_summary_md != text


def test_previews_are_limited_to_sixty_a_minute_for_each_editor(client, editor_user,
                                                               reviewer_user):
    client.force_login(editor_user)
    answers = [client.post(PREVIEW, {"field": "what_to_do_md", "text": "Rest."},
                           HTTP_HX_REQUEST="true") for _ in range(61)]
    someone_else = Client()
    someone_else.force_login(reviewer_user)

    assert [answer.status_code for answer in answers] == [200] * 60 + [429]
    assert "Too many previews in the last minute" in answers[-1].content.decode()
    assert someone_else.post(PREVIEW, {"text": "Rest."},
                             HTTP_HX_REQUEST="true").status_code == 200


def _open_claim_form(page, live_server, user, claim):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    page.wait_for_load_state("networkidle")


def _previews_asked(log: RequestLog) -> list[str]:
    return [url for url in log.urls if url.endswith(PREVIEW)]


@pytest.mark.django_db(transaction=True)
def test_the_widget_previews_once_typing_pauses_and_never_on_load(page, live_server,
                                                                  editor_user, author_user):
    claim = make_draft_claim(author=author_user)
    log = RequestLog(page, live_server.url)
    _open_claim_form(page, live_server, editor_user, claim)
    preview = page.locator("#id_patient_summary_md-preview")

    assert _previews_asked(log) == []  # opening the form sends nothing
    assert "when you pause typing" in preview.inner_text()
    page.locator("#id_patient_summary_md").press_sequentially(" and *more* words")
    preview.locator("em").wait_for()
    page.wait_for_load_state("networkidle")
    # One for a burst of keys, not one for each key.
    assert 1 <= len(_previews_asked(log)) < len(" and *more* words")


@pytest.mark.django_db(transaction=True)
def test_the_widget_says_why_a_preview_was_refused(page, live_server, editor_user,
                                                   author_user):
    claim = make_draft_claim(author=author_user)
    _open_claim_form(page, live_server, editor_user, claim)
    cache.set(f"markdown-preview:{editor_user.pk}", 60, 60)  # this minute's previews used up

    page.locator("#id_what_to_do_md").press_sequentially(" More.")

    refused = page.locator("#id_what_to_do_md-preview .md-preview-refused")
    refused.wait_for()
    assert "Too many previews in the last minute" in refused.inner_text()


def test_claim_form_carries_the_preview_widget_and_script(client, editor_user, author_user):
    claim = make_draft_claim(author=author_user)
    client.force_login(editor_user)
    html = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert 'data-preview-url="/editorial/preview/"' in html
    assert html.count(f'maxlength="{MARKDOWN_MAX_CHARS}"') == 3  # the three Markdown fields
    assert "js/editorial-preview.js" in html
    assert 'formaction="/editorial/preview/"' in html  # the no-JS preview button
    assert "Reading grade" in html or "reading grade" in html
    assert "Checks before submission" in html


def test_reading_grade_measures_rendered_words():
    assert reading_grade("") is None
    assert reading_grade("The cat sat. The dog ran. We all had fun.") < 8
    assert reading_grade(HARD) > 8


def test_dashboard_sections(client, reviewer_user, editor_user, author_user):
    today = datetime.date.today()
    waiting = make_draft_claim(author=author_user, state=ReviewState.SUBMITTED, text="Waiting one")
    mine = make_draft_claim(author=reviewer_user, state=ReviewState.SUBMITTED, text="My own one")
    overdue = make_draft_claim(
        author=author_user, state=ReviewState.NEEDS_REREVIEW, text="Late one"
    )
    soon = make_draft_claim(author=author_user, state=ReviewState.APPROVED, text="Soon one",
                      next_review_due=today + datetime.timedelta(days=10))
    client.force_login(reviewer_user)
    response = client.get(reverse("editorial:dashboard"))
    context = response.context
    assert waiting in context["waiting"] and mine not in context["waiting"]
    assert overdue in context["waiting"]  # needs re-review is reviewable too
    assert context["overdue"] == [overdue]
    assert context["due_soon"] == [soon]
    client.force_login(editor_user)
    assert client.get(reverse("editorial:dashboard")).context["waiting"] == []
