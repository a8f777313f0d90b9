"""Patient text in the explorer and explainer reads at grade 8 or lower (Flesch-Kincaid)."""

import re

import pytest
import textstat

from assessments import bands
from tests.content import explorer_records

MAX_GRADE = 8


def page_prose(html: str) -> str:
    """Visible prose of the main content, without citations (they are not patient prose)."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r'<span class="source-note">.*?</span>\s*(</span>)?', " ", main, flags=re.S)
    main = re.sub(r"<(h\d|legend|dt|label|li|p|caption|th|td|summary)[^>]*>", ". ", main)
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", text)


def seeded_prose() -> list[tuple[str, str]]:
    seed = explorer_records()
    rows = [(c["slug"], c["description"]) for c in seed["conditions"]]
    rows += [(r["slug"], f"{r['explanation']} {r['points_towards_note']}")
             for r in seed["symptoms"]]
    rows += [(r["slug"], f"{r['label']}. {r['what_to_do']}") for r in seed["red_flags"]]
    rows += [(r["slug"], f"{r['measures']} {r['why_it_matters']}") for r in seed["lab_tests"]]
    rows += [(r["slug"], r["body"]) for r in seed["cautions"]]
    for scale in bands.SCALES.values():
        rows += [(f"{scale.slug}-{b.code}", f"{b.nice_meaning} {b.next_step}")
                 for b in scale.bands.values()]
    return rows


def test_seeded_patient_text_is_grade_8_or_lower():
    text = " ".join(prose for _, prose in seeded_prose())
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE
    too_hard = [
        (slug, grade) for slug, prose in seeded_prose()
        if (grade := textstat.flesch_kincaid_grade(prose)) > 10
    ]
    assert too_hard == []  # no single item far above the target either


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/explorer/", None),
        ("/explorer/", {"symptom": ["fatigue", "pins-and-needles", "double-vision",
                                    "sore-red-tongue"], "flag": ["stroke-signs"]}),
        ("/explorer/appointment-sheet/", {"symptom": ["fatigue"]}),
        ("/explorer/appointment-sheet/", None),
        ("/explorer/results/", {"test": "total", "value": "250", "unit": "pg/mL"}),
        ("/explorer/results/", {"test": "x", "value": "abc"}),
    ],
)
def test_pages_read_at_grade_8_or_lower(client, seeded, url, data):
    response = client.get(url) if data is None else client.post(url, data)
    prose = page_prose(response.content.decode())
    assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose
