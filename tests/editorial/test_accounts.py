"""Staff accounts: a site admin manages roles and nothing more; only superusers hold the keys.

The site admin here is *not* a superuser (the shared `site_admin_user` fixture is one): the
role finding 2 of issue 12 was about. Everyone signs in through the real admin login form,
with a real code from an authenticator device where the role needs one.
"""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITOR, REVIEWER, SITE_ADMIN

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"
NEW_PASSWORD = "plum orchard lantern 47"
User = get_user_model()


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def current_code(device) -> str:
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits,
                    drift=device.drift)).zfill(device.digits)


def sign_in(client, user, device=None, password=PASSWORD):
    """Post the admin's login form, with the device's current code if one is given."""
    data = {"username": user.username, "password": password, "next": reverse("admin:index")}
    if device is not None:
        data.update(otp_device=device.persistent_id, otp_token=current_code(device))
    return client.post(reverse("admin:login"), data)


def sign_in_with_a_code(client, user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert sign_in(client, user, device).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200  # verified
    return client


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def password_url(user):
    return reverse("admin:auth_user_password_change", args=[user.pk])


def role_names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.fixture
def sam(django_user_model):
    user = django_user_model.objects.create_user(
        "sam.siteadmin", "sam@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=SITE_ADMIN))
    return user


@pytest.fixture
def sam_client(client, sam):
    return sign_in_with_a_code(client, sam)


def test_a_site_admin_cannot_climb_to_superuser_nor_sign_in_as_a_reviewer(
    sam_client, sam, reviewer_user
):
    """Finding 2, step by step: every rung of the ladder is refused and nothing changes."""
    client = sam_client
    every_group = list(Group.objects.values_list("pk", flat=True))
    a_permission = Permission.objects.get(codename="delete_user")

    # Tick Superuser on itself, grant itself a permission, put itself in every group.
    own_page = client.get(change_url(sam)).content.decode()
    for field in ("is_superuser", "user_permissions", "groups", "password", "role"):
        assert f'name="{field}"' not in own_page
    response = client.post(change_url(sam), {
        "username": sam.username, "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "user_permissions": [a_permission.pk], "groups": every_group, "role": REVIEWER,
    })
    assert response.status_code == 403
    sam.refresh_from_db()
    assert not sam.is_superuser
    assert not sam.user_permissions.exists()
    assert role_names(sam) == {SITE_ADMIN}

    # Open another person's authenticator device and read its secret key.
    device = TOTPDevice.objects.create(user=reviewer_user, name="phone", confirmed=True)
    for url in (
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_config", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert device.key not in response.content.decode()
    assert "otp_totp" not in client.get(reverse("admin:index")).content.decode()

    # Set the reviewer's password, on the password page or through the role screen.
    response = client.post(password_url(reviewer_user), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })
    assert response.status_code == 403
    client.post(change_url(reviewer_user), {
        "username": reviewer_user.username, "is_active": "on", "role": REVIEWER,
        "password": NEW_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    })
    reviewer_user.refresh_from_db()
    assert reviewer_user.check_password(PASSWORD)

    # Sign in as the reviewer: even with a right code, the password the attack set is wrong.
    other = Client()
    assert sign_in(other, reviewer_user, device, password=NEW_PASSWORD).status_code == 200
    assert "_auth_user_id" not in other.session
    assert other.get(reverse("admin:index")).status_code == 302


def test_the_role_screen_offers_a_role_and_on_or_off_and_nothing_else(
    sam_client, editor_user
):
    html = sam_client.get(change_url(editor_user)).content.decode()
    assert 'name="role"' in html and 'name="is_active"' in html
    for field in ("is_superuser", "is_staff", "user_permissions", "groups", "password",
                  "username"):  # a username is chosen once, when the account is made
        assert f'name="{field}"' not in html
    a_permission = Permission.objects.get(codename="delete_user")
    response = sam_client.post(change_url(editor_user), {
        "username": "edith.renamed", "role": REVIEWER,  # is_active left unticked: off
        "is_superuser": "on", "user_permissions": [a_permission.pk],
        "groups": list(Group.objects.values_list("pk", flat=True)),
    })
    assert response.status_code == 302
    editor_user.refresh_from_db()
    assert role_names(editor_user) == {REVIEWER} and editor_user.username == "edith.editor"
    assert not editor_user.is_active and editor_user.is_staff
    assert not editor_user.is_superuser and not editor_user.user_permissions.exists()


def test_a_site_admin_creates_a_staff_account_with_a_role_and_no_password(sam_client):
    response = sam_client.post(reverse("admin:auth_user_add"), {
        "username": "nina.new", "email": "nina@example.org", "role": EDITOR,
        "is_superuser": "on", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
        "usable_password": "true",
    })
    assert response.status_code == 302
    nina = User.objects.get(username="nina.new")
    assert nina.is_staff and nina.is_active and not nina.is_superuser
    assert role_names(nina) == {EDITOR}
    assert not nina.has_usable_password()  # set from a one-time link: reset_staff_password

    lookalike = sam_client.post(reverse("admin:auth_user_add"), {
        "username": "Nina.New", "role": SITE_ADMIN,
    })
    assert lookalike.status_code == 200 and "already exists" in lookalike.content.decode()
    assert User.objects.filter(username__iexact="nina.new").count() == 1


@pytest.mark.parametrize("accounts", [1, 6])
def test_the_role_screen_list_costs_a_fixed_number_of_queries(
    accounts, sam_client, django_user_model, django_assert_num_queries
):
    for n in range(accounts):
        django_user_model.objects.create_user(f"staff.{n}", is_staff=True)
    # 1 session, 2 user, 3 their authenticator device, 4 does their role need a code (the
    # admin's gate), 5-6 their permissions (own, groups'), 7-8 counts (filtered, all),
    # 9 does their role need a code (the page's context), 10 the accounts, 11 their groups.
    with django_assert_num_queries(11):
        assert sam_client.get(reverse("admin:auth_user_changelist")).status_code == 200


def test_a_site_admin_cannot_touch_a_superuser(sam_client, site_admin_user):
    assert site_admin_user.username not in sam_client.get(
        reverse("admin:auth_user_changelist")
    ).content.decode()
    sam_client.post(change_url(site_admin_user), {"username": "renamed", "role": EDITOR})
    sam_client.post(password_url(site_admin_user), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })
    site_admin_user.refresh_from_db()
    assert site_admin_user.username == "ada.admin"
    assert site_admin_user.is_active and site_admin_user.is_superuser
    assert site_admin_user.check_password(PASSWORD)


def test_an_editor_manages_no_accounts(client, editor_user, reviewer_user):
    client.force_login(editor_user)  # editors need no code
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(change_url(reviewer_user)).status_code == 403


def test_a_superuser_keeps_the_full_user_admin(client, site_admin_user, reviewer_user):
    sign_in_with_a_code(client, site_admin_user)
    html = client.get(change_url(reviewer_user)).content.decode()
    assert 'name="is_superuser"' in html and 'name="user_permissions"' in html
    response = client.post(password_url(reviewer_user), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })
    assert response.status_code == 302
    reviewer_user.refresh_from_db()
    assert reviewer_user.check_password(NEW_PASSWORD)


def test_not_even_a_superuser_reads_an_authenticator_secret(client, site_admin_user,
                                                            reviewer_user):
    device = TOTPDevice.objects.create(user=reviewer_user, name="phone", confirmed=True)
    sign_in_with_a_code(client, site_admin_user)
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.content.decode() and 'name="key"' not in page.content.decode()
    for view in ("config", "qrcode"):
        url = reverse(f"admin:otp_totp_totpdevice_{view}", args=[device.pk])
        assert client.get(url).status_code == 403


def test_reset_staff_password_prints_a_link_that_works_once(client, reviewer_user):
    out = StringIO()
    call_command("reset_staff_password", reviewer_user.username, stdout=out)
    link = out.getvalue().split()[-1]
    reviewer_user.refresh_from_db()
    assert not reviewer_user.has_usable_password()  # the old password stopped at once

    form_page = client.get(urlsplit(link).path, follow=True)
    assert 'name="new_password1"' in form_page.content.decode()
    response = client.post(form_page.redirect_chain[-1][0], {
        "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })
    assert response.status_code == 302
    assert response["Location"] == reverse("editorial:set_password_done")
    reviewer_user.refresh_from_db()
    assert reviewer_user.check_password(NEW_PASSWORD)

    again = Client().get(urlsplit(link).path, follow=True).content.decode()
    assert "already been used" in again and 'name="new_password1"' not in again


def test_reset_staff_password_refuses_an_unknown_or_non_staff_account(django_user_model):
    django_user_model.objects.create_user("pat.public", password=PASSWORD)
    for username in ("nobody", "pat.public"):
        with pytest.raises(CommandError, match="No active staff account"):
            call_command("reset_staff_password", username, stdout=StringIO())


def test_site_admins_hold_the_role_permission_instead_of_add_and_change_user():
    site_admin = {f"{p.content_type.app_label}.{p.codename}"
                  for p in Group.objects.get(name=SITE_ADMIN).permissions.all()}
    assert "auth.manage_staff_roles" in site_admin and "auth.view_user" in site_admin
    assert not {"auth.add_user", "auth.change_user", "auth.delete_user",
                "auth.change_group", "otp_totp.view_totpdevice"} & site_admin
