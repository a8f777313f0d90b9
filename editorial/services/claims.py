"""Writes for claims: every edit and every review-state change of a claim goes through here.

Each function checks the actor's role against the transition table (editorial.workflow), runs
in one transaction and writes an audit entry. A published claim's row is what patients see, so
edits to it wait in a ClaimRevision until a medical reviewer approves them; changes to the rows
its page shows (evidence, sources, ...) wait in proposed changes (editorial.services.changes).
Everyone who changes any part of a claim is recorded as a contribution, and nobody with a
contribution since the last approval may approve it.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import (
    PUBLIC_STATES,
    Claim,
    ClaimRevision,
    Evidence,
    ReviewState,
    Source,
    SourceType,
    Verdict,
    VerdictChange,
)
from claims.search.vectors import claim_vectors_update
from editorial.models import Contribution
from editorial.services import changes
from editorial.services.audit import audit_entry_create
from editorial.services.errors import EditConflict, WorkflowError
from editorial.services.reviewers import require_complete_profile, reviewer_profile_refusal
from editorial.workflow import (
    ACTIONS,
    IN_PLACE_STATES,
    LOCKED_STATES,
    REVIEWABLE_STATES,
    UNDER_REVIEW_SENT_BACK,
    action_allowed,
    next_state,
)

__all__ = ["EditConflict", "WorkflowError"]

# Fields an editor writes; everything else on Claim is derived or set by the workflow.
EDITABLE_FIELDS = (
    "topic", "number", "slug", "text", "short_wording", "verdict", "verdict_reason",
    "verdict_population", "patient_summary_md", "clinician_summary_md", "what_to_do_md", "aliases",
    "no_guideline_note",
)
FOREIGN_KEY_FIELDS = {"topic", "verdict"}

REVIEW_INTERVAL_MONTHS = 12

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_RE = re.compile(r"^\d{1,8}$")
STRONG_SOURCE_TYPES = (SourceType.GUIDELINE, SourceType.SYSTEMATIC_REVIEW)


# --- helpers ------------------------------------------------------------------------------


def _state_label(state: str) -> str:
    return ReviewState(state).label if state in ReviewState.values else state


def _require(actor, perm: str, doing: str) -> None:
    if actor is None or not actor.is_active or not actor.has_perm(perm):
        raise WorkflowError(f"Your role does not allow you to {doing}.")


def _today() -> datetime.date:
    return timezone.localdate()


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def default_next_review(today: datetime.date | None = None) -> datetime.date:
    return add_months(today or _today(), REVIEW_INTERVAL_MONTHS)


def claim_values(claim: Claim) -> dict:
    """The editable values of a claim row (foreign keys as ids), as stored in a revision."""
    return {
        name: getattr(claim, f"{name}_id" if name in FOREIGN_KEY_FIELDS else name)
        for name in EDITABLE_FIELDS
    }


def claim_open_revision(claim: Claim) -> ClaimRevision | None:
    return claim.revisions.filter(state__in=ClaimRevision.OPEN_STATES).first()


def claim_effective_values(claim: Claim, revision: ClaimRevision | None = None) -> dict:
    """What an editor is working on: the row, overlaid with any pending revision."""
    values = claim_values(claim)
    if revision is not None and revision.is_open:
        values.update({k: v for k, v in revision.data.items() if k in EDITABLE_FIELDS})
    return values


def claim_apply_values(claim: Claim, values: dict) -> Claim:
    for name in EDITABLE_FIELDS:
        if name in values:
            setattr(claim, f"{name}_id" if name in FOREIGN_KEY_FIELDS else name, values[name])
    return claim


def _lock(claim: Claim) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim.pk)


def _bump_version(claim: Claim, expected_version: int | None) -> None:
    """Compare-and-swap on the optimistic-locking counter: refuse if someone saved first."""
    if expected_version is None:
        Claim.objects.filter(pk=claim.pk).update(version=F("version") + 1)
        claim.refresh_from_db(fields=["version"])
        return
    if not Claim.objects.filter(pk=claim.pk, version=expected_version).update(
        version=expected_version + 1
    ):
        raise EditConflict(Claim.objects.values_list("version", flat=True).get(pk=claim.pk))
    claim.version = expected_version + 1


def _save_claim(claim: Claim, *, actor, reason: str) -> None:
    claim.full_clean()
    claim._history_user = actor
    claim._change_reason = reason
    claim.save()


def _check_validation(candidate: Claim) -> None:
    try:
        candidate.full_clean()
    except ValidationError as exc:
        raise WorkflowError(
            "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        ) from exc


# --- checks before submission ---------------------------------------------------------------


def source_problems(source: Source) -> list[str]:
    problems = []
    if source.doi and not DOI_RE.match(source.doi.strip()):
        problems.append(f"{source}: the DOI '{source.doi}' should look like 10.1234/abcd.")
    if source.pmid and not PMID_RE.match(source.pmid.strip()):
        problems.append(f"{source}: the PMID '{source.pmid}' should be 1 to 8 digits.")
    if source.year is not None and not 1900 <= source.year <= _today().year:
        problems.append(
            f"{source}: the year {source.year} is not between 1900 and {_today().year}."
        )
    return problems


def claim_submission_problems(*, values: dict, evidence: list[Evidence]) -> list[str]:
    """Everything that blocks submission or approval, in plain words (empty when ready)."""
    problems = []
    short = (values.get("short_wording") or "").strip()
    if len(short) > 75:
        problems.append(f"The short wording is {len(short)} characters; the limit is 75.")
    for label in Verdict.objects.values_list("label", flat=True):
        if label and re.search(rf"\b{re.escape(label)}\b", short, flags=re.IGNORECASE):
            problems.append(f"The short wording must not contain the verdict '{label}'.")
    has_strong = any(e.source.source_type in STRONG_SOURCE_TYPES for e in evidence)
    if not has_strong and not (values.get("no_guideline_note") or "").strip():
        problems.append(
            "Add evidence from a guideline or systematic review, or explain in the "
            "'no guideline' note why there is none."
        )
    for item in evidence:
        if not item.finding.strip():
            problems.append(f"Evidence from {item.source} needs a finding in plain words.")
    seen = set()
    for item in evidence:
        if item.source_id not in seen:
            seen.add(item.source_id)
            problems.extend(source_problems(item.source))
    return problems


def _claim_evidence(claim: Claim) -> list[Evidence]:
    return list(claim.evidence.select_related("source"))


def _require_ready(claim: Claim, values: dict, doing: str) -> None:
    problems = claim_submission_problems(values=values, evidence=_claim_evidence(claim))
    if problems:
        raise WorkflowError(f"This claim cannot be {doing} yet: " + " ".join(problems))


# --- edits ----------------------------------------------------------------------------------


def _label(name: str) -> str:
    return str(Claim._meta.get_field(name).verbose_name)


def _record(claim: Claim, actor, part: str) -> None:
    if actor is not None:
        changes.contributions_record(claims=[claim], actor=actor, part=part)


@transaction.atomic
def claim_create(*, claim: Claim, actor, comment: str = "") -> Claim:
    """Save a new claim (an unsaved instance) as a draft written by the actor."""
    _require(actor, "claims.add_claim", "create claims")
    claim.state = ReviewState.DRAFT
    claim.author = actor
    claim.last_edited_by = actor
    claim.version = 1
    _save_claim(claim, actor=actor, reason="Created")
    _record(claim, actor, "the claim (created it)")
    audit_entry_create(
        actor=actor, action="created", claim=claim, to_state=ReviewState.DRAFT, comment=comment
    )
    return claim


def _changed_parts(before: dict, after: dict) -> str:
    names = [name for name in EDITABLE_FIELDS if name in after and before.get(name) != after[name]]
    return ", ".join(_label(name) for name in names) or "no field"


@transaction.atomic
def claim_update(
    *, claim: Claim, actor, values: dict, expected_version: int | None,
    verdict_change_reason: str = "", action: str = "edited", comment: str = "",
) -> Claim:
    """Edit a claim: in place while it has never been public, else as a pending revision."""
    _require(actor, ACTIONS["edit"].permission, "edit claims")
    claim = _lock(claim)
    if claim.state in LOCKED_STATES:
        raise WorkflowError(
            f"This claim is {_state_label(claim.state).lower()}: it cannot be edited until a "
            "medical reviewer approves it or asks for changes."
        )
    _bump_version(claim, expected_version)
    if claim.state in IN_PLACE_STATES:
        parts = _changed_parts(claim_values(claim), values)
        claim_apply_values(claim, values)
        claim.last_edited_by = actor
        _save_claim(claim, actor=actor, reason=comment or action.capitalize())
        _record(claim, actor, parts)
        audit_entry_create(
            actor=actor, action=action, claim=claim, from_state=claim.state,
            to_state=claim.state, comment=comment,
        )
        return claim

    revision = claim_open_revision(claim)
    proposed = claim_effective_values(claim, revision)
    parts = _changed_parts(proposed, values)
    proposed.update({k: v for k, v in values.items() if k in EDITABLE_FIELDS})
    candidate = claim_apply_values(Claim.objects.get(pk=claim.pk), proposed)
    _check_validation(candidate)
    if revision is None:
        revision = ClaimRevision(claim=claim, author=actor)
    revision.data = proposed
    revision.verdict_change_reason = verdict_change_reason or revision.verdict_change_reason
    revision.last_edited_by = actor
    revision.full_clean()
    revision.save()
    _record(claim, actor, parts)
    audit_entry_create(
        actor=actor, action=f"{action}_pending", claim=claim, from_state=claim.state,
        to_state=claim.state,
        comment=comment or "Saved as a proposed revision; the approved version stays public.",
    )
    return claim


# --- the rows a claim's page shows: through editorial.services.changes -----------------------


@transaction.atomic
def claim_evidence_update(*, claim: Claim, actor, saved=(), deleted=()) -> list:
    """Save and remove a claim's evidence items together; returns the proposed changes."""
    proposed = []
    for item in deleted:
        proposed.append(changes.row_delete(obj=item, actor=actor).change)
    for item in saved:
        proposed.append(changes.row_save(obj=item, actor=actor).change)
    return [change for change in proposed if change is not None]


def evidence_save(*, evidence: Evidence, actor) -> Evidence:
    changes.row_save(obj=evidence, actor=actor)
    return evidence


def evidence_delete(*, evidence: Evidence, actor) -> None:
    changes.row_delete(obj=evidence, actor=actor)


def source_save(*, source: Source, actor, reason: str = "") -> Source:
    changes.row_save(obj=source, actor=actor, reason=reason)
    return source


# --- review-state transitions ---------------------------------------------------------------


def _transition(claim: Claim, *, actor, to_state: str, action: str, comment: str) -> Claim:
    before = claim.state
    claim.state = to_state
    claim.version += 1
    _save_claim(claim, actor=actor, reason=f"{_state_label(before)} -> {_state_label(to_state)}")
    # Published text is what matching by meaning reads: its vectors follow it (no-op if same).
    claim_vectors_update(claims=[claim])
    audit_entry_create(
        actor=actor, action=action, claim=claim, from_state=before, to_state=to_state,
        comment=comment,
    )
    return claim


@transaction.atomic
def claim_submit(*, claim: Claim, actor, comment: str = "") -> Claim:
    """Send a draft, or the pending changes to a published claim, to the medical reviewers."""
    _require(actor, ACTIONS["submit"].permission, "submit claims for review")
    claim = _lock(claim)
    revision = claim_open_revision(claim)
    if claim.state not in ACTIONS["submit"].moves:
        raise WorkflowError(
            f"This claim is already {_state_label(claim.state).lower()}: it is waiting for a "
            "medical reviewer."
        )
    if not action_allowed(actor, claim.state, "submit", has_revision=revision is not None):
        raise WorkflowError(
            "Nothing to submit: this claim is approved and has no pending changes."
        )
    _require_ready(claim, claim_effective_values(claim, revision), "submitted")
    if revision is not None and revision.state != ClaimRevision.State.PENDING:
        revision.state = ClaimRevision.State.PENDING
        revision.save(update_fields=["state", "updated_at"])
    return _transition(
        claim, actor=actor, to_state=next_state("submit", claim.state), action="submitted",
        comment=comment,
    )


@transaction.atomic
def claim_start_review(*, claim: Claim, actor, comment: str = "") -> Claim:
    """A medical reviewer takes a submitted claim. From here it is public, under a caution."""
    _require(actor, ACTIONS["start_review"].permission, "start reviews")
    claim = _lock(claim)
    if claim.state not in ACTIONS["start_review"].moves:
        raise WorkflowError(
            f"Only a submitted claim can be taken for review; this one is "
            f"{_state_label(claim.state).lower()}."
        )
    _require_four_eyes(claim, claim_open_revision(claim), actor)
    return _transition(
        claim, actor=actor, to_state=next_state("start_review", claim.state),
        action="review_started", comment=comment,
    )


def claim_contributor_ids(claim: Claim, revision: ClaimRevision | None = None) -> set:
    """Everyone who changed any part of what is being approved since the last approval."""
    involved = {claim.author_id, claim.last_edited_by_id}
    if revision is not None:
        involved |= {revision.author_id, revision.last_edited_by_id}
    involved |= set(
        Contribution.objects.filter(claim=claim, settled_at__isnull=True)
        .values_list("user_id", flat=True)
    )
    involved.discard(None)
    return involved


FOUR_EYES_CLAIM = (
    "Four-eyes rule: you wrote or changed part of this claim (its text, its evidence or a "
    "source it cites) since it was last approved, so a different medical reviewer must "
    "approve it."
)


def _require_four_eyes(claim: Claim, revision: ClaimRevision | None, actor) -> None:
    if actor.pk in claim_contributor_ids(claim, revision):
        raise WorkflowError(FOUR_EYES_CLAIM)


def claim_approve_refusal(claim: Claim, revision: ClaimRevision | None, actor) -> str:
    """Why a reviewer whose role allows approving may not approve this claim now ("" if they
    may): the four-eyes rule, then their reviewer profile. The admin shows it by the button."""
    if actor.pk in claim_contributor_ids(claim, revision):
        return FOUR_EYES_CLAIM
    return reviewer_profile_refusal(actor)


@transaction.atomic
def claim_approve(
    *, claim: Claim, actor, comment: str = "", next_review_due: datetime.date | None = None,
    verdict_change_reason: str = "",
) -> Claim:
    """Approve: apply any pending revision to the public row and set the review dates."""
    _require(actor, ACTIONS["approve"].permission, "approve claims")
    claim = _lock(claim)
    if claim.state not in REVIEWABLE_STATES:
        raise WorkflowError(
            f"A claim that is {_state_label(claim.state).lower()} cannot be approved: it must "
            "be submitted for review first."
        )
    revision = claim_open_revision(claim)
    _require_four_eyes(claim, revision, actor)
    require_complete_profile(actor)
    values = claim_effective_values(claim, revision)
    _require_ready(claim, values, "approved")

    today = _today()
    if next_review_due is not None and next_review_due <= today:
        raise WorkflowError("The next review date must be in the future.")
    was_public = claim.state in PUBLIC_STATES
    old_verdict_id = claim.verdict_id
    if revision is not None:
        claim_apply_values(claim, values)
    if was_public and claim.verdict_id != old_verdict_id:
        reason = (
            verdict_change_reason.strip()
            or (revision.verdict_change_reason.strip() if revision else "")
        )
        if not reason:
            raise WorkflowError(
                "The published verdict changes: give a reason. It is shown publicly in the "
                "corrections log."
            )
        change = VerdictChange(
            claim=claim, changed_on=today, from_verdict_id=old_verdict_id,
            to_verdict_id=claim.verdict_id, reason=reason,
        )
        _check_validation(change)
        change.save()
    claim.reviewed_by = actor
    claim.last_reviewed = today
    claim.next_review_due = next_review_due or default_next_review(today)
    claim.first_published = claim.first_published or today
    _transition(claim, actor=actor, to_state=next_state("approve", claim.state),
                action="approved", comment=comment)
    if revision is not None:
        revision.state = ClaimRevision.State.APPLIED
        revision.closed_at = timezone.now()
        revision.save(update_fields=["state", "closed_at", "updated_at"])
    Contribution.objects.filter(claim=claim, settled_at__isnull=True).update(
        settled_at=timezone.now()
    )
    return claim


def _public_resting_state(claim: Claim) -> str:
    """Where a published claim goes when its re-review is sent back: honest about its dates."""
    if claim.next_review_due is not None and claim.next_review_due < _today():
        return ReviewState.NEEDS_REREVIEW
    return ReviewState.APPROVED


@transaction.atomic
def claim_request_changes(*, claim: Claim, actor, comment: str) -> Claim:
    _require(actor, ACTIONS["request_changes"].permission, "request changes")
    if not comment.strip():
        raise WorkflowError("Say what needs to change: the comment is required.")
    claim = _lock(claim)
    if claim.state not in ACTIONS["request_changes"].moves:
        raise WorkflowError(
            f"Changes can only be requested on a claim waiting for review; this one is "
            f"{_state_label(claim.state).lower()}."
        )
    to_state = next_state("request_changes", claim.state)
    if to_state == UNDER_REVIEW_SENT_BACK and claim.first_published is None:
        # Never approved: it leaves public view until the editor has made the changes.
        to_state = ReviewState.CHANGES_REQUESTED
    elif to_state == UNDER_REVIEW_SENT_BACK:
        revision = claim_open_revision(claim)
        if revision is not None:
            revision.state = ClaimRevision.State.CHANGES_REQUESTED
            revision.save(update_fields=["state", "updated_at"])
        # The approved text stays public; only the proposed changes go back to the editor.
        to_state = _public_resting_state(claim)
    return _transition(
        claim, actor=actor, to_state=to_state, action="changes_requested", comment=comment,
    )


@transaction.atomic
def claim_restore_version(*, claim: Claim, actor, history_id: int) -> Claim:
    """Bring back an earlier version's wording. A restore is itself a new version."""
    _require(actor, ACTIONS["restore"].permission, "restore earlier versions")
    record = claim.history.filter(history_id=history_id).first()
    if record is None:
        raise WorkflowError("That version does not belong to this claim.")
    values = {
        name: getattr(record, f"{name}_id" if name in FOREIGN_KEY_FIELDS else name)
        for name in EDITABLE_FIELDS
    }
    return claim_update(
        claim=claim, actor=actor, values=values, expected_version=None, action="restored",
        comment=f"Restored the version of {record.history_date:%Y-%m-%d %H:%M}.",
    )


def _restore_fields(record, model) -> dict:
    skip = {"id", "updated_at"}
    return {
        f.attname: getattr(record, f.attname)
        for f in model._meta.concrete_fields
        if f.attname not in skip and f.editable
    }


@transaction.atomic
def evidence_restore_version(*, evidence: Evidence, actor, history_id: int) -> Evidence:
    record = evidence.history.filter(history_id=history_id).first()
    if record is None:
        raise WorkflowError("That version does not belong to this evidence item.")
    for attname, value in _restore_fields(record, Evidence).items():
        setattr(evidence, attname, value)
    return evidence_save(evidence=evidence, actor=actor)


@transaction.atomic
def source_restore_version(*, source: Source, actor, history_id: int) -> Source:
    record = source.history.filter(history_id=history_id).first()
    if record is None:
        raise WorkflowError("That version does not belong to this source.")
    for attname, value in _restore_fields(record, Source).items():
        setattr(source, attname, value)
    return source_save(
        source=source, actor=actor,
        reason=f"Restored the version of {record.history_date:%Y-%m-%d %H:%M}",
    )


@transaction.atomic
def claims_mark_overdue(*, today: datetime.date | None = None) -> list[Claim]:
    """Approved claims past their review date become 'Needs re-review' (and stay public)."""
    today = today or _today()
    moved = []
    overdue = Claim.objects.select_for_update().filter(
        state=ReviewState.APPROVED, next_review_due__lt=today
    )
    for claim in overdue:
        moved.append(
            _transition(
                claim, actor=None, to_state=ReviewState.NEEDS_REREVIEW, action="marked_overdue",
                comment=f"Review was due on {claim.next_review_due:%d %B %Y}.",
            )
        )
    return moved
