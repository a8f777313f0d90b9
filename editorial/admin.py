"""Admin for the review record (read-only) and the inbox of readers' suggestions."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from editorial.admin_review import ReadOnlyAdmin
from editorial.forms import AcceptSuggestionForm, DeclineSuggestionForm, DuplicateSuggestionForm
from editorial.models import AuditEntry, Suggestion
from editorial.near_duplicates import near_duplicates
from editorial.services import suggestions as services


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor_name", "action", "from_state", "to_state", "subject"]
    list_filter = ["action"]
    search_fields = ["subject", "actor_name", "comment"]
    date_hierarchy = "created_at"


TRIAGE_FORMS = {
    "accept": AcceptSuggestionForm,
    "duplicate": DuplicateSuggestionForm,
    "decline": DeclineSuggestionForm,
}


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    change_form_template = "admin/editorial/suggestion/change_form.html"
    list_display = ["__str__", "status", "created_at", "has_email", "claim", "closest_claims"]
    list_select_related = ["claim"]
    list_filter = ["status"]
    search_fields = ["claim_text"]
    fields = [
        "claim_text", "closest_claims", "seen_at", "email", "email_consent", "created_at",
        "status", "claim", "triage_note", "triaged_by", "triaged_at",
    ]
    readonly_fields = fields

    @admin.display(boolean=True, description="wants a reply")
    def has_email(self, obj):
        return bool(obj.email and obj.email_consent)

    # --- near-duplicates: the published claims closest to each suggestion ------------------

    def get_changelist_instance(self, request):
        """The page of suggestions, each with its closest claims, found for the whole page at
        once (editorial.near_duplicates) rather than row by row."""
        changelist = super().get_changelist_instance(request)
        page = list(changelist.result_list)  # evaluates the page; the list shows these rows
        found = near_duplicates(page)
        for suggestion in page:
            suggestion.near_duplicates = found[suggestion.pk]
        return changelist

    @admin.display(description="closest claims we have")
    def closest_claims(self, obj):
        found = getattr(obj, "near_duplicates", None)
        if found is None:  # the change page: one suggestion
            found = near_duplicates([obj])[obj.pk]
        if not found:
            return "None close"
        items = format_html_join(
            "", '<li><a href="{}">{}</a> ({})</li>',
            ((reverse("admin:claims_claim_change", args=[match.claim.pk]),
              match.claim.short_wording, match.level_words) for match in found),
        )
        return format_html('<ul class="near-duplicates">{}</ul>', items)

    def has_add_permission(self, request):
        return False  # suggestions come only from readers

    def get_urls(self):
        return [
            path(
                "<path:object_id>/triage/<str:decision>/",
                self.admin_site.admin_view(require_POST(self.triage_view)),
                name="editorial_suggestion_triage",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        suggestion = Suggestion.objects.filter(pk=object_id).first()
        extra = dict(extra_context or {})
        if suggestion is not None and suggestion.status == Suggestion.Status.NEW:
            extra["can_triage"] = request.user.has_perm("editorial.triage_suggestion")
            extra["triage_forms"] = {
                name: form(prefix=name) for name, form in TRIAGE_FORMS.items()
            }
        return super().change_view(request, object_id, form_url, extra)

    def triage_view(self, request, object_id, decision):
        suggestion = get_object_or_404(Suggestion, pk=object_id)
        if decision not in TRIAGE_FORMS or not self.has_view_permission(request, suggestion):
            raise PermissionDenied
        form = TRIAGE_FORMS[decision](request.POST, prefix=decision)
        change_url = reverse("admin:editorial_suggestion_change", args=[suggestion.pk])
        if not form.is_valid():
            for field, errors in form.errors.items():
                messages.error(request, f"{field}: {' '.join(errors)}")
            return HttpResponseRedirect(change_url)
        data = form.cleaned_data
        try:
            if decision == "accept":
                claim = services.suggestion_accept(
                    suggestion=suggestion, actor=request.user, topic=data["topic"],
                    note=data["note"],
                )
                messages.success(request, "Accepted: a draft claim was started from it.")
                return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
            if decision == "duplicate":
                services.suggestion_mark_duplicate(
                    suggestion=suggestion, actor=request.user, claim=data["claim"],
                    note=data["note"],
                )
                messages.success(request, "Marked as a duplicate of an existing claim.")
            else:
                services.suggestion_decline(
                    suggestion=suggestion, actor=request.user, note=data["note"]
                )
                messages.success(request, "Declined.")
        except services.TriageError as exc:
            messages.error(request, str(exc))
        return HttpResponseRedirect(change_url)


# The editors' admin for published content and the explorer's data register themselves here.
from editorial import (  # noqa: E402,F401
    admin_changes,
    admin_content,
    admin_explorer,
    admin_reviewers,
)
from editorial.admin_accounts import StaffAccountAdmin  # noqa: E402,F401
