"""Admin behaviour shared by every reviewed row: saves go through editorial.services.changes.

While nothing public shows a row, a save writes it (and records the editor as a contributor of
the claims that show it). Once published content shows it, a save, an addition or a removal
becomes a proposed change that waits for a medical reviewer; the approved row stays public.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from editorial.admin_forms import ReviewedRowForm
from editorial.services import changes
from editorial.services.errors import WorkflowError

PROPOSED_NOTE = (
    "Saved as a proposed change: patients still see the approved version until a medical "
    "reviewer who did not write it approves it."
)


def _proposed(request) -> list:
    if not hasattr(request, "_proposed_changes"):
        request._proposed_changes = []
    return request._proposed_changes


def note_outcome(request, outcome) -> None:
    if outcome.proposed:
        _proposed(request).append(outcome.change)


def change_url(change) -> str:
    return reverse("admin:editorial_proposedchange_change", args=[change.pk])


def proposed_message(request):
    links = format_html_join(
        ", ", '<a href="{}">{}</a>', ((change_url(c), str(c)) for c in _proposed(request))
    )
    return format_html("{} Waiting: {}.", PROPOSED_NOTE, links)


def form_many_to_many(form, obj) -> dict:
    """The many-to-many values a form chose ({} for fields it does not show)."""
    return {
        f.name: [related.pk for related in form.cleaned_data[f.name]]
        for f in obj._meta.many_to_many
        if f.name in form.cleaned_data
    }


def save_reviewed_formset(request, formset) -> None:
    """Inline rows: each added, changed or removed row goes through the same rule."""
    formset.save(commit=False)
    forms_by_row = {id(form.instance): form for form in formset.forms}
    for obj in formset.deleted_objects:
        note_outcome(request, changes.row_delete(obj=obj, actor=request.user))
    for obj in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
        form = forms_by_row.get(id(obj))
        m2m = form_many_to_many(form, obj) if form is not None else {}
        note_outcome(request, changes.row_save(obj=obj, actor=request.user, m2m=m2m))


class WorkflowAdminMixin:
    """Turns a refused service call into a message on the page instead of a server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.get_full_path())


class ReviewedAdminMixin(WorkflowAdminMixin):
    form = ReviewedRowForm

    def save_model(self, request, obj, form, change):
        m2m = form_many_to_many(form, obj)
        note_outcome(request, changes.row_save(obj=obj, actor=request.user, m2m=m2m))

    def save_related(self, request, form, formsets, change):
        # Many-to-many values were written (or proposed) by row_save: only inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        if form.instance.pk is None and any(f.has_changed() for f in formset.forms):
            messages.warning(
                request, "Rows inside it can be added once the addition above is approved."
            )
            return
        save_reviewed_formset(request, formset)

    def delete_model(self, request, obj):
        note_outcome(request, changes.row_delete(obj=obj, actor=request.user))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.get_full_path())

    def log_addition(self, request, obj, message):
        if obj.pk is not None:
            return super().log_addition(request, obj, message)
        return None

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if _proposed(request) and level == messages.SUCCESS:
            message, level = proposed_message(request), messages.INFO
        return super().message_user(request, message, level, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        if obj.pk is None and _proposed(request):
            self.message_user(request, "added", messages.SUCCESS)
            return HttpResponseRedirect(change_url(_proposed(request)[-1]))
        return super().response_add(request, obj, post_url_continue)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only by the workflow: visible, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
