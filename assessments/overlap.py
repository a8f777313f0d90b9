"""Sort the ticked symptoms and red flags into what the explorer page says. No database here."""

from dataclasses import dataclass, field

from assessments.models import B12_DEFICIENCY, MS, Urgency


@dataclass(frozen=True)
class Selection:
    """Known slugs the person ticked, in catalogue order, and how many others were ignored."""

    symptoms: list = field(default_factory=list)
    red_flags: list = field(default_factory=list)
    ignored: int = 0
    truncated: bool = False


@dataclass(frozen=True)
class ExplorerResult:
    symptoms: list
    both: list
    ms_only: list
    b12_only: list
    neither: list
    pointers: list  # symptoms with a "points towards" or other note
    red_flags: list  # most urgent first
    top_urgency: str | None
    ignored: int
    truncated: bool

    @property
    def anything_ticked(self) -> bool:
        return bool(self.symptoms or self.red_flags)

    @property
    def is_emergency(self) -> bool:
        return self.top_urgency == Urgency.EMERGENCY

    @property
    def is_urgent(self) -> bool:
        return self.top_urgency == Urgency.URGENT

    @property
    def unverified_red_flags(self) -> bool:
        return any(not flag.verified for flag in self.red_flags)


def explorer_result(selection: Selection) -> ExplorerResult:
    both, ms_only, b12_only, neither = [], [], [], []
    for symptom in selection.symptoms:
        slugs = {condition.slug for condition in symptom.conditions.all()}
        if {MS, B12_DEFICIENCY} <= slugs:
            both.append(symptom)
        elif MS in slugs:
            ms_only.append(symptom)
        elif B12_DEFICIENCY in slugs:
            b12_only.append(symptom)
        else:
            neither.append(symptom)
    flags = sorted(selection.red_flags, key=lambda flag: (flag.urgency_rank, flag.order))
    return ExplorerResult(
        symptoms=list(selection.symptoms),
        both=both,
        ms_only=ms_only,
        b12_only=b12_only,
        neither=neither,
        pointers=[s for s in selection.symptoms if s.points_towards_note],
        red_flags=flags,
        top_urgency=flags[0].urgency if flags else None,
        ignored=selection.ignored,
        truncated=selection.truncated,
    )


@dataclass(frozen=True)
class Provenance:
    """Where a set of facts comes from, and whether each was checked against its source."""

    source_names: list
    all_verified: bool


def provenance(items) -> Provenance:
    names = dict.fromkeys(item.source.short_name for item in items if item.source)
    return Provenance(source_names=list(names), all_verified=all(i.verified for i in items))
