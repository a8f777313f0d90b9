"""Reads for the editors' dashboard and the admin: each owns its joins."""

import datetime

from django.utils import timezone

from claims.models import PUBLIC_STATES, Claim, ReviewState
from editorial.models import AuditEntry, ProposedChange, Suggestion

REVIEW_QUEUE_STATES = (ReviewState.SUBMITTED, ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW)
DUE_SOON_DAYS = 30
RECENT_LIMIT = 15


def _claims():
    return Claim.objects.select_related("topic", "verdict", "author", "last_edited_by")


def claims_waiting_for_review(*, user) -> list[Claim]:
    """What this reviewer may approve: never what they wrote or last edited (four eyes)."""
    if not user.has_perm("claims.review_claim"):
        return []
    return list(
        _claims()
        .filter(state__in=REVIEW_QUEUE_STATES)
        .exclude(author=user)
        .exclude(last_edited_by=user)
        .exclude(revisions__state="pending", revisions__last_edited_by=user)
        .order_by("updated_at")
    )


def claims_overdue(*, today: datetime.date | None = None) -> list[Claim]:
    today = today or timezone.localdate()
    return list(
        _claims()
        .filter(state__in=PUBLIC_STATES, next_review_due__lt=today)
        .order_by("next_review_due")
    )


def claims_due_soon(*, today: datetime.date | None = None) -> list[Claim]:
    today = today or timezone.localdate()
    return list(
        _claims()
        .filter(
            state__in=PUBLIC_STATES,
            next_review_due__gte=today,
            next_review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .order_by("next_review_due")
    )


def audit_entries_recent(*, limit: int = RECENT_LIMIT) -> list[AuditEntry]:
    return list(AuditEntry.objects.select_related("claim", "actor")[:limit])


def changes_waiting_for_review(*, user) -> list[ProposedChange]:
    """Proposed changes to published rows that this reviewer did not write, oldest first."""
    return list(
        ProposedChange.objects.filter(state=ProposedChange.State.PENDING)
        .exclude(contributors=user)
        .select_related("content_type", "last_edited_by")
        .order_by("updated_at", "id")
    )


def suggestions_new_count() -> int:
    return Suggestion.objects.filter(status=Suggestion.Status.NEW).count()


def claim_audit_trail(*, claim: Claim) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(claim=claim).select_related("actor"))
