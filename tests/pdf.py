"""Print a page to PDF in Chromium and read it back with poppler (pdfinfo, pdftotext).

The first page of every PDF is also saved as a PNG under test-artifacts/ so a person can look
at what was printed.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
PAPER = {"A4": (596, 843), "Letter": (612, 792)}  # points: A4 is 595.92 x 842.88
HAVE_POPPLER = bool(shutil.which("pdfinfo") and shutil.which("pdftotext"))

needs_poppler = pytest.mark.skipif(
    not HAVE_POPPLER and os.environ.get("CI", "").lower() not in {"1", "true"},
    reason="poppler-utils (pdfinfo, pdftotext) is not installed",
)


def print_pdf(page, url: str, paper: str, name: str, folder: str = "handouts") -> Path:
    """Open `url` in the Playwright page and print it; returns the PDF's path."""
    out = ARTIFACTS / folder
    out.mkdir(parents=True, exist_ok=True)
    if url:
        page.goto(url)
    pdf = out / f"{name}-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out / f"{name}-{paper}")], check=True)
    return pdf


def pdf_info(pdf: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    width, _, height = fields["Page size"].split()[:3]
    return {"pages": int(fields["Pages"]), "size": (round(float(width)), round(float(height)))}


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


def squeezed(text: str) -> str:
    """Long addresses wrap at a hyphen in print, and pdftotext joins such a line without its
    hyphen: compare addresses without white space or hyphens."""
    return "".join(text.split()).replace("-", "")
