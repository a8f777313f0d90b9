"""The reviewed rows' new fields travel through the admin and the proposed-change machinery:
a claim origin's quote, paraphrase and the references it relies on; a dose check's words for
patients; a dose reference's country and audience."""

import pytest

from claims.models import CitationCheck, ClaimOrigin, DoseCheck, DoseReference, Origin
from claims.models import ReviewState as S
from editorial.services import changes
from tests.editorial.helpers import claim_change_url, claim_form_data
from tests.editorial.test_reviewed_rows import admin_url, form_data
from tests.factories import make_draft_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def origins():
    blog = Origin.objects.create(key="blog", name="A seller's blog", kind=Origin.Kind.BLOG)
    other = Origin.objects.create(key="forum", name="A forum", kind=Origin.Kind.BLOG)
    checks = [
        CitationCheck.objects.create(origin=blog, cited_as=f"Smith 200{n}", finding="Exists.",
                                     status=CitationCheck.Status.ACCURATE, order=n)
        for n in (1, 2)
    ]
    stranger = CitationCheck.objects.create(origin=other, cited_as="Jones 1999",
                                            finding="No.", status="not_found")
    return blog, checks, stranger


def _origin_inline(claim, link, **values):
    data = claim_form_data(claim)
    data.update({
        "claim_origins-TOTAL_FORMS": 1, "claim_origins-INITIAL_FORMS": 1 if link else 0,
        "claim_origins-0-id": link.pk if link else "", "claim_origins-0-claim": claim.pk,
    })
    data.update({f"claim_origins-0-{key}": value for key, value in values.items()})
    return data


def test_an_origin_on_a_draft_is_written_with_its_quote_and_references(
    client, editor_user, author_user, origins
):
    blog, checks, _ = origins
    claim = make_draft_claim(author=author_user)
    client.force_login(editor_user)
    data = _origin_inline(claim, None, origin=blog.pk, quote="B12 cures MS.",
                          wording="It says B12 cures MS.", relies_on=[checks[0].pk])
    response = client.post(claim_change_url(claim), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    link = ClaimOrigin.objects.get(claim=claim)
    assert (link.quote, link.wording) == ("B12 cures MS.", "It says B12 cures MS.")
    assert list(link.relies_on.all()) == [checks[0]]


def test_only_the_chosen_origins_references_can_be_chosen(
    client, editor_user, author_user, origins
):
    blog, checks, stranger = origins
    claim = make_draft_claim(author=author_user)
    link = ClaimOrigin.objects.create(claim=claim, origin=blog)
    client.force_login(editor_user)
    inline = client.get(claim_change_url(claim)).context["inline_admin_formsets"][1]
    assert list(inline.formset.forms[0].fields["relies_on"].queryset) == checks
    data = _origin_inline(claim, link, origin=blog.pk, quote="", wording="",
                          relies_on=[stranger.pk])
    response = client.post(claim_change_url(claim), data)
    assert response.status_code == 200
    assert not link.relies_on.exists()


def test_on_a_published_claim_the_references_wait_in_the_proposal(
    client, editor_user, reviewer_user, author_user, origins
):
    blog, checks, _ = origins
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    link = ClaimOrigin.objects.create(claim=claim, origin=blog, wording="Old words.")
    link.relies_on.add(checks[0])
    client.force_login(editor_user)
    data = _origin_inline(claim, link, origin=blog.pk, quote="Exact words.",
                          wording="Old words.", relies_on=[checks[1].pk])
    assert client.post(claim_change_url(claim), data).status_code == 302
    link.refresh_from_db()
    assert link.quote == "" and list(link.relies_on.all()) == [checks[0]]
    change = changes.pending_change_for(link)
    assert change.data["relies_on"] == [checks[1].pk] and change.data["quote"] == "Exact words."
    # The form shows the proposal when the editor comes back.
    assert client.get(claim_change_url(claim)).context["inline_admin_formsets"][1].formset\
        .forms[0]["relies_on"].value() == [checks[1].pk]

    changes.change_approve(change=change, actor=reviewer_user)
    link.refresh_from_db()
    assert link.quote == "Exact words." and list(link.relies_on.all()) == [checks[1]]


def test_dose_fields_are_reviewed_rows_too(client, editor_user, reviewer_user, author_user):
    claim = make_draft_claim(author=author_user, state=S.APPROVED)
    reference = DoseReference.objects.create(
        key="uk-need", label="UK daily need", amount="1.5 micrograms", explanation="Adults.",
        source=claim.evidence.get().source,
    )
    dose = DoseCheck.objects.create(claim=claim, claimed_amount="5,000 mcg a day",
                                    explanation_md="Far above the need.")
    dose.references.add(reference)
    client.force_login(editor_user)
    for obj, values in [
        (reference, {"country": "UK", "clinician_only": "on"}),
        (dose, {"patient_comparison": "thousands of times what an adult needs each day"}),
    ]:
        data = form_data(client, admin_url(obj))
        data.update(values)
        assert client.post(admin_url(obj), data).status_code == 302
        change = changes.pending_change_for(obj)
        assert change is not None
        changes.change_approve(change=change, actor=reviewer_user)
    reference.refresh_from_db()
    dose.refresh_from_db()
    assert (reference.country, reference.clinician_only) == ("UK", True)
    assert dose.patient_comparison == "thousands of times what an adult needs each day"
