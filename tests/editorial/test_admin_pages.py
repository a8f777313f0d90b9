"""Admin lists and change pages load for every role, and lists cost a fixed number of queries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from claims.models import ReviewState
from tests.factories import make_draft_claim, make_grade, make_guideline, make_guideline_evidence

pytestmark = pytest.mark.django_db
ROLES = ["editor_user", "reviewer_user", "site_admin_user"]


@pytest.fixture
def claims_in_every_state(author_user):
    return [make_draft_claim(author=author_user, state=state) for state in ReviewState.values]


@pytest.mark.parametrize("role", ROLES)
def test_claim_evidence_and_source_pages_load_for_every_role(
    role, request, client, claims_in_every_state
):
    client.force_login(request.getfixturevalue(role))
    urls = [reverse(f"admin:claims_{m}_changelist") for m in ("claim", "evidence", "source")]
    urls += [reverse("editorial:dashboard"), reverse("admin:editorial_auditentry_changelist"),
             reverse("admin:editorial_suggestion_changelist"), reverse("admin:index")]
    for claim in claims_in_every_state:
        evidence = claim.evidence.get()
        urls += [
            reverse("admin:claims_claim_change", args=[claim.pk]),
            reverse("admin:claims_claim_history", args=[claim.pk]),
            reverse("admin:claims_evidence_change", args=[evidence.pk]),
            reverse("admin:claims_evidence_history", args=[evidence.pk]),
            reverse("admin:claims_source_change", args=[evidence.source_id]),
            reverse("admin:claims_source_history", args=[evidence.source_id]),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("role", ["editor_user", "site_admin_user"])
def test_add_pages_load_for_roles_that_write(role, request, client):
    client.force_login(request.getfixturevalue(role))
    for model in ("claim", "evidence", "source"):
        assert client.get(reverse(f"admin:claims_{model}_add")).status_code == 200


def test_reviewer_gets_no_add_page_and_sees_claims_read_only(client, reviewer_user, author_user):
    client.force_login(reviewer_user)
    assert client.get(reverse("admin:claims_claim_add")).status_code == 403
    claim = make_draft_claim(author=author_user, state=ReviewState.SUBMITTED)
    html = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert 'name="text"' not in html  # no editable field
    assert "Approve" in html and "Request changes" in html


def test_anonymous_is_sent_to_the_login_page(client, author_user):
    claim = make_draft_claim(author=author_user)
    for url in (reverse("admin:claims_claim_changelist"),
                reverse("admin:claims_claim_change", args=[claim.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    # Outside the admin a plain refusal, naming no admin address (test_staff_urls.py).
    assert client.get(reverse("editorial:dashboard")).status_code == 403


def _rows(n, author):
    for _ in range(n):
        make_draft_claim(author=author)


@pytest.mark.parametrize("rows", [1, 20])
def test_claim_changelist_query_count_is_fixed(rows, client, editor_user, author_user,
                                               django_assert_num_queries):
    _rows(rows, author_user)
    client.force_login(editor_user)
    url = reverse("admin:claims_claim_changelist")
    # 1 session, 2 user, 3-4 the user's permissions (user, groups), 5 filtered count,
    # 6 full count, 7 the page of claims joined to topic, verdict and author.
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_evidence_changelist_query_count_is_fixed(rows, client, editor_user, author_user,
                                                  django_assert_num_queries):
    _rows(rows, author_user)
    client.force_login(editor_user)
    # session, user, 2 permissions, 2 counts, the page joined to source, claim, verified_by.
    with django_assert_num_queries(7):
        assert client.get(reverse("admin:claims_evidence_changelist")).status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_source_changelist_query_count_is_fixed(rows, client, editor_user,
                                                django_assert_num_queries):
    for _ in range(rows):
        make_guideline()
    client.force_login(editor_user)
    # session, user, 2 permissions, 2 counts, the page of sources.
    with django_assert_num_queries(7):
        assert client.get(reverse("admin:claims_source_changelist")).status_code == 200


def _claim_with_evidence(n, author, checker, state=ReviewState.DRAFT):
    """A claim with n graded evidence items, each checked against its original."""
    grades = [make_grade(), make_grade()]
    claim = make_draft_claim(author=author, state=state, evidence=False)
    for i in range(n):
        make_guideline_evidence(
            claim, grade=grades[i % 2], grade_question="Pills for MS?", verified=True,
            verified_by=checker, verified_at=timezone.now(),
        )
    return claim


@pytest.mark.parametrize("evidence_items", [1, 10])
def test_claim_change_page_query_count_is_fixed(evidence_items, client, editor_user,
                                                author_user, reviewer_user,
                                                django_assert_num_queries):
    claim = _claim_with_evidence(evidence_items, author_user, reviewer_user)
    client.force_login(editor_user)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    ContentType.objects.clear_cache()  # the same three look-ups, whichever test ran before
    # 1 session, 2 user, 3 the claim joined to its topic (workflow panel), 4 its open revision,
    # 5 its evidence joined to source (submission checks), 6-7 the user's permissions (user,
    # groups), 8 verdict labels, 9 pending proposed changes, 10 audit trail, 11 the claim
    # again (the form's object), 12 its open revision again, 13 the grades with their schemes
    # (once for every row), 14 the evidence rows joined to source, grade, scheme and checker,
    # 15 the evidence content type, 16 the rows' pending proposed changes (one query for all),
    # 17 the claim's origins, 18-19 the origin and claim content types, 20-21 author and last
    # editor, 22 topic choices, 23 verdict choices, 24 the origins' references.
    with django_assert_num_queries(24):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for evidence in claim.evidence.select_related("source"):  # each row shows its own source
        assert f'<option value="{evidence.source_id}" selected>{evidence.source}</option>' in html


@pytest.mark.parametrize("evidence_items", [1, 10])
def test_read_only_claim_change_page_query_count_is_fixed(evidence_items, client,
                                                          reviewer_user, author_user,
                                                          django_assert_num_queries):
    claim = _claim_with_evidence(evidence_items, author_user, reviewer_user,
                                 state=ReviewState.SUBMITTED)
    client.force_login(reviewer_user)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    ContentType.objects.clear_cache()
    # As above, except: after the permissions, 8 the claim's unsettled contributions and 9 the
    # reviewer's profile (may they approve?); no topic or verdict choices but 24 its topic and
    # 25 its verdict, shown as text; no origin references.
    with django_assert_num_queries(25):
        assert client.get(url).status_code == 200


def test_bulk_actions_report_refusals_as_messages(client, reviewer_user, author_user):
    from claims.models import Claim
    from tests.editorial.helpers import messages_of

    ready = make_draft_claim(author=author_user, state=ReviewState.SUBMITTED)
    draft = make_draft_claim(author=author_user)
    client.force_login(reviewer_user)
    response = client.post(reverse("admin:claims_claim_changelist"), {
        "action": "approve_selected", "_selected_action": [ready.pk, draft.pk],
    })
    assert response.status_code == 302
    levels = sorted(level for level, _ in messages_of(response))
    assert levels == ["error", "success"]
    assert Claim.objects.get(pk=ready.pk).state == ReviewState.APPROVED
    assert Claim.objects.get(pk=draft.pk).state == ReviewState.DRAFT
