"""Chromium prints each handout to PDF on A4 and on US Letter; poppler reads the result.

First pages are saved as PNGs under test-artifacts/handouts/ (see tests/pdf.py).
"""


import pytest

from tests.pdf import PAPER, needs_poppler, pdf_info, pdf_text, print_pdf, squeezed

pytestmark = needs_poppler


@pytest.mark.parametrize("paper", PAPER)
def test_claim_handout_prints_on_one_page_with_its_footer(site, page, paper):
    pdf = print_pdf(page, site + "/claims/sublingual-b12-absorbs-better/handout/", paper, "claim")
    info = pdf_info(pdf)
    assert info == {"pages": 1, "size": PAPER[paper]}
    text = pdf_text(pdf)
    for expected in ("B12 under the tongue is absorbed better than swallowed B12",
                     "Our verdict: Contradicted", "What to do instead", "Sources",
                     "Printed", "Not yet approved by a clinical reviewer"):
        assert expected in text, expected
    assert "/claims/sublingual-b12-absorbs-better/".replace("-", "") in squeezed(text)
    assert "Print this handout" not in text and "Back to the page" not in text


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPER)
def test_every_claim_handout_fits_one_page(site, page, paper):
    from claims.models import Claim

    too_long = []
    for slug in Claim.objects.values_list("slug", flat=True):
        pdf = print_pdf(page, f"{site}/claims/{slug}/handout/", paper, "claim-each")
        if pdf_info(pdf)["pages"] != 1:
            too_long.append(slug)
    assert too_long == []


@pytest.mark.parametrize("paper", PAPER)
def test_topic_handout_prints_on_at_most_two_pages(site, page, paper):
    pdf = print_pdf(page, site + "/topics/vitamin-b12-and-ms/handout/", paper, "topic")
    info = pdf_info(pdf)
    assert info["pages"] <= 2 and info["size"] == PAPER[paper]
    text = pdf_text(pdf)
    for expected in ("Vitamin B12 and MS", "Our verdict: Supported", "Our verdict: Contradicted",
                     "What to do instead", "claims checked by a medical reviewer"):
        assert expected in text, expected
    assert "/topics/vitamin-b12-and-ms/".replace("-", "") in squeezed(text)


@pytest.mark.parametrize("paper", PAPER)
def test_the_stack_topic_handout_prints_on_at_most_two_pages(site, page, paper):
    pdf = print_pdf(page, site + "/topics/supplement-stack/handout/", paper, "topic-stack")
    info = pdf_info(pdf)
    assert info["pages"] <= 2 and info["size"] == PAPER[paper]
    text = pdf_text(pdf)
    for expected in ("The daily supplement stack for MS", "Our verdict: Contradicted",
                     "What to do instead"):
        assert expected in text, expected
    assert "/topics/supplement-stack/".replace("-", "") in squeezed(text)


@pytest.mark.parametrize("paper", PAPER)
def test_printing_the_normal_claim_page_leaves_out_navigation_and_buttons(site, page, paper):
    pdf = print_pdf(page, site + "/claims/sublingual-b12-absorbs-better/", paper, "claim-page")
    text = pdf_text(pdf)
    assert "What you may have read" in text and "What the evidence says" in text
    assert "Printed from" in text
    assert "/claims/sublingual-b12-absorbs-better/".replace("-", "") in squeezed(text)
    for hidden in ("Skip to main content", "Search claims", "Printable handout",
                   "Show this page for"):
        assert hidden not in text, hidden
