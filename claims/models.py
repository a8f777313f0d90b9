"""Claims, their verdicts and the evidence behind them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords

from claims.limits import (
    ALIASES_MAX_CHARS,
    CLAIM_TEXT_MAX_CHARS,
    NOTE_MAX_CHARS,
    PROSE_MAX_CHARS,
    markdown_limit,
    text_limit,
)
from claims.rich_text import render_markdown
from claims.text import claim_search_fields


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    APPROVED = "approved", "Approved"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    NEEDS_REREVIEW = "needs_rereview", "Needs re-review"


# Shown to the public; the two that are not plain "approved" carry a caution on the page.
PUBLIC_STATES = (ReviewState.APPROVED, ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW)
CAUTION_STATES = (ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW)


class Verdict(models.Model):
    """One level of the five-level verdict scale, with its plain definition."""

    code = models.CharField(max_length=1, unique=True)
    label = models.CharField(max_length=80)
    definition = models.TextField(
        help_text="Plain words for patients: what this verdict means.",
        **text_limit(PROSE_MAX_CHARS),
    )
    rating_value = models.PositiveSmallIntegerField(
        unique=True,
        help_text="ClaimReview rating number (1 = contradicted ... 5 = supported).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.label


class GradingScheme(models.Model):
    """A way guidelines grade evidence or recommendations (ESPEN, GRADE, NICE)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    plain_summary = models.TextField(
        help_text="What this grading scheme is, in plain words.", **text_limit(PROSE_MAX_CHARS)
    )
    clinician_summary = models.TextField(blank=True, **text_limit(PROSE_MAX_CHARS))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Grade(models.Model):
    scheme = models.ForeignKey(GradingScheme, on_delete=models.PROTECT, related_name="grades")
    code = models.CharField(max_length=40)
    label = models.CharField(max_length=120)
    plain_meaning = models.TextField(
        help_text="What this grade means, in plain words.", **text_limit(PROSE_MAX_CHARS)
    )
    clinician_meaning = models.TextField(blank=True, **text_limit(PROSE_MAX_CHARS))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["scheme__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="grade_unique_per_scheme")
        ]

    def __str__(self):
        return f"{self.scheme.name}: {self.label}"


class SourceType(models.TextChoices):
    GUIDELINE = "guideline", "Guideline"
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review or meta-analysis"
    RCT = "rct", "Randomised trial"
    OBSERVATIONAL = "observational", "Observational study"
    ANIMAL_LAB = "animal_lab", "Animal or lab study"
    FACT_SHEET = "fact_sheet", "Fact sheet"
    CHARITY_OPINION = "charity_opinion", "Patient charity or expert opinion"


class Integrity(models.TextChoices):
    """What is known about a source's standing after publication (a notice from its journal,
    or one about the same group's other work). Shown beside the source wherever it is cited."""
    NONE = "", "No notice known"
    CORRECTION = "correction", "Corrected"
    EXPRESSION_OF_CONCERN = "expression_of_concern", "Expression of concern"
    RETRACTED = "retracted", "Retracted"
    RELATED_CONCERN = "related_concern", "Concerns about related work"


class Source(models.Model):
    key = models.SlugField(unique=True, help_text="Stable identifier, e.g. reynolds-1992.")
    short_name = models.CharField(max_length=120, help_text="e.g. Reynolds et al. 1992")
    source_type = models.CharField(max_length=32, choices=SourceType.choices)
    citation = models.TextField(
        help_text="Full citation as it should be printed.", **text_limit(NOTE_MAX_CHARS)
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    pmid = models.CharField("PMID", max_length=12, blank=True)
    url = models.URLField("URL", max_length=500, blank=True)
    citation_verified = models.BooleanField(
        default=False,
        help_text="The citation details themselves were checked against the publication.",
    )
    citation_note = models.TextField(blank=True, **text_limit(NOTE_MAX_CHARS))
    integrity = models.CharField(
        "integrity notice", max_length=32, choices=Integrity.choices, blank=True, default="",
        db_default="",
        help_text="A retraction, expression of concern or correction, or concerns about the "
        "same group's related work.",
    )
    integrity_note = models.TextField(
        blank=True, default="", db_default="",
        help_text="Plain words shown beside the source: what is known, and what was not seen.",
        **text_limit(NOTE_MAX_CHARS),
    )
    integrity_citation = models.TextField(
        blank=True, default="", db_default="",
        help_text="The notice's own citation (journal, date, PMID), for the clinician view.",
        **text_limit(NOTE_MAX_CHARS),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source_type", "short_name"]

    def __str__(self):
        return self.short_name

    @property
    def canonical_url(self) -> str:
        """The source's own address: its page, else its DOI, else its PubMed record."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""


class TopicQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Topic(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300, help_text="One plain sentence for lists.")
    intro_md = models.TextField(
        "introduction (Markdown)", blank=True, **markdown_limit()
    )
    intro_html = models.TextField(editable=False, blank=True)
    what_to_do_md = models.TextField(
        "what to do instead (Markdown)", blank=True, **markdown_limit()
    )
    what_to_do_html = models.TextField(editable=False, blank=True)
    is_published = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Derived HTML: editors never edit it, so it can never drift from the Markdown.
        self.intro_html = render_markdown(self.intro_md)
        self.what_to_do_html = render_markdown(self.what_to_do_md)
        super().save(*args, **kwargs)


class Origin(models.Model):
    """Somewhere a claim circulates. Named, never promoted: no followed link."""

    class Kind(models.TextChoices):
        BLOG = "blog", "Blog post"
        MARKETING = "marketing", "Supplement marketing"
        SOCIAL = "social", "Social media"
        VIDEO = "video", "Video"
        FORUM = "forum", "Forum or group"
        AI_ANSWER = "ai_answer", "AI answer site"
        NEWS = "news", "News"
        OTHER = "other", "Other"

    key = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(
        blank=True, help_text="Plain description of the source.", **text_limit(PROSE_MAX_CHARS)
    )
    url = models.URLField(max_length=500, blank=True)
    seen_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return self.name


class CitationCheck(models.Model):
    """One reference an origin gives, and what it really is."""

    class Status(models.TextChoices):
        ACCURATE = "accurate", "Accurate"
        WRONG_DETAILS = "wrong_details", "Wrong details"
        MISREPRESENTED = "misrepresented", "Says something else"
        MISATTRIBUTED = "misattributed", "About something else"
        NOT_FOUND = "not_found", "Not found"

    origin = models.ForeignKey(Origin, on_delete=models.CASCADE, related_name="citation_checks")
    cited_as = models.TextField(
        help_text="The reference exactly as the origin gives it.", **text_limit(NOTE_MAX_CHARS)
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    finding = models.TextField(
        help_text="What exists, in plain words.", **text_limit(PROSE_MAX_CHARS)
    )
    matched_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.cited_as


class DoseReference(models.Model):
    """A reference amount a dose claim is compared with (never advice to the reader)."""

    key = models.SlugField(unique=True)
    label = models.CharField(max_length=160)
    amount = models.CharField(max_length=80)
    country = models.CharField(
        max_length=40, blank=True, help_text="Whose figure this is, e.g. UK or US."
    )
    clinician_only = models.BooleanField(
        default=False,
        help_text="Treatment amounts for a diagnosed condition: shown in the clinician view only.",
    )
    explanation = models.TextField(
        help_text="Plain words: who this amount is for.", **text_limit(PROSE_MAX_CHARS)
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.label}: {self.amount}"


class ClaimQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state__in=PUBLIC_STATES, topic__is_published=True)


class Claim(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="claims")
    number = models.PositiveSmallIntegerField(help_text="Position within the topic.")
    slug = models.SlugField(max_length=80, unique=True)
    text = models.TextField(
        help_text="The claim as people meet it.", **text_limit(CLAIM_TEXT_MAX_CHARS)
    )
    short_wording = models.CharField(
        max_length=75,
        help_text="Neutral wording for structured data: at most 75 characters, no verdict.",
    )
    verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, related_name="claims")
    verdict_reason = models.CharField(
        max_length=200, help_text="One plain line: why this verdict (used in lists and handouts)."
    )
    verdict_population = models.CharField(
        "for whom the verdict holds", max_length=160, blank=True, default="", db_default="",
        help_text="The people and setting the verdict applies to, if narrower than everyone "
        "with MS, e.g. 'in people with a first episode, not yet on treatment'.",
    )
    patient_summary_md = models.TextField(
        "patient summary (Markdown)", **markdown_limit()
    )
    patient_summary_html = models.TextField(editable=False, blank=True)
    clinician_summary_md = models.TextField(
        "clinician summary (Markdown)", **markdown_limit()
    )
    clinician_summary_html = models.TextField(editable=False, blank=True)
    what_to_do_md = models.TextField(
        "what to do instead (Markdown)", **markdown_limit()
    )
    what_to_do_html = models.TextField(editable=False, blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="Lay phrasings and other wordings people search for, one per line.",
        **text_limit(ALIASES_MAX_CHARS),
    )
    no_guideline_note = models.TextField(
        blank=True,
        help_text="If no guideline or systematic review covers this claim, say so.",
        **text_limit(NOTE_MAX_CHARS),
    )
    origins = models.ManyToManyField(Origin, through="ClaimOrigin", related_name="claims")

    state = models.CharField(
        max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="authored_claims",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reviewed_claims",
    )
    first_published = models.DateField(null=True, blank=True)
    last_reviewed = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = models.TextField(editable=False, blank=True)
    # Own wording and aliases, normalised: the vocabulary misspelt query words are fixed against.
    search_terms = models.TextField(editable=False, blank=True)
    # tsvectors, GIN-indexed on PostgreSQL (0006; see claims.text.claim_search_fields);
    # unread text on SQLite.
    search_words = SearchVectorField(null=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    # Derived search columns: the same on every version, and no use in a version comparison.
    history = HistoricalRecords(excluded_fields=["search_terms", "search_words", "search_vector"])
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["topic__order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="claim_number_per_topic")
        ]
        permissions = [
            ("submit_claim", "Can submit claims for medical review"),
            ("review_claim", "Can approve claims or request changes"),
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.patient_summary_html = render_markdown(self.patient_summary_md)
        self.clinician_summary_html = render_markdown(self.clinician_summary_md)
        self.what_to_do_html = render_markdown(self.what_to_do_md)
        for name, value in claim_search_fields(
            text=self.text, short_wording=self.short_wording, aliases=self.aliases,
            patient_summary_md=self.patient_summary_md, verdict_reason=self.verdict_reason,
        ).items():
            setattr(self, name, value)
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def needs_caution(self) -> bool:
        return self.state in CAUTION_STATES

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class ClaimOrigin(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="claim_origins")
    origin = models.ForeignKey(Origin, on_delete=models.PROTECT, related_name="+")
    quote = models.TextField(
        blank=True,
        help_text="Words the origin really wrote, copied exactly. Shown in quotation marks.",
        **text_limit(NOTE_MAX_CHARS),
    )
    wording = models.TextField(
        "in our words",
        blank=True,
        help_text="What the origin says, in our own words. Shown without quotation marks.",
        **text_limit(NOTE_MAX_CHARS),
    )
    relies_on = models.ManyToManyField(
        CitationCheck, blank=True, related_name="claim_origins",
        help_text="The origin's own references that this claim rests on (their checks show on "
        "the claim page; the whole list is on the origin's page).",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "origin"], name="claim_origin_unique")
        ]

    def __str__(self):
        return f"{self.origin} on claim {self.claim_id}"


class SeenAs(models.TextChoices):
    """How a finding was seen, short of a reviewer checking the original document."""

    SOURCE = "source", "Seen in a published source"
    SUMMARY = "summary", "Seen in a summary of the source"
    UNCHECKED = "unchecked", "Not yet checked"


# The three levels of checking the editorial policy defines, the first set only by a reviewer.
PROVENANCE_ORIGINAL = "original"
PROVENANCE_LABELS = {
    PROVENANCE_ORIGINAL: "Checked against the original document",
    **dict(SeenAs.choices),
}


class Evidence(models.Model):
    class Direction(models.TextChoices):
        SUPPORTS = "supports", "Supports the claim"
        CONTRADICTS = "contradicts", "Goes against the claim"
        CONTEXT = "context", "Adds context"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence")
    direction = models.CharField(max_length=12, choices=Direction.choices)
    finding = models.TextField(
        help_text="The key finding, in plain words for patients.", **text_limit(PROSE_MAX_CHARS)
    )
    clinician_finding = models.TextField(
        blank=True, help_text="Precise wording for clinicians.", **text_limit(PROSE_MAX_CHARS)
    )
    grade = models.ForeignKey(Grade, null=True, blank=True, on_delete=models.PROTECT)
    grade_question = models.CharField(
        max_length=200, blank=True,
        help_text="The question the grade answers, e.g. 'B12 supplements to prevent MS'. "
        "Required with a grade.",
    )
    grade_answers_claim = models.BooleanField(
        "grade answers this claim", default=False,
        help_text="Tick only if the graded question is this claim's own question. Otherwise "
        "the page says that no guideline graded this claim.",
    )
    grade_note = models.CharField(max_length=120, blank=True, help_text="e.g. 95% consensus")
    seen_as = models.CharField(
        "how it was seen", max_length=12, choices=SeenAs.choices, default=SeenAs.UNCHECKED,
        help_text="How the finding was seen when it was written down. 'Checked against the "
        "original document' is not here: only a medical reviewer's action sets it.",
    )
    verified = models.BooleanField(
        "checked against the original document", default=False,
        help_text="Set only by a medical reviewer's action, which records who and when.",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_note = models.TextField(blank=True, **text_limit(NOTE_MAX_CHARS))
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return f"{self.source} on claim {self.claim_id}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.grade_id and not self.grade_question.strip():
            raise ValidationError(
                {"grade_question": "Say which question this grade answers."}
            )
        if self.grade_answers_claim and not self.grade_id:
            raise ValidationError({"grade_answers_claim": "There is no grade to count."})

    @property
    def provenance(self) -> str:
        """'original' only when a named reviewer checked it; otherwise how it was seen."""
        if self.verified and self.verified_by_id:
            return PROVENANCE_ORIGINAL
        return self.seen_as

    @property
    def provenance_label(self) -> str:
        return PROVENANCE_LABELS[self.provenance]

    @property
    def checked_by_name(self) -> str:
        """The reviewer who checked the original, as their profile names them."""
        user = self.verified_by
        if user is None:
            return ""
        profile = getattr(user, "reviewer_profile", None)
        return (profile and profile.name) or user.get_full_name() or user.get_username()


class DoseCheck(models.Model):
    """For a claim that names a dose: the claimed amount beside reference amounts."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="dose_check")
    claimed_amount = models.CharField(max_length=120, help_text="e.g. 1,000 to 5,000 mcg a day")
    patient_comparison = models.CharField(
        max_length=300, blank=True,
        help_text="For patients, in words and with no amounts: how the claimed amount compares "
        "with what an adult needs each day, e.g. 'hundreds to thousands of times what an adult "
        "needs each day'.",
    )
    explanation_md = models.TextField(
        "explanation for clinicians (Markdown)",
        help_text="Shown to clinicians only. Explain the comparison; never advise a dose, and "
        "never equate the claim's amount with a treatment dose.",
        **markdown_limit(),
    )
    explanation_html = models.TextField(editable=False, blank=True)
    references = models.ManyToManyField(DoseReference, related_name="+")

    def __str__(self):
        return f"Dose check: {self.claimed_amount}"

    def save(self, *args, **kwargs):
        self.explanation_html = render_markdown(self.explanation_md)
        super().save(*args, **kwargs)


class VerdictChange(models.Model):
    """A public record that a published verdict changed, and why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdict_changes")
    changed_on = models.DateField()
    from_verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, related_name="+")
    to_verdict = models.ForeignKey(Verdict, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(**text_limit(NOTE_MAX_CHARS))

    class Meta:
        ordering = ["-changed_on", "-id"]

    def __str__(self):
        return f"{self.changed_on}: {self.from_verdict} -> {self.to_verdict}"


class ClaimRevision(models.Model):
    """Proposed changes to a published claim, kept apart so the approved version stays public.

    The Claim row is what patients see; approval copies `data` onto it in one transaction.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPLIED = "applied", "Approved and applied"
        DISCARDED = "discarded", "Discarded"

    OPEN_STATES = (State.PENDING, State.CHANGES_REQUESTED)

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField(default=dict, help_text="Proposed field values (foreign keys as ids).")
    verdict_change_reason = models.TextField(blank=True, **text_limit(NOTE_MAX_CHARS))
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(state__in=["pending", "changes_requested"]),
                name="claim_one_open_revision",
            )
        ]

    def __str__(self):
        return f"Revision of claim {self.claim_id} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class ReviewerProfile(models.Model):
    """Who a medical reviewer is, as readers see it beside the pages they approved.

    Kept by site admins. A reviewer cannot approve until every field is filled in.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    name = models.CharField(max_length=120, blank=True, help_text="Full name as shown on pages.")
    role = models.CharField(
        max_length=160, blank=True, help_text="Job title, e.g. Consultant neurologist."
    )
    registration = models.CharField(
        "professional registration", max_length=160, blank=True,
        help_text="Register and number, e.g. the regulator's register entry.",
    )
    conflicts = models.TextField(
        "declared conflicts of interest", blank=True,
        help_text="Write 'None declared' if there are none.",
        **text_limit(NOTE_MAX_CHARS),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name or f"Profile of user {self.user_id}"

    @property
    def is_complete(self) -> bool:
        return all(value.strip() for value in self.required_values())

    def required_values(self) -> list[str]:
        return [self.name, self.role, self.registration, self.conflicts]

    def missing_fields(self) -> list[str]:
        names = ["name", "role", "professional registration", "declared conflicts of interest"]
        values = self.required_values()
        return [name for name, value in zip(names, values, strict=True) if not value.strip()]


class ClaimVector(models.Model):
    """A published claim's vectors for matching by meaning (claims.search.vectors): derived
    from the texts that represent it, recomputed when its published text changes, never
    edited. `vectors` holds float32 rows of `dimensions` numbers: the mean of all its texts,
    then one for each kind of text it has (its wording, what you may have read, its aliases)."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="vector")
    model_name = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=64, help_text="SHA-256 of the texts encoded.")
    dimensions = models.PositiveSmallIntegerField()
    vectors = models.BinaryField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Vectors of claim {self.claim_id} ({self.model_name})"
