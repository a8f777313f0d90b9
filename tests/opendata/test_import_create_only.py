"""import_claims --create-only (how load_seed_content loads content/): new rows are created,
existing ones are left exactly as they are, and a row's parts only arrive with a new row."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import CitationCheck, Claim, ClaimOrigin, DoseCheck, Evidence
from opendata.exporting import export_document
from opendata.importing import import_document
from tests.factories import (
    add_origin,
    make_citation_check,
    make_claim,
    make_dose_check,
    make_evidence,
    make_origin,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    """A claim with two findings, an origin relying on the second of two citation checks and a
    dose check, exported; the database keeps them."""
    claim = make_claim(slug="first-claim", number=1)
    make_evidence(claim, finding="First finding.", order=1)
    make_evidence(claim, finding="Second finding.", order=2)
    origin = make_origin(key="blog")
    make_citation_check(origin, cited_as="Smith J. 1999", order=1)
    second = make_citation_check(origin, cited_as="Jones K. 2001", order=2)
    add_origin(claim, origin, wording="The blog says so.").relies_on.set([second])
    make_dose_check(claim)
    return export_document(timestamp=False)


def with_new_claim(document: dict, slug: str, number: int, relies_on: list[str]) -> dict:
    """The document plus a copy of first-claim (and its parts) as a new claim."""
    document = copy.deepcopy(document)
    records = document["records"]
    first = next(claim for claim in records["claims"] if claim["slug"] == "first-claim")
    records["claims"].append({**first, "slug": slug, "number": number})
    for kind in ("evidence", "claim_origins", "dose_checks"):
        for record in [r for r in records[kind] if r["claim"] == "first-claim"]:
            copied = {**record, "claim": slug}
            if "id" in copied:
                copied["id"] = copied["id"].replace("first-claim/", f"{slug}/")
            if kind == "claim_origins":
                copied["relies_on"] = relies_on
            records[kind].append(copied)
    return document


def total_records(document: dict) -> int:
    return sum(len(rows) for rows in document["records"].values())


def test_existing_rows_are_skipped_and_left_as_they_are(document):
    claim = Claim.objects.get(slug="first-claim")
    claim.text = "Worded by an editor."
    claim.save()
    Evidence.objects.filter(finding="First finding.").delete()
    DoseCheck.objects.all().delete()

    report = import_document(document, create_only=True)

    claim.refresh_from_db()
    assert claim.text == "Worded by an editor."
    # Parts an editor removed from an existing claim are not brought back.
    assert list(claim.evidence.values_list("finding", flat=True)) == ["Second finding."]
    assert not DoseCheck.objects.exists()
    assert report.created.total() == 0
    assert report.skipped.total() == total_records(document)
    assert report.summary() == f"created 0, skipped {total_records(document)}"


def test_a_new_claim_arrives_with_its_parts(document):
    check = CitationCheck.objects.get(cited_as="Jones K. 2001")

    report = import_document(
        with_new_claim(document, "new-claim", 2, ["blog/citation-check/2"]), create_only=True
    )

    claim = Claim.objects.get(slug="new-claim")
    assert list(claim.evidence.order_by("order").values_list("finding", flat=True)) == [
        "First finding.", "Second finding."
    ]
    assert list(ClaimOrigin.objects.get(claim=claim).relies_on.all()) == [check]
    assert DoseCheck.objects.filter(claim=claim).exists()
    assert (report.created["claims"], report.created["evidence"],
            report.created["claim_origins"], report.created["dose_checks"]) == (1, 2, 1, 1)
    assert report.created.total() == 5
    assert report.skipped.total() == total_records(document)


def test_a_new_claim_is_never_linked_to_another_citation_check_at_the_same_number(document):
    # The editor deleted check 1: the database's check 2 is now the first of the origin's.
    CitationCheck.objects.get(cited_as="Smith J. 1999").delete()

    import_document(
        with_new_claim(document, "new-claim", 2, ["blog/citation-check/1"]), create_only=True
    )

    assert not ClaimOrigin.objects.get(claim__slug="new-claim").relies_on.exists()


def test_a_new_claim_that_clashes_with_an_editors_claim_is_reported_not_created(document):
    topic = Claim.objects.get(slug="first-claim").topic
    make_claim(slug="editors-claim", topic=topic, number=2)  # added since the export

    report = import_document(with_new_claim(document, "new-claim", 2, []), create_only=True)

    assert not Claim.objects.filter(slug="new-claim").exists()
    assert len(report.not_created) == 1
    assert ' "new-claim": not created: ' in report.not_created[0]
    assert report.created.total() == 0
    assert not Evidence.objects.filter(claim__slug="new-claim").exists()


def test_the_command_reports_created_and_skipped_counts(document, tmp_path):
    path = tmp_path / "content.json"
    path.write_text(json.dumps(with_new_claim(document, "new-claim", 2, [])), encoding="utf-8")
    out = StringIO()

    call_command("import_claims", str(path), "--create-only", stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert lines[0] == f"created 5, skipped {total_records(document)}"
    claims = len(document["records"]["claims"])
    evidence = len(document["records"]["evidence"])
    assert f"  claims: created 1, skipped {claims}" in lines
    assert f"  evidence: created 2, skipped {evidence}" in lines
    assert Claim.objects.filter(slug="new-claim").exists()
