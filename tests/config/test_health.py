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
