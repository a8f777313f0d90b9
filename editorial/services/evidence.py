"""The original-document check: only a medical reviewer's own action sets or clears it.

Editors record how a finding was seen (`seen_as`); "checked against the original document"
says more, so it names the reviewer and the moment, is written here and nowhere else, and is
audited. The four-eyes rule applies: someone who changed the claim since its last approval
cannot vouch for it.
"""

from django.db import transaction
from django.utils import timezone

from claims.models import Evidence
from editorial.services.audit import audit_entry_create
from editorial.services.claims import claim_contributor_ids, claim_open_revision
from editorial.services.errors import WorkflowError

CHECK_PERMISSION = "claims.review_claim"


def original_check_refusal(*, evidence: Evidence, actor) -> str:
    """Why the actor may not set or clear the check on this evidence ("" when they may)."""
    if actor is None or not actor.is_active or not actor.has_perm(CHECK_PERMISSION):
        return (
            "Only a medical reviewer can record that a finding was checked against the "
            "original document."
        )
    claim = evidence.claim
    if actor.pk in claim_contributor_ids(claim, claim_open_revision(claim)):
        return (
            "Four-eyes rule: you wrote or changed part of this claim since it was last "
            "approved, so a different medical reviewer must check its evidence against the "
            "original document."
        )
    return ""


def _locked(evidence: Evidence) -> Evidence:
    return Evidence.objects.select_for_update().select_related("claim", "source").get(
        pk=evidence.pk
    )


def _write(evidence: Evidence, *, actor, action: str, reason: str, comment: str) -> Evidence:
    evidence._history_user = actor
    evidence._change_reason = reason
    evidence.save(update_fields=["verified", "verified_by", "verified_at"])
    audit_entry_create(
        actor=actor, action=action, claim=evidence.claim,
        subject=f"Evidence: {evidence.source} on {evidence.claim}"[:200], comment=comment,
    )
    return evidence


@transaction.atomic
def evidence_mark_checked_against_original(
    *, evidence: Evidence, actor, note: str = ""
) -> Evidence:
    """Record that the actor checked the finding against the original document, now."""
    evidence = _locked(evidence)
    if refusal := original_check_refusal(evidence=evidence, actor=actor):
        raise WorkflowError(refusal)
    evidence.verified = True
    evidence.verified_by = actor
    evidence.verified_at = timezone.now()
    return _write(
        evidence, actor=actor, action="evidence_checked",
        reason="Checked against the original document",
        comment=f"Checked against the original document. {note}".strip(),
    )


@transaction.atomic
def evidence_clear_original_check(*, evidence: Evidence, actor, note: str = "") -> Evidence:
    """Take the check back: the finding shows again at the level it was seen at."""
    evidence = _locked(evidence)
    if refusal := original_check_refusal(evidence=evidence, actor=actor):
        raise WorkflowError(refusal)
    if not evidence.verified and evidence.verified_by_id is None:
        raise WorkflowError("This finding is not marked as checked against the original.")
    evidence.verified, evidence.verified_by, evidence.verified_at = False, None, None
    return _write(
        evidence, actor=actor, action="evidence_check_cleared",
        reason="Original-document check cleared",
        comment=f"Original-document check cleared. {note}".strip(),
    )
