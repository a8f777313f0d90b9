"""Admin for the explorer content: editors change wording, sources and verified flags here."""

from django.contrib import admin

from assessments.models import Caution, Condition, LabTest, RedFlag, Symptom


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "description"]
    list_select_related = True


@admin.register(Symptom)
class SymptomAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "points_towards", "source", "verified", "order"]
    list_filter = ["group", "verified", "conditions", "points_towards"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "explanation", "points_towards_note"]
    list_select_related = ["points_towards", "source"]
    filter_horizontal = ["conditions"]


@admin.register(RedFlag)
class RedFlagAdmin(admin.ModelAdmin):
    list_display = ["label", "urgency", "source", "verified", "order"]
    list_filter = ["urgency", "verified"]
    list_editable = ["order"]
    search_fields = ["label", "slug", "what_to_do"]
    list_select_related = ["source"]


@admin.register(LabTest)
class LabTestAdmin(admin.ModelAdmin):
    list_display = ["name", "source", "verified", "order"]
    list_filter = ["verified"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "measures", "why_it_matters"]
    list_select_related = ["source"]


@admin.register(Caution)
class CautionAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "verified", "order"]
    list_filter = ["verified"]
    list_editable = ["order"]
    search_fields = ["title", "slug", "body"]
    list_select_related = ["source"]
