"""Admin for the explorer's data: every change to what the explorer shows waits for review."""

from django.contrib import admin

from assessments.models import CareRoute, Caution, Condition, LabTest, RedFlag, Symptom
from editorial.admin_review import ReviewedAdminMixin


@admin.register(Condition)
class ConditionAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug", "description"]
    list_select_related = True


@admin.register(Symptom)
class SymptomAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "group", "urgency", "points_towards", "source", "verified", "order"]
    list_filter = ["urgency", "group", "verified", "relapse_like", "conditions", "points_towards"]
    search_fields = ["name", "slug", "explanation", "points_towards_note"]
    list_select_related = ["points_towards", "source"]
    filter_horizontal = ["conditions"]


@admin.register(RedFlag)
class RedFlagAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "urgency", "source", "verified", "order"]
    list_filter = ["urgency", "verified", "relapse_like"]
    search_fields = ["label", "slug", "what_to_do"]
    list_select_related = ["source"]


@admin.register(LabTest)
class LabTestAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "when_to_ask", "source", "verified", "order"]
    list_filter = ["when_to_ask", "verified"]
    search_fields = ["name", "slug", "measures", "why_it_matters"]
    list_select_related = ["source"]


@admin.register(Caution)
class CautionAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "source", "verified", "order"]
    list_filter = ["verified"]
    search_fields = ["title", "slug", "body"]
    list_select_related = ["source"]


@admin.register(CareRoute)
class CareRouteAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    """One route per urgency: what every sign of that urgency tells people to do."""

    list_display = ["urgency", "title", "source_name", "last_reviewed", "next_review_due"]
    search_fields = ["title", "summary", "where", "for_people_with_ms"]
    fields = ["urgency", "title", "summary", "where", "for_people_with_ms", "source_name",
              "last_reviewed", "next_review_due"]
