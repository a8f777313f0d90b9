"""Staff pages outside the admin: a one-time code whenever the role needs one *now*, no trace of
the admin's address for anyone else, and staff sessions that end."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from claims.models import ReviewState
from config import urls as root_urls
from editorial.roles import REVIEWER
from tests.editorial.test_accounts import PASSWORD, sign_in
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

# The site as deployed with ADMIN_PATH=desk-7c41e9: used as ROOT_URLCONF by the leak test.
SECRET_ADMIN_PATH = "desk-7c41e9"
urlpatterns = [
    path(f"{SECRET_ADMIN_PATH}/", admin.site.urls),
    *[p for p in root_urls.urlpatterns if getattr(p, "namespace", None) != "admin"],
]
handler404 = root_urls.handler404
handler500 = root_urls.handler500


def staff_pages(client, claim) -> dict:
    """Every staff URL outside the admin, asked the way its page asks it."""
    return {
        "dashboard": client.get(reverse("editorial:dashboard")),
        "preview": client.post(reverse("editorial:markdown_preview"),
                               {"patient_summary_md": "**Plain** words."}),
        "batch handouts": client.get(reverse("handouts:claims_batch") + f"?ids={claim.pk}"),
    }


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_an_editor_moved_to_reviewer_needs_a_code_on_every_staff_page(
    client, editor_user, author_user
):
    claim = make_draft_claim(author=author_user)
    assert sign_in(client, editor_user).status_code == 302  # editors need no code
    for name, response in staff_pages(client, claim).items():
        assert response.status_code == 200, name

    editor_user.groups.set([Group.objects.get(name=REVIEWER)])  # same session, new role
    for name, response in staff_pages(client, claim).items():
        assert response.status_code == 403, name
    assert client.get(reverse("admin:index")).status_code == 302

    device = TOTPDevice.objects.create(user=editor_user, name="phone", confirmed=True)
    assert sign_in(client, editor_user, device).status_code == 302
    for name, response in staff_pages(client, claim).items():
        assert response.status_code == 200, name


@override_settings(ROOT_URLCONF=__name__)
def test_no_anonymous_answer_names_the_admin_address(client, author_user):
    claim = make_draft_claim(author=author_user, state=ReviewState.APPROVED)
    assert reverse("admin:index") == f"/{SECRET_ADMIN_PATH}/"
    responses = {
        **staff_pages(client, claim),
        "preview by GET": client.get(reverse("editorial:markdown_preview")),
        "a missing page": client.get("/no-such-page/"),
        "a bad set-password link": client.get("/editorial/set-password/MQ/not-a-token/"),
    }
    for name, response in responses.items():
        assert response.status_code in (200, 403, 404), name
        headers = " ".join(f"{key}: {value}" for key, value in response.items())
        assert SECRET_ADMIN_PATH not in headers + response.content.decode(), name
    assert "editors' address" in responses["dashboard"].content.decode()


def test_staff_sessions_end_after_twelve_hours_or_when_the_browser_closes(client, editor_user):
    response = sign_in(client, editor_user)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    left = Session.objects.get(session_key=cookie.value).expire_date - timezone.now()
    assert datetime.timedelta(hours=11, minutes=59) < left <= datetime.timedelta(hours=12)


@pytest.mark.parametrize(("hours", "expected"), [("8", "28800"), ("0", "STAFF_SESSION_HOURS")])
def test_the_session_length_comes_from_the_environment(hours, expected):
    script = "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
           "STAFF_SESSION_HOURS": hours}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert expected in result.stdout + result.stderr


def test_public_pages_set_no_session_cookie(client, author_user):
    claim = make_draft_claim(author=author_user, state=ReviewState.APPROVED)
    pages = ["/", reverse("claims:claim", args=[claim.slug]),
             reverse("claims:topic", args=[claim.topic.slug]), reverse("claims:search") + "?q=b12",
             reverse("assessments:explorer"), reverse("editorial:suggest"),
             reverse("opendata:claims_feed"), "/no-such-page/"]
    for url in pages:
        assert settings.SESSION_COOKIE_NAME not in client.get(url).cookies, url
    posted = client.post(reverse("editorial:suggest"), {"claim_text": "Magnets cure MS."})
    assert settings.SESSION_COOKIE_NAME not in posted.cookies


def test_a_sign_in_with_a_refused_next_lands_on_the_admin_index(client, editor_user):
    response = client.post(reverse("admin:login"), {
        "username": editor_user.username, "password": PASSWORD, "next": "https://evil.example/",
    })
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200
