"""Admin for the explorer's data: every change to what the explorer shows waits for review."""

from django.contrib import admin

from assessments.models import CareRoute, Caution, Condition, LabTest, RedFlag, Symptom
from editorial.admin_review import ReviewedAdminMixin


@admin.register(Condition)
class ConditionAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug", "description"]
    list_select_related = True


class SourcedRowAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    """The explorer's sourced rows (assessments.models.SourcedRow): each list shows what the
    row says, then its source, whether that was checked and its place; subclasses name their
    own columns and filters around those."""

    sourced_columns = ["source", "verified", "order"]
    list_select_related = ["source"]

    def get_list_display(self, request):
        return [*self.list_display, *self.sourced_columns]

    def get_list_filter(self, request):
        return [*self.list_filter, "verified"]


@admin.register(Symptom)
class SymptomAdmin(SourcedRowAdmin):
    list_display = ["name", "group", "urgency", "points_towards"]
    list_filter = ["urgency", "group", "relapse_like", "conditions", "points_towards"]
    search_fields = ["name", "slug", "explanation", "points_towards_note"]
    list_select_related = ["points_towards", "source"]
    filter_horizontal = ["conditions"]


@admin.register(RedFlag)
class RedFlagAdmin(SourcedRowAdmin):
    list_display = ["label", "urgency"]
    list_filter = ["urgency", "relapse_like"]
    search_fields = ["label", "slug", "what_to_do"]


@admin.register(LabTest)
class LabTestAdmin(SourcedRowAdmin):
    list_display = ["name", "when_to_ask"]
    list_filter = ["when_to_ask"]
    search_fields = ["name", "slug", "measures", "why_it_matters"]


@admin.register(Caution)
class CautionAdmin(SourcedRowAdmin):
    list_display = ["title"]
    search_fields = ["title", "slug", "body"]


@admin.register(CareRoute)
class CareRouteAdmin(ReviewedAdminMixin, admin.ModelAdmin):
    """One route per urgency: what every sign of that urgency tells people to do."""

    list_display = ["urgency", "title", "source_name", "last_reviewed", "next_review_due"]
    search_fields = ["title", "summary", "where", "for_people_with_ms"]
    fields = ["urgency", "title", "summary", "where", "for_people_with_ms", "source_name",
              "last_reviewed", "next_review_due"]
