"""An editor drafts and submits; a different reviewer approves; later edits wait for review."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, ClaimRevision, ReviewState
from editorial.models import AuditEntry
from tests.editorial.helpers import claim_change_url, claim_form_data, messages_of, workflow_url
from tests.factories import make_guideline, make_topic, make_verdict

pytestmark = pytest.mark.django_db
S = ReviewState


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_claim_lifecycle(editor_user, second_editor_user, reviewer_user):
    topic, verdict, source = make_topic(), make_verdict("N"), make_guideline()
    editor, reviewer = _client(editor_user), _client(reviewer_user)

    # 1. The editor drafts a claim with one guideline in the admin.
    fields = {
        "topic": topic.pk, "number": 1, "slug": "coconut-oil-cures-ms",
        "text": "Coconut oil cures MS.", "short_wording": "Coconut oil cures MS",
        "verdict": verdict.pk, "verdict_reason": "No trial shows it.",
        "patient_summary_md": "No study shows that coconut oil helps MS.",
        "clinician_summary_md": "No RCTs.", "what_to_do_md": "Talk to your MS team.",
        "aliases": "", "no_guideline_note": "",
        "evidence-TOTAL_FORMS": 1, "evidence-INITIAL_FORMS": 0,
        "evidence-MIN_NUM_FORMS": 0, "evidence-MAX_NUM_FORMS": 1000,
        "evidence-0-source": source.pk, "evidence-0-direction": "contradicts",
        "evidence-0-finding": "The guideline does not recommend it.", "evidence-0-order": 0,
        "evidence-0-seen_as": "source",
        "claim_origins-TOTAL_FORMS": 0, "claim_origins-INITIAL_FORMS": 0,
        "claim_origins-MIN_NUM_FORMS": 0, "claim_origins-MAX_NUM_FORMS": 1000,
    }
    response = editor.post(reverse("admin:claims_claim_add"), fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    claim = Claim.objects.get(slug="coconut-oil-cures-ms")
    assert (claim.state, claim.author, claim.evidence.count()) == (S.DRAFT, editor_user, 1)
    assert reviewer.get(f"/claims/{claim.slug}/").status_code == 404

    # 2. It is submitted; the editor cannot approve their own work.
    editor.post(workflow_url(claim, "submit"), {"comment": "Ready for review"})
    response = editor.post(workflow_url(claim, "approve"))
    assert messages_of(response)[-1][0] == "error"
    claim.refresh_from_db()
    assert claim.state == S.SUBMITTED
    assert not Claim.objects.public().filter(pk=claim.pk).exists()

    # 3. A different person, a medical reviewer, approves it: it is public with review dates.
    response = reviewer.post(workflow_url(claim, "approve"), {"comment": "Accurate."})
    assert messages_of(response)[-1][0] == "success"
    claim.refresh_from_db()
    today = datetime.date.today()
    assert (claim.state, claim.reviewed_by, claim.last_reviewed, claim.first_published) == (
        S.APPROVED, reviewer_user, today, today)
    assert claim.next_review_due > today
    assert Claim.objects.public().filter(pk=claim.pk).exists()
    page = Client().get(f"/claims/{claim.slug}/")
    assert page.status_code == 200
    assert "Coconut oil cures MS." in page.content.decode()

    # 4. Two editors open it; the first proposes a change, the second's save is refused.
    first = editor.get(claim_change_url(claim)).context["adminform"].form
    other = _client(second_editor_user)
    second = other.get(claim_change_url(claim)).context["adminform"].form
    editor.post(claim_change_url(claim), claim_form_data(
        claim, text="Coconut oil cures or slows MS.",
        expected_version=first["expected_version"].value(),
        base_snapshot=first["base_snapshot"].value()))
    response = other.post(claim_change_url(claim), claim_form_data(
        claim, verdict_reason="Overwrite attempt.",
        expected_version=second["expected_version"].value(),
        base_snapshot=second["base_snapshot"].value()))
    assert response.status_code == 200
    assert "saved this claim while you were editing it" in response.content.decode()

    # 5. The change waits for review while the approved text stays up.
    claim.refresh_from_db()
    assert claim.text == "Coconut oil cures MS."
    assert ClaimRevision.objects.get(claim=claim).data["text"] == "Coconut oil cures or slows MS."
    assert ClaimRevision.objects.get(claim=claim).data["verdict_reason"] == "No trial shows it."
    editor.post(workflow_url(claim, "submit"))
    claim.refresh_from_db()
    assert claim.state == S.UNDER_REVIEW
    page = Client().get(f"/claims/{claim.slug}/")
    assert page.status_code == 200
    assert "Coconut oil cures MS." in page.content.decode()
    assert "cures or slows" not in page.content.decode()

    reviewer.post(workflow_url(claim, "approve"))
    claim.refresh_from_db()
    assert (claim.state, claim.text) == (S.APPROVED, "Coconut oil cures or slows MS.")

    # 6. Every state change is on record, with who, from and to.
    moves = [
        (e.actor_name, e.from_state, e.to_state)
        for e in AuditEntry.objects.filter(claim=claim).order_by("id")
        if e.from_state != e.to_state
    ]
    assert moves == [
        ("edith.editor", "", S.DRAFT),
        ("edith.editor", S.DRAFT, S.SUBMITTED),
        ("rita.reviewer", S.SUBMITTED, S.APPROVED),
        ("edith.editor", S.APPROVED, S.UNDER_REVIEW),
        ("rita.reviewer", S.UNDER_REVIEW, S.APPROVED),
    ]
