"""A source's integrity notice (retraction, expression of concern, correction, concerns about
related work), shown beside the source wherever it is cited: to patients in plain words, to
clinicians also with the notice's citation, in handouts and the feed; kept by editors in the
admin under review like every other part of a published page."""

import re
from html import unescape

import pytest
from django.urls import reverse

from claims.models import Integrity, ReviewState, Source
from editorial.models import ProposedChange
from editorial.services import changes
from tests.factories import (
    add_origin,
    make_citation_check,
    make_claim,
    make_draft_claim,
    make_evidence,
    make_grade,
    make_origin,
    make_source,
)

pytestmark = pytest.mark.django_db

RETRACTION_NOTE = "The journal first warned about this paper in 2020 and retracted it in 2024."
RETRACTION_NOTICE = "Statement of retraction: J Am Nutr Assoc 2024;43(6):568. PMID 38980210."


def retracted_source(**overrides) -> Source:
    fields = {
        "short_name": "Tamtaji et al. 2017",
        "citation": "Tamtaji OR, et al. Probiotics in MS. J Am Coll Nutr. 2017;36(8):660-665.",
        "integrity": Integrity.RETRACTED,
        "integrity_note": RETRACTION_NOTE,
        "integrity_citation": RETRACTION_NOTICE,
    }
    return make_source(**{**fields, **overrides})


def text_of(html: str) -> str:
    body = html.split("<body", 1)[1] if "<body" in html else html
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))
    return re.sub(r" ([,.;:)])", r"\1", text)  # a closing tag before punctuation


def claim_page(client, claim, audience="patient") -> str:
    response = client.get(f"/claims/{claim.slug}/", {"audience": audience})
    assert response.status_code == 200
    return response.content.decode()


def source_item(html: str, citation_start: str) -> str:
    """The <li> of the sources list that cites the source whose citation starts so."""
    for item in re.findall(r'<li class="source-item[^"]*">.*?</li>', html, re.S):
        if citation_start in item:
            return item
    raise AssertionError(f"no source item for {citation_start!r}")


# --- patients -----------------------------------------------------------------------------


def test_a_patient_sees_a_retraction_in_words_between_the_source_and_its_finding(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source(), direction="supports",
                  finding="Probiotics lowered disability scores.")
    make_evidence(claim, source=make_source(citation="Naseri A, et al. Probiotic trial."),
                  finding="No significant effect.")

    html = claim_page(client, claim)

    flagged = source_item(html, "Tamtaji OR")
    text = text_of(flagged)
    assert "Retracted." in text
    assert "The journal took this paper back (retracted it). Do not rely on its results." in text
    assert RETRACTION_NOTE in text
    # Read before the finding it would otherwise lend weight to.
    assert text.index("Tamtaji OR") < text.index("Retracted.") < text.index("Probiotics lowered")
    assert 'role="note"' in flagged
    # The notice's citation is for clinicians; the other source carries no flag at all.
    assert RETRACTION_NOTICE not in html
    assert "integrity" not in source_item(html, "Naseri A")


def test_a_clinician_also_sees_the_notices_own_citation(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source())

    text = text_of(source_item(claim_page(client, claim, "clinician"), "Tamtaji OR"))

    assert "Retracted." in text and RETRACTION_NOTE in text
    assert f"The notice: {RETRACTION_NOTICE}" in text


@pytest.mark.parametrize("kind, label, words", [
    (Integrity.RETRACTED, "Retracted.", "The journal took this paper back"),
    (Integrity.EXPRESSION_OF_CONCERN, "Expression of concern.",
     "The journal has warned that the results of this paper may not be reliable."),
    (Integrity.CORRECTION, "Corrected.", "The journal has printed a correction to this paper."),
    (Integrity.RELATED_CONCERN, "Concerns about related work.",
     "Other papers by the same research team have been questioned."),
])
def test_each_kind_of_notice_is_said_in_its_own_plain_words(client, kind, label, words):
    claim = make_claim()
    make_evidence(claim, source=make_source(
        citation="Kouchaki E, et al. Probiotics in MS.", integrity=kind,
        integrity_note="We have not seen whether this paper itself has a notice.",
    ))

    text = text_of(source_item(claim_page(client, claim), "Kouchaki E"))

    assert f"{label} {words}" in text
    assert "We have not seen whether this paper itself has a notice." in text


def test_a_retraction_is_marked_on_the_item_not_by_colour_alone(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source())

    html = claim_page(client, claim)

    # The item and the note carry the kind as classes for the stronger frame and capitals
    # (static/css/claims.css), and the warning icon is decoration beside the word.
    assert 'class="source-item source-flagged source-retracted"' in html
    assert '<div class="integrity integrity-retracted" role="note">' in html
    label = re.search(r'<strong class="integrity-label">(.*?)</strong>', html, re.S).group(1)
    assert 'aria-hidden="true"' in label and text_of(label).strip() == "Retracted."


def test_a_grade_from_a_flagged_source_names_the_notice(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source(), grade=make_grade(),
                  grade_question="Probiotics for MS", grade_answers_claim=True)

    text = text_of(claim_page(client, claim))

    assert "from Tamtaji et al. 2017 (retracted), for the question" in text


def test_a_citation_check_that_found_a_flagged_source_names_the_notice(client):
    claim = make_claim()
    origin = make_origin()
    check = make_citation_check(origin, matched_source=retracted_source(
        url="https://doi.org/10.1080/07315724.2017.1347074"))
    add_origin(claim, origin).relies_on.add(check)

    for html in (claim_page(client, claim),
                 client.get(f"/origins/{origin.key}/").content.decode()):
        assert "The real source (retracted)" in text_of(html)


def test_flags_cost_no_query(client, django_assert_num_queries):
    claim = make_claim(reviewed_by=None)
    for kind in Integrity.values[1:]:
        make_evidence(claim, source=make_source(integrity=kind, integrity_note="Known."))
    # 1. the content version
    # 2. the claim with topic, verdict, reviewer and dose check
    # 3. evidence with source (its notice included), grade and scheme
    # 4. claim origins
    # 5. verdict changes
    # (no origin and no dose check, so no citation checks and no reference amounts)
    with django_assert_num_queries(5):
        html = claim_page(client, claim)
    assert html.count('class="integrity integrity-') == 4


# --- handouts and the feed ------------------------------------------------------------------


def test_the_claim_handout_marks_a_retracted_source_in_capitals(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source())

    html = client.get(reverse("handouts:claim", args=[claim.slug])).content.decode()
    sources = text_of(html.split('<ul class="sources">', 1)[1].split("</ul>", 1)[0])

    assert ("Tamtaji et al. 2017" in sources
            and "RETRACTED: The journal took this paper back (retracted it)." in sources)
    assert RETRACTION_NOTE in sources
    assert RETRACTION_NOTICE not in html  # the handout is for patients


def test_the_feed_carries_each_sources_notice(client):
    claim = make_claim()
    make_evidence(claim, source=retracted_source())
    make_evidence(claim, source=make_source(key="plain-source"))

    entry = client.get("/api/claims.json").json()["results"][0]
    by_key = {source["key"]: source for source in entry["sources"]}

    flagged = next(source for source in entry["sources"] if source["integrity"])
    assert flagged["integrity"] == {
        "status": "retracted", "label": "Retracted", "note": RETRACTION_NOTE,
        "citation": RETRACTION_NOTICE,
    }
    assert by_key["plain-source"]["integrity"] is None


# --- editors in the admin ---------------------------------------------------------------------


def source_form(client, source) -> dict:
    """The source change form's fields as a browser would post them."""
    response = client.get(reverse("admin:claims_source_change", args=[source.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "citation_verified":
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    return data


def test_an_editor_sees_the_notice_fields_with_their_help(client, editor_user):
    source = make_source()
    client.force_login(editor_user)

    html = client.get(reverse("admin:claims_source_change", args=[source.pk])).content.decode()

    assert "Integrity notice" in html
    assert "Shown beside this source on every page, handout and feed entry that cites it." in html
    for option in ("Retracted", "Expression of concern", "Corrected",
                   "Concerns about related work"):
        assert f">{option}</option>" in html
    assert "Plain words shown beside the source" in html  # the note's help text
    assert "for the clinician view" in html  # the citation's help text


def test_a_notice_needs_plain_words_for_patients(client, editor_user):
    source = make_source()
    client.force_login(editor_user)
    data = {**source_form(client, source), "integrity": "retracted", "integrity_note": ""}

    response = client.post(reverse("admin:claims_source_change", args=[source.pk]), data)

    assert response.status_code == 200
    assert "Say in plain words what is known about this notice" in response.content.decode()
    source.refresh_from_db()
    assert source.integrity == ""


def test_words_without_a_kind_of_notice_are_refused(client, editor_user):
    source = make_source()
    client.force_login(editor_user)
    data = {**source_form(client, source), "integrity_note": "Something about it."}

    response = client.post(reverse("admin:claims_source_change", args=[source.pk]), data)

    assert "Choose the kind of notice, or clear its words" in response.content.decode()


def test_a_notice_on_a_cited_source_waits_for_a_medical_reviewer(
    client, editor_user, reviewer_user
):
    claim = make_draft_claim(state=ReviewState.APPROVED)
    source = claim.evidence.get().source
    client.force_login(editor_user)
    data = {**source_form(client, source), "integrity": "retracted",
            "integrity_note": RETRACTION_NOTE, "integrity_citation": RETRACTION_NOTICE}

    response = client.post(reverse("admin:claims_source_change", args=[source.pk]), data)

    assert response.status_code == 302
    client.logout()
    assert RETRACTION_NOTE not in claim_page(client, claim)  # the approved source stays public
    change = ProposedChange.objects.get(state="pending")
    assert change.object_id == source.pk and change.data["integrity"] == "retracted"

    changes.change_approve(change=change, actor=reviewer_user)
    html = claim_page(client, claim)
    assert RETRACTION_NOTE in html and "Retracted." in text_of(html)


# --- in a real browser ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_in_a_browser_a_retraction_stands_out_without_colour_and_passes_axe(live_server, page):
    from tests.browser import axe_violations

    claim = make_claim(verdict_population="in people with a first episode, not yet on treatment")
    make_evidence(claim, source=retracted_source())
    for kind in (Integrity.EXPRESSION_OF_CONCERN, Integrity.CORRECTION, Integrity.RELATED_CONCERN):
        make_evidence(claim, source=make_source(integrity=kind, integrity_note="Known."))

    problems = {}
    for audience in ("patient", "clinician"):
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{live_server.url}/claims/{claim.slug}/?audience={audience}")
        if violations := axe_violations(page):
            problems[audience] = violations
        # Capitals and a heavier frame than the other notices: seen without telling colours.
        retracted = page.locator(".integrity-retracted")
        assert retracted.locator(".integrity-label").inner_text().strip() == "RETRACTED."
        heavier = retracted.evaluate("""box => {
            const left = el => parseFloat(getComputedStyle(el).borderLeftWidth);
            const other = document.querySelector('.integrity:not(.integrity-retracted)');
            return left(box) > left(other) && getComputedStyle(box).borderTopStyle === 'solid';
        }""")
        assert heavier
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert problems == {}
