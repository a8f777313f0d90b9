"""The suggestion inbox shows, for each reader's suggestion, the closest claims we already
have, with their match level and a link to each claim's admin page: found for the whole page
of the list at once, never row by row."""

import re

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.search import matching
from editorial.models import Suggestion

pytestmark = pytest.mark.django_db
LIST = reverse("admin:editorial_suggestion_changelist")
LEVEL_WORDS = r"\((?:same claim|similar)\)"


def cell(html: str, suggestion: Suggestion) -> str:
    """The list row's "closest claims" cell of one suggestion."""
    row = html.split(f'href="/admin/editorial/suggestion/{suggestion.pk}/change/', 1)[1]
    return row.split('<td class="field-closest_claims">', 1)[1].split("</td>", 1)[0]


def fake_engine(monkeypatch, claims: list[Claim]) -> list[str]:
    """An engine that answers every text with `claims` and reads nothing; returns the texts it
    was asked about."""
    asked = []

    def closest_claims(text, limit=3, *, version=None):
        asked.append(text)
        levels = [matching.CHECKED] + [matching.SIMILAR] * (len(claims) - 1)
        pairs = zip(claims[:limit], levels[:limit], strict=True)
        return [matching.ClaimMatch(claim, level, 1.0) for claim, level in pairs]

    monkeypatch.setattr(matching, "closest_claims", closest_claims)
    return asked


def test_each_suggestion_lists_its_closest_claims_linked_to_their_admin_pages(
        client, editor_user, seed_content):
    known = Claim.objects.get(slug="take-b12-in-the-morning")
    already = Suggestion.objects.create(claim_text=known.text)
    unrelated = Suggestion.objects.create(claim_text="Love this photo.")
    client.force_login(editor_user)
    html = client.get(LIST).content.decode()
    assert "closest claims we have" in html.lower()

    found = cell(html, already)
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> ' + LEVEL_WORDS + "</li>", found)
    assert 1 <= len(links) <= 3
    # Its own wording finds the claim first, whichever engine matches.
    assert links[0] == (reverse("admin:claims_claim_change", args=[known.pk]),
                        known.short_wording)
    assert cell(html, unrelated) == "None close"


def test_the_suggestion_page_shows_them_too(client, editor_user, seed_content):
    known = Claim.objects.get(slug="sublingual-b12-absorbs-better")
    suggestion = Suggestion.objects.create(claim_text=known.text)
    client.force_login(editor_user)
    html = client.get(reverse("admin:editorial_suggestion_change", args=[suggestion.pk]))
    html = html.content.decode()
    field = html.split("field-closest_claims", 1)[1].split("field-seen_at", 1)[0]
    assert re.search(
        rf'<li><a href="/admin/claims/claim/{known.pk}/change/">{re.escape(known.short_wording)}'
        rf"</a> {LEVEL_WORDS}</li>", field)


def test_levels_are_named_in_words(client, editor_user, seed_content, monkeypatch):
    claims = list(Claim.objects.public()[:3])
    fake_engine(monkeypatch, claims)
    suggestion = Suggestion.objects.create(claim_text="B12 cures everything.")
    client.force_login(editor_user)
    found = cell(client.get(LIST).content.decode(), suggestion)
    assert re.findall(r"\(([a-z ]+)\)</li>", found) == ["same claim", "similar", "similar"]


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_finds_them_in_a_fixed_number_of_queries(
        rows, client, editor_user, seed_content, monkeypatch, django_assert_num_queries):
    asked = fake_engine(monkeypatch, list(Claim.objects.public()[:3]))
    for n in range(rows):
        Suggestion.objects.create(claim_text=f"Suggestion number {n % 15}.")
    client.force_login(editor_user)
    # 1 session, 2 user, 3-4 the user's permissions (user, groups), 5 filtered count, 6 full
    # count, 7 the page of suggestions joined to their claim, 8 the content version (once,
    # for every suggestion), 9 the claims found, for every row at once. The engine's own
    # reads are its own (this fake makes none): it is asked once for each distinct text.
    with django_assert_num_queries(9):
        assert client.get(LIST).status_code == 200
    assert len(asked) == min(rows, 15)


def test_the_change_page_asks_the_engine_once(client, editor_user, seed_content, monkeypatch):
    asked = fake_engine(monkeypatch, list(Claim.objects.public()[:3]))
    suggestion = Suggestion.objects.create(claim_text="B12 cures everything.")
    client.force_login(editor_user)
    url = reverse("admin:editorial_suggestion_change", args=[suggestion.pk])
    assert client.get(url).status_code == 200
    assert asked == ["B12 cures everything."]


@pytest.mark.parametrize("role", ["editor_user", "reviewer_user", "site_admin_user"])
def test_every_staff_role_sees_them(role, request, client, seed_content):
    Suggestion.objects.create(claim_text="Take B12 in the morning, because it gives you energy.")
    client.force_login(request.getfixturevalue(role))
    response = client.get(LIST)
    assert response.status_code == 200
    assert 'class="near-duplicates"' in response.content.decode()
