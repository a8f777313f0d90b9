"""Writes for every reviewed row other than a claim's own fields.

A row that published content shows (a public page, a handout, the feed, an export) is never
changed by an editor's save: the change waits in a ProposedChange, and the approved row stays
what patients see until a medical reviewer who did not write the change approves it. A row
that nothing public shows yet (evidence on a draft claim, a new source nobody cites) is edited
in place, and whoever edits it is recorded as a contributor of every claim that shows it, so
the four-eyes rule covers it when that claim is approved.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from assessments.models import CareRoute, Caution, Condition, LabTest, RedFlag, Symptom
from claims.models import (
    PUBLIC_STATES,
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    Source,
    Topic,
    Verdict,
)
from claims.search.vectors import claim_vectors_update
from editorial.models import Contribution, ProposedChange
from editorial.services.audit import audit_entry_create
from editorial.services.errors import WorkflowError
from editorial.services.reviewers import reviewer_profile_refusal
from editorial.workflow import LOCKED_STATES

# Rows every visitor can see whatever their links: the verdict scale and grades (the evidence
# scale page) and the explorer's data.
ALWAYS_PUBLIC = (
    Verdict, Grade, GradingScheme, Condition, Symptom, RedFlag, LabTest, Caution, CareRoute,
)
# Rows that belong to one claim: they follow that claim's state.
CLAIM_PARTS = (Evidence, DoseCheck, ClaimOrigin)
# Fields only a medical reviewer's own action writes (editorial.services.evidence): no form,
# proposal or approval of a proposal carries them.
REVIEWER_OWNED = {Evidence: frozenset({"verified", "verified_by", "verified_at"})}
# What the original-document check covers: a change to any of these ends the check.
EVIDENCE_CHECKED_FIELDS = ("claim_id", "source_id", "finding", "clinician_finding")


def _claims_showing(model, pk) -> Q | None:
    """A filter on Claim for the claims whose pages show the row (any state)."""
    return {
        Source: lambda: Q(evidence__source=pk) | Q(dose_check__references__source=pk)
        | Q(claim_origins__origin__citation_checks__matched_source=pk),
        Origin: lambda: Q(claim_origins__origin=pk),
        CitationCheck: lambda: Q(claim_origins__origin__citation_checks=pk),
        DoseReference: lambda: Q(dose_check__references=pk),
        Grade: lambda: Q(evidence__grade=pk),
        GradingScheme: lambda: Q(evidence__grade__scheme=pk),
        Verdict: lambda: Q(verdict=pk),
        Topic: lambda: Q(topic=pk),
    }.get(model, lambda: None)()


def claims_showing(obj, data: dict | None = None) -> list[Claim]:
    """Claims (any state) that show the row now, or would after the proposed values."""
    model = type(obj)
    ids = set()
    if model in CLAIM_PARTS:
        ids.add(obj.claim_id)
        if data and data.get("claim_id"):
            ids.add(data["claim_id"])
    elif obj.pk is not None and (query := _claims_showing(model, obj.pk)) is not None:
        ids.update(Claim.objects.filter(query).values_list("pk", flat=True))
    if model is CitationCheck:
        origins = {obj.origin_id, (data or {}).get("origin_id")} - {None}
        ids.update(
            Claim.objects.filter(claim_origins__origin__in=origins).values_list("pk", flat=True)
        )
    ids.discard(None)
    return list(Claim.objects.filter(pk__in=ids).order_by("pk"))


def _explorer_cites(source: Source) -> bool:
    return any(
        model.objects.filter(source=source).exists()
        for model in (Symptom, RedFlag, LabTest, Caution, DoseReference)
    )


def is_published(obj, claims: list[Claim], data: dict | None = None) -> bool:
    """Whether any public page, handout, feed or export shows the row (before or after)."""
    model = type(obj)
    if model in ALWAYS_PUBLIC:
        return True
    if model is Topic:
        was = obj.pk is not None and Topic.objects.published().filter(pk=obj.pk).exists()
        return was or bool(obj.is_published)
    if any(claim.state in PUBLIC_STATES or claim.first_published for claim in claims):
        return True
    if model is Source and obj.pk is not None:
        return _explorer_cites(obj)
    return False


# --- values of a row ---------------------------------------------------------------------


def _fields(model):
    """What an editor writes: every editable concrete field and many-to-many, not the id (nor
    the fields only a reviewer's own action writes)."""
    owned = REVIEWER_OWNED.get(model, frozenset())
    concrete = [
        f for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and not getattr(f, "auto_now", False)
        and f.name not in owned
    ]
    many = [
        f for f in model._meta.many_to_many
        if f.editable and f.remote_field.through._meta.auto_created and f.name not in owned
    ]
    return concrete, many


def row_values(obj, *, m2m: dict | None = None) -> dict:
    """The row's values as JSON-ready data (foreign keys as ids, many-to-many as id lists)."""
    concrete, many = _fields(type(obj))
    values = {f.attname: getattr(obj, f.attname) for f in concrete}
    for f in many:
        if m2m is not None and f.name in m2m:
            values[f.name] = sorted(m2m[f.name])
        elif obj.pk is not None:
            values[f.name] = sorted(getattr(obj, f.name).values_list("pk", flat=True))
        else:
            values[f.name] = []
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def apply_values(obj, data: dict) -> dict:
    """Set the concrete values in `data` on obj; returns the many-to-many values to set."""
    concrete, many = _fields(type(obj))
    for f in concrete:
        if f.attname in data:
            setattr(obj, f.attname, f.to_python(data[f.attname]))
    return {f.name: data[f.name] for f in many if f.name in data}


def pending_change_for(obj) -> ProposedChange | None:
    if obj.pk is None:
        return None
    return (
        ProposedChange.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk,
            state=ProposedChange.State.PENDING,
        )
        .select_related("last_edited_by")
        .first()
    )


def effective_values(obj) -> dict:
    """What an editor is working on: the approved row overlaid with its pending change."""
    values = row_values(obj)
    change = pending_change_for(obj)
    if change is not None and change.action == ProposedChange.Action.UPDATE:
        values.update(change.data)
    return values


# --- saving ------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a save did: written in place, or proposed for review (with the change)."""

    change: ProposedChange | None = None

    @property
    def proposed(self) -> bool:
        return self.change is not None


def _require(actor, model, action: str) -> None:
    opts = model._meta
    perm = f"{opts.app_label}.{action}_{opts.model_name}"
    if actor is None or not actor.is_active or not actor.has_perm(perm):
        raise WorkflowError(f"Your role does not allow you to {action} {opts.verbose_name}.")


def _refuse_locked(claims: list[Claim]) -> None:
    """A claim's own rows are frozen while a reviewer works on it (shared rows are not: a
    change to them is recorded against every claim that shows them)."""
    for claim in claims:
        if claim.state in LOCKED_STATES:
            raise WorkflowError(
                f"“{claim}” is {claim.get_state_display().lower()}: what its page shows "
                "cannot change until a medical reviewer has finished."
            )


def _describe(obj) -> str:
    return f"{obj._meta.verbose_name}: {obj}"[:200]


def contributions_record(*, claims, actor, part: str) -> None:
    Contribution.objects.bulk_create(
        [Contribution(claim=claim, user=actor, part=part[:200]) for claim in claims]
    )


def evidence_keep_check(evidence: Evidence, stored: Evidence | None) -> None:
    """The original-document check is never set by an edit: keep the stored one, unless the
    edit changes what was checked (the claim, the source or the finding), which ends it."""
    still_holds = stored is not None and all(
        getattr(evidence, name) == getattr(stored, name) for name in EVIDENCE_CHECKED_FIELDS
    )
    if still_holds:
        evidence.verified = stored.verified
        evidence.verified_by_id, evidence.verified_at = stored.verified_by_id, stored.verified_at
    else:
        evidence.verified, evidence.verified_by, evidence.verified_at = False, None, None


def _validate(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise WorkflowError(
            "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        ) from exc


def _write_in_place(obj, *, actor, m2m: dict | None, reason: str) -> None:
    obj._history_user = actor
    obj._change_reason = reason
    obj.save()
    for name, ids in (m2m or {}).items():
        getattr(obj, name).set(ids)


@transaction.atomic
def row_save(*, obj, actor, m2m: dict | None = None, reason: str = "") -> Outcome:
    """Save a new or edited row: in place while nothing public shows it, else as a proposal."""
    model = type(obj)
    is_new = obj.pk is None
    _require(actor, model, "add" if is_new else "change")
    before = None if is_new else model.objects.get(pk=obj.pk)
    if model is Evidence:
        evidence_keep_check(obj, before)
    _validate(obj)
    data = row_values(obj, m2m=m2m)
    # From the stored row and the proposed values: a move between claims changes both.
    claims = claims_showing(before or obj, data)
    if model in CLAIM_PARTS:
        _refuse_locked(claims)
    if not is_published(obj, claims, data):
        _write_in_place(
            obj, actor=actor, m2m=m2m, reason=reason or ("Created" if is_new else "Edited")
        )
        contributions_record(claims=claims, actor=actor, part=_describe(obj))
        return Outcome()
    base = {} if before is None else row_values(before)
    if not is_new and data == base and pending_change_for(obj) is None:
        return Outcome()  # nothing changed
    return Outcome(
        change=_propose(
            model=model, obj=obj, actor=actor, data=data, base=base, claims=claims,
            action=ProposedChange.Action.CREATE if is_new else ProposedChange.Action.UPDATE,
        )
    )


@transaction.atomic
def row_delete(*, obj, actor) -> Outcome:
    """Remove a row: at once while nothing public shows it, else as a proposal."""
    model = type(obj)
    _require(actor, model, "delete")
    claims = claims_showing(obj)
    if model in CLAIM_PARTS:
        _refuse_locked(claims)
    if not is_published(obj, claims):
        obj._history_user = actor
        contributions_record(claims=claims, actor=actor, part=f"removed {_describe(obj)}")
        obj.delete()
        return Outcome()
    return Outcome(
        change=_propose(
            model=model, obj=obj, actor=actor, data={}, base=row_values(obj), claims=claims,
            action=ProposedChange.Action.DELETE,
        )
    )


def _propose(*, model, obj, actor, data, base, claims, action) -> ProposedChange:
    content_type = ContentType.objects.get_for_model(model)
    change = None
    if obj.pk is not None:
        change = (
            ProposedChange.objects.select_for_update()
            .filter(content_type=content_type, object_id=obj.pk,
                    state=ProposedChange.State.PENDING)
            .first()
        )
    if change is None:
        change = ProposedChange(
            content_type=content_type, object_id=obj.pk, author=actor, base=base,
        )
    else:
        change.version += 1
    change.action = action
    change.data = data
    change.object_repr = str(obj)[:200]
    change.last_edited_by = actor
    try:
        with transaction.atomic():
            change.save()
    except IntegrityError as exc:  # two editors opened the first proposal at the same moment
        raise WorkflowError(
            "Someone else proposed a change to this at the same moment. Reload the page and "
            "check their proposal before making yours."
        ) from exc
    change.contributors.add(actor)
    change.claims.add(*claims)
    audit_entry_create(
        actor=actor, action="change_proposed", claim=claims[0] if len(claims) == 1 else None,
        subject=str(change),
        comment=f"{change}: waiting for a medical reviewer; the approved version stays public.",
    )
    return change


# --- review ------------------------------------------------------------------------------


def _require_reviewer(actor) -> None:
    if actor is None or not actor.is_active or not actor.has_perm("editorial.review_change"):
        raise WorkflowError("Your role does not allow you to review proposed changes.")


def approve_refusal(change: ProposedChange, actor) -> str:
    """Why the actor may not approve this change now ("" when they may)."""
    return four_eyes_refusal(change, actor) or reviewer_profile_refusal(actor)


def _lock_pending(change: ProposedChange) -> ProposedChange:
    change = ProposedChange.objects.select_for_update().get(pk=change.pk)
    if not change.is_pending:
        raise WorkflowError(f"This change is already {change.get_state_display().lower()}.")
    return change


def four_eyes_refusal(change: ProposedChange, actor) -> str:
    if change.contributors.filter(pk=actor.pk).exists() or actor.pk in {
        change.author_id, change.last_edited_by_id
    }:
        return (
            "Four-eyes rule: you wrote part of this change, so a different medical reviewer "
            "must approve it."
        )
    return ""


@transaction.atomic
def change_approve(*, change: ProposedChange, actor, comment: str = "") -> ProposedChange:
    """Write the proposed values onto the row, in one transaction, and record who approved."""
    _require_reviewer(actor)
    change = _lock_pending(change)
    if refusal := approve_refusal(change, actor):
        raise WorkflowError(refusal)
    model = change.content_type.model_class()
    if change.action == ProposedChange.Action.CREATE:
        obj = model()
    else:
        obj = model.objects.select_for_update().filter(pk=change.object_id).first()
        if obj is None:
            raise WorkflowError("The row this change was for has been removed.")
        if row_values(obj) != change.base:
            raise WorkflowError(
                "The approved version changed after this proposal was made. Send it back so "
                "the editor can redo it on top of the current version."
            )
    claims_before = claims_showing(obj) if obj.pk else []
    contributors = list(change.contributors.all())
    if change.action == ProposedChange.Action.DELETE:
        obj._history_user = actor
        try:
            obj.delete()
        except models.ProtectedError as exc:
            raise WorkflowError(
                f"“{obj}” is still used elsewhere, so it cannot be removed: "
                f"{', '.join(str(o) for o in list(exc.protected_objects)[:3])}."
            ) from exc
        claims_after = claims_before
    else:
        stored = model.objects.get(pk=obj.pk) if obj.pk else None
        m2m = apply_values(obj, change.data)
        if model is Evidence:
            evidence_keep_check(obj, stored)
        _validate(obj)
        _write_in_place(
            obj, actor=actor, m2m=m2m,
            reason=f"Approved change proposed by {change.author or 'an editor'}",
        )
        change.object_id = obj.pk
        claims_after = claims_showing(obj)
    affected = {claim.pk: claim for claim in [*claims_before, *claims_after]}.values()
    if model is ClaimOrigin:  # "What you may have read" is part of what matching reads
        claim_vectors_update(claims=affected)
    for user in contributors:
        contributions_record(claims=affected, actor=user, part=_describe(obj))
    change.state = ProposedChange.State.APPLIED
    change.reviewed_by = actor
    change.reviewed_at = timezone.now()
    change.review_comment = comment
    change.save()
    audit_entry_create(
        actor=actor, action="change_approved",
        claim=next(iter(affected)) if len(affected) == 1 else None, subject=str(change),
        comment=f"{change}. {comment}".strip(),
    )
    return change


@transaction.atomic
def change_send_back(*, change: ProposedChange, actor, comment: str) -> ProposedChange:
    _require_reviewer(actor)
    if not comment.strip():
        raise WorkflowError("Say what needs to change: the comment is required.")
    change = _lock_pending(change)
    change.state = ProposedChange.State.REJECTED
    change.reviewed_by = actor
    change.reviewed_at = timezone.now()
    change.review_comment = comment
    change.save()
    audit_entry_create(actor=actor, action="change_sent_back", subject=str(change),
                       comment=comment)
    return change


@transaction.atomic
def change_withdraw(*, change: ProposedChange, actor) -> ProposedChange:
    change = _lock_pending(change)
    if actor is None or not change.contributors.filter(pk=actor.pk).exists():
        raise WorkflowError("Only someone who wrote this change can withdraw it.")
    change.state = ProposedChange.State.WITHDRAWN
    change.save()
    audit_entry_create(actor=actor, action="change_withdrawn", subject=str(change))
    return change
