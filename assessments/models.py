"""Explorer content: conditions, symptoms, red flags, lab tests and cautions, each with a source."""

from django.db import models

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
    description = models.TextField(help_text="One or two plain sentences for patients.")
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


class Symptom(models.Model):
    slug = models.SlugField(unique=True, help_text="Used in links; do not change once published.")
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
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    verified = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Urgency(models.TextChoices):
    EMERGENCY = "emergency", "Emergency: call 999 or go to A&E now"
    URGENT = "urgent", "Urgent: get help today from a GP or NHS 111"
    SOON = "soon", "Soon: see your GP or MS team soon"


# Lower rank = more urgent; the care card shows the most urgent first.
URGENCY_RANK = {Urgency.EMERGENCY: 0, Urgency.URGENT: 1, Urgency.SOON: 2}


class RedFlag(models.Model):
    slug = models.SlugField(unique=True, help_text="Used in links; do not change once published.")
    label = models.CharField(max_length=160, help_text="Plain words, as a patient would say it.")
    urgency = models.CharField(max_length=12, choices=Urgency.choices)
    what_to_do = models.CharField(max_length=300, help_text="Plain words: what to do now.")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Leave empty only for general safety advice no listed source covers.",
    )
    verified = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "label"]

    def __str__(self):
        return self.label

    @property
    def urgency_rank(self) -> int:
        return URGENCY_RANK.get(self.urgency, len(URGENCY_RANK))


class LabTest(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    measures = models.CharField(max_length=300, help_text="Plain words: what the test measures.")
    why_it_matters = models.TextField(help_text="Plain words: why it helps, and its limits.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    verified = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Caution(models.Model):
    """A fact the results always carry: test before supplements, other causes, lab ranges."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=160)
    body = models.TextField(help_text="Plain words for patients. No doses, no percentages.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    verified = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title
