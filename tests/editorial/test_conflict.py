"""No lost edits: two editors open the same claim and both save; the second is told, not lost."""

import pytest
from django.db import connection
from django.test import Client

from claims.models import ClaimRevision, ReviewState
from tests.editorial.helpers import claim_change_url, claim_form_data
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db


def _open(user, claim):
    client = Client()
    client.force_login(user)
    response = client.get(claim_change_url(claim))
    assert response.status_code == 200
    form = response.context["adminform"].form
    # What the browser would send back: the form's own hidden version and snapshot.
    data = claim_form_data(
        claim,
        expected_version=form["expected_version"].value(),
        base_snapshot=form["base_snapshot"].value(),
    )
    return client, data


@pytest.mark.parametrize("state", [ReviewState.DRAFT, ReviewState.APPROVED])
def test_second_save_is_refused_with_the_other_editors_changes(
    state, editor_user, second_editor_user, author_user
):
    claim = make_draft_claim(author=author_user, state=state)
    first, first_data = _open(editor_user, claim)
    second, second_data = _open(second_editor_user, claim)

    first_data.update(text="Vitamin D cures MS.", verdict_reason="Trials found no cure.")
    assert first.post(claim_change_url(claim), first_data).status_code == 302

    second_data.update(text="My wording of the claim.")
    response = second.post(claim_change_url(claim), second_data)
    assert response.status_code == 200  # the form again, with an error: nothing saved
    html = response.content.decode()
    assert "edith.editor saved this claim while you were editing it" in html
    assert "Text: “Vitamin D cures MS.”" in html
    assert "Trials found no cure." in html
    assert "My wording of the claim." in html  # the second editor's input is still there

    claim.refresh_from_db()
    revision = ClaimRevision.objects.filter(claim=claim).first()
    saved = revision.data["text"] if revision else claim.text
    assert saved == "Vitamin D cures MS."

    # Having seen their changes, saving again is a deliberate choice and goes through.
    form = response.context["adminform"].form
    second_data.update(expected_version=form["expected_version"].value(),
                       base_snapshot=form["base_snapshot"].value())
    assert second.post(claim_change_url(claim), second_data).status_code == 302
    claim.refresh_from_db()
    revision = ClaimRevision.objects.filter(claim=claim).first()
    assert (revision.data["text"] if revision else claim.text) == "My wording of the claim."


def test_conflict_lists_the_changed_fields_and_their_new_values(
    editor_user, second_editor_user, author_user
):
    claim = make_draft_claim(author=author_user)
    first, first_data = _open(editor_user, claim)
    second, second_data = _open(second_editor_user, claim)
    first_data.update(short_wording="Vitamin D and MS relapses")
    first.post(claim_change_url(claim), first_data)
    response = second.post(claim_change_url(claim), second_data)
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert "Short wording: “Vitamin D and MS relapses”" in errors[0]
    assert "Text:" not in errors[0]  # unchanged fields are not listed


def test_the_service_refuses_a_stale_version_even_without_the_form(editor_user, author_user):
    from editorial.services import claims as services

    claim = make_draft_claim(author=author_user)
    services.claim_update(claim=claim, actor=editor_user, values={"text": "One."},
                          expected_version=1)
    with pytest.raises(services.EditConflict):
        services.claim_update(claim=claim, actor=editor_user, values={"text": "Two."},
                              expected_version=1)
    claim.refresh_from_db()
    assert (claim.text, claim.version) == ("One.", 2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads share one in-memory SQLite database in tests; PostgreSQL runs this in CI",
)
def test_two_saves_at_the_same_moment_one_wins_and_the_other_keeps_its_text(
    editor_user, second_editor_user, author_user
):
    import threading

    claim = make_draft_claim(author=author_user)
    sessions = [_open(editor_user, claim), _open(second_editor_user, claim)]
    texts = ["First editor's wording.", "Second editor's wording."]
    results = {}
    start = threading.Barrier(2)

    def save(i):
        client, data = sessions[i]
        data.update(text=texts[i])
        start.wait()
        results[i] = client.post(claim_change_url(claim), data)
        connection.close()  # this thread's own connection

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(results[i].status_code for i in range(2))
    assert codes == [200, 302]
    loser = next(i for i in range(2) if results[i].status_code == 200)
    assert texts[loser].replace("'", "&#x27;") in results[loser].content.decode()
    claim.refresh_from_db()
    assert claim.text == texts[1 - loser]
