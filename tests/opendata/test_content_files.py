"""The content files (content/*.json): whole export documents that name no people, written for
diffs, loaded by load_seed_content, and written back byte for byte by export_claims --content."""

import json

import pytest

from opendata.content import EXPLORER_FILE, content_files
from opendata.document import USER, kinds_in
from opendata.exporting import dump_document, record_id
from tests.opendata.conftest import run_manage, sqlite_env

FILES = {path.stem: path for path in content_files()}
PEOPLE_AND_WORKFLOW = ("reviewer_profiles", "claim_revisions", "audit_entries")


def document(name: str) -> dict:
    return json.loads(FILES[name].read_text(encoding="utf-8"))


def test_there_is_a_file_per_topic_and_one_for_the_explorer():
    assert set(FILES) == {"vitamin-b12-and-ms", "supplement-stack", EXPLORER_FILE}
    for name in FILES:
        topics = [topic["slug"] for topic in document(name)["records"]["topics"]]
        assert topics == ([] if name == EXPLORER_FILE else [name])


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_content_file_is_written_for_diffs_and_names_no_people(name):
    text = FILES[name].read_text(encoding="utf-8")
    data = json.loads(text)

    assert text == dump_document(data, indent=2)  # sorted keys, indent 2, one record a block
    assert data["exported_at"] is None
    assert "suggestions" not in data["records"]
    for kind in kinds_in(include_suggestions=False):
        rows = data["records"][kind.name]
        if kind.name in PEOPLE_AND_WORKFLOW:
            assert rows == [], kind.name
        users = [field for field, spec in kind.field_types.items() if spec.type == USER]
        assert all(row[field] is None for row in rows for field in users), kind.name
    assert {claim["state"] for claim in data["records"]["claims"]} <= {"under_review"}


def test_rows_two_files_share_are_written_the_same():
    seen: dict[tuple[str, str], tuple[str, dict]] = {}
    for name in FILES:
        for kind in kinds_in(include_suggestions=False):
            for row in document(name)["records"][kind.name]:
                key = (kind.name, record_id(kind, row))
                first = seen.setdefault(key, (name, row))
                assert first[1] == row, (key, first[0], name)


# In a fresh SQLite database, in one process: migrate, import the files, export them again.
ROUND_TRIP = """
from io import StringIO
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
for command in {commands!r}:
    call_command(*command, stdout=StringIO(), stderr=StringIO())
call_command("export_claims", {folder!r}, "--content", stdout=StringIO())
"""


@pytest.mark.parametrize("how", ["load_seed_content", "import_claims"])
def test_importing_the_files_into_an_empty_database_and_exporting_gives_them_back(how, tmp_path):
    if how == "load_seed_content":
        commands = [("load_seed_content",)]
    else:
        commands = [("import_claims", str(path)) for path in FILES.values()]
    folder = tmp_path / "content"
    script = ROUND_TRIP.format(commands=commands, folder=str(folder))

    run_manage("shell", "-c", script, env=sqlite_env(tmp_path / "empty.sqlite3"))

    written = sorted(path.name for path in folder.glob("*.json"))
    assert written == sorted(path.name for path in FILES.values())
    for path in FILES.values():
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name
