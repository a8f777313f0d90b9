"""The reviewers' queue of proposed changes: compare, then approve or send back."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from editorial.admin_review import ReadOnlyAdmin
from editorial.models import Contribution, ProposedChange
from editorial.services import changes
from editorial.services.errors import WorkflowError

DECISIONS = {
    "approve": (changes.change_approve, "Approved: the change is now public."),
    "send_back": (changes.change_send_back, "Sent back: the editor has your comment."),
    "withdraw": (changes.change_withdraw, "Withdrawn."),
}


def _shown(field, value) -> str:
    if value in (None, "", []):
        return "(empty)"
    if field is not None and field.is_relation:
        ids = value if isinstance(value, list) else [value]
        found = {o.pk: str(o) for o in field.related_model.objects.filter(pk__in=ids)}
        return ", ".join(found.get(i, f"#{i} (removed)") for i in ids)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    text = str(value)
    return text if len(text) <= 2000 else text[:1997] + "..."


def diff_rows(change: ProposedChange) -> list[dict]:
    model = change.content_type.model_class()
    new = {} if change.action == ProposedChange.Action.DELETE else change.data
    rows = []
    for name in sorted(set(change.base) | set(new), key=list(change.base | new).index):
        old_value, new_value = change.base.get(name), new.get(name)
        if old_value == new_value:
            continue
        field = next(
            (f for f in model._meta.get_fields() if name in (f.name, getattr(f, "attname", ""))),
            None,
        )
        label = str(getattr(field, "verbose_name", name)).capitalize()
        rows.append({"field": label, "old": _shown(field, old_value),
                     "new": _shown(field, new_value)})
    return rows


@admin.register(ProposedChange)
class ProposedChangeAdmin(ReadOnlyAdmin):
    change_form_template = "admin/editorial/proposedchange/change_form.html"
    list_display = ["__str__", "state", "last_edited_by", "updated_at", "reviewed_by"]
    list_filter = ["state", "content_type"]
    list_select_related = ["content_type", "last_edited_by", "reviewed_by"]
    search_fields = ["object_repr"]
    fields = ["content_type", "object_repr", "action", "state", "author", "last_edited_by",
              "reviewed_by", "reviewed_at", "review_comment", "created_at", "updated_at"]
    readonly_fields = fields

    def get_urls(self):
        return [
            path(
                "<path:object_id>/decide/<str:decision>/",
                self.admin_site.admin_view(require_POST(self.decide_view)),
                name="editorial_proposedchange_decide",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = ProposedChange.objects.filter(pk=object_id).first()
        extra = dict(extra_context or {})
        if change is not None:
            user = request.user
            reviewer = change.is_pending and user.has_perm("editorial.review_change")
            four_eyes = changes.four_eyes_refusal(change, user)
            approve_refusal = changes.approve_refusal(change, user) if reviewer else ""
            extra.update({
                "diff_rows": diff_rows(change),
                "affected_claims": list(change.claims.order_by("pk")),
                "contributors": [u.get_username() for u in change.contributors.all()],
                "approve_refusal": approve_refusal
                or (four_eyes if change.is_pending else ""),
                "can_approve": reviewer and not approve_refusal,
                "can_review": reviewer and not four_eyes,
                "can_withdraw": change.is_pending
                and change.contributors.filter(pk=user.pk).exists(),
            })
        return super().change_view(request, object_id, form_url, extra)

    def decide_view(self, request, object_id, decision):
        change = get_object_or_404(ProposedChange, pk=object_id)
        if not self.has_view_permission(request, change) or decision not in DECISIONS:
            raise PermissionDenied
        service, done = DECISIONS[decision]
        kwargs = {} if decision == "withdraw" else {"comment": request.POST.get("comment", "")}
        try:
            service(change=change, actor=request.user, **kwargs)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(
            reverse("admin:editorial_proposedchange_change", args=[change.pk])
        )


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "claim", "part", "settled_at"]
    list_select_related = ["user", "claim"]
    list_filter = ["settled_at"]
