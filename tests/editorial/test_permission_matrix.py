"""Every role x every review state x every action, each cell asserted.

Roles: anonymous, editor, medical reviewer, site admin. The claim is always written by someone
else, so the four-eyes rule (tested on its own) never decides a cell here.
"""

import pytest
from django.urls import reverse

from claims.models import PUBLIC_STATES, Claim, ClaimRevision, ReviewState
from editorial import workflow
from editorial.models import AuditEntry, ProposedChange
from editorial.services import changes
from tests.editorial.helpers import claim_change_url, claim_form_data, messages_of, workflow_url
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db
S = ReviewState
ROLES = ["anonymous", "editor", "reviewer", "admin"]
ACTIONS = ["view_public", "view_admin", "edit", "submit", "start_review", "approve",
           "request_changes", "restore"]
WRITERS = {"editor", "admin"}
REVIEWERS = {"reviewer", "admin"}
EDITABLE = {S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.NEEDS_REREVIEW}

# The table the services and the admin's buttons read (editorial.workflow), pinned here by
# hand: a change to who may do what must change this test too.
PINNED = {
    "edit": (WRITERS, EDITABLE),
    "restore": (WRITERS, EDITABLE),
    "submit": (WRITERS, {S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.NEEDS_REREVIEW}),
    "start_review": (REVIEWERS, {S.SUBMITTED}),
    "approve": (REVIEWERS, {S.SUBMITTED, S.UNDER_REVIEW, S.NEEDS_REREVIEW}),
    "request_changes": (REVIEWERS, {S.SUBMITTED, S.UNDER_REVIEW}),
}


def _table_allows(user, state, action) -> bool:
    # The claim in each cell has no pending revision (an approved one has nothing to submit).
    return user is not None and workflow.action_allowed(user, state, action)


def _from_table(action):
    return lambda role, user, state: _table_allows(user, state, action)


ALLOWED = {
    "view_public": lambda role, user, state: state in PUBLIC_STATES,
    "view_admin": lambda role, user, state: role != "anonymous",
    **{action: _from_table(action) for action in PINNED},
}


@pytest.mark.parametrize("action", sorted(PINNED))
def test_the_transition_table_is_the_one_pinned_here(action):
    roles, states = PINNED[action]
    rule = workflow.ACTIONS[action]
    assert set(rule.moves) == states
    perms = {"editor": "Editor", "reviewer": "Medical reviewer", "admin": "Site admin"}
    from django.contrib.auth.models import Group

    holders = {role for role, group in perms.items()
               if Group.objects.filter(name=group, permissions__codename=rule.permission
                                       .split(".")[1]).exists()}
    assert holders == roles


FIXTURES = {"editor": "editor_user", "reviewer": "reviewer_user", "admin": "site_admin_user"}


@pytest.fixture
def as_role(request, client):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(FIXTURES[role]))
        return client

    return login


def _login_redirect(response) -> bool:
    return response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", ReviewState.values)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, state, action, as_role, author_user, request):
    claim = make_draft_claim(author=author_user, state=state)
    client = as_role(role)
    user = request.getfixturevalue(FIXTURES[role]) if role != "anonymous" else None
    allowed = ALLOWED[action](role, user, state)
    audit_before = AuditEntry.objects.filter(claim=claim).count()

    if action == "view_public":
        response = client.get(reverse("claims:claim", args=[claim.slug]))
        assert Claim.objects.public().filter(pk=claim.pk).exists() is allowed
        if allowed:
            assert response.status_code == 200
            assert claim.text in response.content.decode()
        else:
            assert response.status_code == 404
        return

    if action == "view_admin":
        response = client.get(claim_change_url(claim))
        if allowed:
            assert response.status_code == 200
            assert claim.text in response.content.decode()
        else:
            assert _login_redirect(response)
        return

    if action == "edit":
        new_text = "Vitamin pills cure MS, a blog says."
        response = client.post(claim_change_url(claim), claim_form_data(claim, text=new_text))
        claim.refresh_from_db()
        revision = ClaimRevision.objects.filter(claim=claim).first()
        if allowed:
            assert response.status_code == 302, response.content.decode()[:2000]
            if state in PUBLIC_STATES:  # published: the row stays, the change waits
                assert claim.text != new_text and revision.data["text"] == new_text
            else:
                assert claim.text == new_text and revision is None
            assert claim.state == state
        else:
            assert claim.text != new_text and revision is None
            if role == "anonymous":
                assert _login_redirect(response)
            else:
                assert response.status_code == 403
        return

    if action == "restore":
        record = claim.history.earliest("history_date")
        url = reverse("admin:claims_claim_version_restore", args=[claim.pk, record.history_id])
        response = client.post(url)
    else:
        response = client.post(workflow_url(claim, action), {"comment": "Checked."})

    claim.refresh_from_db()
    entries = AuditEntry.objects.filter(claim=claim).count() - audit_before
    if role == "anonymous":
        assert _login_redirect(response)
        assert (claim.state, entries) == (state, 0)
        return
    assert response.status_code == 302  # back to the page, with a message: never a 500
    levels = [level for level, _ in messages_of(response)]
    if allowed:
        assert levels == ["success"], messages_of(response)
        assert entries == 1
    else:
        assert levels == ["error"], messages_of(response)
        assert (claim.state, entries) == (state, 0)


# --- the rows a claim's page shows: role x published or not x action -------------------------

ROW_ACTIONS = ["change_row", "approve_change", "send_back_change"]


@pytest.mark.parametrize("published", [True, False], ids=["published", "unpublished"])
@pytest.mark.parametrize("action", ROW_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_related_row_matrix(role, action, published, as_role, author_user):
    claim = make_draft_claim(author=author_user, state=S.APPROVED if published else S.DRAFT)
    source = claim.evidence.get().source
    client = as_role(role)
    url = reverse("admin:claims_source_change", args=[source.pk])

    if action == "change_row":
        data = {f: getattr(source, f) or "" for f in
                ["key", "short_name", "source_type", "citation", "year", "doi", "pmid", "url",
                 "citation_note"]}
        data["citation"] = "Changed by the matrix."
        response = client.post(url, data)
        source.refresh_from_db()
        pending = ProposedChange.objects.filter(object_id=source.pk, state="pending")
        if role == "anonymous":
            assert _login_redirect(response)
        elif role in WRITERS:
            assert response.status_code == 302
            # Published: the approved row stays and the change waits; else written in place.
            assert (source.citation == "Changed by the matrix.") is (not published)
            assert pending.exists() is published
            return
        else:
            assert response.status_code == 403
        assert source.citation != "Changed by the matrix." and not pending.exists()
        return

    # A change written by an editor who is none of the roles below.
    source.citation = "Proposed by Eric."
    proposed = changes.row_save(obj=source, actor=author_user).change
    if not published:
        assert proposed is None  # nothing public shows it: nothing to review
        return
    decision = "approve" if action == "approve_change" else "send_back"
    decide = reverse("admin:editorial_proposedchange_decide", args=[proposed.pk, decision])
    response = client.post(decide, {"comment": "Checked against the DOI."})
    proposed.refresh_from_db()
    if role == "anonymous":
        assert _login_redirect(response) and proposed.is_pending
    elif role in REVIEWERS:
        assert [level for level, _ in messages_of(response)] == ["success"]
        assert proposed.state == ("applied" if decision == "approve" else "rejected")
    else:
        assert [level for level, _ in messages_of(response)] == ["error"]
        assert proposed.is_pending


# --- staff accounts: role x action --------------------------------------------------------
# "site_admin" here is a site admin who is not a superuser; "superuser" is the fixed admin.
# Two-factor is tested on its own (test_staff_urls.py, test_accounts.py): off for these cells.

ACCOUNT_ROLES = ["anonymous", "editor", "reviewer", "site_admin", "superuser"]
ACCOUNT_ACTIONS = ["list_accounts", "create_account", "set_role_of_other", "make_self_superuser",
                   "grant_self_permission", "set_password_of_other", "read_totp_devices"]
# What only a superuser may do, and what a site admin may do too.
SITE_ADMIN_MAY = {"list_accounts", "create_account", "set_role_of_other"}


@pytest.fixture
def site_admin_only(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "sam.siteadmin", "sam@example.org", "correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Site admin"))
    return user


@pytest.mark.parametrize("action", ACCOUNT_ACTIONS)
@pytest.mark.parametrize("role", ACCOUNT_ROLES)
def test_account_matrix(role, action, client, settings, editor_user, reviewer_user,
                        site_admin_user, site_admin_only, second_editor_user):
    from django.contrib.auth.models import Permission

    settings.STAFF_TWO_FACTOR_REQUIRED = False
    actor = {"editor": editor_user, "reviewer": reviewer_user, "site_admin": site_admin_only,
             "superuser": site_admin_user}.get(role)
    if actor is not None:
        client.force_login(actor)
    allowed = role == "superuser" or (role == "site_admin" and action in SITE_ADMIN_MAY)
    target = second_editor_user
    old_password = target.password
    user_url = reverse("admin:auth_user_change", args=[(actor or target).pk])

    if action == "list_accounts":
        response = client.get(reverse("admin:auth_user_changelist"))
        ok = response.status_code == 200
    elif action == "create_account":
        response = client.post(reverse("admin:auth_user_add"), {
            "username": "new.person", "first_name": "New", "last_name": "Person",
            "email": "new@example.org", "is_active": "on", "role": "Editor",
            "password1": "a long new password 1", "password2": "a long new password 1",
            "usable_password": "true",
        })
        ok = django_user_model_exists("new.person")
    elif action == "set_role_of_other":
        response = client.post(reverse("admin:auth_user_change", args=[target.pk]), {
            "username": target.username, "first_name": "", "last_name": "",
            "email": target.email, "is_active": "on", "is_staff": "on",
            "role": "Medical reviewer", "groups": [], "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00", "last_login_0": "", "last_login_1": "",
        })
        target.refresh_from_db()
        ok = target.groups.filter(name="Medical reviewer").exists() or (
            role == "superuser" and response.status_code in (200, 302)
        )
    elif action == "make_self_superuser":
        if actor is None:
            response = client.get(user_url)
            ok = False
        else:
            response = client.post(user_url, {"username": actor.username, "is_superuser": "on",
                                              "is_staff": "on", "is_active": "on"})
            actor.refresh_from_db()
            ok = actor.is_superuser
    elif action == "grant_self_permission":
        perm = Permission.objects.get(codename="delete_claim")
        if actor is not None:
            client.post(user_url, {"username": actor.username, "is_active": "on",
                                   "is_staff": "on", "user_permissions": [perm.pk]})
            response = None
            ok = actor.user_permissions.filter(pk=perm.pk).exists() or role == "superuser"
        else:
            response, ok = client.get(user_url), False
    elif action == "set_password_of_other":
        url = reverse("admin:auth_user_password_change", args=[target.pk])
        response = client.post(url, {"password1": "attacker chosen 42!", "password2":
                                     "attacker chosen 42!", "usable_password": "true"})
        target.refresh_from_db()
        ok = target.password != old_password
    else:  # read_totp_devices
        response = client.get(reverse("admin:otp_totp_totpdevice_changelist"))
        ok = response.status_code == 200

    if role == "anonymous" and response is not None:
        assert _login_redirect(response)
    assert ok is allowed, (role, action)


def django_user_model_exists(username) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).exists()
