"""The audit writer: every editorial act is recorded in the same transaction as the act."""

from editorial.models import AuditEntry


def audit_entry_create(
    *, actor, action: str, claim=None, suggestion=None, from_state: str = "",
    to_state: str = "", comment: str = "", subject: str = "",
) -> AuditEntry:
    subject = subject or (str(claim) if claim is not None else str(suggestion or ""))
    entry = AuditEntry(
        claim=claim,
        suggestion=suggestion,
        subject=subject[:200],
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "system",
        action=action,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
    )
    entry.full_clean()
    entry.save()
    return entry
