"""Load a file written by export_claims: all or nothing, and safe to run again."""

import sys

from django.core.management.base import BaseCommand, CommandError

from opendata import importing
from opendata.document import KINDS
from opendata.importing import (
    ImportRefused,
    import_document,
    parse_document,
    read_document,
)

# Below this many records (and not on a terminal) the command prints only the final counts.
PROGRESS_MIN_RECORDS = 1000


class Command(BaseCommand):
    help = (
        "Import FILE written by export_claims ('-' for standard input). The whole file is "
        "checked first and written in one transaction: a bad file changes nothing. Rows are "
        "matched by stable id, so a second import of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON document written by export_claims, or '-'.")
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Check the file and count what would change, then roll everything back.",
        )
        parser.add_argument(
            "--create-only", action="store_true",
            help="Only create rows whose stable id is new; skip the others, leaving them "
            "exactly as they are (what load_seed_content does). Parts of a row (evidence, "
            "claim origins, citation checks, dose checks) are only created with a new row.",
        )

    def handle(self, *args, file, dry_run, create_only, **options):
        try:
            document = self._read(file)
            report = import_document(
                document, dry_run=dry_run, create_only=create_only,
                progress=_Progress(self.stderr),
            )
        except ImportRefused as exc:
            problems = "\n".join(f"  {line}" for line in str(exc).splitlines())
            raise CommandError(
                f"Import refused; the database is unchanged. {file}:\n{problems}"
            ) from None

        prefix = "Dry run (nothing written): would have " if dry_run else ""
        self.stdout.write(f"{prefix}{report.summary()}")
        # Create-only never updates: it skips what exists.
        word, other = ("skipped", report.skipped) if create_only else ("updated", report.updated)
        for name in [kind.name for kind in KINDS if kind.name in report.created | other]:
            self.stdout.write(
                f"  {name.replace('_', ' ')}: created {report.created[name]}, "
                f"{word} {other[name]}"
            )
        for line in report.not_created:
            self.stdout.write(f"  {line}")
        if report.placeholder_users:
            self.stdout.write(
                f"Created {len(report.placeholder_users)} inactive placeholder user(s) for "
                f"usernames the file names but this site lacks (no password, no role): "
                f"{', '.join(report.placeholder_users)}"
            )
        if kept := report.kept.total():
            self.stdout.write(f"Kept {kept} existing row(s) the file does not mention.")
        if not dry_run:
            self.stdout.write(self.style.SUCCESS("Import finished."))

    def _read(self, file: str):
        if file == "-":
            return parse_document(sys.stdin.buffer.read(importing.MAX_IMPORT_BYTES + 1))
        return read_document(file)


class _Progress:
    """A progress line on stderr: redrawn in place on a terminal, every 10% in a log, and
    silent for small imports that are not on a terminal."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not total or not (self.tty or total >= PROGRESS_MIN_RECORDS):
            return
        percent = done * 100 // total
        step = percent if self.tty else percent // 10 * 10
        if step == self.shown:
            return
        self.shown = step
        line = f"Importing: {done}/{total} records ({percent}%)"
        if self.tty:
            ending = "\n" if done == total else ""
            self.stream.write("\r" + line, style_func=_plain, ending=ending)
            self.stream.flush()
        else:
            self.stream.write(line, style_func=_plain)


def _plain(text: str) -> str:
    # stderr is styled as errors on a terminal; progress is not an error.
    return text
