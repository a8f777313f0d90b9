"""Every role x every review state x every action, each cell asserted.

Roles: anonymous, editor, medical reviewer, site admin. The claim is always written by someone
else, so the four-eyes rule (tested on its own) never decides a cell here.
"""

import pytest
from django.urls import reverse

from claims.models import PUBLIC_STATES, Claim, ClaimRevision, ReviewState
from editorial.models import AuditEntry
from tests.editorial.factories import make_claim
from tests.editorial.helpers import claim_change_url, claim_form_data, messages_of, workflow_url

pytestmark = pytest.mark.django_db
S = ReviewState
ROLES = ["anonymous", "editor", "reviewer", "admin"]
ACTIONS = ["view_public", "view_admin", "edit", "submit", "start_review", "approve",
           "request_changes", "restore"]
WRITERS = {"editor", "admin"}
REVIEWERS = {"reviewer", "admin"}
EDITABLE = {S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.NEEDS_REREVIEW}

# Which (role, state) pairs may do each action; everything else must be refused.
ALLOWED = {
    "view_public": lambda role, state: state in PUBLIC_STATES,
    "view_admin": lambda role, state: role != "anonymous",
    "edit": lambda role, state: role in WRITERS and state in EDITABLE,
    "submit": lambda role, state: role in WRITERS
    and state in {S.DRAFT, S.CHANGES_REQUESTED, S.NEEDS_REREVIEW},
    "start_review": lambda role, state: role in REVIEWERS and state == S.SUBMITTED,
    "approve": lambda role, state: role in REVIEWERS
    and state in {S.SUBMITTED, S.UNDER_REVIEW, S.NEEDS_REREVIEW},
    "request_changes": lambda role, state: role in REVIEWERS
    and state in {S.SUBMITTED, S.UNDER_REVIEW},
    "restore": lambda role, state: role in WRITERS and state in EDITABLE,
}
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
def test_permission_matrix(role, state, action, as_role, author_user):
    claim = make_claim(author=author_user, state=state)
    client = as_role(role)
    allowed = ALLOWED[action](role, state)
    audit_before = AuditEntry.objects.filter(claim=claim).count()

    if action == "view_public":
        response = client.get(reverse("claims:claim", args=[claim.slug]))
        assert response.status_code != 500
        assert Claim.objects.public().filter(pk=claim.pk).exists() is allowed
        if not allowed:
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
