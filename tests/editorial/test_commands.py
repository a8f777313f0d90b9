"""create_editor and mark_overdue_reviews."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from claims.models import ReviewState
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db
PASSWORD = "a long and unusual passphrase 42"


@pytest.mark.parametrize(
    "role, group", [("editor", "Editor"), ("reviewer", "Medical reviewer"),
                    ("admin", "Site admin")],
)
def test_create_editor_makes_a_staff_account_in_the_role_group(role, group, monkeypatch):
    monkeypatch.setenv("CREATE_EDITOR_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("create_editor", "sam", "--role", role, stdout=out)
    user = get_user_model().objects.get(username="sam")
    assert user.is_staff and not user.is_superuser
    assert user.check_password(PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert "Created" in out.getvalue()


def test_create_editor_prompts_when_no_environment_password(monkeypatch):
    monkeypatch.delenv("CREATE_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: PASSWORD)
    call_command("create_editor", "pat", "--role", "editor", stdout=StringIO())
    assert get_user_model().objects.get(username="pat").check_password(PASSWORD)


@pytest.mark.parametrize("password", ["short", "password1234"])
def test_create_editor_refuses_weak_passwords_and_duplicates(password, monkeypatch, editor_user):
    monkeypatch.setenv("CREATE_EDITOR_PASSWORD", password)
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_editor", "weak", "--role", "editor")
    monkeypatch.setenv("CREATE_EDITOR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_editor", editor_user.username, "--role", "editor")


def test_no_default_accounts_exist():
    assert not get_user_model().objects.exists()


def test_mark_overdue_reviews_is_idempotent_and_prints_a_summary(author_user):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    overdue = make_draft_claim(author=author_user, state=ReviewState.APPROVED,
                         next_review_due=yesterday)
    make_draft_claim(author=author_user, state=ReviewState.APPROVED)
    out = StringIO()
    call_command("mark_overdue_reviews", stdout=out)
    assert "1 claim(s) marked as needing re-review" in out.getvalue()
    assert overdue.slug in out.getvalue()
    overdue.refresh_from_db()
    assert overdue.state == ReviewState.NEEDS_REREVIEW
    assert overdue.next_review_due == yesterday  # its honest dates stay
    out = StringIO()
    call_command("mark_overdue_reviews", stdout=out)
    assert "nothing changed" in out.getvalue()
