"""Reviewer profiles: who a medical reviewer is, kept by site admins, required to approve."""

from django.core.exceptions import ValidationError
from django.db import transaction

from claims.models import ReviewerProfile
from editorial.services.audit import audit_entry_create
from editorial.services.errors import WorkflowError

MANAGE_PROFILES = "claims.change_reviewerprofile"


def reviewer_profile_of(user) -> ReviewerProfile | None:
    if user is None or user.pk is None:
        return None
    return ReviewerProfile.objects.filter(user=user).first()


def reviewer_profile_refusal(actor) -> str:
    """Why the actor may not approve anything yet ("" when their profile is complete).

    Readers see the approving reviewer's name, role and declared conflicts beside the page, so
    nobody approves until a site admin has filled all of them in."""
    profile = reviewer_profile_of(actor)
    if profile is None:
        return (
            "Your reviewer profile is missing, so you cannot approve yet: a site admin must "
            "add your name, role, professional registration and declared conflicts of "
            "interest (Reviewer profiles in the admin)."
        )
    if missing := profile.missing_fields():
        return (
            "Your reviewer profile is not complete, so you cannot approve yet: a site admin "
            f"must fill in {_joined(missing)} (Reviewer profiles in the admin)."
        )
    return ""


def require_complete_profile(actor) -> None:
    if refusal := reviewer_profile_refusal(actor):
        raise WorkflowError(refusal)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@transaction.atomic
def reviewer_profile_save(*, profile: ReviewerProfile, actor) -> ReviewerProfile:
    """A site admin creates or edits a reviewer's profile. Nobody edits their own."""
    if actor is None or not actor.is_active or not actor.has_perm(MANAGE_PROFILES):
        raise WorkflowError("Only a site admin can change reviewer profiles.")
    if profile.user_id == actor.pk and not actor.is_superuser:
        raise WorkflowError("Another site admin must change your own reviewer profile.")
    is_new = profile.pk is None
    try:
        profile.full_clean()
    except ValidationError as exc:
        raise WorkflowError(
            "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        ) from exc
    profile._history_user = actor
    profile.save()
    missing = profile.missing_fields()
    audit_entry_create(
        actor=actor, action="reviewer_profile_created" if is_new else "reviewer_profile_changed",
        subject=f"Reviewer profile: {profile.user.get_username()}",
        comment=f"Still missing: {_joined(missing)}." if missing else "Complete.",
    )
    return profile
