"""Move approved claims past their review date to 'Needs re-review'. Safe to run from cron."""

from django.core.management.base import BaseCommand

from editorial.services.claims import claims_mark_overdue


class Command(BaseCommand):
    help = "Mark approved claims whose next review date has passed as needing re-review."

    def handle(self, *args, **options):
        moved = claims_mark_overdue()
        for claim in moved:
            self.stdout.write(f"Needs re-review (was due {claim.next_review_due}): {claim.slug}")
        self.stdout.write(
            f"{len(moved)} claim(s) marked as needing re-review."
            if moved else "No approved claim is overdue; nothing changed."
        )
