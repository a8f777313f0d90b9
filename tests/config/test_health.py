"""/healthz answers 200 with a working database and 503 when the database is unreachable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_is_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_database_is_unreachable():
    # A separate process whose database is a PostgreSQL address where nothing listens.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.content.decode()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert json.loads(outcome["body"]) == {"status": "error", "database": "unreachable"}


def test_pages_give_a_friendly_503_when_the_database_is_unreachable():
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client(raise_request_exception=False).get('/');"
        "print(json.dumps({'status': r.status_code, 'retry': r.get('Retry-After'),"
        " 'body': r.content.decode()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503 and outcome["retry"] == "30"
    assert "not available right now" in outcome["body"]
    assert "Traceback" not in outcome["body"] and "OperationalError" not in outcome["body"]


REMOVED_DATABASE = """
import hashlib, json, os, sys, django
django.setup()
from django.db import connection
from django.test import Client
client = Client(raise_request_exception=False)

def visit(path):
    response = client.get(path)
    return [response.status_code, hashlib.sha256(response.content).hexdigest()]

before = {path: visit(path) for path in ("/", "/healthz")}
connection.close()  # as a new worker, or a reconnect after an error, would
os.remove(sys.argv[1])
after = {path: visit(path) for path in ("/", "/healthz", "/search/", "/about/evidence/")}
print(json.dumps({"before": before, "after": after, "exists": os.path.exists(sys.argv[1])}))
"""


@pytest.mark.slow
def test_without_its_database_file_healthz_is_503_and_pages_rendered_before_are_served(
        tmp_path):
    """SQLite opens a removed database as a new empty file, which answers SELECT 1."""
    database = tmp_path / "site.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
           "DATABASE_URL": f"sqlite:///{database}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    run = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "timeout": 300}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **run)
    result = subprocess.run([sys.executable, "-c", REMOVED_DATABASE, str(database)], **run)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["before"]["/"][0] == 200 and outcome["before"]["/healthz"][0] == 200
    assert outcome["exists"]  # SQLite made an empty one
    after = outcome["after"]
    assert after["/healthz"][0] == 503
    assert after["/"] == outcome["before"]["/"]  # the same page, from this worker's memory
    assert after["/search/"][0] == 503  # never rendered: nothing to serve
    assert after["/about/evidence/"][0] == 503  # not a cached page


@pytest.mark.django_db
def test_healthz_answers_head_and_options(client):
    head = client.head("/healthz")
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == "application/json"
    options = client.options("/healthz")
    assert options.status_code == 200 and options["Allow"] == "GET, HEAD, OPTIONS"
