"""The editorial record: who moved what from which state to which, and readers' suggestions."""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One state change or editorial act. Written in the same transaction as the change."""

    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    suggestion = models.ForeignKey(
        "editorial.Suggestion", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    # Kept as text too, so the record still reads right after a user or claim is deleted.
    subject = models.CharField(max_length=200)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, help_text="Username, or 'system'.")
    action = models.CharField(max_length=40, db_index=True)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        moved = f" {self.from_state} -> {self.to_state}" if self.to_state else ""
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}{moved}"


class Suggestion(models.Model):
    """A reader's request to check a claim. Holds only what the person typed (no IP address)."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DUPLICATE = "duplicate", "Duplicate"
        DECLINED = "declined", "Declined"

    claim_text = models.TextField("the claim", max_length=2000)
    seen_at = models.URLField("where it was seen", max_length=500, blank=True)
    email = models.EmailField(blank=True)
    email_consent = models.BooleanField(
        default=False, help_text="The person agreed that we may email them a reply."
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The draft created from it, or the existing claim it duplicates.",
    )
    triage_note = models.TextField(blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    triaged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("triage_suggestion", "Can triage reader suggestions")]

    def __str__(self):
        text = self.claim_text
        return text if len(text) <= 60 else text[:57] + "..."


class ProposedChange(models.Model):
    """A change to a row that published content shows, waiting for a medical reviewer.

    The row itself stays what patients see; approval writes `data` onto it in one transaction.
    Claims have their own ClaimRevision; this covers every other reviewed row: evidence,
    sources, origins and their citation checks, dose checks and references, grades and
    schemes, verdict labels, topics, and the explorer's data.
    """

    class Action(models.TextChoices):
        CREATE = "create", "Add"
        UPDATE = "update", "Change"
        DELETE = "delete", "Remove"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPLIED = "applied", "Approved and applied"
        REJECTED = "rejected", "Sent back"
        WITHDRAWN = "withdrawn", "Withdrawn"

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    # Empty for a new row until the change is applied.
    object_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    object_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=8, choices=Action.choices)
    # Proposed values by attribute name (foreign keys as ids, many-to-many as lists of ids).
    data = models.JSONField(default=dict, blank=True)
    # The approved values the proposal started from: what a reviewer compares against.
    base = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Everyone who wrote any part of the proposal: none of them may approve it.
    contributors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    # Claims whose public pages show this row, before or after the change.
    claims = models.ManyToManyField("claims.Claim", blank=True, related_name="proposed_changes")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [("review_change", "Can approve or send back proposed changes")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state="pending", object_id__isnull=False),
                name="one_pending_change_per_row",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.content_type.name}: {self.object_repr}"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


class Contribution(models.Model):
    """Someone changed part of what a claim's page shows since the claim was last approved.

    The four-eyes rule reads these: nobody with an unsettled contribution may approve.
    """

    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="contributions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=200, help_text="What they changed, in plain words.")
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a reviewer approves the claim with this change in it.
    settled_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.user} changed {self.part}"
