"""Reviewer profiles, kept by site admins (migration 0007 grants them add, change and view).

Editors and reviewers have none of these permissions, so they neither see nor edit profiles:
readers trust the name, role and declared conflicts beside a page because the reviewer did not
write them. A site admin does not edit their own profile either.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q

from claims.models import ReviewerProfile
from editorial.admin_review import WorkflowAdminMixin
from editorial.roles import REVIEWER, SITE_ADMIN
from editorial.services.reviewers import reviewer_profile_save

# Everyone whose role lets them approve (site admins and superusers approve too).
APPROVERS = Q(groups__name__in=[REVIEWER, SITE_ADMIN]) | Q(is_superuser=True)


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "user", "role", "complete", "updated_at"]
    list_select_related = ["user"]
    search_fields = ["name", "role", "user__username"]
    fields = ["user", "name", "role", "registration", "conflicts", "missing", "updated_at"]
    readonly_fields = ["missing", "updated_at"]

    @admin.display(boolean=True, description="complete (may approve)")
    def complete(self, obj):
        return obj.is_complete

    @admin.display(description="still missing")
    def missing(self, obj):
        missing = obj.missing_fields() if obj.pk else []
        return ", ".join(missing) if missing else "Nothing: this reviewer may approve."

    def get_readonly_fields(self, request, obj=None):
        # Whose profile it is is chosen once.
        return [*self.readonly_fields, "user"] if obj else self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = (
                get_user_model().objects.filter(APPROVERS, is_staff=True)
                .exclude(pk=request.user.pk).distinct().order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        own = obj is not None and obj.user_id == request.user.pk
        return allowed and (not own or request.user.is_superuser)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        reviewer_profile_save(profile=obj, actor=request.user)
