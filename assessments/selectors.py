"""Reads for the explorer pages: one selector fetches everything a page shows."""

from dataclasses import dataclass

from django.db.models import Prefetch

from assessments.models import Caution, Condition, LabTest, RedFlag, Symptom, SymptomGroup


@dataclass(frozen=True)
class Catalogue:
    """All explorer content, fetched once per request (six small queries)."""

    conditions: list
    symptoms: list
    red_flags: list
    lab_tests: list
    cautions: list

    def symptom_groups(self) -> list[tuple[str, str, list]]:
        """(group value, group label, symptoms) in the order the fieldsets appear."""
        groups = []
        for value, label in SymptomGroup.choices:
            members = [s for s in self.symptoms if s.group == value]
            if members:
                groups.append((value, label, members))
        return groups


def explorer_catalogue() -> Catalogue:
    # Queries: conditions; symptoms with points_towards and source; their conditions
    # (prefetch); red flags with source; lab tests with source; cautions with source.
    return Catalogue(
        conditions=list(Condition.objects.all()),
        symptoms=list(
            Symptom.objects.select_related("points_towards", "source").prefetch_related(
                Prefetch("conditions", queryset=Condition.objects.order_by("order"))
            )
        ),
        red_flags=list(RedFlag.objects.select_related("source")),
        lab_tests=list(LabTest.objects.select_related("source")),
        cautions=list(Caution.objects.select_related("source")),
    )
