"""sitemap.xml lists the public pages at absolute SITE_URL addresses; robots.txt points to it."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claims.models import ReviewState
from config.urls import ADMIN_PATH
from tests.factories import make_claim, make_topic

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db

SITE = "https://claims.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def sitemap_entries(client, **headers) -> dict[str, str | None]:
    response = client.get("/sitemap.xml", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: getattr(url.find("s:lastmod", NS), "text", None)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_public_claims_topics_and_about_pages(client):
    topic = make_topic(slug="b12")
    approved = make_claim(topic=topic, slug="approved-claim")
    under_review = make_claim(topic=topic, slug="under-review-claim",
                              state=ReviewState.UNDER_REVIEW)

    entries = sitemap_entries(client)

    assert set(entries) >= {
        f"{SITE}/", f"{SITE}/about/evidence/", f"{SITE}/about/editorial-policy/",
        f"{SITE}/about/corrections/", f"{SITE}/about/disclaimer/", f"{SITE}/explorer/",
        f"{SITE}/topics/b12/", f"{SITE}/claims/approved-claim/",
        f"{SITE}/claims/under-review-claim/",
    }
    assert entries[f"{SITE}/claims/approved-claim/"] == approved.updated_at.date().isoformat()
    assert entries[f"{SITE}/claims/under-review-claim/"] == (
        under_review.updated_at.date().isoformat()
    )
    assert entries[f"{SITE}/topics/b12/"] == topic.updated_at.date().isoformat()


@pytest.mark.parametrize(
    "state", [ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED]
)
def test_sitemap_leaves_out_unpublished_claims_and_topics(client, state):
    make_claim(slug="not-public", state=state)
    hidden = make_topic(slug="hidden-topic", is_published=False)
    make_claim(topic=hidden, slug="in-hidden-topic")

    text = " ".join(sitemap_entries(client))

    assert "not-public" not in text
    assert "hidden-topic" not in text
    assert "in-hidden-topic" not in text


def test_sitemap_addresses_come_from_site_url_not_the_request_host(client):
    make_claim(slug="some-claim")

    entries = sitemap_entries(client, host="evil.example")

    assert entries
    assert all(loc.startswith(f"{SITE}/") for loc in entries)


def test_robots_txt_allows_public_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /editorial/",
        "Disallow: /handouts/selected-claims/",
        "Allow: /",
        "",
        f"Sitemap: {SITE}/sitemap.xml",
    ]
    assert ADMIN_PATH not in response.content.decode()


ROBOTS = """
import django
django.setup()
from django.test import Client
for path in ("/robots.txt", "/sitemap.xml", "/", "/editorial/", "/no-such-page/"):
    response = Client().get(path)
    print(path, response.status_code, dict(response.items()), response.content.decode())
"""


@pytest.mark.slow
def test_a_configured_admin_path_is_named_in_no_public_response(tmp_path):
    """ADMIN_PATH is read when the URLs load, so a process of its own with it set."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
           "ADMIN_PATH": "back-office-7f3e",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    run = {"cwd": ROOT, "env": env, "text": True, "capture_output": True, "timeout": 120}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **run)
    result = subprocess.run([sys.executable, "-c", ROBOTS], **run)
    assert result.returncode == 0, result.stderr
    assert "Disallow: /editorial/" in result.stdout
    assert "back-office-7f3e" not in result.stdout
