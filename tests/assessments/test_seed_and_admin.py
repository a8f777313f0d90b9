"""Seed content (content/explorer.json): sourced, idempotent, editor-safe; and every model is
editable in the admin."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from assessments.models import CareRoute, Caution, Condition, LabTest, RedFlag, Symptom
from claims.models import Source
from tests.content import TOPIC_FILE, content_records, explorer_records, load_explorer

EXPLORER = explorer_records()
# The claims' source list: the explorer cites only sources the claims' content has too.
SOURCE_KEYS = {row["key"] for row in content_records(TOPIC_FILE)["sources"]}


def explorer_report() -> str:
    """load_seed_content's report line for the explorer's file."""
    out = StringIO()
    call_command("load_seed_content", stdout=out)
    return next(line for line in out.getvalue().splitlines() if line.startswith("explorer"))


@pytest.mark.django_db
def test_seed_creates_every_row_with_a_known_source_and_is_idempotent():
    CareRoute.objects.all().delete()  # migration 0004 made them: the seed must too
    load_explorer()
    models = (Condition, Symptom, RedFlag, LabTest, Caution, CareRoute)
    counts = [m.objects.count() for m in models]
    assert counts == [2, len(EXPLORER["symptoms"]), len(EXPLORER["red_flags"]),
                      len(EXPLORER["lab_tests"]), len(EXPLORER["cautions"]),
                      len(EXPLORER["care_routes"])]
    for model in (Symptom, LabTest, Caution):
        assert all(row.source.key in SOURCE_KEYS for row in model.objects.all())
    for flag in RedFlag.objects.filter(source__isnull=False):
        assert flag.source.key in SOURCE_KEYS
    # Anxiety alone is linked to neither condition: the brief has no source for either.
    assert [s.slug for s in Symptom.objects.all() if not s.conditions.exists()] == ["anxiety"]
    load_explorer()
    assert counts == [m.objects.count() for m in models]


@pytest.mark.django_db
def test_facts_the_brief_marks_general_knowledge_are_unverified():
    load_explorer()
    assert not Caution.objects.get(slug="test-before-supplements").verified
    assert Caution.objects.get(slug="folic-acid-masking").source.key == "bsh-2014"
    assert Caution.objects.get(slug="copper-mimic").source.key == "kumar-2006"
    assert Caution.objects.get(slug="biotin-interference").source.key == "fda-biotin"
    assert LabTest.objects.get(slug="full-blood-count").source.key == "savage-1994"
    assert not RedFlag.objects.filter(verified=True).exists()  # brief: [S]/[K], unsplit


@pytest.mark.django_db
def test_seed_never_overwrites_an_editors_change_or_an_existing_source():
    Source.objects.create(key="nice-ng239", short_name="Edited by claims", source_type="guideline",
                          citation="Edited citation")
    load_explorer()
    assert Source.objects.get(key="nice-ng239").short_name == "Edited by claims"
    assert Source.objects.filter(key="kumar-2006").exists()  # missing ones are created
    symptom = Symptom.objects.get(slug="fatigue")
    symptom.name = "Edited name"
    symptom.save()
    symptom.conditions.clear()
    route = CareRoute.objects.get(urgency="soon")
    route.title = "Edited title"
    route.save()
    load_explorer()
    symptom.refresh_from_db()
    assert symptom.name == "Edited name" and not symptom.conditions.exists()
    assert CareRoute.objects.get(urgency="soon").title == "Edited title"


@pytest.mark.django_db
def test_seed_reports_what_it_did():
    CareRoute.objects.all().delete()
    first = explorer_report()
    assert first.startswith("explorer.json: created ") and "2 conditions" in first
    assert f"{len(EXPLORER['care_routes'])} care routes" in first
    assert "0 conditions, 0 symptoms" in explorer_report()
    assert "0 care routes" in explorer_report()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", ["condition", "symptom", "redflag", "labtest", "caution", "careroute"]
)
def test_admin_lists_and_edits_each_model(client, site_admin_user, model):
    load_explorer()
    client.force_login(site_admin_user)
    changelist = reverse(f"admin:assessments_{model}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "b12"}).status_code == 200
    first = apps.get_model("assessments", model).objects.order_by("pk").first()
    change = reverse(f"admin:assessments_{model}_change", args=[first.pk])
    assert client.get(change).status_code == 200


@pytest.mark.django_db
def test_admin_is_closed_to_anonymous_visitors(client):
    response = client.get(reverse("admin:assessments_symptom_changelist"))
    assert response.status_code == 302
