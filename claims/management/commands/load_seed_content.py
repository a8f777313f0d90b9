"""Load the shipped seed content. Idempotent: never overwrites what an editor changed."""

from django.core.management.base import BaseCommand
from django.db import transaction

from assessments import seed as assessments_seed
from claims import seed as claims_seed


class Command(BaseCommand):
    help = "Load the seed topics, claims and explorer data (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            claims_report = claims_seed.load()
            assessments_report = assessments_seed.load()
        for line in [*claims_report, *assessments_report]:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Seed content loaded."))
