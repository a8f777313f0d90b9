"""A tired reader on a phone: the answer is on the first screen of every seeded claim page."""

import pytest

from claims.models import Claim

PHONE = {"width": 390, "height": 844}


@pytest.mark.slow
def test_every_seed_claim_answers_on_the_first_screen(seeded_site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    misses = []
    slugs = list(Claim.objects.public().values_list("slug", flat=True))
    assert len(slugs) >= 35
    for slug in slugs:
        page.goto(f"{seeded_site}/claims/{slug}/")
        parts = {
            "wording": page.locator("h1"),
            "verdict": page.locator(".answer .verdict"),
            "in short": page.locator(".in-short"),
            "first step": page.locator(".what-to-do li").first,
        }
        for name, locator in parts.items():
            box = locator.bounding_box()
            if box is None or box["y"] + box["height"] > PHONE["height"]:
                misses.append(f"{slug}: {name} ends at "
                              f"{None if box is None else round(box['y'] + box['height'])} px")
        # The verdict shows once: no second badge repeats it above the sources.
        assert page.locator(".verdict").count() == 1, slug
    context.close()
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("width", [320, 390])
def test_reference_table_stacks_without_breaking_words(seeded_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{seeded_site}/origins/supplement-blog-ms-b12/")
    cell = page.locator(".citation-table td", has_text="Wrong details").first
    # A stacked row gives the result its own line: the words fit whole, never "Wr/on/g".
    box = cell.bounding_box()
    line_height = float(cell.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert box["height"] < 2 * line_height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
