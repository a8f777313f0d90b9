"""Rendered pages are cached under the content version: fast, and never stale.

The worker test runs two separate Python processes, each with its own in-process cache, over
one database, as two gunicorn workers (or two machines) would.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

from claims.models import ReviewState
from pagecache import content_version, version_listener
from pagecache.pages import local_pages
from tests.factories import make_claim
from tests.pagecache.test_shared_cache import using_redis, wait_until
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_a_repeat_visit_is_served_from_the_cache_in_one_query(client,
                                                             django_assert_num_queries):
    claim = make_claim(state=ReviewState.APPROVED)
    first = client.get(f"/claims/{claim.slug}/").content
    # 1. the content version (the page itself comes from the cache)
    with django_assert_num_queries(1):
        again = client.get(f"/claims/{claim.slug}/").content
    assert again == first


def test_any_content_change_shows_on_the_next_visit(client):
    claim = make_claim(state=ReviewState.APPROVED, text="Old wording of the claim.")
    assert "Old wording" in client.get(f"/claims/{claim.slug}/").content.decode()
    claim.text = "New wording of the claim."
    claim.save()
    html = client.get(f"/claims/{claim.slug}/").content.decode()
    assert "New wording" in html and "Old wording" not in html


def test_a_verdict_label_change_reaches_cached_claim_pages(client):
    claim = make_claim(state=ReviewState.APPROVED)
    client.get(f"/claims/{claim.slug}/")
    claim.verdict.label = "Not backed by evidence"
    claim.verdict.save()
    assert "Not backed by evidence" in client.get(f"/claims/{claim.slug}/").content.decode()


# --- while the database is down -------------------------------------------------------------


def database_down(monkeypatch):
    """The version row cannot be read, as when PostgreSQL is down or unreachable."""

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(content_version, "from_database", unreachable)


def _visit_during_outage(monkeypatch, client, caplog):
    """A claim page rendered before the outage, and a topic page never rendered."""
    claim = make_claim(state=ReviewState.APPROVED)
    rendered, never_rendered = f"/claims/{claim.slug}/", f"/topics/{claim.topic.slug}/"
    first = client.get(rendered)
    assert first.status_code == 200
    database_down(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="pagecache.pages"):
        during = client.get(rendered)
    assert during.status_code == 200 and during.content == first.content
    assert during["ETag"] == first["ETag"]  # the version it was rendered at
    assert client.get(rendered, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert "database unavailable" in caplog.text
    other = Client(raise_request_exception=False).get(never_rendered)
    assert other.status_code == 503 and other["Retry-After"] == "30"


def test_while_the_database_is_down_a_page_rendered_before_is_still_served(
        client, monkeypatch, caplog):
    cache.clear()
    _visit_during_outage(monkeypatch, client, caplog)


def test_with_redis_down_too_a_worker_serves_the_pages_it_has_from_its_own_memory(
        tmp_path, client, monkeypatch, caplog):
    server = RedisServer(tmp_path / "redis").start()
    try:
        with using_redis(server):
            claim = make_claim(state=ReviewState.APPROVED)
            url = f"/claims/{claim.slug}/"
            first = client.get(url)
            wait_until(version_listener.listener.version, 10, "listening")
            server.stop()
            wait_until(lambda: version_listener.listener.version() is None,
                       version_listener.ALIVE_SECONDS, "aware that Redis is gone")
            database_down(monkeypatch)
            during = client.get(url)
            assert during.status_code == 200 and during.content == first.content
            local_pages.clear()  # as a worker that never served it: nothing to fall back on
            assert Client(raise_request_exception=False).get(url).status_code == 503
    finally:
        server.stop()


WORKER = """
import sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
for line in sys.stdin:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(line.strip())
    print(response.content.decode().count(sys.argv[1]), len(queries), flush=True)
"""

EDIT = """
import django, sys
django.setup()
from claims.models import Claim
claim = Claim.objects.get(slug=sys.argv[1])
claim.patient_summary_md = "Edited after review: " + claim.patient_summary_md
claim.save()
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=False)
def test_an_approved_edit_shows_on_every_worker_at_once(tmp_path):
    db = tmp_path / "workers.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
           "DATABASE_URL": f"sqlite:///{db}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    run = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "timeout": 300}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **run)
    subprocess.run([sys.executable, "manage.py", "load_seed_content"], check=True, **run)

    slug = "sublingual-b12-absorbs-better"
    marker = "Edited after review"
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, marker], cwd=ROOT, env=env, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        for _ in range(2)
    ]

    def visit(worker) -> tuple[int, int]:
        """(times the edit shows on the page, queries the request ran) in that worker."""
        worker.stdin.write(f"/claims/{slug}/\n")
        worker.stdin.flush()
        shown, queries = worker.stdout.readline().split()
        return int(shown), int(queries)

    try:
        first = [visit(w) for w in workers]
        assert [shown for shown, _ in first] == [0, 0]
        assert all(queries > 1 for _, queries in first)  # rendered, then cached
        assert [visit(w) for w in workers] == [(0, 1), (0, 1)]  # served from each cache
        subprocess.run([sys.executable, "-c", EDIT, slug], check=True, **run)
        after = [visit(w) for w in workers]
        assert [shown for shown, _ in after] == [1, 1]  # both workers, at once
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=30)
    assert json.dumps([w.returncode for w in workers]) == "[0, 0]"
