"""Every row a public page shows changes only through a second person's review.

Each test replays an attack from the editorial-integrity review (an editor changing an
approved page's source link, citation check, dose text, evidence or the explorer's advice in
the admin) and shows the public page unchanged until a different reviewer approves.
"""

import pytest
from django.forms import CheckboxInput
from django.urls import reverse

from assessments.models import Condition, RedFlag, Symptom, Urgency
from claims.models import (
    CitationCheck,
    ClaimOrigin,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    ReviewState,
    Source,
    Topic,
    Verdict,
)
from editorial.models import Contribution, ProposedChange
from editorial.services import changes
from editorial.services import claims as services
from tests.editorial.helpers import claim_change_url, claim_form_data, messages_of
from tests.factories import make_draft_claim, make_guideline, make_guideline_evidence

pytestmark = pytest.mark.django_db
S = ReviewState


def admin_url(obj, view="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def form_data(client, url) -> dict:
    """The POST body a browser would send for the admin form at url, as it stands."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field.widget, CheckboxInput):
                if value:
                    data[key] = "on"
            elif isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            elif value is not None:
                data[key] = str(value)
    return data


@pytest.fixture
def published(author_user):
    """An approved claim whose page shows one of every related row."""
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    evidence = claim.evidence.get()
    evidence.source.url = "https://www.nice.org.uk/guidance/ng239"
    evidence.source.save()
    scheme = GradingScheme.objects.create(slug="espen", name="ESPEN", plain_summary="Grades.")
    grade = Grade.objects.create(scheme=scheme, code="0", label="Grade 0", plain_meaning="Low.")
    Evidence.objects.filter(pk=evidence.pk).update(
        grade=grade, grade_question="B12 supplements to prevent MS"
    )
    origin = Origin.objects.create(key="blog", name="A seller's blog", kind=Origin.Kind.BLOG)
    ClaimOrigin.objects.create(claim=claim, origin=origin, wording="B12 cures MS.")
    check = CitationCheck.objects.create(
        origin=origin, cited_as="Smith 2001", status=CitationCheck.Status.NOT_FOUND,
        finding="No such paper exists.",
    )
    reference = DoseReference.objects.create(
        key="uk-need", label="UK daily need", amount="1.5 micrograms",
        explanation="For adults.", source=evidence.source,
    )
    dose = DoseCheck.objects.create(
        claim=claim, claimed_amount="5,000 mcg a day", explanation_md="Far above the need.",
    )
    dose.references.add(reference)
    return {"claim": claim, "evidence": evidence, "source": evidence.source, "grade": grade,
            "scheme": scheme, "origin": origin, "check": check, "reference": reference,
            "dose": dose, "topic": claim.topic, "verdict": claim.verdict}


def public_html(client, claim) -> str:
    client.logout()
    response = client.get(reverse("claims:claim", args=[claim.slug]))
    assert response.status_code == 200
    return response.content.decode()


# (row of the `published` fixture, field, new value, text that must not reach the page early)
EDITOR_ATTACKS = [
    ("source", "url", "https://attacker.example/", "attacker.example"),
    ("source", "citation", "A citation nobody checked.", "A citation nobody checked."),
    ("origin", "name", "A trusted clinic", "A trusted clinic"),
    ("check", "status", CitationCheck.Status.ACCURATE, "Accurate"),
    ("dose", "explanation_md", "Take **5,000 mcg** daily.", "Take <strong>5,000 mcg"),
    ("reference", "amount", "5,000 micrograms", "5,000 micrograms"),
    ("evidence", "finding", "B12 repairs myelin.", "B12 repairs myelin."),
]
ADMIN_ATTACKS = [
    ("topic", "title", "A topic renamed", "A topic renamed"),
    ("verdict", "label", "Proven", "Proven"),
    ("grade", "plain_meaning", "Strong proof.", "Strong proof."),
    ("scheme", "name", "A made-up scheme", "A made-up scheme"),
]


def _attack(client, user, published, row, field, value):
    obj = published[row]
    client.force_login(user)
    if row == "check":  # citation checks are edited inside their origin
        url = admin_url(published["origin"])
        data = form_data(client, url)
        data["citation_checks-0-status"] = value
    else:
        url = admin_url(obj)
        data = form_data(client, url)
        data[field] = value
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return obj, response


@pytest.mark.parametrize(
    ("row", "field", "value", "leak"), EDITOR_ATTACKS + ADMIN_ATTACKS,
    ids=[f"{a[0]}-{a[1]}" for a in EDITOR_ATTACKS + ADMIN_ATTACKS],
)
def test_a_change_to_a_published_row_waits_for_a_second_person(
    client, published, editor_user, site_admin_user, reviewer_user, row, field, value, leak
):
    user = editor_user if (row, field, value, leak) in EDITOR_ATTACKS else site_admin_user
    before = public_html(client, published["claim"])
    assert leak not in before
    obj, response = _attack(client, user, published, row, field, value)
    stored = type(obj).objects.get(pk=obj.pk)
    assert getattr(stored, field) == getattr(obj, field), "the approved row changed"
    assert leak not in public_html(client, published["claim"])
    change = ProposedChange.objects.get(state="pending")
    assert change.object_id == obj.pk and change.contributors.get() == user

    # The person who wrote it cannot approve it (an editor by role, a site admin by the
    # four-eyes rule); a different reviewer can.
    with pytest.raises(services.WorkflowError, match="Four-eyes|role"):
        changes.change_approve(change=change, actor=user)
    changes.change_approve(change=change, actor=reviewer_user)
    stored = type(obj).objects.get(pk=obj.pk)
    assert str(getattr(stored, field)) == str(value)


def test_the_editor_sees_their_proposal_and_is_told_it_waits(client, published, editor_user):
    _, response = _attack(client, editor_user, published, "source", "citation", "Proposed text.")
    assert any("proposed change" in text for _, text in messages_of(response))
    assert not any("changed successfully" in text for _, text in messages_of(response))
    html = client.get(admin_url(published["source"])).content.decode()
    assert "Proposed text." in html


def test_moving_evidence_off_an_approved_claim_is_a_change_to_both(
    client, published, editor_user, author_user
):
    draft = make_draft_claim(author=author_user, evidence=False)
    evidence = published["evidence"]
    client.force_login(editor_user)
    data = form_data(client, admin_url(evidence))
    data["claim"] = draft.pk
    assert client.post(admin_url(evidence), data).status_code == 302
    evidence.refresh_from_db()
    assert evidence.claim == published["claim"]
    change = ProposedChange.objects.get(state="pending")
    assert set(change.claims.all()) == {published["claim"], draft}


def test_new_evidence_and_removals_on_a_published_claim_wait(client, published, editor_user):
    claim = published["claim"]
    client.force_login(editor_user)
    data = claim_form_data(claim, **{"evidence-0-DELETE": "on"})
    assert client.post(claim_change_url(claim), data).status_code == 302
    assert claim.evidence.count() == 1
    change = ProposedChange.objects.get(state="pending")
    assert change.action == ProposedChange.Action.DELETE

    new = Evidence(claim=claim, source=make_guideline(), direction="context", finding="New.")
    outcome = changes.row_save(obj=new, actor=editor_user)
    assert outcome.proposed and new.pk is None and claim.evidence.count() == 1


def test_the_explorers_advice_waits_for_review(client, editor_user, reviewer_user):
    source = make_guideline()
    flag = RedFlag.objects.create(
        slug="sudden-sight-loss", label="Sudden loss of sight", urgency=Urgency.EMERGENCY,
        what_to_do="Call 999.", source=source,
    )
    condition = Condition.objects.create(slug="ms", name="MS", description="A condition.")
    other = Condition.objects.create(slug="b12", name="B12", description="Another.")
    symptom = Symptom.objects.create(
        slug="tiredness", name="Tiredness", explanation="Feeling worn out.",
        group="energy_mood", source=source,
    )
    symptom.conditions.add(condition)
    client.force_login(editor_user)
    data = form_data(client, admin_url(flag))
    data["urgency"] = Urgency.SOON
    assert client.post(admin_url(flag), data).status_code == 302
    data = form_data(client, admin_url(symptom))
    data["conditions"] = [str(condition.pk), str(other.pk)]
    assert client.post(admin_url(symptom), data).status_code == 302
    flag.refresh_from_db()
    assert flag.urgency == Urgency.EMERGENCY and symptom.conditions.count() == 1
    assert ProposedChange.objects.filter(state="pending").count() == 2

    new_flag = RedFlag(slug="new", label="New", urgency=Urgency.SOON, what_to_do="Wait.",
                       source=source)
    assert changes.row_save(obj=new_flag, actor=editor_user).proposed
    assert not RedFlag.objects.filter(slug="new").exists()
    for change in ProposedChange.objects.filter(state="pending"):
        changes.change_approve(change=change, actor=reviewer_user)
    assert RedFlag.objects.filter(slug="new").exists() and symptom.conditions.count() == 2


def test_rows_nothing_public_shows_are_edited_in_place(editor_user, author_user):
    draft = make_draft_claim(author=author_user)
    evidence = draft.evidence.get()
    evidence.finding = "Drafting."
    assert not changes.row_save(obj=evidence, actor=editor_user).proposed
    evidence.refresh_from_db()
    assert evidence.finding == "Drafting."
    source = Source(key="new-source", short_name="New", source_type="guideline",
                    citation="New. 2024.")
    assert not changes.row_save(obj=source, actor=editor_user).proposed
    assert Contribution.objects.filter(claim=draft, user=editor_user).exists()


def test_sending_back_and_withdrawing(published, editor_user, reviewer_user, second_reviewer_user):
    source = published["source"]
    source.citation = "Changed."
    change = changes.row_save(obj=source, actor=editor_user).change
    with pytest.raises(services.WorkflowError, match="comment"):
        changes.change_send_back(change=change, actor=reviewer_user, comment=" ")
    changes.change_send_back(change=change, actor=reviewer_user, comment="Cite the DOI.")
    source.refresh_from_db()
    assert source.citation != "Changed."
    source.citation = "Changed again."
    again = changes.row_save(obj=source, actor=editor_user).change
    with pytest.raises(services.WorkflowError, match="Only someone who wrote"):
        changes.change_withdraw(change=again, actor=second_reviewer_user)
    changes.change_withdraw(change=again, actor=editor_user)
    assert not ProposedChange.objects.filter(state="pending").exists()


def test_editors_cannot_approve_changes(published, editor_user, second_editor_user):
    source = published["source"]
    source.citation = "Changed."
    change = changes.row_save(obj=source, actor=editor_user).change
    with pytest.raises(services.WorkflowError, match="role"):
        changes.change_approve(change=change, actor=second_editor_user)


def test_reviewer_approves_through_the_admin(client, published, editor_user, reviewer_user):
    source = published["source"]
    source.citation = "Changed through review."
    change = changes.row_save(obj=source, actor=editor_user).change
    client.force_login(reviewer_user)
    html = client.get(admin_url(change)).content.decode()
    assert "Changed through review." in html and "Approve and publish" in html
    url = reverse("admin:editorial_proposedchange_decide", args=[change.pk, "approve"])
    response = client.post(url, {"comment": "Checked the DOI."})
    assert messages_of(response)[0][0] == "success"
    source.refresh_from_db()
    assert source.citation == "Changed through review."

    client.force_login(editor_user)
    source.citation = "Another."
    change = changes.row_save(obj=source, actor=editor_user).change
    html = client.get(admin_url(change)).content.decode()
    assert "Approve and publish" not in html
    url = reverse("admin:editorial_proposedchange_decide", args=[change.pk, "approve"])
    assert messages_of(client.post(url, {"comment": ""}))[0][0] == "error"


# --- four-eyes across every contributor (finding 3) ------------------------------------------


def test_who_rewrote_the_summary_cannot_approve_after_a_trivial_edit_by_another(
    reviewer_user, second_reviewer_user, editor_user, site_admin_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    # A site admin (who may also review) rewrites the summary ...
    services.claim_update(
        claim=claim, actor=site_admin_user, expected_version=None,
        values={"patient_summary_md": "B12 **repairs** nerves."},
    )
    # ... then an editor makes a trivial edit and submits.
    services.claim_update(claim=claim, actor=editor_user, expected_version=None,
                          values={"aliases": "b12 nerves"})
    services.claim_submit(claim=claim, actor=editor_user)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=site_admin_user)
    services.claim_approve(claim=claim, actor=reviewer_user)
    # After approval the record is settled: the next review starts afresh.
    assert not Contribution.objects.filter(claim=claim, settled_at__isnull=True).exists()


def test_who_edited_a_cited_source_cannot_approve_the_claim(
    site_admin_user, reviewer_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.SUBMITTED)
    source = claim.evidence.get().source
    source.citation = "A corrected citation."
    # The claim is not public yet, so the source edit is in place: and it is recorded.
    assert not changes.row_save(obj=source, actor=site_admin_user).proposed
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_start_review(claim=claim, actor=site_admin_user)
    services.claim_start_review(claim=claim, actor=reviewer_user)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=site_admin_user)
    services.claim_approve(claim=claim, actor=reviewer_user)


def test_an_approved_change_to_a_cited_source_counts_for_the_claim(
    editor_user, reviewer_user, site_admin_user, author_user
):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    source = claim.evidence.get().source
    source.citation = "Changed by a site admin."
    change = changes.row_save(obj=source, actor=site_admin_user).change
    changes.change_approve(change=change, actor=reviewer_user)
    services.claim_update(claim=claim, actor=editor_user, expected_version=None,
                          values={"aliases": "new alias"})
    services.claim_submit(claim=claim, actor=editor_user)
    with pytest.raises(services.WorkflowError, match="Four-eyes"):
        services.claim_approve(claim=claim, actor=site_admin_user)
    services.claim_approve(claim=claim, actor=reviewer_user)


# --- no lost edits (finding 6) -----------------------------------------------------------------


@pytest.mark.parametrize("row", ["source", "origin", "dose", "reference", "evidence"])
def test_the_second_of_two_editors_is_told_and_keeps_their_text(
    client, published, editor_user, second_editor_user, row
):
    obj = published[row]
    field = {"source": "citation", "origin": "description", "dose": "explanation_md",
             "reference": "explanation", "evidence": "finding"}[row]
    client.force_login(editor_user)
    first = form_data(client, admin_url(obj))
    client.force_login(second_editor_user)
    second = form_data(client, admin_url(obj))
    second[field] = "The second editor's text."
    assert client.post(admin_url(obj), second).status_code == 302

    client.force_login(editor_user)
    first[field] = "The first editor's careful text."
    response = client.post(admin_url(obj), first)
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "The first editor&#x27;s careful text." in html or "first editor's careful" in html
    assert "eric.editor saved this" in html
    change = ProposedChange.objects.get(state="pending")
    assert change.data[field] == "The second editor's text."

    # Saving again after seeing their change is a deliberate choice, and it goes through.
    resubmitted = {**first}
    resubmitted["base_snapshot"] = response.context["adminform"].form.data["base_snapshot"]
    assert client.post(admin_url(obj), resubmitted).status_code == 302
    change.refresh_from_db()
    assert change.data[field] == "The first editor's careful text."
    assert set(change.contributors.all()) == {editor_user, second_editor_user}


def test_explorer_rows_have_the_version_check(client, editor_user, second_editor_user):
    flag = RedFlag.objects.create(
        slug="sudden-weakness", label="Sudden weakness", urgency=Urgency.EMERGENCY,
        what_to_do="Call 999.", source=make_guideline(),
    )
    client.force_login(editor_user)
    first = form_data(client, admin_url(flag))
    client.force_login(second_editor_user)
    second = form_data(client, admin_url(flag))
    second["what_to_do"] = "Call 999 now."
    assert client.post(admin_url(flag), second).status_code == 302
    client.force_login(editor_user)
    first["what_to_do"] = "Call 999 at once."
    response = client.post(admin_url(flag), first)
    assert response.status_code == 200 and "saved this red flag" in response.content.decode()


def test_unpublished_evidence_conflict_is_caught_too(
    client, editor_user, second_editor_user, author_user
):
    claim = make_draft_claim(author=author_user)
    evidence = make_guideline_evidence(claim, finding="Second item.")
    client.force_login(editor_user)
    first = form_data(client, admin_url(evidence))
    client.force_login(second_editor_user)
    second = form_data(client, admin_url(evidence))
    second["finding"] = "Edited by Eric."
    assert client.post(admin_url(evidence), second).status_code == 302
    evidence.refresh_from_db()
    assert evidence.finding == "Edited by Eric."
    client.force_login(editor_user)
    first["finding"] = "Edited by Edith."
    assert client.post(admin_url(evidence), first).status_code == 200
    evidence.refresh_from_db()
    assert evidence.finding == "Edited by Eric."


def test_topics_and_verdicts_are_reference_rows(site_admin_user):
    topic = Topic.objects.create(slug="draft-topic", title="Draft", summary="Not yet.")
    topic.title = "Still a draft"
    assert not changes.row_save(obj=topic, actor=site_admin_user).proposed
    topic.is_published = True
    assert changes.row_save(obj=topic, actor=site_admin_user).proposed
    assert not Topic.objects.get(pk=topic.pk).is_published
    verdict = Verdict.objects.first() or make_draft_claim().verdict
    verdict.definition = "Changed."
    assert changes.row_save(obj=verdict, actor=site_admin_user).proposed


@pytest.mark.parametrize("rows", [1, 20])
def test_the_review_queue_query_count_is_fixed(
    rows, client, reviewer_user, editor_user, django_assert_num_queries
):
    for _ in range(rows):
        source = make_guideline()
        ProposedChange.objects.create(
            content_type_id=changes.ContentType.objects.get_for_model(Source).pk,
            object_id=source.pk, object_repr=str(source), action="update",
            author=editor_user, last_edited_by=editor_user,
        )
    client.force_login(reviewer_user)
    # session, user, 2 permissions, the content types for the filter, 2 counts, the page of
    # changes joined to their content type and people.
    with django_assert_num_queries(8):
        assert client.get(reverse("admin:editorial_proposedchange_changelist")).status_code == 200
