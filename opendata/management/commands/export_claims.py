"""Write the whole curated database to one versioned JSON file (a backup, or a move to another
database), or as the content files under content/. Restore it with import_claims."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.content import write_content
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
        parser.add_argument(
            "--content", action="store_true",
            help="Write the content files into the folder FILE (e.g. content/): one per topic "
            "and explorer.json, without people, revisions or the audit log, no timestamp.",
        )

    def handle(self, *args, file, include_suggestions, no_timestamp, content, **options):
        if content:
            return self._write_content(file, include_suggestions)
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

    def _write_content(self, folder: str, include_suggestions: bool) -> None:
        if include_suggestions or folder == "-":
            raise CommandError("--content writes a folder of files and never suggestions.")
        try:
            paths = write_content(export_document(timestamp=False), Path(folder))
        except OSError as exc:
            raise CommandError(f"Cannot write {folder}: {exc.strerror}") from None
        self.stdout.write(f"Wrote {len(paths)} content files: {', '.join(map(str, paths))}.")


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
