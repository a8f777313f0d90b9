"""The content files under content/: an export split into one document per topic and one for
the explorer, written so that a change reads as a small diff in review.

Each file is a whole export document that imports on its own. A topic's file holds the topic,
its claims and their parts, and the shared library every claim draws on (verdicts, grading
schemes and grades, sources, origins and their citation checks, dose references); the
explorer's file holds the explorer's data and the sources it cites. A row two files share is
written the same in both. Content names no people: user fields are written as null, and
reviewer profiles, revisions, the audit log and suggestions are left out.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from opendata.document import FORMAT, REF, USER, VERSION, kinds_in
from opendata.exporting import dump_document
from opendata.importing import ImportRefused, ImportReport, import_document, read_document

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
EXPLORER_FILE = "explorer"
CONTENT_INDENT = 2
LIBRARY = (
    "verdicts", "grading_schemes", "grades", "sources", "origins", "citation_checks",
    "dose_references",
)
EXPLORER = ("conditions", "symptoms", "red_flags", "lab_tests", "cautions", "care_routes")
# People and the editorial workflow: never content.
NOT_CONTENT = ("reviewer_profiles", "claim_revisions", "audit_entries", "suggestions")


def content_files() -> list[Path]:
    return sorted(CONTENT_DIR.glob("*.json"))


def load_content(paths: list[Path] | None = None) -> list[tuple[Path, ImportReport]]:
    """Import content files (all of them unless told) in create-only mode, in one
    transaction: rows that exist already are left exactly as they are. Raises ImportRefused,
    each problem starting with the file's name."""
    paths = content_files() if paths is None else paths
    reports = []
    with transaction.atomic():
        for path in paths:
            try:
                report = import_document(read_document(str(path)), create_only=True)
            except ImportRefused as exc:
                raise ImportRefused([f"{path.name}: {line}" for line in exc.problems]) from None
            reports.append((path, report))
    return reports


def content_documents(document: dict) -> dict[str, dict]:
    """{file name without ".json": document} for an export (made without suggestions)."""
    records = document["records"]
    files = {
        topic["slug"]: _document(_topic_records(records, topic["slug"]))
        for topic in records["topics"]
    }
    files[EXPLORER_FILE] = _document(_explorer_records(records))
    return files


def write_content(document: dict, folder: Path) -> list[Path]:
    """Write the content files into folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in sorted(content_documents(document).items()):
        path = folder / f"{name}.json"
        path.write_text(dump_document(content, indent=CONTENT_INDENT), encoding="utf-8")
        paths.append(path)
    return paths


def _document(records: dict[str, list]) -> dict:
    kinds = kinds_in(include_suggestions=False)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": None,  # equal content, equal files
        "records": {kind.name: _without_people(kind, records.get(kind.name, [])) for kind in kinds},
    }


def _without_people(kind, rows: list[dict]) -> list[dict]:
    if kind.name in NOT_CONTENT:
        return []
    users = [name for name, spec in kind.field_types.items() if spec.type == USER]
    return [{**row, **dict.fromkeys(users)} for row in rows]


def _topic_records(records: dict, slug: str) -> dict[str, list]:
    chosen = {name: records[name] for name in LIBRARY}
    chosen["topics"] = [topic for topic in records["topics"] if topic["slug"] == slug]
    chosen["claims"] = [claim for claim in records["claims"] if claim["topic"] == slug]
    claims = {claim["slug"] for claim in chosen["claims"]}
    for kind in kinds_in(include_suggestions=False):
        if kind.part_of == "claim" and kind.name not in NOT_CONTENT:
            chosen[kind.name] = [row for row in records[kind.name] if row["claim"] in claims]
    return chosen


def _explorer_records(records: dict) -> dict[str, list]:
    chosen = {name: records[name] for name in EXPLORER}
    cited = set()
    for kind in kinds_in(include_suggestions=False):
        if kind.name not in EXPLORER:
            continue
        for name, spec in kind.field_types.items():
            if spec.type == REF and spec.target == "sources":
                cited |= {row[name] for row in chosen[kind.name] if row[name]}
    chosen["sources"] = [source for source in records["sources"] if source["key"] in cited]
    return chosen
