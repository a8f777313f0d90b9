"""Write the whole curated database to one versioned JSON file (a backup, or a move to another
database). Restore it with import_claims."""

import os
import tempfile

from django.core.management.base import BaseCommand, CommandError

from opendata.exporting import dump_document, export_document


class Command(BaseCommand):
    help = (
        "Export topics, claims in every state, evidence, sources, grading, origins, dose "
        "checks, revisions, explorer data and the audit log to FILE ('-' for standard output)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON document, or '-'.")
        parser.add_argument(
            "--include-suggestions", action="store_true",
            help="Also export readers' suggestions. They hold personal data (email "
            "addresses): keep such a file private and delete it when done.",
        )
        parser.add_argument(
            "--no-timestamp", action="store_true",
            help="Write exported_at as null, so exports of the same data are byte-identical.",
        )

    def handle(self, *args, file, include_suggestions, no_timestamp, **options):
        document = export_document(
            include_suggestions=include_suggestions, timestamp=not no_timestamp
        )
        text = dump_document(document)
        if file == "-":
            self.stdout.write(text, ending="")
            report = self.stderr
        else:
            _write_atomically(file, text)
            report = self.stdout
        records = document["records"]
        counts = ", ".join(
            f"{name.replace('_', ' ')} {len(rows)}"
            for name, rows in records.items()
        )
        total = sum(len(rows) for rows in records.values())
        where = "standard output" if file == "-" else file
        report.write(f"Exported {total} records to {where}: {counts}.")
        if include_suggestions:
            report.write("This file holds readers' email addresses: keep it private.")


def _write_atomically(path: str, text: str) -> None:
    """Write next to the target, then rename: a failed export never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=".export-", suffix=".tmp", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, path)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror}") from None
