"""'Checked against the original document': set and cleared only by a medical reviewer's action.

Editors record how a finding was seen (seen_as); no editor's form, proposal or in-place save
carries the check. A reviewer's action names them and the moment and is audited; the
four-eyes rule applies; a later change to the finding ends the check.
"""

import pytest
from django.urls import reverse

from claims.models import Evidence, GradingScheme, ReviewState, SeenAs
from editorial.models import AuditEntry, Contribution
from editorial.services import changes
from editorial.services.errors import WorkflowError
from editorial.services.evidence import (
    evidence_clear_original_check,
    evidence_mark_checked_against_original,
)
from tests.editorial.helpers import messages_of
from tests.editorial.test_reviewed_rows import admin_url, form_data
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db
S = ReviewState


def check_url(evidence, decision="mark"):
    return reverse("admin:claims_evidence_original_check", args=[evidence.pk, decision])


@pytest.fixture
def evidence(author_user):
    return make_draft_claim(author=author_user, state=S.APPROVED).evidence.get()


def test_no_editor_form_carries_the_check(client, editor_user, evidence):
    client.force_login(editor_user)
    html = client.get(admin_url(evidence)).content.decode()
    assert 'name="verified"' not in html and 'name="seen_as"' in html
    claim_html = client.get(admin_url(evidence.claim)).content.decode()
    assert 'name="evidence-0-verified"' not in claim_html
    assert 'name="evidence-0-seen_as"' in claim_html


def test_an_editor_posting_the_tick_changes_nothing(client, editor_user, evidence):
    client.force_login(editor_user)
    data = form_data(client, admin_url(evidence))
    data.update(verified="on", finding="A new finding.")
    assert client.post(admin_url(evidence), data).status_code == 302
    change = changes.pending_change_for(evidence)
    assert "verified" not in change.data and "verified_by_id" not in change.data
    assert change.data["finding"] == "A new finding."


def test_editors_cannot_take_the_action(client, editor_user, evidence):
    with pytest.raises(WorkflowError, match="Only a medical reviewer"):
        evidence_mark_checked_against_original(evidence=evidence, actor=editor_user)
    client.force_login(editor_user)
    response = client.post(check_url(evidence), {"note": "p. 4"})
    assert messages_of(response)[-1][0] == "error"
    evidence.refresh_from_db()
    assert not evidence.verified and evidence.provenance == SeenAs.UNCHECKED


def test_a_reviewer_records_it_with_their_name_and_the_time(client, reviewer_user, evidence):
    client.force_login(reviewer_user)
    page = client.get(admin_url(evidence)).content.decode()
    assert "I checked this against the original document" in page
    response = client.post(check_url(evidence), {"note": "Table 2, p. 4"})
    assert messages_of(response)[-1][0] == "success"
    evidence.refresh_from_db()
    assert evidence.verified and evidence.verified_by == reviewer_user
    assert evidence.verified_at is not None and evidence.provenance == "original"
    entry = AuditEntry.objects.get(action="evidence_checked")
    assert entry.actor == reviewer_user and entry.claim == evidence.claim
    assert "Table 2, p. 4" in entry.comment
    # Not an editorial change: the reviewer may still approve the claim.
    assert not Contribution.objects.filter(user=reviewer_user).exists()


def test_a_reviewer_can_clear_it(reviewer_user, evidence):
    evidence_mark_checked_against_original(evidence=evidence, actor=reviewer_user)
    evidence_clear_original_check(evidence=evidence, actor=reviewer_user, note="Wrong table.")
    evidence.refresh_from_db()
    assert (evidence.verified, evidence.verified_by, evidence.verified_at) == (False, None, None)
    assert AuditEntry.objects.filter(action="evidence_check_cleared").exists()


def test_the_admin_action_does_it_for_a_reviewer_only(client, reviewer_user, editor_user,
                                                      evidence):
    url = reverse("admin:claims_evidence_changelist")
    post = {"action": "mark_checked_against_original", "_selected_action": [evidence.pk]}
    client.force_login(editor_user)
    client.post(url, post)
    evidence.refresh_from_db()
    assert not evidence.verified
    client.force_login(reviewer_user)
    client.post(url, post)
    evidence.refresh_from_db()
    assert evidence.verified_by == reviewer_user


def test_a_reviewer_who_changed_the_claim_cannot_vouch_for_it(client, reviewer_user,
                                                             second_reviewer_user, evidence):
    Contribution.objects.create(claim=evidence.claim, user=reviewer_user, part="evidence")
    with pytest.raises(WorkflowError, match="Four-eyes"):
        evidence_mark_checked_against_original(evidence=evidence, actor=reviewer_user)
    client.force_login(reviewer_user)
    page = client.get(admin_url(evidence)).content.decode()
    assert "Four-eyes" in page and "I checked this against" not in page
    evidence_mark_checked_against_original(evidence=evidence, actor=second_reviewer_user)


def test_an_approved_change_to_the_finding_ends_the_check(editor_user, reviewer_user,
                                                         second_reviewer_user, evidence):
    evidence_mark_checked_against_original(evidence=evidence, actor=reviewer_user)
    evidence.refresh_from_db()
    evidence.grade_note = "95% consensus"
    change = changes.row_save(obj=evidence, actor=editor_user).change
    changes.change_approve(change=change, actor=second_reviewer_user)
    evidence.refresh_from_db()
    assert evidence.verified_by == reviewer_user  # the finding itself did not change

    evidence.finding = "Something else."
    change = changes.row_save(obj=evidence, actor=editor_user).change
    changes.change_approve(change=change, actor=second_reviewer_user)
    evidence.refresh_from_db()
    assert (evidence.verified, evidence.verified_by) == (False, None)


def test_an_edit_in_place_keeps_or_ends_the_check_too(editor_user, reviewer_user, author_user):
    evidence = make_draft_claim(author=author_user).evidence.get()  # a draft: edited in place
    evidence_mark_checked_against_original(evidence=evidence, actor=reviewer_user)
    evidence.refresh_from_db()
    evidence.seen_as = SeenAs.SOURCE
    changes.row_save(obj=evidence, actor=editor_user)
    evidence.refresh_from_db()
    assert evidence.provenance == "original"
    evidence.finding = "Rewritten."
    changes.row_save(obj=evidence, actor=editor_user)
    evidence.refresh_from_db()
    assert evidence.provenance == SeenAs.SOURCE


def test_a_grade_needs_its_question_and_the_form_says_so(client, editor_user, author_user):
    evidence = make_draft_claim(author=author_user).evidence.get()
    scheme = GradingScheme.objects.create(slug="espen", name="ESPEN", plain_summary="Grades.")
    grade = scheme.grades.create(code="0", label="Grade 0", plain_meaning="Low.")
    client.force_login(editor_user)
    data = form_data(client, admin_url(evidence))
    data.update(grade=grade.pk, grade_question="")
    response = client.post(admin_url(evidence), data)
    assert response.status_code == 200
    assert "Say which question this grade answers." in response.content.decode()
    data["grade_question"] = "B12 supplements to prevent MS"
    data["grade_answers_claim"] = "on"
    assert client.post(admin_url(evidence), data).status_code == 302
    evidence = Evidence.objects.get(pk=evidence.pk)
    assert (evidence.grade, evidence.grade_question, evidence.grade_answers_claim) == (
        grade, "B12 supplements to prevent MS", True
    )
