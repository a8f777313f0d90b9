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
