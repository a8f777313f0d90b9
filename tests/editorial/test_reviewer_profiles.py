"""Reviewer profiles: kept by site admins only, and required before anyone approves."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claims.models import ReviewerProfile, ReviewState
from editorial.models import AuditEntry
from editorial.services import changes
from editorial.services import claims as services
from editorial.services.errors import WorkflowError
from editorial.services.reviewers import reviewer_profile_save
from tests.editorial.helpers import claim_change_url, messages_of, workflow_url
from tests.factories import make_draft_claim, make_reviewer_profile

pytestmark = pytest.mark.django_db
S = ReviewState
PROFILES = reverse("admin:claims_reviewerprofile_changelist")
ADD_PROFILE = reverse("admin:claims_reviewerprofile_add")


def test_only_the_site_admin_group_holds_profile_permissions():
    holders = {
        group.name for group in Group.objects.filter(
            permissions__content_type__app_label="claims",
            permissions__codename__in=["add_reviewerprofile", "change_reviewerprofile",
                                       "view_reviewerprofile"],
        )
    }
    assert holders == {"Site admin"}
    site_admin = Group.objects.get(name="Site admin")
    assert site_admin.permissions.filter(codename__endswith="reviewerprofile").count() == 3


@pytest.mark.parametrize("role", ["editor_user", "reviewer_user"])
def test_editors_and_reviewers_cannot_see_or_edit_profiles(client, request, role):
    user = request.getfixturevalue(role)
    profile = ReviewerProfile.objects.get(user=user) if role == "reviewer_user" else None
    client.force_login(user)
    assert client.get(PROFILES).status_code == 403
    assert client.get(ADD_PROFILE).status_code == 403
    if profile is not None:  # not even their own
        url = reverse("admin:claims_reviewerprofile_change", args=[profile.pk])
        assert client.get(url).status_code == 403
        client.post(url, {"name": "Prof Me", "role": "Chief", "registration": "x",
                          "conflicts": "None"})
        profile.refresh_from_db()
        assert profile.name != "Prof Me"
    with pytest.raises(WorkflowError, match="Only a site admin"):
        reviewer_profile_save(profile=ReviewerProfile(user=user, name="Me"), actor=user)


@pytest.fixture
def plain_site_admin(django_user_model):
    """A site admin by role only (not a superuser)."""
    user = django_user_model.objects.create_user("sam.admin", is_staff=True)
    user.groups.add(Group.objects.get(name="Site admin"))
    return user


def test_a_site_admin_adds_and_edits_a_reviewers_profile(client, plain_site_admin,
                                                        django_user_model):
    reviewer = django_user_model.objects.create_user("rhea.reviewer", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Medical reviewer"))
    client.force_login(plain_site_admin)
    assert client.get(PROFILES).status_code == 200
    response = client.post(ADD_PROFILE, {"user": reviewer.pk, "name": "Dr Rhea Jones",
                                         "role": "", "registration": "", "conflicts": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = ReviewerProfile.objects.get(user=reviewer)
    assert profile.missing_fields() == [
        "role", "professional registration", "declared conflicts of interest"
    ]
    url = reverse("admin:claims_reviewerprofile_change", args=[profile.pk])
    response = client.post(url, {"name": "Dr Rhea Jones", "role": "Consultant neurologist",
                                 "registration": "GMC 7654321", "conflicts": "None declared"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.is_complete
    assert AuditEntry.objects.filter(action="reviewer_profile_changed",
                                     actor=plain_site_admin).exists()
    assert profile.history.count() == 2


def test_a_site_admin_does_not_edit_their_own_profile(client, plain_site_admin):
    profile = ReviewerProfile.objects.create(user=plain_site_admin, name="Sam")
    client.force_login(plain_site_admin)
    url = reverse("admin:claims_reviewerprofile_change", args=[profile.pk])
    client.post(url, {"name": "Sam", "role": "Professor", "registration": "x",
                      "conflicts": "None"})
    profile.refresh_from_db()
    assert profile.role == ""
    with pytest.raises(WorkflowError, match="Another site admin"):
        reviewer_profile_save(profile=profile, actor=plain_site_admin)


# --- approving needs a complete profile -----------------------------------------------------


@pytest.fixture
def bare_reviewer(django_user_model):
    user = django_user_model.objects.create_user("nina.new", is_staff=True)
    user.groups.add(Group.objects.get(name="Medical reviewer"))
    return user


def test_without_a_profile_a_reviewer_cannot_approve_a_claim(bare_reviewer, author_user):
    claim = make_draft_claim(author=author_user, state=S.UNDER_REVIEW)
    with pytest.raises(WorkflowError, match="reviewer profile is missing"):
        services.claim_approve(claim=claim, actor=bare_reviewer)
    claim.refresh_from_db()
    assert claim.state == S.UNDER_REVIEW


def test_an_incomplete_profile_names_what_is_missing(bare_reviewer, author_user):
    make_reviewer_profile(bare_reviewer, registration="", conflicts=" ")
    claim = make_draft_claim(author=author_user, state=S.SUBMITTED)
    with pytest.raises(WorkflowError, match="professional registration and declared "
                                            "conflicts of interest"):
        services.claim_approve(claim=claim, actor=bare_reviewer)
    make_reviewer_profile(bare_reviewer)
    assert services.claim_approve(claim=claim, actor=bare_reviewer).state == S.APPROVED


def test_a_pending_revision_waits_for_a_complete_profile(bare_reviewer, editor_user,
                                                         author_user):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    services.claim_update(claim=claim, actor=editor_user, values={"text": "Reworded."},
                          expected_version=None)
    services.claim_submit(claim=claim, actor=editor_user)
    with pytest.raises(WorkflowError, match="reviewer profile"):
        services.claim_approve(claim=claim, actor=bare_reviewer)
    claim.refresh_from_db()
    assert claim.text != "Reworded."


def test_without_a_profile_a_reviewer_cannot_approve_a_proposed_change(
    client, bare_reviewer, editor_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    evidence = claim.evidence.get()
    evidence.finding = "Proposed finding."
    change = changes.row_save(obj=evidence, actor=editor_user).change
    with pytest.raises(WorkflowError, match="reviewer profile is missing"):
        changes.change_approve(change=change, actor=bare_reviewer)
    client.force_login(bare_reviewer)
    url = reverse("admin:editorial_proposedchange_change", args=[change.pk])
    html = client.get(url).content.decode()
    assert "reviewer profile is missing" in html and "Approve and publish" not in html
    assert "Send back" in html  # sending back needs no profile


def test_the_approve_button_says_why_it_is_missing(client, bare_reviewer, author_user):
    claim = make_draft_claim(author=author_user, state=S.UNDER_REVIEW)
    make_reviewer_profile(bare_reviewer, role="")
    client.force_login(bare_reviewer)
    html = client.get(claim_change_url(claim)).content.decode()
    assert "Approve is not available to you" in html and "must fill in role" in html
    assert 'class="button default">Approve</button>' not in html
    response = client.post(workflow_url(claim, "approve"))
    assert messages_of(response)[-1] == (
        "error",
        "Your reviewer profile is not complete, so you cannot approve yet: a site admin must "
        "fill in role (Reviewer profiles in the admin).",
    )
