"""The review workflow services: legal moves, refusals, audit entries, four eyes, checks."""

import datetime

import pytest

from claims.models import Claim, ReviewState, VerdictChange
from editorial.models import AuditEntry
from editorial.services import claims as services
from tests.factories import make_draft_claim, make_guideline, make_guideline_evidence, make_verdict

pytestmark = pytest.mark.django_db
S = ReviewState


def test_draft_to_submitted_to_approved_writes_an_audit_entry_for_each_move(
    editor_user, reviewer_user
):
    claim = make_draft_claim(author=editor_user)
    services.claim_submit(claim=claim, actor=editor_user, comment="Ready")
    claim = services.claim_approve(claim=claim, actor=reviewer_user, comment="Good")
    moves = list(
        AuditEntry.objects.filter(claim=claim).order_by("id")
        .values_list("actor_name", "action", "from_state", "to_state", "comment")
    )
    assert moves == [
        ("edith.editor", "submitted", S.DRAFT, S.SUBMITTED, "Ready"),
        ("rita.reviewer", "approved", S.SUBMITTED, S.APPROVED, "Good"),
    ]
    assert AuditEntry.objects.filter(claim=claim).first().created_at is not None


def test_full_path_draft_submitted_under_review_approved_is_public_from_review_on(
    editor_user, reviewer_user
):
    claim = make_draft_claim(author=editor_user)
    services.claim_submit(claim=claim, actor=editor_user)
    assert not Claim.objects.public().filter(pk=claim.pk).exists()
    claim = services.claim_start_review(claim=claim, actor=reviewer_user, comment="Taking it")
    assert claim.state == S.UNDER_REVIEW
    assert Claim.objects.public().filter(pk=claim.pk).exists()  # shown with its caution
    claim = services.claim_approve(claim=claim, actor=reviewer_user)
    assert claim.state == S.APPROVED
    actions = list(AuditEntry.objects.filter(claim=claim).order_by("id")
                   .values_list("action", "to_state"))
    assert actions == [
        ("submitted", S.SUBMITTED), ("review_started", S.UNDER_REVIEW), ("approved", S.APPROVED)
    ]


def test_the_author_cannot_start_the_review_of_their_own_claim(site_admin_user):
    claim = make_draft_claim(author=site_admin_user, state=S.SUBMITTED)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_start_review(claim=claim, actor=site_admin_user)
    claim.refresh_from_db()
    assert claim.state == S.SUBMITTED


def test_changes_requested_during_a_first_review_take_the_claim_off_the_site(
    editor_user, reviewer_user
):
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    services.claim_start_review(claim=claim, actor=reviewer_user)
    claim = services.claim_request_changes(claim=claim, actor=reviewer_user,
                                           comment="Add the guideline")
    assert claim.state == S.CHANGES_REQUESTED
    assert not Claim.objects.public().filter(pk=claim.pk).exists()


def test_approval_sets_review_dates_and_publishes(editor_user, reviewer_user):
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    claim = services.claim_approve(claim=claim, actor=reviewer_user)
    today = datetime.date.today()
    assert claim.state == S.APPROVED
    assert claim.reviewed_by == reviewer_user
    assert claim.last_reviewed == today
    assert claim.first_published == today
    assert claim.next_review_due == services.add_months(today, 12)
    assert Claim.objects.public().filter(pk=claim.pk).exists()


def test_approval_keeps_first_published_and_takes_a_chosen_review_date(
    editor_user, reviewer_user
):
    claim = make_draft_claim(author=editor_user, state=S.NEEDS_REREVIEW)
    first = claim.first_published
    chosen = datetime.date.today() + datetime.timedelta(days=90)
    claim = services.claim_approve(claim=claim, actor=reviewer_user, next_review_due=chosen)
    assert claim.first_published == first
    assert claim.next_review_due == chosen


def test_a_review_date_in_the_past_is_refused(editor_user, reviewer_user):
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    with pytest.raises(services.WorkflowError, match="future"):
        services.claim_approve(claim=claim, actor=reviewer_user,
                               next_review_due=datetime.date(2000, 1, 1))


def test_add_months_handles_short_months():
    assert services.add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert services.add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)


@pytest.mark.parametrize("field", ["author", "last_edited_by"])
def test_four_eyes_a_reviewer_cannot_approve_what_they_wrote_or_last_edited(
    field, editor_user, reviewer_user
):
    reviewer_user.groups.add(*editor_user.groups.all())  # a reviewer who also edits
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    setattr(claim, field, reviewer_user)
    claim.save()
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=reviewer_user)
    claim.refresh_from_db()
    assert claim.state == S.SUBMITTED
    assert not AuditEntry.objects.filter(claim=claim, action="approved").exists()


def test_four_eyes_also_covers_the_author_of_pending_changes(
    editor_user, reviewer_user, second_reviewer_user
):
    reviewer_user.groups.add(*editor_user.groups.all())
    claim = make_draft_claim(author=editor_user, state=S.APPROVED)
    services.claim_update(claim=claim, actor=reviewer_user, expected_version=claim.version,
                          values={"text": "Vitamin pills cure MS, some say."})
    services.claim_submit(claim=claim, actor=reviewer_user)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=reviewer_user)
    assert services.claim_approve(claim=claim, actor=second_reviewer_user).state == S.APPROVED


def test_even_a_site_admin_cannot_approve_their_own_claim(site_admin_user):
    claim = make_draft_claim(author=site_admin_user, state=S.SUBMITTED)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=site_admin_user)


def test_editor_cannot_approve_and_reviewer_cannot_submit_or_edit(
    editor_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.SUBMITTED)
    with pytest.raises(services.WorkflowError, match="role"):
        services.claim_approve(claim=claim, actor=editor_user)
    with pytest.raises(services.WorkflowError, match="role"):
        services.claim_request_changes(claim=claim, actor=editor_user, comment="x")
    draft = make_draft_claim(author=author_user)
    with pytest.raises(services.WorkflowError, match="role"):
        services.claim_submit(claim=draft, actor=reviewer_user)
    with pytest.raises(services.WorkflowError, match="role"):
        services.claim_update(claim=draft, actor=reviewer_user, values={}, expected_version=1)


@pytest.mark.parametrize(
    "state, move",
    [
        (S.DRAFT, "approve"),
        (S.CHANGES_REQUESTED, "approve"),
        (S.APPROVED, "approve"),
        (S.DRAFT, "request_changes"),
        (S.APPROVED, "request_changes"),
        (S.NEEDS_REREVIEW, "request_changes"),
        (S.SUBMITTED, "submit"),
        (S.UNDER_REVIEW, "submit"),
        (S.APPROVED, "submit"),  # approved, nothing pending
    ],
)
def test_illegal_moves_are_refused_with_a_message_and_change_nothing(
    state, move, author_user, site_admin_user
):
    claim = make_draft_claim(author=author_user, state=state)
    call = {
        "approve": lambda: services.claim_approve(claim=claim, actor=site_admin_user),
        "request_changes": lambda: services.claim_request_changes(
            claim=claim, actor=site_admin_user, comment="Fix it"),
        "submit": lambda: services.claim_submit(claim=claim, actor=site_admin_user),
    }[move]
    with pytest.raises(services.WorkflowError) as excinfo:
        call()
    assert len(str(excinfo.value)) > 20
    claim.refresh_from_db()
    assert claim.state == state
    assert not AuditEntry.objects.filter(claim=claim).exists()


def test_request_changes_needs_a_comment_and_sends_a_draft_back(editor_user, reviewer_user):
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    with pytest.raises(services.WorkflowError, match="comment"):
        services.claim_request_changes(claim=claim, actor=reviewer_user, comment="  ")
    claim = services.claim_request_changes(claim=claim, actor=reviewer_user,
                                           comment="Cite the guideline.")
    assert claim.state == S.CHANGES_REQUESTED
    assert not Claim.objects.public().filter(pk=claim.pk).exists()
    entry = AuditEntry.objects.get(claim=claim)
    assert (entry.from_state, entry.to_state, entry.comment) == (
        S.SUBMITTED, S.CHANGES_REQUESTED, "Cite the guideline.")
    # ...and the editor can fix it and resubmit.
    services.claim_update(claim=claim, actor=editor_user, expected_version=claim.version,
                          values={"verdict_reason": "Guidelines say no."})
    assert services.claim_submit(claim=claim, actor=editor_user).state == S.SUBMITTED


def test_mark_overdue_moves_approved_claims_once_and_keeps_them_public(author_user):
    overdue = make_draft_claim(author=author_user, state=S.APPROVED,
                         next_review_due=datetime.date.today() - datetime.timedelta(days=1))
    fresh = make_draft_claim(author=author_user, state=S.APPROVED)
    assert [c.pk for c in services.claims_mark_overdue()] == [overdue.pk]
    assert services.claims_mark_overdue() == []
    overdue.refresh_from_db()
    fresh.refresh_from_db()
    assert overdue.state == S.NEEDS_REREVIEW and fresh.state == S.APPROVED
    assert Claim.objects.public().filter(pk=overdue.pk).exists()
    entry = AuditEntry.objects.get(claim=overdue)
    assert (entry.actor_name, entry.to_state) == ("system", S.NEEDS_REREVIEW)


# --- checks before submission --------------------------------------------------------------


def _problems_for(claim):
    with pytest.raises(services.WorkflowError) as excinfo:
        services.claim_submit(claim=claim, actor=claim.author)
    return str(excinfo.value)


@pytest.mark.parametrize(
    "source_fields, expected",
    [
        ({"doi": "doi:10.1000/x"}, "DOI"),
        ({"doi": "10.12/x"}, "DOI"),
        ({"pmid": "PMID123"}, "PMID"),
        ({"pmid": "123456789"}, "PMID"),
        ({"year": 1850}, "year 1850"),
        ({"year": datetime.date.today().year + 1}, "year"),
    ],
)
def test_submission_is_blocked_by_bad_citation_details(source_fields, expected, editor_user):
    claim = make_draft_claim(author=editor_user, evidence=False)
    make_guideline_evidence(claim, source=make_guideline(**source_fields))
    assert expected in _problems_for(claim)
    claim.refresh_from_db()
    assert claim.state == S.DRAFT


def test_submission_needs_a_guideline_or_review_or_a_note(editor_user):
    claim = make_draft_claim(author=editor_user, evidence=False)
    make_guideline_evidence(claim, source=make_guideline(source_type="rct"))
    assert "guideline or systematic review" in _problems_for(claim)
    claim.no_guideline_note = "No guideline covers this supplement."
    claim.save()
    assert services.claim_submit(claim=claim, actor=editor_user).state == S.SUBMITTED


def test_submission_needs_plain_findings_and_a_neutral_short_wording(editor_user):
    make_verdict("S")
    claim = make_draft_claim(author=editor_user, short_wording="Pills cure MS: not supported",
                       evidence=False)
    make_guideline_evidence(claim, finding="  ")
    message = _problems_for(claim)
    assert "needs a finding in plain words" in message
    assert "must not contain the verdict 'Not supported'" in message


def test_submission_blocks_a_short_wording_over_75_characters(editor_user):
    # The column itself holds 75, so check the values the way a revision proposes them.
    claim = make_draft_claim(author=editor_user)
    values = {**services.claim_values(claim), "short_wording": "x" * 80}
    evidence = list(claim.evidence.all())
    problems = services.claim_submission_problems(values=values, evidence=evidence)
    assert problems == ["The short wording is 80 characters; the limit is 75."]


def test_valid_citation_details_pass():
    source = make_guideline(doi="10.1212/WNL.0000000000012345", pmid="1", year=1900)
    assert services.source_problems(source) == []


# --- verdict changes -----------------------------------------------------------------------


def test_changing_a_published_verdict_needs_a_reason_and_is_logged(
    editor_user, reviewer_user
):
    claim = make_draft_claim(author=editor_user, state=S.APPROVED)
    old = claim.verdict
    new = make_verdict("C")
    services.claim_update(claim=claim, actor=editor_user, expected_version=claim.version,
                          values={"verdict": new.pk})
    services.claim_submit(claim=claim, actor=editor_user)
    with pytest.raises(services.WorkflowError, match="reason"):
        services.claim_approve(claim=claim, actor=reviewer_user)
    claim = services.claim_approve(claim=claim, actor=reviewer_user,
                                   verdict_change_reason="A 2024 trial showed harm.")
    assert claim.verdict == new
    change = VerdictChange.objects.get(claim=claim)
    assert (change.from_verdict, change.to_verdict, change.reason, change.changed_on) == (
        old, new, "A 2024 trial showed harm.", datetime.date.today())


def test_first_approval_of_a_new_claim_logs_no_verdict_change(editor_user, reviewer_user):
    claim = make_draft_claim(author=editor_user, state=S.SUBMITTED)
    services.claim_approve(claim=claim, actor=reviewer_user)
    assert not VerdictChange.objects.exists()
