"""Staff sign-in: lockout after repeated failures, one-time codes for reviewers and admins."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"
ROOT = Path(__file__).resolve().parents[2]


def _login(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index"), **extra},
    )


def _current_code(device):
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits,
                    drift=device.drift)).zfill(device.digits)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor_user):
    for _ in range(5):
        response = _login(client, editor_user.username, "wrong password")
        assert response.status_code in (200, 429)
    response = _login(client, editor_user.username)
    assert response.status_code == 429
    assert "locked" in response.content.decode().lower()
    assert client.get(reverse("admin:index")).status_code == 302  # still signed out


def test_a_good_password_after_a_few_failures_signs_in(client, editor_user):
    for _ in range(3):
        _login(client, editor_user.username, "wrong password")
    assert _login(client, editor_user.username).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_reviewer_needs_a_one_time_code_and_gets_in_with_one(client, reviewer_user):
    device = TOTPDevice.objects.create(user=reviewer_user, name="phone", confirmed=True)
    without_code = _login(client, reviewer_user.username)
    assert without_code.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302

    wrong_code = _login(client, reviewer_user.username, otp_token="000000",
                        otp_device=device.persistent_id)
    assert wrong_code.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows retries after a wrong code; skip the wait
    with_code = _login(client, reviewer_user.username, otp_token=_current_code(device),
                       otp_device=device.persistent_id)
    assert with_code.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_an_admin_signed_in_without_a_code_is_not_let_into_the_admin(client, site_admin_user):
    client.force_login(site_admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_editors_sign_in_with_a_password_alone(client, editor_user):
    assert _login(client, editor_user.username).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@override_settings(STAFF_TWO_FACTOR_REQUIRED=False)
def test_the_setting_can_make_codes_optional_for_reviewers(client, reviewer_user):
    assert _login(client, reviewer_user.username).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_add_totp_device_prints_a_set_up_link_once_and_refuses_a_second(reviewer_user):
    out = StringIO()
    call_command("add_totp_device", reviewer_user.username, stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    assert TOTPDevice.objects.filter(user=reviewer_user, confirmed=True).count() == 1
    with pytest.raises(Exception, match="already has an authenticator"):
        call_command("add_totp_device", reviewer_user.username, stdout=StringIO())


def test_the_admin_path_comes_from_the_environment():
    script = (
        "import django; django.setup(); from django.urls import reverse;"
        "print(reverse('admin:index'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
           "ADMIN_PATH": "editors-desk"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "/editors-desk/", result.stderr
