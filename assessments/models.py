"""Explorer content: conditions, symptoms, red flags, lab tests and cautions, each with a source."""

from django.core.exceptions import ValidationError
from django.db import models

from claims.limits import PROSE_MAX_CHARS, text_limit
from claims.models import Source

# The two conditions the explorer compares. Their slugs are fixed: the overlap logic uses them.
MS = "ms"
B12_DEFICIENCY = "b12-deficiency"

UNVERIFIED_HELP = (
    "Tick only when someone has checked this against the original document. While unticked, "
    "patients see 'not yet checked against the original document' next to it."
)


class Condition(models.Model):
    slug = models.SlugField(
        unique=True, help_text=f"Keep '{MS}' and '{B12_DEFICIENCY}' as they are."
    )
    name = models.CharField(max_length=80)
    description = models.TextField(
        help_text="One or two plain sentences for patients.", **text_limit(PROSE_MAX_CHARS)
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SymptomGroup(models.TextChoices):
    # The order here is the order of the fieldsets on the page.
    ENERGY_MOOD = "energy_mood", "Energy, mood and thinking"
    FEELING_MOVEMENT = "feeling_movement", "Feeling and movement"
    EYES = "eyes", "Eyes"
    SKIN_MOUTH = "skin_mouth", "Skin and mouth"
    HEART_BREATHING = "heart_breathing", "Heart and breathing"
    BLADDER = "bladder", "Bladder"
    ONSET = "onset", "How symptoms started"


class Urgency(models.TextChoices):
    EMERGENCY = "emergency", "Emergency: call 999 or go to A&E now"
    MENTAL_HEALTH = "mental", "Mental health, now: NHS 111 (mental health option) or Samaritans"
    # Stored as "urgent", its value before same-day care had its own name, so older exports
    # and proposed changes stay valid.
    SAME_DAY = "urgent", "Same day: an urgent GP appointment, an emergency optician or NHS 111"
    SOON = "soon", "Soon: a GP appointment in the next days to weeks"
    ROUTINE = "routine", "Routine: talk about it at a planned visit"


# Lower rank = more urgent: cards and the sheet show the most urgent first.
URGENCY_RANK = {
    Urgency.EMERGENCY: 0, Urgency.MENTAL_HEALTH: 1, Urgency.SAME_DAY: 2, Urgency.SOON: 3,
    Urgency.ROUTINE: 4,
}
# Urgencies whose care card appears the moment the sign is ticked, and leads the results.
CARD_URGENCIES = (Urgency.EMERGENCY, Urgency.MENTAL_HEALTH, Urgency.SAME_DAY)

URGENCY_HELP = (
    "How soon someone with this needs help. Each sign has one urgency wherever it is shown; "
    "the care route of that urgency says where to go."
)
RELAPSE_LIKE_HELP = (
    "Tick if this can be a sign of an MS relapse: people who say they already have MS are "
    "then also told to contact their MS nurse or MS team."
)


def urgency_rank(urgency: str) -> int:
    return URGENCY_RANK.get(urgency, len(URGENCY_RANK))


def _refuse_the_same_sign_twice(row, name: str, other_model, other_field: str, other_label):
    """One sign is one row: a symptom and a red flag may not share a slug or a name, so the
    same sign can never be given two urgencies in two lists."""
    others = other_model.objects.all()
    if row.slug and others.filter(slug=row.slug).exists():
        raise ValidationError({"slug": f"A {other_label} already uses this slug."})
    if name and others.filter(**{f"{other_field}__iexact": name.strip()}).exists():
        raise ValidationError(
            f"A {other_label} already has these words. Change that row instead: one sign, "
            "one row, one urgency."
        )


class SourcedRow(models.Model):
    """A row of the explorer that states something a source says: a symptom, a red flag, a
    lab test or a caution. Each names its source, says whether the statement was checked
    against it, and has a stable slug and a place in its list."""

    slug = models.SlugField(unique=True, help_text="Used in links; do not change once published.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    verified = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True


class Symptom(SourcedRow):
    name = models.CharField(max_length=120, help_text="Plain name, as a patient would say it.")
    explanation = models.CharField(max_length=240, help_text="One plain line under the name.")
    group = models.CharField(max_length=20, choices=SymptomGroup.choices)
    conditions = models.ManyToManyField(
        Condition, related_name="symptoms", help_text="The conditions this symptom can come from."
    )
    points_towards = models.ForeignKey(
        Condition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Only if the sources say this symptom points more towards one condition.",
    )
    points_towards_note = models.CharField(
        max_length=240, blank=True, help_text="Plain words: what this symptom may point towards."
    )
    urgency = models.CharField(
        max_length=12, choices=Urgency.choices, default=Urgency.SOON, help_text=URGENCY_HELP
    )
    relapse_like = models.BooleanField(default=False, help_text=RELAPSE_LIKE_HELP)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        _refuse_the_same_sign_twice(self, self.name, RedFlag, "label", "red flag")

    @property
    def urgency_rank(self) -> int:
        return urgency_rank(self.urgency)


class RedFlag(SourcedRow):
    label = models.CharField(max_length=160, help_text="Plain words, as a patient would say it.")
    urgency = models.CharField(max_length=12, choices=Urgency.choices)
    what_to_do = models.CharField(max_length=300, help_text="Plain words: what to do now.")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Leave empty only for general safety advice no listed source covers.",
    )
    relapse_like = models.BooleanField(default=False, help_text=RELAPSE_LIKE_HELP)

    class Meta:
        ordering = ["order", "label"]

    def __str__(self):
        return self.label

    def clean(self):
        _refuse_the_same_sign_twice(self, self.label, Symptom, "name", "symptom")

    @property
    def urgency_rank(self) -> int:
        return urgency_rank(self.urgency)


class WhenToAsk(models.TextChoices):
    FIRST = "first", "A first test: named whenever a symptom is ticked"
    IF_BORDERLINE = "borderline", "Only if the first B12 result is borderline"


class LabTest(SourcedRow):
    name = models.CharField(max_length=120)
    measures = models.CharField(max_length=300, help_text="Plain words: what the test measures.")
    why_it_matters = models.TextField(
        help_text="Plain words: why it helps, and its limits.", **text_limit(PROSE_MAX_CHARS)
    )
    when_to_ask = models.CharField(
        max_length=12, choices=WhenToAsk.choices, default=WhenToAsk.FIRST,
        help_text="First tests are named for every pattern of symptoms; the others only as the "
        "next step after a borderline first result.",
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CareRoute(models.Model):
    """Where to go for one urgency. Every symptom and red flag of that urgency shows these
    words, so one sign can only ever be given one answer. Instructions, not evidence: a card
    names who gives the advice and when it was last reviewed, never "not yet checked"."""

    urgency = models.CharField(max_length=12, choices=Urgency.choices, unique=True)
    title = models.CharField(
        max_length=80, help_text="The care card's heading: an instruction, e.g. 'Call 999 now'."
    )
    summary = models.CharField(
        max_length=240,
        help_text="One line shown above this urgency's signs before anything is ticked.",
    )
    where = models.TextField(
        help_text="Where to go or whom to call, one per line, most important first. Name UK "
        "services only: the page says these routes are for the UK.",
        **text_limit(PROSE_MAX_CHARS),
    )
    for_people_with_ms = models.CharField(
        max_length=240, blank=True,
        help_text="Shown to people who say they already have MS, when a sign they ticked is "
        "marked relapse-like.",
    )
    source_name = models.CharField(
        max_length=80, default="NHS", help_text="Who gives this advice, as patients read it."
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["urgency"]

    def __str__(self):
        return self.get_urgency_display()

    @property
    def urgency_rank(self) -> int:
        return urgency_rank(self.urgency)

    @property
    def where_lines(self) -> list[str]:
        return [line.strip() for line in self.where.splitlines() if line.strip()]


class Caution(SourcedRow):
    """A fact the results always carry: test before supplements, other causes, lab ranges."""

    title = models.CharField(max_length=160)
    body = models.TextField(
        help_text="Plain words for patients. No doses, no percentages.",
        **text_limit(PROSE_MAX_CHARS),
    )

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title
