"""Admin for medical editors: every write goes through editorial.services, never save().

Claims, evidence and sources keep every version (simple-history); the history page compares any
two versions field by field and restores one as a new version.
"""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    ClaimRevision,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    Source,
    Topic,
    Verdict,
    VerdictChange,
)
from editorial import workflow
from editorial.admin_forms import (
    PATIENT_MARKDOWN_FIELDS,
    ClaimAdminForm,
    ClaimOriginAdminForm,
    EvidenceAdminForm,
    ReviewedInlineFormSet,
    ReviewedRowForm,
    SelectedRowAutocomplete,
    SourceAdminForm,
)
from editorial.admin_review import (
    ReadOnlyAdmin,
    ReviewedAdminMixin,
    WorkflowAdminMixin,
    proposed_message,
    save_reviewed_formset,
)
from editorial.readability import GRADE_LIMIT, grade_is_too_high, reading_grade
from editorial.selectors import claim_audit_trail
from editorial.services import claims as services
from editorial.services.evidence import (
    evidence_clear_original_check,
    evidence_mark_checked_against_original,
    original_check_refusal,
)

EDITORIAL_MEDIA_CSS = {"all": ("css/editorial.css",)}
URL_FIELDS_HTTPS = {models.URLField: {"assume_scheme": "https"}}
# Derived or bookkeeping columns: never worth showing in a version comparison.
DIFF_EXCLUDED = {
    "patient_summary_html", "clinician_summary_html", "what_to_do_html", "search_document",
    "updated_at", "created_at", "version",
}


class VersionHistoryMixin:
    """History page listing every version, a field-by-field comparison, and restore."""

    history_template = "admin/editorial/version_history.html"
    compare_template = "admin/editorial/version_compare.html"

    def get_urls(self):
        app, model = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.version_compare_view),
                name=f"{app}_{model}_version_compare",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/restore/",
                wrap(require_POST(self.version_restore_view)),
                name=f"{app}_{model}_version_restore",
            ),
            *super().get_urls(),
        ]

    def _history_object(self, request, object_id):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._history_object(request, object_id)
        records = list(obj.history.select_related("history_user").order_by("-history_id"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"History: {obj}",
            "records": records,
            "can_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.history_template, context)

    def version_compare_view(self, request, object_id):
        obj = self._history_object(request, object_id)
        history = obj.history.all()
        records = list(history.order_by("-history_id")[:2])
        try:
            newer = history.get(history_id=int(request.GET["b"]))
            older = history.get(history_id=int(request.GET["a"]))
        except (KeyError, ValueError, history.model.DoesNotExist):
            if len(records) < 2:
                messages.info(request, "There is only one version, so there is nothing to compare.")
                return HttpResponseRedirect(self._history_url(obj))
            newer, older = records
        if older.history_date > newer.history_date:
            older, newer = newer, older
        excluded = [f.name for f in self.model._meta.fields if f.name in DIFF_EXCLUDED]
        delta = newer.diff_against(older, excluded_fields=excluded)
        rows = [
            {
                "field": str(self.model._meta.get_field(change.field).verbose_name).capitalize(),
                "old": self._display(change.field, change.old),
                "new": self._display(change.field, change.new),
            }
            for change in delta.changes
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Compare versions: {obj}",
            "older": older,
            "newer": newer,
            "rows": rows,
            "history_url": self._history_url(obj),
        }
        return TemplateResponse(request, self.compare_template, context)

    def _display(self, field_name, value):
        field = self.model._meta.get_field(field_name)
        if value in (None, ""):
            return "(empty)"
        if field.is_relation:
            related = field.related_model.objects.filter(pk=value).first()
            return str(related) if related else f"#{value} (deleted)"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return value

    def _history_url(self, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                       args=[obj.pk])

    def version_restore_view(self, request, object_id, history_id):
        obj = self._history_object(request, object_id)
        try:
            self.restore_version(request, obj, history_id)
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "The earlier version was restored as a new version.")
        return HttpResponseRedirect(self._history_url(obj))

    def restore_version(self, request, obj, history_id):  # pragma: no cover - overridden
        raise NotImplementedError


# --- claims ---------------------------------------------------------------------------------


class ClaimPartInline(admin.StackedInline):
    """Parts of a claim are read-only while the claim waits for a medical reviewer."""

    extra = 0
    formset = ReviewedInlineFormSet

    def _unlocked(self, obj):
        return obj is None or obj.state not in workflow.LOCKED_STATES

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._unlocked(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._unlocked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._unlocked(obj)


class EvidenceInline(ClaimPartInline):
    model = Evidence
    form = EvidenceAdminForm
    autocomplete_fields = ["source"]
    fields = [
        "source", "direction", "finding", "clinician_finding", "seen_as", "original_check",
        "grade", "grade_question", "grade_answers_claim", "grade_note", "verification_note",
        "order", "base_snapshot",
    ]
    readonly_fields = ["original_check"]

    def get_queryset(self, request):
        # Each row's title names its source; read-only rows show the grade and the checker.
        return super().get_queryset(request).select_related(
            "source", "grade__scheme", "verified_by"
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "source":
            kwargs["widget"] = SelectedRowAutocomplete(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        if db_field.name == "grade":
            kwargs["queryset"] = Grade.objects.select_related("scheme")
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "grade" and formfield is not None:
            # Every row offers the same grades: read them once, not once a row (through iter():
            # list() would first ask for the length, a COUNT query).
            formfield.choices = list(iter(formfield.choices))
        return formfield

    @admin.display(description="checked against the original document")
    def original_check(self, obj):
        return original_check_text(obj)


def original_check_text(evidence) -> str:
    if evidence is None or evidence.pk is None or not evidence.verified_by_id:
        return "No: only a medical reviewer can record this, on the evidence item's own page."
    return (
        f"Yes, by {evidence.verified_by} on {evidence.verified_at:%d %B %Y}"
        if evidence.verified_at else f"Yes, by {evidence.verified_by}"
    )


class ClaimOriginInline(ClaimPartInline):
    model = ClaimOrigin
    form = ClaimOriginAdminForm
    autocomplete_fields = ["origin"]
    fields = ["origin", "quote", "wording", "relies_on", "base_snapshot"]


@admin.register(Claim)
class ClaimAdmin(WorkflowAdminMixin, VersionHistoryMixin, admin.ModelAdmin):
    form = ClaimAdminForm
    change_form_template = "admin/claims/claim/change_form.html"
    list_display = [
        "short_text", "topic", "verdict", "state", "next_review_due", "author", "updated_at",
    ]
    list_select_related = ["topic", "verdict", "author"]
    list_filter = ["state"]
    search_fields = ["text", "slug", "aliases"]
    ordering = ["topic__order", "number"]
    inlines = [EvidenceInline, ClaimOriginInline]
    actions = ["submit_selected", "approve_selected", "print_handouts"]
    readonly_fields = [
        "workflow_status", "reading_grades", "author", "last_edited_by", "reviewed_by",
        "first_published", "last_reviewed", "next_review_due",
    ]
    fieldsets = [
        ("Review", {"fields": [
            "workflow_status", "author", "last_edited_by", "reviewed_by", "first_published",
            "last_reviewed", "next_review_due",
        ]}),
        ("The claim", {"fields": [
            "topic", "number", "slug", "text", "short_wording", "aliases",
        ]}),
        ("Verdict", {"fields": [
            "verdict", "verdict_reason", "verdict_population", "verdict_change_reason",
        ]}),
        ("Patient and clinician text", {"fields": [
            "reading_grades", "patient_summary_md", "clinician_summary_md", "what_to_do_md",
            "no_guideline_note",
        ]}),
        (None, {"fields": ["expected_version", "base_snapshot"]}),
    ]

    class Media:
        css = EDITORIAL_MEDIA_CSS
        js = ("js/editorial-preview.js",)

    @admin.display(description="claim", ordering="text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "..."

    @admin.display(description="review state")
    def workflow_status(self, obj):
        if obj.pk is None:
            return "New draft"
        revision = getattr(obj, "open_revision", None)
        if revision is None:
            return obj.get_state_display()
        return format_html(
            '{} <span class="pending-note">Proposed changes by {} are shown in this form. '
            "Patients still see the approved version until a medical reviewer approves them."
            "{}</span>",
            obj.get_state_display(),
            revision.last_edited_by or "an editor",
            " Changes were requested." if revision.state == "changes_requested" else "",
        )

    @admin.display(description="reading grade")
    def reading_grades(self, obj):
        if obj.pk is None:
            return "Shown after the first save (and live, as you type)."
        parts = []
        for name in PATIENT_MARKDOWN_FIELDS:
            grade = reading_grade(getattr(obj, name))
            label = str(Claim._meta.get_field(name).verbose_name)
            if grade is None:
                continue
            warning = f" (above grade {GRADE_LIMIT}: simplify)" if grade_is_too_high(grade) else ""
            parts.append(f"{label}: grade {grade}{warning}")
        return "; ".join(parts) or "Not enough text to measure."

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            # The form edits what the editor is working on: the pending revision if there is one.
            obj.open_revision = services.claim_open_revision(obj)
            if obj.open_revision is not None:
                services.claim_apply_values(obj, obj.open_revision.data)
        return obj

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.state not in workflow.LOCKED_STATES)

    def save_model(self, request, obj, form, change):
        if not change:
            services.claim_create(claim=obj, actor=request.user)
            return
        if not form.has_changed():
            return  # only its evidence or origins changed: they have their own review
        services.claim_update(
            claim=obj,
            actor=request.user,
            values=services.claim_values(obj),
            expected_version=form.cleaned_data.get("expected_version"),
            verdict_change_reason=form.cleaned_data.get("verdict_change_reason", ""),
        )
        fresh = Claim.objects.get(pk=obj.pk)
        obj.state, obj.version = fresh.state, fresh.version
        if fresh.state in workflow.REVISION_STATES:
            messages.info(
                request,
                "Saved as proposed changes. Patients still see the approved version until a "
                "medical reviewer approves your changes: submit them for review when ready.",
            )

    def save_formset(self, request, form, formset, change):
        save_reviewed_formset(request, formset)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "_proposed_changes", None):
            messages.info(request, proposed_message(request))

    def delete_model(self, request, obj):
        obj._history_user = request.user
        super().delete_model(request, obj)

    # --- workflow buttons -------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                self.admin_site.admin_view(require_POST(self.workflow_view)),
                name="claims_claim_workflow",
            ),
            *super().get_urls(),
        ]

    def workflow_view(self, request, object_id, action):
        claim = get_object_or_404(Claim, pk=object_id)
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        post = request.POST
        try:
            if action == "submit":
                services.claim_submit(claim=claim, actor=request.user,
                                      comment=post.get("comment", ""))
                done = "Submitted for medical review."
            elif action == "start_review":
                services.claim_start_review(claim=claim, actor=request.user,
                                            comment=post.get("comment", ""))
                done = "Review started: the claim is public with a caution banner."
            elif action == "approve":
                services.claim_approve(
                    claim=claim, actor=request.user, comment=post.get("comment", ""),
                    next_review_due=_parse_date(post.get("next_review_due", "")),
                    verdict_change_reason=post.get("verdict_change_reason", ""),
                )
                done = "Approved: the claim is public with its new review dates."
            elif action == "request_changes":
                services.claim_request_changes(
                    claim=claim, actor=request.user, comment=post.get("comment", "")
                )
                done = "Changes requested: the editor has your comment."
            else:
                raise services.WorkflowError(f"Unknown action '{action}'.")
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = Claim.objects.filter(pk=object_id).first()
        extra = dict(extra_context or {})
        if claim is not None:
            extra["workflow"] = self._workflow_context(request, claim)
        return super().change_view(request, object_id, form_url, extra)

    def _workflow_context(self, request, claim):
        user = request.user
        revision = services.claim_open_revision(claim)
        values = services.claim_effective_values(claim, revision)
        evidence = list(claim.evidence.select_related("source"))
        state = claim.state
        has_revision = revision is not None

        def can(action):
            return workflow.action_allowed(user, state, action, has_revision=has_revision)

        approve_refusal = (
            services.claim_approve_refusal(claim, revision, user) if can("approve") else ""
        )

        verdict_changes = (
            revision is not None and claim.is_public
            and values.get("verdict") != claim.verdict_id
        )
        return {
            "claim": claim,
            "revision": revision,
            "problems": services.claim_submission_problems(values=values, evidence=evidence),
            "can_submit": can("submit"),
            "can_start_review": can("start_review"),
            "can_approve": can("approve") and not approve_refusal,
            "approve_refusal": approve_refusal,
            "can_request_changes": can("request_changes"),
            "pending_changes": list(
                claim.proposed_changes.filter(state="pending").select_related("last_edited_by")
            ),
            "default_next_review": services.default_next_review(),
            "verdict_changes": verdict_changes,
            "audit": claim_audit_trail(claim=claim)[:20],
            "public_url": reverse("claims:claim", args=[claim.slug]) if claim.is_public else "",
        }

    @admin.action(description="Print handouts for the selected claims (one document)")
    def print_handouts(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.order_by("topic__order", "number")
                       .values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('handouts:claims_batch')}?ids={ids}")

    @admin.action(description="Submit selected claims for review", permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, services.claim_submit, "submitted for review")

    @admin.action(description="Approve selected claims", permissions=["review"])
    def approve_selected(self, request, queryset):
        self._bulk(request, queryset, services.claim_approve, "approved")

    def has_submit_permission(self, request):
        return request.user.has_perm("claims.submit_claim")

    def has_review_permission(self, request):
        return request.user.has_perm("claims.review_claim")

    def _bulk(self, request, queryset, service, done):
        count = 0
        for claim in queryset:
            try:
                service(claim=claim, actor=request.user)
            except services.WorkflowError as exc:
                messages.error(request, f"“{claim}”: {exc}")
            else:
                count += 1
        if count:
            messages.success(request, f"{count} claim(s) {done}.")

    def restore_version(self, request, obj, history_id):
        services.claim_restore_version(claim=obj, actor=request.user, history_id=history_id)


def _parse_date(raw: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(raw.strip()) if raw.strip() else None
    except ValueError as exc:
        raise services.WorkflowError(
            f"'{raw}' is not a date: use the form YYYY-MM-DD."
        ) from exc


ORIGINAL_CHECKS = {
    "mark": (evidence_mark_checked_against_original, "Recorded: checked against the original "
             "document by you, now."),
    "clear": (evidence_clear_original_check, "The original-document check was cleared."),
}


@admin.register(Evidence)
class EvidenceAdmin(ReviewedAdminMixin, VersionHistoryMixin, admin.ModelAdmin):
    form = EvidenceAdminForm
    change_form_template = "admin/claims/evidence/change_form.html"
    list_display = ["source", "claim", "direction", "seen_as", "verified", "verified_by"]
    list_select_related = ["source", "claim", "verified_by"]
    list_filter = ["direction", "seen_as", "verified"]
    search_fields = ["finding", "source__short_name", "claim__text"]
    autocomplete_fields = ["source", "claim"]
    readonly_fields = ["verified", "verified_by", "verified_at"]
    actions = ["mark_checked_against_original", "clear_original_check"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.claim.state not in workflow.LOCKED_STATES)

    # --- the original-document check: a reviewer's own action, never a form field ----------

    def has_review_permission(self, request):
        return request.user.has_perm("claims.review_claim")

    @admin.action(description="Record: I checked these against the original document",
                  permissions=["review"])
    def mark_checked_against_original(self, request, queryset):
        self._check_each(request, queryset, "mark")

    @admin.action(description="Clear the original-document check", permissions=["review"])
    def clear_original_check(self, request, queryset):
        self._check_each(request, queryset, "clear")

    def _check_each(self, request, queryset, decision):
        service, done = ORIGINAL_CHECKS[decision]
        count = 0
        for evidence in queryset.select_related("claim", "source"):
            try:
                service(evidence=evidence, actor=request.user)
            except services.WorkflowError as exc:
                messages.error(request, f"“{evidence}”: {exc}")
            else:
                count += 1
        if count:
            messages.success(request, f"{count} evidence item(s): {done}")

    def get_urls(self):
        return [
            path(
                "<path:object_id>/original-check/<str:decision>/",
                self.admin_site.admin_view(require_POST(self.original_check_view)),
                name="claims_evidence_original_check",
            ),
            *super().get_urls(),
        ]

    def original_check_view(self, request, object_id, decision):
        evidence = get_object_or_404(Evidence.objects.select_related("claim"), pk=object_id)
        if decision not in ORIGINAL_CHECKS or not self.has_view_permission(request, evidence):
            raise PermissionDenied
        service, done = ORIGINAL_CHECKS[decision]
        try:
            service(evidence=evidence, actor=request.user, note=request.POST.get("note", ""))
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(reverse("admin:claims_evidence_change", args=[evidence.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        evidence = Evidence.objects.select_related("claim", "verified_by").filter(
            pk=object_id
        ).first()
        extra = dict(extra_context or {})
        if evidence is not None:
            reviewer = request.user.has_perm("claims.review_claim")
            refusal = original_check_refusal(evidence=evidence, actor=request.user)
            extra["original_check"] = {
                "status": original_check_text(evidence),
                "checked": bool(evidence.verified and evidence.verified_by_id),
                "can_check": reviewer and not refusal,
                "refusal": refusal if reviewer else "",
            }
        return super().change_view(request, object_id, form_url, extra)

    def restore_version(self, request, obj, history_id):
        services.evidence_restore_version(evidence=obj, actor=request.user, history_id=history_id)


@admin.register(Source)
class SourceAdmin(ReviewedAdminMixin, VersionHistoryMixin, admin.ModelAdmin):
    """Like every row a public page shows, a change to a source a published claim cites,
    its integrity notice included, waits for a medical reviewer (ReviewedAdminMixin)."""

    form = SourceAdminForm
    list_display = [
        "short_name", "source_type", "year", "doi", "pmid", "citation_verified", "integrity",
    ]
    list_filter = ["source_type", "citation_verified", "integrity"]
    formfield_overrides = URL_FIELDS_HTTPS
    search_fields = ["short_name", "key", "citation", "doi", "pmid"]
    fieldsets = [
        ("The source", {"fields": [
            "key", "short_name", "source_type", "citation", "year", "doi", "pmid", "url",
            "citation_verified", "citation_note",
        ]}),
        ("Integrity notice", {
            "fields": ["integrity", "integrity_note", "integrity_citation"],
            "description": "Shown beside this source on every page, handout and feed entry "
            "that cites it. Patients see the label and your plain words; clinicians also see "
            "the notice's citation. A retraction is marked so that nobody can miss it.",
        }),
        (None, {"fields": ["base_snapshot"]}),
    ]

    def restore_version(self, request, obj, history_id):
        services.source_restore_version(source=obj, actor=request.user, history_id=history_id)


# --- reference data and records -------------------------------------------------------------


@admin.register(Topic)
class TopicAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "order"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Verdict)
class VerdictAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "label", "rating_value", "order"]


class GradeInline(admin.TabularInline):
    model = Grade
    form = ReviewedRowForm
    extra = 0


@admin.register(GradingScheme)
class GradingSchemeAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    inlines = [GradeInline]


@admin.register(Grade)
class GradeAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "scheme", "code"]
    list_select_related = ["scheme"]
    search_fields = ["label", "code"]


class CitationCheckInline(admin.StackedInline):
    model = CitationCheck
    form = ReviewedRowForm
    extra = 0
    autocomplete_fields = ["matched_source"]


@admin.register(Origin)
class OriginAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "seen_on"]
    formfield_overrides = URL_FIELDS_HTTPS
    search_fields = ["name", "key"]
    inlines = [CitationCheckInline]


@admin.register(DoseReference)
class DoseReferenceAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "amount", "country", "clinician_only", "source"]
    list_filter = ["clinician_only", "country"]
    list_select_related = ["source"]
    autocomplete_fields = ["source"]


@admin.register(DoseCheck)
class DoseCheckAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["claim", "claimed_amount", "patient_comparison"]
    list_select_related = ["claim"]
    autocomplete_fields = ["claim"]


@admin.register(VerdictChange)
class VerdictChangeAdmin(ReadOnlyAdmin):
    list_display = ["changed_on", "claim", "from_verdict", "to_verdict"]
    list_select_related = ["claim", "from_verdict", "to_verdict"]


@admin.register(ClaimRevision)
class ClaimRevisionAdmin(ReadOnlyAdmin):
    list_display = ["claim", "state", "author", "last_edited_by", "updated_at"]
    list_select_related = ["claim", "author", "last_edited_by"]
    list_filter = ["state"]
