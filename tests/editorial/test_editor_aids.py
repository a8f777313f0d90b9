"""Live Markdown preview, reading grade, and the editors' dashboard."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import ReviewState
from editorial.readability import reading_grade
from tests.editorial.factories import make_claim

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


def test_claim_form_carries_the_preview_widget_and_script(client, editor_user, author_user):
    claim = make_claim(author=author_user)
    client.force_login(editor_user)
    html = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert 'data-preview-url="/editorial/preview/"' in html
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
    waiting = make_claim(author=author_user, state=ReviewState.SUBMITTED, text="Waiting one")
    mine = make_claim(author=reviewer_user, state=ReviewState.SUBMITTED, text="My own one")
    overdue = make_claim(author=author_user, state=ReviewState.NEEDS_REREVIEW, text="Late one")
    soon = make_claim(author=author_user, state=ReviewState.APPROVED, text="Soon one",
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
