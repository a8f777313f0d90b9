"""export_claims and import_claims: round trip, idempotence, stable ids, users, personal data."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    ClaimRevision,
    DoseCheck,
    DoseReference,
    Evidence,
    ReviewerProfile,
    Topic,
)
from editorial.models import AuditEntry, Suggestion
from editorial.services.claims import FOREIGN_KEY_FIELDS
from opendata.document import KINDS, REVISION_DATA_REFS
from tests.opendata.conftest import comparable, current_export

pytestmark = pytest.mark.django_db


def import_file(path, **kwargs) -> str:
    out = StringIO()
    call_command("import_claims", str(path), stdout=out, stderr=StringIO(), **kwargs)
    return out.getvalue()


@pytest.mark.slow
def test_round_trip_from_sqlite_gives_an_identical_export(sqlite_export, source_document):
    # On the PostgreSQL CI run the test database is PostgreSQL: SQLite -> PostgreSQL.
    assert connection.vendor in {"sqlite", "postgresql"}
    # The sample data makes every kind of record appear at least once.
    assert all(source_document["records"][kind.name] for kind in KINDS)

    # The care routes come with the migrations (assessments 0004): already there, unchanged.
    from assessments.models import CareRoute

    migrated = CareRoute.objects.count()
    assert migrated == len(source_document["records"]["care_routes"])
    output = import_file(sqlite_export)

    total = sum(len(rows) for rows in source_document["records"].values())
    assert f"created {total - migrated}, updated 0, unchanged {migrated}" in output
    assert current_export() == comparable(source_document)


def test_the_new_fields_survive_the_round_trip(sqlite_export, source_document):
    records = source_document["records"]
    checked = next(r for r in records["evidence"] if r["verified"])
    assert (checked["verified_by"], checked["seen_as"], checked["grade_question"],
            checked["grade_answers_claim"]) == (
        "rita.reviewer", "summary", "B12 supplements to prevent MS ✓", True
    )
    quoted = next(r for r in records["claim_origins"] if r["quote"] == "B12 “reverses” MS.")
    assert quoted["relies_on"] and all(
        ref.startswith(f"{quoted['origin']}/citation-check/") for ref in quoted["relies_on"]
    )
    assert records["reviewer_profiles"] == [{
        "user": "rita.reviewer", "name": "Dr Rita Reviewer", "role": "Consultant neurologist",
        "registration": "GMC 1234567", "conflicts": "None declared",
        "updated_at": records["reviewer_profiles"][0]["updated_at"],
    }]

    import_file(sqlite_export)

    evidence = Evidence.objects.get(verified=True)
    assert (evidence.verified_by.username, evidence.seen_as, evidence.grade_question,
            evidence.grade_answers_claim, evidence.provenance) == (
        "rita.reviewer", "summary", "B12 supplements to prevent MS ✓", True, "original"
    )
    link = ClaimOrigin.objects.get(quote="B12 “reverses” MS.")
    assert link.wording == "It says B12 reverses MS."
    assert [c.cited_as for c in link.relies_on.all()] == [
        CitationCheck.objects.get(origin=link.origin, pk__in=link.relies_on.all()).cited_as
    ]
    assert DoseCheck.objects.filter(patient_comparison__startswith="Hundreds of times").exists()
    in_file = {(r["key"], r["country"], r["clinician_only"]) for r in records["dose_references"]}
    assert ("UK", True) in {(country, only) for _, country, only in in_file}
    assert set(DoseReference.objects.values_list("key", "country", "clinician_only")) == in_file
    profile = ReviewerProfile.objects.get(user__username="rita.reviewer")
    assert profile.is_complete and profile.name == "Dr Rita Reviewer"


def test_a_claim_cannot_rest_on_another_origins_reference(source_document, tmp_path):
    records = source_document["records"]
    check = records["citation_checks"][0]
    other = next(r for r in records["claim_origins"] if r["origin"] != check["origin"])
    other["relies_on"] = [check["id"]]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(source_document), encoding="utf-8")

    with pytest.raises(CommandError, match="is not one of origin"):
        import_file(path)
    assert not Claim.objects.exists()


def test_importing_the_same_file_twice_changes_nothing(sqlite_export):
    import_file(sqlite_export)
    before = current_export()
    counts = (Claim.objects.count(), Evidence.objects.count(), AuditEntry.objects.count(),
              Claim.history.count(), Evidence.history.count())

    output = import_file(sqlite_export)

    assert "created 0, updated 0, unchanged" in output
    assert current_export() == before
    # No save at all: simple-history would have added a row for any claim or evidence saved.
    assert (Claim.objects.count(), Evidence.objects.count(), AuditEntry.objects.count(),
            Claim.history.count(), Evidence.history.count()) == counts


def test_a_changed_record_is_updated_and_the_rest_left_alone(sqlite_export, source_document,
                                                             tmp_path):
    import_file(sqlite_export)
    claim = source_document["records"]["claims"][0]
    claim["text"] = "A corrected wording."
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(source_document), encoding="utf-8")

    output = import_file(changed)

    assert "created 0, updated 1, unchanged" in output
    assert Claim.objects.get(slug=claim["slug"]).text == "A corrected wording."
    assert current_export() == comparable(source_document)


def test_two_exports_without_timestamp_are_byte_identical(sqlite_export, tmp_path):
    import_file(sqlite_export)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("export_claims", str(first), "--no-timestamp", stdout=StringIO())
    call_command("export_claims", str(second), "--no-timestamp", stdout=StringIO())

    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["exported_at"] is None


def test_export_is_versioned_and_timestamped(tmp_path):
    path = tmp_path / "empty.json"
    call_command("export_claims", str(path), stdout=StringIO())
    document = json.loads(path.read_text())
    assert document["format"] == "claimcheck-export"
    assert document["version"] == 1
    assert document["exported_at"].endswith("+00:00")
    assert sorted(document["records"]) == sorted(k.name for k in KINDS if not k.personal)


def test_export_leaves_out_derived_fields_passwords_and_emails(sqlite_export, tmp_path):
    import_file(sqlite_export)
    path = tmp_path / "export.json"
    call_command("export_claims", str(path), stdout=StringIO())
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)

    for kind in KINDS:
        for record in document["records"].get(kind.name, []):
            assert not any(name.endswith("_html") for name in record), kind.name
            assert "search_document" not in record
    assert "password" not in text
    assert "@example.org" not in text  # staff and reader emails alike


def test_suggestions_are_exported_only_when_asked(sqlite_export, tmp_path):
    import_file(sqlite_export)
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    call_command("export_claims", str(plain), stdout=StringIO())
    out = StringIO()
    call_command("export_claims", str(full), "--include-suggestions", stdout=out)

    records = json.loads(plain.read_text())["records"]
    assert "suggestions" not in records
    assert all("suggestion" not in entry for entry in records["audit_entries"])
    full_records = json.loads(full.read_text())["records"]
    assert full_records["suggestions"][0]["email"] == "reader@example.org"
    assert "keep it private" in out.getvalue()


def test_a_file_without_suggestions_keeps_the_links_to_them(sqlite_export, tmp_path):
    import_file(sqlite_export)
    plain = tmp_path / "plain.json"
    call_command("export_claims", str(plain), stdout=StringIO())

    output = import_file(plain)

    assert "created 0, updated 0" in output
    assert AuditEntry.objects.filter(suggestion__isnull=False).exists()
    assert Suggestion.objects.count() == 1


def test_unknown_usernames_become_inactive_placeholders(sqlite_export):
    output = import_file(sqlite_export)

    assert "inactive placeholder user(s)" in output
    reviewer = get_user_model().objects.get(username="rita.reviewer")
    assert not reviewer.is_active
    assert not reviewer.is_staff
    assert not reviewer.has_usable_password()
    assert reviewer.email == ""
    assert Claim.objects.filter(reviewed_by=reviewer).exists()


def test_existing_users_are_linked_and_left_as_they_are(sqlite_export, reviewer_user):
    reviewer_user.username = "rita.reviewer"
    reviewer_user.save()

    import_file(sqlite_export)

    reviewer_user.refresh_from_db()
    assert reviewer_user.is_active
    assert reviewer_user.check_password("correct horse battery")
    assert Claim.objects.filter(reviewed_by=reviewer_user).exists()


def test_rows_get_stable_ids_that_do_not_depend_on_database_ids(source_document):
    records = source_document["records"]
    claim_slugs = {claim["slug"] for claim in records["claims"]}
    for item in records["evidence"]:
        slug, word, number = item["id"].rsplit("/", 2)
        assert (slug in claim_slugs, word, number.isdigit()) == (True, "evidence", True)
    overdue = [e["id"] for e in records["audit_entries"] if e["action"] == "marked_overdue"]
    assert overdue == [
        "audit/2025-03-01T09:30:15.123456+00:00/marked_overdue",
        "audit/2025-03-01T09:30:15.123456+00:00/marked_overdue~2",
    ]
    assert records["grades"][0]["scheme"] in {s["slug"] for s in records["grading_schemes"]}


def test_revision_data_names_topic_and_verdict_by_stable_id(sqlite_export, source_document):
    pending = next(r for r in source_document["records"]["claim_revisions"]
                   if r["state"] == "pending")
    assert pending["data"]["topic"] in {t["slug"] for t in source_document["records"]["topics"]}
    assert pending["data"]["verdict"] == "S"

    import_file(sqlite_export)

    revision = ClaimRevision.objects.get(state="pending")
    assert revision.data["topic"] == Topic.objects.get(slug=pending["data"]["topic"]).pk
    assert revision.data["verdict"] == Claim.verdict.field.related_model.objects.get(code="S").pk


def test_revision_data_references_match_the_claims_services():
    assert set(REVISION_DATA_REFS) == set(FOREIGN_KEY_FIELDS)


def test_import_restores_times_and_recomputes_derived_fields(sqlite_export, source_document):
    import_file(sqlite_export)

    record = source_document["records"]["claims"][0]
    claim = Claim.objects.get(slug=record["slug"])
    assert claim.updated_at.isoformat() == record["updated_at"]
    assert claim.created_at.isoformat() == record["created_at"]
    assert claim.patient_summary_html.startswith("<")
    assert claim.search_document


def test_dry_run_counts_but_writes_nothing(sqlite_export):
    output = import_file(sqlite_export, dry_run=True)

    assert "Dry run (nothing written): would have created" in output
    assert not Claim.objects.exists()
    assert not get_user_model().objects.exists()


def test_small_imports_print_no_progress_bar(sqlite_export):
    err = StringIO()
    call_command("import_claims", str(sqlite_export), stdout=StringIO(), stderr=err)
    assert "Importing:" not in err.getvalue()


def test_large_imports_show_progress_in_steps():
    from opendata.management.commands.import_claims import _Progress

    class Log(StringIO):
        def write(self, text, style_func=None, ending="\n"):
            super().write(text + ending)

    log = Log()
    progress = _Progress(log)
    for done in range(1, 2001):
        progress(done, 2000)
    lines = log.getvalue().splitlines()
    assert lines[0] == "Importing: 1/2000 records (0%)"
    assert lines[-1] == "Importing: 2000/2000 records (100%)"
    assert len(lines) == 11
