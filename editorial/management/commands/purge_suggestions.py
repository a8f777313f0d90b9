"""Delete readers' suggestions older than SUGGESTION_RETENTION_DAYS, as the privacy notice says."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from editorial.models import AuditEntry, Suggestion
from editorial.services.audit import audit_entry_create


class Command(BaseCommand):
    help = (
        "Delete readers' suggestions sent more than SUGGESTION_RETENTION_DAYS days ago "
        "(email address, where seen, claim text and editors' notes). Run it daily from cron, "
        "e.g. `15 3 * * * cd /srv/claimcheck && .venv/bin/python manage.py purge_suggestions`; "
        "the privacy notice promises this deletion."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Say how many suggestions would be deleted, and delete nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.SUGGESTION_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        expired = Suggestion.objects.filter(created_at__lt=cutoff)
        if dry_run:
            count = expired.count()
            self.stdout.write(f"Dry run: {count} suggestion(s) older than {days} days would be "
                              "deleted; nothing changed.")
            return
        with transaction.atomic():
            # Audit entries outlive the suggestion: keep the record of what editors did, not
            # the reader's words. The triage note (copied into the comment) may quote them, and
            # an entry with no claim is titled with them; an entry about a claim is titled
            # with the claim, which is editorial content.
            entries = AuditEntry.objects.filter(suggestion__created_at__lt=cutoff)
            entries.filter(claim__isnull=True).update(
                subject=f"Reader suggestion (deleted after {days} days)"
            )
            entries.update(comment="")
            _, deleted = expired.delete()
            count = deleted.get(Suggestion._meta.label, 0)
            if count:
                audit_entry_create(
                    actor=None, action="suggestions_purged", subject="Reader suggestions",
                    comment=f"Deleted {count} suggestion(s) older than {days} days.",
                )
        self.stdout.write(f"Deleted {count} suggestion(s) older than {days} days.")
