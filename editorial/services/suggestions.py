"""Writes for readers' suggestions: a reader's request, and its triage by an editor."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims.models import Claim, Topic, Verdict
from editorial.models import Suggestion
from editorial.services.audit import audit_entry_create
from editorial.services.claims import claim_create

PLACEHOLDER = "To be written."
UNDECIDED_VERDICT_CODE = "I"


class TriageError(Exception):
    """A triage step that cannot be done; the message is shown to the editor as it is."""


def suggestion_create(
    *, claim_text: str, seen_at: str = "", email: str = "", email_consent: bool = False
) -> Suggestion:
    suggestion = Suggestion(
        claim_text=claim_text, seen_at=seen_at, email=email, email_consent=email_consent
    )
    suggestion.full_clean()
    suggestion.save()
    return suggestion


def _require_triage(actor) -> None:
    if actor is None or not actor.has_perm("editorial.triage_suggestion"):
        raise TriageError("You do not have permission to triage suggestions.")


def _require_new(suggestion: Suggestion) -> None:
    if suggestion.status != Suggestion.Status.NEW:
        raise TriageError(
            f"This suggestion was already triaged ({suggestion.get_status_display()})."
        )


def _close(suggestion, *, actor, status, claim=None, note=""):
    suggestion.status = status
    suggestion.claim = claim
    suggestion.triage_note = note
    suggestion.triaged_by = actor
    suggestion.triaged_at = timezone.now()
    suggestion.full_clean()
    suggestion.save()
    audit_entry_create(
        actor=actor, action=f"suggestion_{status}", suggestion=suggestion, claim=claim,
        from_state=Suggestion.Status.NEW, to_state=status, comment=note,
    )
    return suggestion


def _unique_slug(text: str) -> str:
    base = slugify(text)[:70].strip("-") or "claim"
    slug, n = base, 2
    while Claim.objects.filter(slug=slug).exists():
        slug = f"{base[:66]}-{n}"
        n += 1
    return slug


def suggestion_accept(*, suggestion: Suggestion, actor, topic: Topic, note: str = "") -> Claim:
    """Accept: start a draft claim in the chosen topic, with the undecided verdict until written."""

    _require_triage(actor)
    if topic is None:
        raise TriageError("Choose a topic for the new draft claim.")
    verdict = Verdict.objects.filter(code=UNDECIDED_VERDICT_CODE).first()
    if verdict is None:
        raise TriageError(
            f"The verdict scale has no '{UNDECIDED_VERDICT_CODE}' level yet: load the seed "
            "content first."
        )
    with transaction.atomic():
        suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        _require_new(suggestion)
        last = Claim.objects.filter(topic=topic).order_by("-number").first()
        text = suggestion.claim_text.strip()
        claim = Claim(
            topic=topic,
            number=(last.number + 1) if last else 1,
            slug=_unique_slug(text),
            text=text,
            short_wording=text[:75],
            verdict=verdict,
            verdict_reason=PLACEHOLDER,
            patient_summary_md=PLACEHOLDER,
            clinician_summary_md=PLACEHOLDER,
            what_to_do_md=PLACEHOLDER,
        )
        claim = claim_create(claim=claim, actor=actor, comment="From a reader's suggestion.")
        _close(suggestion, actor=actor, status=Suggestion.Status.ACCEPTED, claim=claim, note=note)
    return claim


def suggestion_mark_duplicate(
    *, suggestion: Suggestion, actor, claim: Claim, note: str = ""
) -> Suggestion:
    _require_triage(actor)
    if claim is None:
        raise TriageError("Choose the existing claim this suggestion duplicates.")
    with transaction.atomic():
        suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        _require_new(suggestion)
        return _close(
            suggestion, actor=actor, status=Suggestion.Status.DUPLICATE, claim=claim, note=note
        )


def suggestion_decline(*, suggestion: Suggestion, actor, note: str = "") -> Suggestion:
    _require_triage(actor)
    with transaction.atomic():
        suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        _require_new(suggestion)
        return _close(suggestion, actor=actor, status=Suggestion.Status.DECLINED, note=note)

