"""Chromium prints each handout to PDF on A4 and on US Letter; poppler reads the result.

The first page of every PDF is also saved as a PNG under test-artifacts/handouts/ so a person
can look at what was printed.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "handouts"
PAPER = {"A4": (596, 843), "Letter": (612, 792)}  # points: A4 is 595.92 x 842.88
HAVE_POPPLER = bool(shutil.which("pdfinfo") and shutil.which("pdftotext"))

pytestmark = pytest.mark.skipif(
    not HAVE_POPPLER and os.environ.get("CI", "").lower() not in {"1", "true"},
    reason="poppler-utils (pdfinfo, pdftotext) is not installed",
)


@pytest.fixture
def site(transactional_db, live_server):
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    return live_server.url


def _print(page, url: str, paper: str, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(url)
    pdf = ARTIFACTS / f"{name}-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(ARTIFACTS / f"{name}-{paper}")], check=True)
    return pdf


def _info(pdf: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    width, _, height = fields["Page size"].split()[:3]
    return {"pages": int(fields["Pages"]), "size": (round(float(width)), round(float(height)))}


def _nospace(text: str) -> str:
    """Long addresses wrap at a hyphen in print, and pdftotext joins such a line without its
    hyphen: compare addresses without white space or hyphens."""
    return "".join(text.split()).replace("-", "")


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


@pytest.mark.parametrize("paper", PAPER)
def test_claim_handout_prints_on_one_page_with_its_footer(site, page, paper):
    pdf = _print(page, site + "/claims/sublingual-b12-absorbs-better/handout/", paper, "claim")
    info = _info(pdf)
    assert info == {"pages": 1, "size": PAPER[paper]}
    text = _text(pdf)
    for expected in ("B12 under the tongue is absorbed better than swallowed B12",
                     "Our verdict: Contradicted", "What to do instead", "Sources",
                     "Printed", "Not yet approved by a clinical reviewer"):
        assert expected in text, expected
    assert "/claims/sublingual-b12-absorbs-better/".replace("-", "") in _nospace(text)
    assert "Print this handout" not in text and "Back to the page" not in text


@pytest.mark.parametrize("paper", PAPER)
def test_every_claim_handout_fits_one_page(site, page, paper):
    from claims.models import Claim

    too_long = []
    for slug in Claim.objects.values_list("slug", flat=True):
        pdf = _print(page, f"{site}/claims/{slug}/handout/", paper, "claim-each")
        if _info(pdf)["pages"] != 1:
            too_long.append(slug)
    assert too_long == []


@pytest.mark.parametrize("paper", PAPER)
def test_topic_handout_prints_on_at_most_two_pages(site, page, paper):
    pdf = _print(page, site + "/topics/vitamin-b12-and-ms/handout/", paper, "topic")
    info = _info(pdf)
    assert info["pages"] <= 2 and info["size"] == PAPER[paper]
    text = _text(pdf)
    for expected in ("Vitamin B12 and MS", "Our verdict: Supported", "Our verdict: Contradicted",
                     "What to do instead", "claims checked by a medical reviewer"):
        assert expected in text, expected
    assert "/topics/vitamin-b12-and-ms/".replace("-", "") in _nospace(text)


@pytest.mark.parametrize("paper", PAPER)
def test_printing_the_normal_claim_page_leaves_out_navigation_and_buttons(site, page, paper):
    pdf = _print(page, site + "/claims/sublingual-b12-absorbs-better/", paper, "claim-page")
    text = _text(pdf)
    assert "What you may have read" in text and "What the evidence says" in text
    assert "Printed from" in text
    assert "/claims/sublingual-b12-absorbs-better/".replace("-", "") in _nospace(text)
    for hidden in ("Skip to main content", "Search claims", "Printable handout",
                   "Show this page for"):
        assert hidden not in text, hidden
