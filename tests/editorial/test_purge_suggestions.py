"""purge_suggestions: readers' suggestions are deleted after SUGGESTION_RETENTION_DAYS."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from editorial.models import AuditEntry, Suggestion
from editorial.services import suggestions as services
from tests.factories import make_draft_claim, make_topic, make_verdict

pytestmark = pytest.mark.django_db


def suggestion_sent(days_ago: float, text: str = "B12 cures MS") -> Suggestion:
    """A suggestion as if sent days_ago (created_at is set on save, so moved after it)."""
    suggestion = services.suggestion_create(
        claim_text=text, email="reader@example.org", email_consent=True
    )
    Suggestion.objects.filter(pk=suggestion.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return suggestion


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_suggestions", *args, stdout=out)
    return out.getvalue()


def test_deletes_only_suggestions_older_than_the_retention(settings):
    settings.SUGGESTION_RETENTION_DAYS = 30
    old = suggestion_sent(30.01, "Old claim")
    kept = suggestion_sent(29.99, "Recent claim")
    assert purge() == "Deleted 1 suggestion(s) older than 30 days.\n"
    assert list(Suggestion.objects.all()) == [kept]
    assert not Suggestion.objects.filter(pk=old.pk).exists()
    entry = AuditEntry.objects.get(action="suggestions_purged")
    assert (entry.actor_name, entry.comment) == (
        "system", "Deleted 1 suggestion(s) older than 30 days."
    )


def test_default_retention_is_180_days():
    suggestion_sent(181)
    suggestion_sent(179)
    assert purge() == "Deleted 1 suggestion(s) older than 180 days.\n"
    assert Suggestion.objects.count() == 1


def test_dry_run_counts_and_deletes_nothing(settings):
    settings.SUGGESTION_RETENTION_DAYS = 10
    suggestion_sent(11)
    suggestion_sent(12)
    suggestion_sent(1)
    out = purge("--dry-run")
    assert out == ("Dry run: 2 suggestion(s) older than 10 days would be deleted; "
                   "nothing changed.\n")
    assert Suggestion.objects.count() == 3
    assert not AuditEntry.objects.filter(action="suggestions_purged").exists()


def test_nothing_to_delete_changes_nothing():
    suggestion_sent(1)
    assert purge() == "Deleted 0 suggestion(s) older than 180 days.\n"
    assert Suggestion.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_audit_entries_keep_what_editors_did_but_not_the_readers_words(editor_user):
    declined = suggestion_sent(0, "My neighbour says B12 cured her MS")
    services.suggestion_decline(suggestion=declined, actor=editor_user,
                                note="Reader asks about her own dose")
    accepted = suggestion_sent(0, "Sublingual B12 works better")
    make_verdict("I")  # accepting starts a draft with the undecided verdict
    claim = services.suggestion_accept(suggestion=accepted, actor=editor_user,
                                       topic=make_topic(), note="Worth checking")
    make_draft_claim()  # so an unrelated audit entry exists beside them
    Suggestion.objects.update(created_at=timezone.now() - timedelta(days=200))

    purge()

    entry = AuditEntry.objects.get(action="suggestion_declined")
    assert (entry.suggestion, entry.actor_name, entry.to_state) == (
        None, "edith.editor", "declined"
    )
    assert entry.subject == "Reader suggestion (deleted after 180 days)"
    assert entry.comment == ""
    accepted_entry = AuditEntry.objects.get(action="suggestion_accepted")
    assert (accepted_entry.claim, accepted_entry.subject, accepted_entry.comment) == (
        claim, str(claim), ""
    )
    assert "neighbour" not in " ".join(AuditEntry.objects.values_list("subject", flat=True))


def test_help_says_to_run_it_daily_from_cron():
    from editorial.management.commands.purge_suggestions import Command

    assert "daily from cron" in Command.help
