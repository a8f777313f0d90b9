"""The appointment sheet, filled in from the explorer's real form and printed by Chromium to PDF
on A4 and on US Letter: one page, 12pt text, a notes box, and a footer that leads to the empty
explorer. Its patient wording reads at grade 8 or lower.

First pages are saved as PNGs under test-artifacts/handouts/ (see tests/pdf.py).
"""

import re

import pytest
import textstat
from django.conf import settings
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from assessments.models import Symptom
from tests.content import explorer_records
from tests.pdf import PAPER, needs_poppler, pdf_info, pdf_text, print_pdf, squeezed

TWO = ["Tiredness (fatigue)", "Pins and needles, tingling or numbness"]
MAX_GRADE = 8
PT_12 = 16  # CSS px


def open_sheet(page, site: str, symptom_names: list[str], flag_labels=()) -> None:
    """Tick boxes in the explorer and press the sheet's button, as a person would."""
    page.goto(site + "/explorer/")
    ticked = page.locator(".sheet-form input[name=flag], .sheet-form input[name=symptom]")
    for count, label in enumerate([*flag_labels, *symptom_names], start=1):
        page.get_by_label(label, exact=True).check()
        # htmx swaps the results, and a card may open under a ticked box and move the boxes
        # below it; a person looks before the next tap, so the test waits for that swap too.
        expect(ticked).to_have_count(count)
    folded = page.locator("details.rest-of-results:not([open]) > summary")
    if folded.count():  # the mental-health card comes first; the rest is folded below it
        folded.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Open a printable appointment sheet").click()
    expect(page.locator("h1")).to_have_text("Take this to your appointment")


def all_symptom_names() -> list[str]:
    return list(Symptom.objects.values_list("name", flat=True))


@needs_poppler
@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("ticked", ["two", "all"])
def test_sheet_prints_on_one_page_with_what_was_ticked(site, page, paper, ticked):
    names = TWO if ticked == "two" else all_symptom_names()
    open_sheet(page, site, names)
    assert page.url == site + "/explorer/appointment-sheet/"  # nothing ticked in the address

    pdf = print_pdf(page, "", paper, f"appointment-sheet-{ticked}")
    assert pdf_info(pdf) == {"pages": 1, "size": PAPER[paper]}
    text = pdf_text(pdf)
    for name in names:
        assert squeezed(name) in squeezed(text), name  # a long name may wrap in its column
    for expected in ("Tests to ask about", "Active B12", "Methylmalonic acid (MMA)",
                     "Only if the first B12 result is borderline",
                     "Questions for my doctor", "Notes", "for learning",
                     "Printed " + dateformat.format(timezone.localdate(), "j F Y")):
        assert expected in text, expected
    assert squeezed(settings.SITE_URL + "/explorer/") in squeezed(text)
    assert "appointmentsheet" not in squeezed(text)  # the QR and address lead to the explorer
    assert "Print this handout" not in text and "Back to the page" not in text
    assert page.context.cookies() == []


@needs_poppler
@pytest.mark.parametrize("paper", PAPER)
def test_red_flags_come_first_and_the_sheet_still_fits_one_page(site, page, paper):
    flags = ["Sudden loss of sight in one or both eyes",
             "Thoughts of ending your life, or not feeling safe",
             "Walking or balance getting worse fast",
             "New symptoms, or symptoms slowly getting worse, over weeks"]
    open_sheet(page, site, TWO, flags)
    pdf = print_pdf(page, "", paper, "appointment-sheet-red-flags")
    assert pdf_info(pdf)["pages"] == 1
    text, flat = pdf_text(pdf), squeezed(pdf_text(pdf))
    # One card per urgency, most urgent first, all before the symptoms and the tests.
    order = [text.index(title) for title in ("Call 999 now", "Talk to someone now",
                                             "Get help today", "Symptoms I have noticed")]
    assert order == sorted(order)
    for label in flags[:3]:
        assert squeezed(label) in flat, label
    # The "soon" flag is listed with the symptoms noticed (pdftotext may read its wrapped
    # lines across columns, so it is checked in the page).
    expect(page.locator(".sheet-symptoms")).to_contain_text(flags[3])
    assert "116 123" in text and squeezed("mental health option") in flat
    # The sheet leads with the mental-health concern, not with a blood test.
    assert text.index("First, I want to talk about my mental health") < text.index(
        "Symptoms I have noticed")
    assert "not yet checked" not in text.split("Symptoms I have noticed")[0]


def test_printed_sheet_text_is_at_least_12pt_and_black_on_white(site, page):
    open_sheet(page, site, all_symptom_names())
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => [...document.querySelectorAll(
            '.appointment-sheet :is(p, li, h1, h2):not(.handout-footer *)')]
          .filter((el) => el.textContent.trim())
          .map((el) => {
            const style = getComputedStyle(el);
            return [el.textContent.trim().slice(0, 30), parseFloat(style.fontSize),
                    style.color, getComputedStyle(document.body).backgroundColor];
          })"""
    )
    assert len(styles) > 30
    too_small = [(text, size) for text, size, _, _ in styles if size < PT_12 - 0.01]
    assert too_small == []
    assert {color for _, _, color, _ in styles} == {"rgb(0, 0, 0)"}
    assert {background for *_, background in styles} == {"rgb(255, 255, 255)"}
    # No buttons or navigation on paper, and a notes box to write in.
    assert page.locator("[data-print-button]").is_hidden()
    assert page.get_by_role("link", name="Back to the page").is_hidden()
    assert page.locator(".appointment-sheet .notes-box").is_visible()


def sheet_prose(html: str) -> str:
    """Visible patient wording of the sheet: not the footer, the source names or addresses."""
    sheet = html.split('<article class="appointment-sheet"', 1)[1].split(">", 1)[1]
    sheet = sheet.split("<footer", 1)[0]
    sheet = re.sub(r'<span class="sheet-source-names">.*?</span>', "our sources", sheet, flags=re.S)
    sheet = re.sub(r"<(h\d|li|p|div)[^>]*>", ". ", sheet)
    text = re.sub(r"<[^>]+>", " ", sheet).replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"symptom": ["fatigue", "pins-and-needles"]},
        {"symptom": [row["slug"] for row in explorer_records()["symptoms"]]},
        {"symptom": ["fatigue"], "flag": ["stroke-signs", "suicidal-thoughts"]},
        {"symptom": ["came-and-went", "double-vision"], "ms": "yes"},
    ],
    ids=["nothing-ticked", "two", "all", "red-flags", "ms-diagnosis"],
)
def test_sheet_wording_reads_at_grade_8_or_lower(client, seed_content, data):
    response = client.post("/explorer/appointment-sheet/", data)
    prose = sheet_prose(response.content.decode())
    assert "Questions for my doctor" in prose
    assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose
