"""Editing a published claim: the approved version stays public until the change is approved."""

import pytest

from claims.models import Claim, ClaimRevision, ReviewState
from editorial.models import ProposedChange
from editorial.services import changes
from editorial.services import claims as services
from tests.editorial.helpers import claim_change_url, claim_form_data, workflow_url
from tests.factories import make_draft_claim, make_verdict

pytestmark = pytest.mark.django_db
S = ReviewState


def test_edit_of_an_approved_claim_waits_for_review(
    client, editor_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    approved_text = claim.text
    client.force_login(editor_user)
    data = claim_form_data(claim, text="New wording.", patient_summary_md="Newer **summary**.")
    assert client.post(claim_change_url(claim), data).status_code == 302

    claim.refresh_from_db()
    assert claim.text == approved_text and claim.state == S.APPROVED
    assert Claim.objects.public().get(pk=claim.pk).text == approved_text
    revision = ClaimRevision.objects.get(claim=claim)
    assert revision.state == ClaimRevision.State.PENDING and revision.author == editor_user

    # The editor sees their proposal in the form, not the published text.
    html = client.get(claim_change_url(claim)).content.decode()
    assert "New wording." in html and "Proposed changes" in html

    client.post(workflow_url(claim, "submit"))
    claim.refresh_from_db()
    assert claim.state == S.UNDER_REVIEW  # public, with a caution banner
    assert Claim.objects.public().get(pk=claim.pk).text == approved_text

    client.force_login(reviewer_user)
    client.post(workflow_url(claim, "approve"), {"comment": "Fine."})
    claim.refresh_from_db()
    revision.refresh_from_db()
    assert claim.state == S.APPROVED
    assert claim.text == "New wording."
    assert "<strong>summary</strong>" in claim.patient_summary_html
    assert revision.state == ClaimRevision.State.APPLIED
    assert claim.reviewed_by == reviewer_user


def test_request_changes_on_a_revision_keeps_the_approved_claim_public(
    editor_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    services.claim_update(claim=claim, actor=editor_user, values={"text": "Draft text."},
                          expected_version=claim.version)
    services.claim_submit(claim=claim, actor=editor_user)
    claim = services.claim_request_changes(claim=claim, actor=reviewer_user,
                                           comment="Softer wording")
    assert claim.state == S.APPROVED and claim.is_public
    assert claim.text != "Draft text."
    assert ClaimRevision.objects.get(claim=claim).state == ClaimRevision.State.CHANGES_REQUESTED
    # The editor carries on with the same revision and resubmits.
    services.claim_update(claim=claim, actor=editor_user, values={"text": "Better text."},
                          expected_version=claim.version)
    assert ClaimRevision.objects.filter(claim=claim).count() == 1
    assert services.claim_submit(claim=claim, actor=editor_user).state == S.UNDER_REVIEW


def test_request_changes_on_an_overdue_claim_returns_it_to_needs_rereview(
    editor_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.NEEDS_REREVIEW)
    services.claim_submit(claim=claim, actor=editor_user)
    claim = services.claim_request_changes(claim=claim, actor=reviewer_user, comment="Update")
    assert claim.state == S.NEEDS_REREVIEW


def test_a_verdict_change_on_a_published_claim_needs_a_reason_in_the_form(
    client, editor_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    client.force_login(editor_user)
    data = claim_form_data(claim, verdict=make_verdict("C").pk)
    response = client.post(claim_change_url(claim), data)
    assert response.status_code == 200
    assert "The published verdict changes: say why" in response.content.decode()
    assert not ClaimRevision.objects.exists()
    data["verdict_change_reason"] = "New trial."
    assert client.post(claim_change_url(claim), data).status_code == 302
    assert ClaimRevision.objects.get().verdict_change_reason == "New trial."


def test_evidence_change_on_a_published_claim_waits_for_review(
    client, editor_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    evidence = claim.evidence.get()
    client.force_login(editor_user)
    data = claim_form_data(claim, **{"evidence-0-finding": "Guidelines advise against it."})
    assert client.post(claim_change_url(claim), data).status_code == 302
    claim.refresh_from_db()
    evidence.refresh_from_db()
    # The approved claim and its approved evidence stay what patients see.
    assert claim.state == S.APPROVED
    assert evidence.finding == "Guidelines do not recommend it."
    change = ProposedChange.objects.get(object_id=evidence.pk)
    assert change.data["finding"] == "Guidelines advise against it."
    assert list(change.claims.all()) == [claim]

    changes.change_approve(change=change, actor=reviewer_user)
    evidence.refresh_from_db()
    assert evidence.finding == "Guidelines advise against it."


def test_evidence_cannot_change_while_a_claim_waits_for_review(editor_user, author_user):
    claim = make_draft_claim(author=author_user, state=S.SUBMITTED)
    evidence = claim.evidence.get()
    evidence.finding = "Changed behind the reviewer's back."
    with pytest.raises(services.WorkflowError, match="cannot change"):
        services.evidence_save(evidence=evidence, actor=editor_user)


def test_an_editors_save_never_sets_the_original_document_check(editor_user, author_user):
    # Only a reviewer's action sets it (tests/editorial/test_original_check.py).
    claim = make_draft_claim(author=author_user)
    evidence = claim.evidence.get()
    evidence.verified, evidence.verified_by = True, editor_user
    services.evidence_save(evidence=evidence, actor=editor_user)
    evidence.refresh_from_db()
    assert (evidence.verified, evidence.verified_by, evidence.verified_at) == (False, None, None)
