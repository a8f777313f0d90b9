"""Load the content files (content/*.json) in create-only mode: create what is missing, never
change what exists, so an editor's changes and deletions survive a re-run."""

from django.core.management.base import BaseCommand, CommandError

from opendata.content import CONTENT_DIR, content_files, load_content
from opendata.document import KINDS
from opendata.importing import ImportRefused, ImportReport


class Command(BaseCommand):
    help = (
        "Load the topics, claims and explorer data in content/*.json, in one transaction. "
        "Rows that exist already are left exactly as they are (safe to run again)."
    )

    def handle(self, *args, **options):
        if not content_files():
            raise CommandError(f"No content files in {CONTENT_DIR}.")
        try:
            reports = load_content()
        except ImportRefused as exc:
            raise CommandError(
                f"Seed content not loaded; the database is unchanged.\n{exc}"
            ) from None
        for path, report in reports:
            self.stdout.write(_report_line(path.name, report))
            for line in report.not_created:
                self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Seed content loaded."))


def _report_line(name: str, report: ImportReport) -> str:
    counts = [
        (report.created[kind.name], kind.label) for kind in KINDS
        if kind.name in report.created | report.skipped
    ]
    created = ", ".join(f"{n} {label}{'' if n == 1 else 's'}" for n, label in counts)
    return f"{name}: created {created} (skipped {report.skipped.total()} existing)"
