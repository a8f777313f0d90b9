"""Keyboard only: every control is reachable with Tab and visibly focused, and a reader can
search, open a claim, switch audience and reach the printable handout without a mouse."""

import pytest

from tests.quality.pages import CLAIM

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, "
    "textarea, summary, [tabindex]:not([tabindex='-1'])"
)

# Counts the visible controls; a group of radio buttons is one Tab stop (arrows move within).
COUNT_TARGETS = """
els => {
  const radios = new Set();
  return els.filter(el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (el.type === 'radio') {
      if (radios.has(el.name)) return false;
      radios.add(el.name);
    }
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
      && !el.closest('[hidden], [aria-hidden=true]');
  }).length;
}
"""

# Describes the focused control: whether focus is drawn, or null when focus left the page.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.dataset.kbSeen) return {again: true};
  el.dataset.kbSeen = '1';
  const s = getComputedStyle(el);
  const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== 'none';
  return {shown, label: el.tagName + ' ' + (el.textContent || el.name || '').trim().slice(0, 40)};
}
"""


def _tab_through(page, limit=400):
    targets = page.eval_on_selector_all(FOCUSABLE, COUNT_TARGETS)
    reached, unfocused = 0, []
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info is None or info.get("again"):
            break
        reached += 1
        if not info["shown"]:
            unfocused.append(info["label"])
    return targets, reached, unfocused


@pytest.mark.parametrize("path", ["/", "/search/?q=b12", CLAIM, "/explorer/",
                                  "/explorer/results/", "/suggest/", CLAIM + "handout/"])
def test_every_control_is_reachable_and_visibly_focused(seeded_site, page, path):
    page.goto(seeded_site + path)
    targets, reached, unfocused = _tab_through(page)
    assert reached >= targets, f"only {reached} of {targets} controls reached by Tab"
    assert unfocused == []


def test_search_open_a_claim_switch_audience_and_print_with_the_keyboard(seeded_site, page):
    page.goto(seeded_site + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    # The home page has one search box, its own (the header's is left out there).
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "home-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "home-q"
    page.keyboard.type("sublingual b12")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=sublingual*")

    first_result = page.locator(".result-list a").first
    first_result.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + CLAIM)

    clinician = page.get_by_role("link", name="Clinician")
    clinician.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Summary for clinicians").wait_for()

    handout = page.get_by_role("link", name="Printable handout")
    handout.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + CLAIM + "handout/")
    assert page.get_by_role("button", name="Print this handout").is_visible()


def test_explorer_boxes_tick_with_the_space_bar(seeded_site, page):
    page.goto(seeded_site + "/explorer/")
    box = page.locator("input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
