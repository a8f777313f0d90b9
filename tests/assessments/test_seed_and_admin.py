"""Seed content: sourced, idempotent, editor-safe; and every model is editable in the admin."""

import pytest
from django.apps import apps
from django.urls import reverse

from assessments import seed
from assessments.models import CareRoute, Caution, Condition, LabTest, RedFlag, Symptom
from claims.models import Source
from claims.seed_data.sources import SOURCES

SOURCE_KEYS = {row["key"] for row in SOURCES}


@pytest.mark.django_db
def test_seed_creates_every_row_with_a_known_source_and_is_idempotent():
    CareRoute.objects.all().delete()  # migration 0004 made them: the seed must too
    seed.load()
    models = (Condition, Symptom, RedFlag, LabTest, Caution, CareRoute)
    counts = [m.objects.count() for m in models]
    assert counts == [2, len(seed.SYMPTOMS), len(seed.RED_FLAGS), len(seed.LAB_TESTS),
                      len(seed.CAUTIONS), len(seed.CARE_ROUTES)]
    for model in (Symptom, LabTest, Caution):
        assert all(row.source.key in SOURCE_KEYS for row in model.objects.all())
    for flag in RedFlag.objects.filter(source__isnull=False):
        assert flag.source.key in SOURCE_KEYS
    # Anxiety alone is linked to neither condition: the brief has no source for either.
    assert [s.slug for s in Symptom.objects.all() if not s.conditions.exists()] == ["anxiety"]
    seed.load()
    assert counts == [m.objects.count() for m in models]


@pytest.mark.django_db
def test_facts_the_brief_marks_general_knowledge_are_unverified():
    seed.load()
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
    seed.load()
    assert Source.objects.get(key="nice-ng239").short_name == "Edited by claims"
    assert Source.objects.filter(key="kumar-2006").exists()  # missing ones are created
    symptom = Symptom.objects.get(slug="fatigue")
    symptom.name = "Edited name"
    symptom.save()
    symptom.conditions.clear()
    route = CareRoute.objects.get(urgency="soon")
    route.title = "Edited title"
    route.save()
    seed.load()
    symptom.refresh_from_db()
    assert symptom.name == "Edited name" and not symptom.conditions.exists()
    assert CareRoute.objects.get(urgency="soon").title == "Edited title"


@pytest.mark.django_db
def test_seed_reports_what_it_did():
    CareRoute.objects.all().delete()
    first = seed.load()
    assert first[0].startswith("assessments: created 2 conditions")
    assert f"{len(seed.CARE_ROUTES)} care routes" in first[0]
    assert "created 0 conditions, 0 symptoms" in seed.load()[0]
    assert "0 care routes" in seed.load()[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", ["condition", "symptom", "redflag", "labtest", "caution", "careroute"]
)
def test_admin_lists_and_edits_each_model(client, site_admin_user, model):
    seed.load()
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
