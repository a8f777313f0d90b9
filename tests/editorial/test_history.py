"""Every change is a version; the admin compares two versions and restores one as a new one."""

import pytest
from django.urls import reverse

from claims.models import ClaimRevision, ReviewState
from editorial.services import claims as services
from tests.editorial.helpers import messages_of
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db


def test_compare_shows_a_field_by_field_diff(client, editor_user, reviewer_user, author_user):
    claim = make_draft_claim(author=author_user)
    services.claim_update(claim=claim, actor=editor_user, expected_version=1,
                          values={"text": "Second wording.", "aliases": "b12 shots"})
    old, new = claim.history.order_by("history_id")
    client.force_login(reviewer_user)
    url = reverse("admin:claims_claim_version_compare", args=[claim.pk])
    response = client.get(url, {"a": old.history_id, "b": new.history_id})
    assert response.status_code == 200
    rows = {row["field"]: (row["old"], row["new"]) for row in response.context["rows"]}
    assert rows == {
        "Text": (old.text, "Second wording."),
        "Aliases": ("(empty)", "b12 shots"),
        "Last edited by": (str(author_user), str(editor_user)),
    }
    # Without a choice it compares the two latest versions; a bad id does not break it.
    assert client.get(url, {"a": "x", "b": "999"}).status_code == 200


def test_restore_of_a_draft_is_a_new_version(client, editor_user, author_user):
    claim = make_draft_claim(author=author_user)
    first = claim.history.get()
    services.claim_update(claim=claim, actor=editor_user, expected_version=1,
                          values={"text": "Changed."})
    client.force_login(editor_user)
    url = reverse("admin:claims_claim_version_restore", args=[claim.pk, first.history_id])
    response = client.post(url)
    assert messages_of(response)[0][0] == "success"
    claim.refresh_from_db()
    assert claim.text == first.text
    assert claim.history.count() == 3  # created, changed, restored: nothing lost
    assert "Restored" in claim.history.first().history_change_reason


def test_restore_of_a_published_claim_is_proposed_for_review(editor_user, author_user):
    claim = make_draft_claim(author=author_user, state=ReviewState.APPROVED)
    first = claim.history.get()
    services.claim_update(claim=claim, actor=editor_user, expected_version=1,
                          values={"text": "Pending text."})
    services.claim_restore_version(claim=claim, actor=editor_user, history_id=first.history_id)
    revision = ClaimRevision.objects.get(claim=claim)
    assert revision.data["text"] == first.text


def test_restore_refuses_another_claims_version(editor_user, author_user):
    claim, other = make_draft_claim(author=author_user), make_draft_claim(author=author_user)
    with pytest.raises(services.WorkflowError, match="does not belong"):
        services.claim_restore_version(claim=claim, actor=editor_user,
                                       history_id=other.history.get().history_id)


def test_evidence_and_sources_have_history_compare_and_restore(client, editor_user, author_user):
    claim = make_draft_claim(author=author_user)
    evidence = claim.evidence.get()
    source = evidence.source
    evidence.finding = "A new finding."
    services.evidence_save(evidence=evidence, actor=editor_user)
    source.citation = "A corrected citation."
    services.source_save(source=source, actor=editor_user)
    client.force_login(editor_user)
    for model, obj in (("evidence", evidence), ("source", source)):
        old = obj.history.earliest("history_date")
        compare = reverse(f"admin:claims_{model}_version_compare", args=[obj.pk])
        rows = client.get(compare).context["rows"]
        assert [r["field"] for r in rows] in (["Finding"], ["Citation"])
        restore = reverse(f"admin:claims_{model}_version_restore", args=[obj.pk, old.history_id])
        assert messages_of(client.post(restore))[0][0] == "success"
        obj.refresh_from_db()
        assert obj.history.count() == 3
    assert evidence.finding == "Guidelines do not recommend it."
    assert source.citation != "A corrected citation."


def test_reviewer_cannot_restore(client, reviewer_user, author_user):
    claim = make_draft_claim(author=author_user)
    client.force_login(reviewer_user)
    html = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "Restore this version" not in html
