"""Sort what was ticked into what the explorer, its results and the appointment sheet say.

A sign (a symptom or a red flag) has one urgency, and an urgency has one care route: every
place that shows a sign reads its advice from that route, so one sign cannot get two answers.
No database here.
"""

from dataclasses import dataclass, field

from assessments.models import (
    B12_DEFICIENCY,
    CARD_URGENCIES,
    MS,
    Urgency,
    WhenToAsk,
    urgency_rank,
)

FLAG, SYMPTOM = "flag", "symptom"


@dataclass(frozen=True)
class Selection:
    """Known rows the person ticked, in catalogue order, and how many others were ignored.

    `has_ms` is the optional "I already have an MS diagnosis" answer: it changes wording only
    and, like every answer, is never stored."""

    symptoms: list = field(default_factory=list)
    red_flags: list = field(default_factory=list)
    ignored: int = 0
    truncated: bool = False
    has_ms: bool = False


@dataclass(frozen=True)
class Sign:
    """A symptom or a red flag, with the care route of its one urgency."""

    kind: str  # FLAG or SYMPTOM: also the name of its form field
    row: object
    route: object | None

    @property
    def slug(self) -> str:
        return self.row.slug

    @property
    def name(self) -> str:
        return self.row.label if self.kind == FLAG else self.row.name

    @property
    def explanation(self) -> str:
        return getattr(self.row, "explanation", "")

    @property
    def what_to_do(self) -> str:
        """What a red flag adds on its card; symptoms add nothing to their route."""
        return getattr(self.row, "what_to_do", "")

    @property
    def urgency(self) -> str:
        return self.row.urgency

    @property
    def rank(self) -> int:
        return urgency_rank(self.urgency)

    @property
    def has_card(self) -> bool:
        return self.urgency in CARD_URGENCIES

    @property
    def route_title(self) -> str:
        return route_title(self.urgency, self.route)

    @property
    def input_id(self) -> str:
        return f"{self.kind}-{self.slug}"

    @property
    def slot_id(self) -> str:
        """Where this sign's card appears, right under its box, once it is ticked."""
        return f"card-{self.input_id}"


def route_title(urgency: str, route) -> str:
    if route is not None:
        return route.title
    # No route saved for this urgency (migration 0004 adds them): use the urgency's own words.
    words = dict(Urgency.choices).get(urgency, Urgency.SOON.label).split(": ", 1)[-1]
    return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class CareCard:
    """What to do for one urgency: the signs ticked with it and its route."""

    urgency: str
    route: object | None
    signs: list
    ms_note: str = ""

    @property
    def title(self) -> str:
        return route_title(self.urgency, self.route)

    @property
    def where_lines(self) -> list[str]:
        return self.route.where_lines if self.route else []

    @property
    def source_name(self) -> str:
        return self.route.source_name if self.route else ""

    @property
    def last_reviewed(self):
        return self.route.last_reviewed if self.route else None

    @property
    def next_review_due(self):
        return self.route.next_review_due if self.route else None

    @property
    def is_mental_health(self) -> bool:
        return self.urgency == Urgency.MENTAL_HEALTH


def care_card(urgency: str, route, signs: list, has_ms: bool) -> CareCard:
    """People who say they have MS are told to contact their MS team for relapse-like signs."""
    relapse_like = any(sign.row.relapse_like for sign in signs)
    ms_note = route.for_people_with_ms if (route and has_ms and relapse_like) else ""
    return CareCard(urgency=urgency, route=route, signs=list(signs), ms_note=ms_note)


@dataclass(frozen=True)
class Slot:
    """A card slot under one box in the form: the card when that sign is ticked, else None."""

    id: str
    card: CareCard | None


@dataclass(frozen=True)
class ExplorerResult:
    symptoms: list  # ticked symptoms, as Signs
    red_flags: list  # ticked red flags, as Signs
    both: list
    ms_only: list
    b12_only: list
    neither: list
    pointers: list  # symptoms with a "more typical of" or other note
    cards: list  # one CareCard per card urgency ticked, most urgent first
    booking: CareCard | None  # how soon to book, when nothing ticked needs a card
    first_tests: list
    borderline_tests: list
    slots: list
    has_ms: bool
    ignored: int
    truncated: bool

    @property
    def anything_ticked(self) -> bool:
        return bool(self.symptoms or self.red_flags)

    @property
    def signs(self) -> list:
        return self.red_flags + self.symptoms

    @property
    def top_urgency(self) -> str | None:
        ranked = sorted(self.signs, key=lambda sign: sign.rank)
        return ranked[0].urgency if ranked else None

    @property
    def noticed(self) -> list:
        """What the sheet lists as noticed: every symptom, and red flags that need no card."""
        return [sign for sign in self.red_flags if not sign.has_card] + self.symptoms

    @property
    def card_sources(self) -> list:
        """The cards' source and review lines, each distinct one once (for the sheet)."""
        seen, lines = set(), []
        for card in self.cards:
            key = (card.source_name, card.last_reviewed, card.next_review_due)
            if key not in seen:
                seen.add(key)
                lines.append(card)
        return lines

    @property
    def mental_health_first(self) -> bool:
        """Thoughts of ending one's life come before everything but a 999 emergency, and the
        rest of the result is folded away below the support card."""
        return any(card.is_mental_health for card in self.cards)


def explorer_result(selection: Selection, catalogue) -> ExplorerResult:
    flags = [Sign(FLAG, row, catalogue.route_for(row.urgency)) for row in selection.red_flags]
    symptoms = [
        Sign(SYMPTOM, row, catalogue.route_for(row.urgency)) for row in selection.symptoms
    ]
    both, ms_only, b12_only, neither = [], [], [], []
    for symptom in symptoms:
        slugs = {condition.slug for condition in symptom.row.conditions.all()}
        if {MS, B12_DEFICIENCY} <= slugs:
            both.append(symptom)
        elif MS in slugs:
            ms_only.append(symptom)
        elif B12_DEFICIENCY in slugs:
            b12_only.append(symptom)
        else:
            neither.append(symptom)

    ticked = flags + symptoms
    cards = []
    for urgency in sorted(CARD_URGENCIES, key=urgency_rank):
        signs = [sign for sign in ticked if sign.urgency == urgency]
        if signs:
            cards.append(care_card(urgency, catalogue.route_for(urgency), signs, selection.has_ms))
    booking = None
    later = sorted((sign for sign in ticked if not sign.has_card), key=lambda sign: sign.rank)
    if later and not cards:
        urgency = later[0].urgency
        booking = care_card(urgency, catalogue.route_for(urgency), later, selection.has_ms)

    ticked_ids = {sign.input_id for sign in ticked}
    slots = [
        Slot(sign.slot_id, care_card(sign.urgency, sign.route, [sign], selection.has_ms)
             if sign.input_id in ticked_ids else None)
        for sign in catalogue.signs_with_cards()
    ]
    return ExplorerResult(
        symptoms=symptoms,
        red_flags=flags,
        both=both,
        ms_only=ms_only,
        b12_only=b12_only,
        neither=neither,
        pointers=_pointers(symptoms, selection.has_ms),
        cards=cards,
        booking=booking,
        first_tests=[t for t in catalogue.lab_tests if t.when_to_ask == WhenToAsk.FIRST],
        borderline_tests=[
            t for t in catalogue.lab_tests if t.when_to_ask == WhenToAsk.IF_BORDERLINE
        ],
        slots=slots,
        has_ms=selection.has_ms,
        ignored=selection.ignored,
        truncated=selection.truncated,
    )


def _pointers(symptoms: list, has_ms: bool) -> list:
    """Notes on what a symptom is more typical of. Someone who already has MS is not told a
    symptom is more typical of MS: only what may point to low B12 as well."""
    notes = [sign for sign in symptoms if sign.row.points_towards_note]
    if has_ms:
        notes = [
            sign for sign in notes
            if not (sign.row.points_towards and sign.row.points_towards.slug == MS)
        ]
    return notes


@dataclass(frozen=True)
class Provenance:
    """Where a set of facts comes from, and whether each was checked against its source."""

    source_names: list
    all_verified: bool


def provenance(items, also_named=()) -> Provenance:
    """Facts' sources and checks; `also_named` adds who gives the care routes shown (their
    instructions are not evidence, so they never count as unchecked facts)."""
    names = dict.fromkeys(item.source.short_name for item in items if item.source)
    names.update(dict.fromkeys(name for name in also_named if name))
    return Provenance(source_names=list(names), all_verified=all(i.verified for i in items))
