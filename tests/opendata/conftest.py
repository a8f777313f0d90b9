"""A source export built on SQLite in a separate process, and helpers to compare exports.

In the PostgreSQL run of CI the test database is PostgreSQL, so importing this file is
exactly the move from SQLite to PostgreSQL.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from opendata.exporting import dump_document, export_document

# One process, so Django starts once: migrate, seed, add sample data, export (with suggestions).
BUILD_SOURCE = """
from io import StringIO
from django.core.management import call_command
from tests.factories import populate_every_kind
call_command("migrate", interactive=False, verbosity=0)
call_command("load_seed_content", stdout=StringIO())
populate_every_kind()
call_command("export_claims", {path!r}, "--include-suggestions", stdout=StringIO())
"""


def run_manage(*args, env: dict, timeout: int = 180) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
        capture_output=True, text=True, timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result


def sqlite_env(path: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
    }


@pytest.fixture(scope="session")
def sqlite_export(tmp_path_factory) -> Path:
    """Seed content plus sample editorial data, exported (with suggestions) from SQLite."""
    folder = tmp_path_factory.mktemp("sqlite-source")
    env = sqlite_env(folder / "source.sqlite3")
    export = folder / "export.json"
    run_manage("shell", "-c", BUILD_SOURCE.format(path=str(export)), env=env)
    return export


@pytest.fixture
def source_document(sqlite_export) -> dict:
    return json.loads(sqlite_export.read_text(encoding="utf-8"))


def comparable(document: dict) -> str:
    """The document as text with exported_at left out: what 'identical' means."""
    return dump_document({**document, "exported_at": None})


def current_export(*, include_suggestions: bool = True) -> str:
    return comparable(export_document(include_suggestions=include_suggestions))
