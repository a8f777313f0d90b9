"""Editor dashboard and Markdown preview (staff only), and the public suggestion form."""

from django.contrib import admin
from django.shortcuts import redirect, render

from claims.limits import markdown_shape_problem
from claims.models import Claim
from claims.rich_text import render_markdown
from config.http import get_only, get_or_post, post_only
from editorial import selectors
from editorial.access import staff_required
from editorial.admin_forms import MARKDOWN_FIELDS, PATIENT_MARKDOWN_FIELDS
from editorial.forms import SuggestionForm
from editorial.ratelimit import preview_allowed, suggestion_allowed
from editorial.readability import GRADE_LIMIT, grade_is_too_high, reading_grade
from editorial.services.suggestions import suggestion_create

PREVIEW_TEMPLATE = "editorial/markdown_preview.html"


def _preview(text: str, patient_text: bool) -> dict:
    grade = reading_grade(text) if patient_text else None
    return {
        "html": render_markdown(text),
        "grade": grade,
        "grade_too_high": grade_is_too_high(grade),
        "grade_limit": GRADE_LIMIT,
    }


@staff_required
@post_only
def markdown_preview(request):
    """htmx/JS: one field's preview as a partial. Without JS: every Markdown field, full page.

    Refused before anything is rendered: text over the Markdown length or shape limit (400),
    and more than 60 previews a minute from one editor (429), counted in the shared cache.
    """
    texts = [request.POST.get("text", "")] if request.htmx else [
        request.POST[name] for name in MARKDOWN_FIELDS if name in request.POST
    ]
    refused, status = "", 200
    if not preview_allowed(request.user):
        refused, status = ("Too many previews in the last minute. The preview comes back "
                           "within a minute; your text is kept."), 429
    elif problems := [p for p in map(markdown_shape_problem, texts) if p]:
        refused, status = problems[0] + " Then it can be previewed and saved.", 400
    if refused:
        template = f"{PREVIEW_TEMPLATE}#preview_refused" if request.htmx else PREVIEW_TEMPLATE
        return render(request, template, {"refused": refused}, status=status)
    if request.htmx:
        field = request.POST.get("field", "")
        patient = field in PATIENT_MARKDOWN_FIELDS or request.POST.get("patient_text") == "1"
        context = _preview(request.POST.get("text", ""), patient)
        return render(request, f"{PREVIEW_TEMPLATE}#field_preview", context)
    sections = []
    for name in MARKDOWN_FIELDS:
        if name in request.POST:
            label = str(Claim._meta.get_field(name).verbose_name).capitalize()
            preview = _preview(request.POST[name], name in PATIENT_MARKDOWN_FIELDS)
            sections.append({"name": name, "label": label, **preview})
    return render(request, PREVIEW_TEMPLATE, {"sections": sections, "grade_limit": GRADE_LIMIT})


@staff_required
@get_only
def dashboard(request):
    context = {
        **admin.site.each_context(request),
        "title": "Editorial dashboard",
        "waiting": selectors.claims_waiting_for_review(user=request.user),
        "changes_waiting": selectors.changes_waiting_for_review(user=request.user)
        if request.user.has_perm("editorial.review_change") else [],
        "overdue": selectors.claims_overdue(),
        "due_soon": selectors.claims_due_soon(),
        "recent": selectors.audit_entries_recent(),
        "new_suggestions": selectors.suggestions_new_count(),
    }
    return render(request, "editorial/dashboard.html", context)


@get_or_post
def suggest(request):
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if not form.is_valid():
            return render(request, "editorial/suggest.html", {"form": form}, status=400)
        # Counted before anything is stored, in one atomic step, so the limit holds however
        # many posts arrive at once; a form with mistakes costs nothing.
        if not suggestion_allowed(request):
            return render(request, "editorial/suggest.html", {"rate_limited": True}, status=429)
        if not form.is_bot:
            data = form.cleaned_data
            suggestion_create(
                claim_text=data["claim_text"],
                seen_at=data["seen_at"],
                email=data["email"],
                email_consent=bool(data["email"]) and data["email_consent"],
            )
        return redirect("editorial:suggest_thanks")
    return render(request, "editorial/suggest.html", {"form": SuggestionForm()})


@get_only
def suggest_thanks(request):
    return render(request, "editorial/suggest_thanks.html")
