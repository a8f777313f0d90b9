"""Whatever is ticked, the explorer points to testing and a clinician, and never to a dose,
a percentage or a diagnosis."""

import re

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import seed
from assessments.models import RedFlag, Symptom

DOSE = re.compile(r"\d[\d,.]*\s*(mcg|µg|μg|mg|micrograms?|milligrams?|IU)\b", re.IGNORECASE)
PERCENT = re.compile(r"\d\s*(%|per ?cent)", re.IGNORECASE)
DIAGNOSTIC = ("you have", "you probably have", "diagnosis:", "likely to have")


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_every_subset_points_to_testing_and_never_to_a_dose_score_or_diagnosis():
    seed.load()  # once per test; hypothesis examples below reuse it
    symptoms = list(Symptom.objects.values_list("slug", flat=True))
    flags = list(RedFlag.objects.values_list("slug", flat=True))
    client = Client()

    @settings(max_examples=60, deadline=None)
    @given(
        ticked=st.sets(st.sampled_from(symptoms)),
        ticked_flags=st.sets(st.sampled_from(flags), max_size=3),
        htmx=st.booleans(),
    )
    def check(ticked, ticked_flags, htmx):
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.post(
            "/explorer/", {"symptom": sorted(ticked), "flag": sorted(ticked_flags)},
            headers=headers,
        )
        assert response.status_code == 200
        html = response.content.decode()
        results = html if htmx else html.split('id="results"', 1)[1].split(">", 1)[1]
        text = visible_text(results)
        assert "blood test" in text
        assert "GP" in text or "MS team" in text
        assert not DOSE.search(visible_text(html))
        assert not PERCENT.search(visible_text(html))
        lowered = visible_text(html).lower()
        for wording in DIAGNOSTIC:
            assert wording not in lowered
        if ticked_flags:
            assert text.lstrip().startswith(("Call 999", "Get help today", "See your GP"))

    check()
