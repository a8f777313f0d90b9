"""Rendered pages are cached under the content version: fast, and never stale.

The worker test runs two separate Python processes, each with its own in-process cache, over
one database, as two gunicorn workers (or two machines) would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claims.models import ReviewState
from tests.claims.factories import make_claim

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
