"""Whatever is ticked, the explorer points to testing and a clinician, never to a dose, a
percentage or a diagnosis, and urgent help always comes first."""

import re

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.models import CARD_URGENCIES, CareRoute, RedFlag, Symptom, urgency_rank
from tests.content import load_explorer

DOSE = re.compile(r"\d[\d,.]*\s*(mcg|µg|μg|mg|micrograms?|milligrams?|IU)\b", re.IGNORECASE)
PERCENT = re.compile(r"\d\s*(%|per ?cent)", re.IGNORECASE)
DIAGNOSTIC = ("you have", "you probably have", "diagnosis:", "likely to have", "points towards")


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&")


@pytest.mark.django_db
def test_every_subset_points_to_testing_and_never_to_a_dose_score_or_diagnosis():
    load_explorer()  # once per test; hypothesis examples below reuse it
    urgency_of = dict(Symptom.objects.values_list("slug", "urgency"))
    flag_urgency = dict(RedFlag.objects.values_list("slug", "urgency"))
    titles = dict(CareRoute.objects.values_list("urgency", "title"))
    client = Client()

    @settings(max_examples=60, deadline=None)
    @given(
        ticked=st.sets(st.sampled_from(sorted(urgency_of))),
        ticked_flags=st.sets(st.sampled_from(sorted(flag_urgency)), max_size=3),
        htmx=st.booleans(),
        has_ms=st.booleans(),
    )
    def check(ticked, ticked_flags, htmx, has_ms):
        headers = {"HX-Request": "true"} if htmx else {}
        data = {"symptom": sorted(ticked), "flag": sorted(ticked_flags)}
        if has_ms:
            data["ms"] = "yes"
        response = client.post("/explorer/", data, headers=headers)
        assert response.status_code == 200
        html = response.content.decode()
        main = html if htmx else html.split("<main", 1)[1].split('<div class="wrap">', 1)[1]
        results = html if htmx else html.split('id="results"', 1)[1].split(">", 1)[1]
        text = visible_text(results)
        assert "blood test" in text
        assert "GP" in text or "MS team" in text
        assert not DOSE.search(visible_text(html))
        assert not PERCENT.search(visible_text(html))
        lowered = visible_text(html).lower()
        for wording in DIAGNOSTIC:
            assert wording not in lowered
        urgencies = [urgency_of[s] for s in ticked] + [flag_urgency[f] for f in ticked_flags]
        carded = sorted({u for u in urgencies if u in CARD_URGENCIES}, key=urgency_rank)
        if carded:
            # The most urgent card is the first thing: at the top of the page without
            # JavaScript, at the top of the results with htmx.
            first = visible_text(main if not htmx else results).lstrip()
            assert first.startswith(titles[carded[0]]), first[:80]
        elif urgencies:
            assert "How soon to get help" in text and "in the next days to weeks" in text

    check()
