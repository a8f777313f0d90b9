"""The three groups exist from the migration and hold only what each role needs."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def _perms(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_editor_writes_drafts_but_never_approves_or_deletes_claims():
    perms = _perms("Editor")
    assert {"claims.add_claim", "claims.change_claim", "claims.submit_claim",
            "claims.change_evidence", "claims.add_source", "claims.change_source"} <= perms
    assert not {"claims.review_claim", "claims.delete_claim", "claims.delete_source",
                "auth.change_user", "claims.change_verdict"} & perms


def test_reviewer_reviews_but_changes_no_content():
    perms = _perms("Medical reviewer")
    assert {"claims.review_claim", "claims.view_claim", "claims.view_evidence"} <= perms
    assert not {p for p in perms if p.split(".")[1].startswith(("add_", "change_", "delete_"))}
    assert "claims.submit_claim" not in perms


def test_site_admin_manages_accounts_and_content():
    perms = _perms("Site admin")
    assert {"auth.manage_staff_roles", "auth.view_user", "claims.delete_claim",
            "claims.review_claim"} <= perms
    # Accounts only through the role screen (editorial/admin_accounts.py, migration 0004).
    assert not {"auth.add_user", "auth.change_user", "auth.delete_user"} & perms


def test_role_fixtures_are_in_their_groups(editor_user, reviewer_user, second_reviewer_user,
                                           site_admin_user):
    assert editor_user.has_perm("claims.submit_claim")
    assert not editor_user.has_perm("claims.review_claim")
    assert reviewer_user.has_perm("claims.review_claim")
    assert second_reviewer_user.has_perm("claims.review_claim")
    assert site_admin_user.groups.filter(name="Site admin").exists()
