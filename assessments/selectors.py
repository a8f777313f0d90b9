"""Reads for the explorer pages: one selector fetches everything a page shows."""

from dataclasses import dataclass

from django.db.models import Prefetch

from assessments.models import (
    CareRoute,
    Caution,
    Condition,
    LabTest,
    RedFlag,
    Symptom,
    SymptomGroup,
    urgency_rank,
)
from assessments.overlap import FLAG, SYMPTOM, Sign


@dataclass(frozen=True)
class FlagBlock:
    """The red flags of one urgency, under the one line that says what to do for them."""

    urgency: str
    route: CareRoute | None
    signs: list


@dataclass(frozen=True)
class Catalogue:
    """All explorer content, fetched once per request (seven small queries)."""

    conditions: list
    symptoms: list
    red_flags: list
    lab_tests: list
    cautions: list
    care_routes: list  # most urgent first

    def route_for(self, urgency: str) -> CareRoute | None:
        return next((route for route in self.care_routes if route.urgency == urgency), None)

    def flag_signs(self) -> list[Sign]:
        return [Sign(FLAG, row, self.route_for(row.urgency)) for row in self.red_flags]

    def symptom_signs(self) -> list[Sign]:
        return [Sign(SYMPTOM, row, self.route_for(row.urgency)) for row in self.symptoms]

    def signs_with_cards(self) -> list[Sign]:
        return [sign for sign in self.flag_signs() + self.symptom_signs() if sign.has_card]

    def flag_blocks(self) -> list[FlagBlock]:
        """Red flags grouped by urgency, most urgent first, each block led by its route."""
        signs = sorted(self.flag_signs(), key=lambda sign: (sign.rank, sign.row.order))
        blocks: list[FlagBlock] = []
        for sign in signs:
            if not blocks or blocks[-1].urgency != sign.urgency:
                blocks.append(FlagBlock(sign.urgency, sign.route, []))
            blocks[-1].signs.append(sign)
        return blocks

    def symptom_groups(self) -> list[tuple[str, str, list[Sign]]]:
        """(group value, group label, symptoms) in the order the fieldsets appear."""
        signs = self.symptom_signs()
        groups = []
        for value, label in SymptomGroup.choices:
            members = [sign for sign in signs if sign.row.group == value]
            if members:
                groups.append((value, label, members))
        return groups


def explorer_catalogue() -> Catalogue:
    # Queries: conditions; symptoms with points_towards and source; their conditions
    # (prefetch); red flags with source; lab tests with source; cautions with source;
    # care routes.
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
        care_routes=sorted(CareRoute.objects.all(), key=lambda route: urgency_rank(route.urgency)),
    )
