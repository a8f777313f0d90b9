"""Issue 13: one urgency per sign, seen at once, mental health first, cards that are
instructions, and results that fit the answers. One test (or more) per finding; the viewport
tests at 390 px are in test_explorer_browser.py.
"""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from assessments.models import (
    CARD_URGENCIES,
    CareRoute,
    LabTest,
    RedFlag,
    Symptom,
    SymptomGroup,
    Urgency,
    WhenToAsk,
)
from editorial.models import ProposedChange
from editorial.services import changes
from tests.content import explorer_records

URL = "/explorer/"
SHEET = "/explorer/appointment-sheet/"
HTMX = {"HX-Request": "true"}
RED_FLAGS = explorer_records()["red_flags"]
SYMPTOMS = explorer_records()["symptoms"]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&").strip()


def between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def cards_in(html: str) -> list[tuple[str, str]]:
    """(urgency, card html) of every care card, in page order."""
    parts = re.split(r'<div class="care-card care-card--(\w+)[^"]*"[^>]*>', html)
    return [(parts[i], parts[i + 1].split('<div class="card-slot"', 1)[0])
            for i in range(1, len(parts), 2)]


def heading_of(card_html: str) -> str:
    return text_of(re.search(r'class="care-card-heading">(.*?)</h\d>', card_html).group(1))


def all_signs() -> list[tuple[str, str]]:
    return ([("flag", row["slug"]) for row in RED_FLAGS]
            + [("symptom", row["slug"]) for row in SYMPTOMS])


def row_of(field: str, slug: str):
    return (RedFlag if field == "flag" else Symptom).objects.get(slug=slug)


def name_of(field: str, slug: str) -> str:
    row = row_of(field, slug)
    return row.label if field == "flag" else row.name


# --- Finding 2: one urgency per sign, the same advice wherever it appears ---------------------


def test_no_sign_is_seeded_twice_in_two_lists():
    flags = {row["label"].lower() for row in RED_FLAGS}
    symptoms = {row["name"].lower() for row in SYMPTOMS}
    assert flags.isdisjoint(symptoms)
    assert {row["slug"] for row in RED_FLAGS}.isdisjoint({row["slug"] for row in SYMPTOMS})
    # Painful loss of sight and pain on moving the eye: one row, same day.
    eye_rows = [row for row in RED_FLAGS + SYMPTOMS
                if "move your eye" in row.get("label", row.get("name"))]
    assert [row["slug"] for row in eye_rows] == ["painful-vision-one-eye"]
    assert eye_rows[0]["urgency"] == Urgency.SAME_DAY


@pytest.mark.django_db
def test_the_admin_refuses_a_second_row_for_a_sign_the_other_list_has(seeded):
    flag = RedFlag(slug="double-vision-again", label="new double vision that starts suddenly "
                   "and stays", urgency=Urgency.EMERGENCY, what_to_do="Call 999.")
    with pytest.raises(ValidationError, match="one sign, one row, one urgency"):
        flag.full_clean()
    symptom = Symptom.objects.get(slug="fatigue")
    symptom.slug = "stroke-signs"
    with pytest.raises(ValidationError) as refused:
        symptom.full_clean()
    assert "slug" in refused.value.message_dict


@pytest.mark.django_db
def test_every_urgency_a_sign_has_has_one_route(seeded):
    used = {row.urgency for row in [*RedFlag.objects.all(), *Symptom.objects.all()]}
    routes = set(CareRoute.objects.values_list("urgency", flat=True))
    assert used <= routes
    assert routes == {Urgency.EMERGENCY, Urgency.MENTAL_HEALTH, Urgency.SAME_DAY, Urgency.SOON}
    # The brief has no routine row: no routine route is seeded and no seeded sign is routine.
    assert Urgency.ROUTINE not in used


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "slug"), all_signs(), ids=[s for _, s in all_signs()])
def test_a_signs_advice_is_the_same_wherever_it_appears(client, seeded, field, slug):
    row = row_of(field, slug)
    route = CareRoute.objects.get(urgency=row.urgency)
    others = set(CareRoute.objects.exclude(pk=route.pk).values_list("title", flat=True))
    data = {field: [slug]}

    # 1. The form before anything is ticked.
    form = client.get(URL).content.decode()
    item = between(form, f'id="{field}-{slug}"', 'class="checkbox-item"')
    if field == "flag":
        block = form.split(f'id="{field}-{slug}"', 1)[0].rsplit('class="urgency-block', 1)[1]
        assert block.startswith(f' urgency-block--{row.urgency}"')
        assert route.summary in text_of(block)
    elif row.urgency in CARD_URGENCIES:
        assert f"{route.title} if this is happening now." in text_of(item)

    # 2. With htmx: the card under the box, and the results.
    partial = client.post(URL, data, headers=HTMX).content.decode()
    slot = f'<div class="card-slot" id="card-{field}-{slug}" data-hx-swap-oob="true">'
    results, slots = partial.split(slot, 1) if slot in partial else (partial, "")
    # 3. Without JavaScript: the submitted page.
    full = client.post(URL, data).content.decode()
    # 4. The appointment sheet.
    sheet = client.post(SHEET, data).content.decode()

    if row.urgency in CARD_URGENCIES:
        inline = cards_in(slots.split('<div class="card-slot"', 1)[0])
        assert [(u, heading_of(html)) for u, html in inline] == [(row.urgency, route.title)]
        for place in (results, between(full, "<main", "<h1>"),
                      between(sheet, "<h1", "Symptoms I have noticed")):
            cards = cards_in(place)
            assert [(u, heading_of(html)) for u, html in cards] == [(row.urgency, route.title)]
            for line in route.where_lines:
                assert line in text_of(cards[0][1])
            assert not others & {heading_of(html) for _, html in cards}
    else:
        assert slot not in partial  # no card slot: nothing to show under the box
        for place in (partial, full, sheet):
            assert 'class="care-card care-card--' not in place
        for place in (results, full):
            booking = text_of(between(place, 'id="book-heading"', "</section>"))
            assert route.title in booking and route.where_lines[0] in booking
        assert name_of(field, slug) in text_of(between(sheet, 'id="sheet-symptoms"', "</ul>"))


@pytest.mark.django_db
def test_double_vision_breathlessness_and_palpitations_now_have_an_urgency(client, seeded):
    assert Symptom.objects.get(slug="double-vision").urgency == Urgency.SAME_DAY
    breathless = Symptom.objects.get(slug="breathless-palpitations")
    assert breathless.urgency == Urgency.SOON
    text = text_of(client.post(URL, {"symptom": ["breathless-palpitations"]}).content.decode())
    assert "How soon to get help" in text and "in the next days to weeks" in text
    # The emergency version of the same complaint is its own red flag, at the top.
    assert RedFlag.objects.get(slug="chest-pain-breathless").urgency == Urgency.EMERGENCY


# --- Finding 1: urgent advice in sight before anything is ticked ------------------------------


@pytest.mark.django_db
def test_before_anything_is_ticked_the_red_flag_group_says_what_to_do_per_urgency(client,
                                                                                 seeded):
    html = client.get(URL).content.decode()
    form = between(html, '<form class="explorer-form"', "</form>")
    first_fieldset = between(form, "<fieldset", "</fieldset>")
    assert "<legend>Check these first</legend>" in first_fieldset
    blocks = re.findall(r'urgency-block--(\w+)"', first_fieldset)
    assert blocks == [Urgency.EMERGENCY, Urgency.MENTAL_HEALTH, Urgency.SAME_DAY, Urgency.SOON]
    lines = re.findall(r'<p class="urgency-line" id="urgency-(\w+)">(.*?)</p>', first_fieldset)
    assert [(u, text_of(t)) for u, t in lines] == [
        (u, CareRoute.objects.get(urgency=u).summary.replace("&", "&")) for u in blocks
    ]
    assert "116 123" in text_of(first_fieldset) and "call 999" in text_of(first_fieldset).lower()
    assert "for the UK" in text_of(first_fieldset)
    # Each red flag sits in the block of its own urgency.
    for flag in RedFlag.objects.all():
        block = form.split(f'id="flag-{flag.slug}"', 1)[0].rsplit("urgency-block--", 1)[1]
        assert block.startswith(f'{flag.urgency}"'), flag.slug


# --- Finding 3: thoughts of ending your life --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_thoughts_of_ending_your_life_get_support_first_and_the_rest_folded(client, seeded,
                                                                           htmx):
    flag = RedFlag.objects.get(slug="suicidal-thoughts")
    assert flag.urgency == Urgency.MENTAL_HEALTH
    data = {"flag": ["suicidal-thoughts"], "symptom": ["fatigue", "pins-and-needles"]}
    html = client.post(URL, data, headers=HTMX if htmx else {}).content.decode()
    card = dict(cards_in(html))[Urgency.MENTAL_HEALTH]
    text = text_of(card)
    for words in ("Talk to someone now", "NHS 111", "mental health option", "option 2",
                  "Samaritans", "116 123", "free", "Call 999 or go to A&E",
                  "might act on these thoughts", "harmed yourself"):
        assert words in text, words
    assert "call your GP or NHS 111" not in text
    results = html if htmx else html.split('id="results"', 1)[1]
    # The rest of the result (the overlap, the B12 tests, the sheet) is folded below it.
    rest = between(results, '<details class="rest-of-results">', "</details>")
    assert "Show the rest of your results" in rest
    for folded in ("Both MS and low B12 can cause these", "Serum (total) B12",
                   "Open a printable appointment sheet"):
        assert folded in rest and folded not in results.split("<details", 1)[0]
    assert "<details class=\"rest-of-results\" open" not in results


@pytest.mark.django_db
def test_the_sheet_leads_with_the_mental_health_concern_not_a_blood_test(client, seeded):
    html = client.post(SHEET, {"flag": ["suicidal-thoughts"], "symptom": ["fatigue"]})
    text = text_of(html.content.decode())
    opening = text.index("First, I want to talk about my mental health")
    assert text.index("Talk to someone now") < opening < text.index("Symptoms I have noticed")
    assert "blood test" not in text[:opening]
    assert "116 123" in text[:opening]
    plain = text_of(client.post(SHEET, {"symptom": ["fatigue"]}).content.decode())
    assert "I would like to talk about these symptoms, and whether a blood test could help" in plain


# --- Finding 4: care cards are instructions, not evidence -------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("urgency", CARD_URGENCIES)
def test_cards_name_their_source_say_uk_and_their_review_status_never_not_yet_checked(
    client, seeded, urgency
):
    flag = RedFlag.objects.filter(urgency=urgency).first()
    assert not flag.verified  # the sign's evidence is unchecked, yet the card says nothing of it
    for place in (URL, SHEET):
        html = client.post(place, {"flag": [flag.slug]}).content.decode()
        top = html.split("Symptoms I have noticed", 1)[0] if place == SHEET else html
        card = text_of(dict(cards_in(top))[urgency] + (top if place == SHEET else ""))
        assert "not yet checked" not in card.lower()
        assert "Source: NHS." in card and "These services are for the UK." in card
        assert "Not yet reviewed by a clinician." in card
    route = CareRoute.objects.get(urgency=urgency)
    route.last_reviewed, route.next_review_due = datetime.date(2026, 3, 1), datetime.date(
        2027, 3, 1)
    route.save()
    card = text_of(dict(cards_in(client.post(URL, {"flag": [flag.slug]}).content.decode()))[
        urgency])
    assert "Last reviewed 1 March 2026. Next review due 1 March 2027." in card


@pytest.mark.django_db
def test_the_stroke_card_says_call_999_and_not_to_drive(client, seeded):
    html = client.post(URL, {"flag": ["stroke-signs"]}, headers=HTMX).content.decode()
    for urgency, card in cards_in(html):
        assert urgency == Urgency.EMERGENCY
        assert heading_of(card) == "Call 999 now"
        text = text_of(card)
        assert "stroke" in text and "call 999" in text.lower()
        assert "Do not drive yourself" in text


@pytest.mark.django_db
def test_only_a_new_loss_of_bladder_control_with_numbness_is_an_emergency(client, seeded):
    emergency = RedFlag.objects.get(slug="bladder-control-numb-bottom")
    assert emergency.urgency == Urgency.EMERGENCY
    assert emergency.label.startswith("New loss of bladder or bowel control, with numbness")
    ordinary = Symptom.objects.get(slug="bladder-problems")
    assert ordinary.urgency == Urgency.SOON and "common in MS" in ordinary.explanation
    html = client.post(URL, {"symptom": ["bladder-problems"]}).content.decode()
    assert 'class="care-card care-card--' not in html
    results = text_of(html.split('id="results"', 1)[1])
    assert "A&E" not in results and "999" not in results
    assert "How soon to get help" in results and "in the next days to weeks" in results


# --- Finding 5: results that fit the answers --------------------------------------------------

FIRST = ["Serum (total) B12", "Active B12 (holotranscobalamin)", "Full blood count", "Folate"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "symptoms",
    [["sore-red-tongue"], ["double-vision"], ["fatigue", "pins-and-needles"], ["anxiety"],
     [row["slug"] for row in SYMPTOMS]],
    ids=["low-b12-clue", "ms-clue", "overlap", "neither", "everything"],
)
def test_first_tests_always_and_mma_only_after_a_borderline_result(client, seeded, symptoms):
    assert set(LabTest.objects.filter(when_to_ask=WhenToAsk.FIRST).values_list(
        "name", flat=True)) == set(FIRST)
    text = text_of(client.post(URL, {"symptom": symptoms}).content.decode())
    tests = text.split("Tests to ask your GP about", 1)[1].split("Got a result already?", 1)[0]
    first, later = tests.split("Only if the first B12 result is borderline", 1)
    assert [name for name in FIRST if name in first] == FIRST
    assert "Methylmalonic acid (MMA)" not in first and "Methylmalonic acid (MMA)" in later
    # The brief says nothing about intrinsic factor antibodies, so no such test is named.
    assert "intrinsic factor" not in text.lower()
    sheet = text_of(client.post(SHEET, {"symptom": symptoms}).content.decode())
    assert "Only if the first B12 result is borderline: Methylmalonic acid (MMA)" in sheet
    assert "Methylmalonic" not in sheet.split("Only if the first B12 result is borderline")[0]


@pytest.mark.django_db
def test_red_flags_alone_name_no_tests(client, seeded):
    text = text_of(client.post(URL, {"flag": ["walking-worse-fast"]}).content.decode())
    assert "Tests to ask your GP about" not in text and "Methylmalonic" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug", [row["slug"] for row in SYMPTOMS if row["urgency"] == Urgency.SOON]
)
def test_every_non_urgent_pattern_says_how_soon_to_book(client, seeded, slug):
    text = text_of(client.post(URL, {"symptom": [slug]}).content.decode())
    booking = text.split("How soon to get help", 1)[1].split("Which condition", 1)[0]
    assert "See a GP soon." in booking
    assert "Book a GP appointment in the next days to weeks." in booking


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "ms_line"),
    [
        ({"symptom": ["came-and-went"]}, "If you already have MS, tell your MS nurse or MS team "
         "too."),
        ({"flag": ["spreading-weakness"]}, "If you already have MS, also contact your MS nurse "
         "or MS team."),
        ({"symptom": ["painful-vision-one-eye"]}, "also contact your MS nurse or MS team."),
        ({"symptom": ["fatigue"]}, None),  # not relapse-like: no MS-team line
    ],
    ids=["came-and-went", "spreading-weakness", "optic-neuritis-like", "fatigue"],
)
def test_an_ms_diagnosis_adds_the_ms_team_for_relapse_like_patterns(client, seeded, data,
                                                                    ms_line):
    without = text_of(client.post(URL, data).content.decode())
    with_ms = text_of(client.post(URL, {**data, "ms": "yes"}).content.decode())
    assert "MS nurse" not in without
    if ms_line:
        assert ms_line in with_ms
    else:
        assert "MS nurse" not in with_ms


@pytest.mark.django_db
def test_an_ms_diagnosis_adapts_the_wording_and_is_carried_only_in_the_form(client, seeded):
    data = {"symptom": ["double-vision", "sore-red-tongue", "fatigue"]}
    without = client.post(URL, data).content.decode()
    with_ms = client.post(URL, {**data, "ms": "yes"}).content.decode()
    assert "This is more typical of MS." in text_of(without)
    assert "This is more typical of MS." not in text_of(with_ms)  # they know they have MS
    assert "This is more typical of low B12." in text_of(with_ms)
    assert "Some people with MS also have low B12" in text_of(with_ms)
    assert "Some people with MS also have low B12" not in text_of(without)
    for html in (without, with_ms):
        assert "points towards" not in html.lower() and "points more towards" not in html.lower()
    assert 'id="ms-diagnosis" name="ms" value="yes" aria-describedby="ms-diagnosis-hint" checked'\
        in with_ms
    sheet_form = between(with_ms, '<form class="sheet-form"', "</form>")
    assert '<input type="hidden" name="ms" value="yes">' in sheet_form
    later = {"symptom": ["sore-red-tongue", "fatigue"]}  # nothing that needs a card first
    sheet = text_of(client.post(SHEET, {**later, "ms": "yes"}).content.decode())
    assert "I have MS." in sheet and "Should I tell my MS nurse or MS team" in sheet
    assert "I have MS." not in text_of(client.post(SHEET, later).content.decode())
    assert "Set-Cookie" not in client.post(URL, {**data, "ms": "yes"}).headers


@pytest.mark.django_db
def test_anxiety_sits_with_low_mood(client, seeded):
    anxiety = Symptom.objects.get(slug="anxiety")
    assert anxiety.group == SymptomGroup.ENERGY_MOOD
    assert not anxiety.verified and not anxiety.conditions.exists()  # no source says either
    html = client.get(URL).content.decode()
    assert html.index('id="symptom-low-mood"') < html.index('id="symptom-anxiety"') < html.index(
        "<legend>Feeling and movement</legend>")
    text = text_of(client.post(URL, {"symptom": ["anxiety"]}).content.decode())
    assert "Other symptoms you ticked" in text and "Our sources do not say" in text


# --- Editors change routes and urgencies only through review ----------------------------------


@pytest.mark.django_db
def test_a_care_route_change_waits_for_a_reviewer(client, seeded, editor_user, reviewer_user):
    route = CareRoute.objects.get(urgency=Urgency.EMERGENCY)
    route.title = "Go to A&E"
    assert changes.row_save(obj=route, actor=editor_user).proposed
    route.refresh_from_db()
    assert route.title == "Call 999 now"  # patients still see the approved route
    symptom = Symptom.objects.get(slug="double-vision")
    symptom.urgency = Urgency.SOON
    assert changes.row_save(obj=symptom, actor=editor_user).proposed
    assert Symptom.objects.get(slug="double-vision").urgency == Urgency.SAME_DAY
    for change in ProposedChange.objects.filter(state="pending"):
        changes.change_approve(change=change, actor=reviewer_user)
    assert CareRoute.objects.get(urgency=Urgency.EMERGENCY).title == "Go to A&E"


@pytest.mark.django_db
def test_editors_curate_care_routes_and_reviewers_only_read_them(client, editor_user,
                                                                 reviewer_user):
    add = reverse("admin:assessments_careroute_add")
    changelist = reverse("admin:assessments_careroute_changelist")
    client.force_login(editor_user)
    assert client.get(add).status_code == 200
    client.force_login(reviewer_user)
    assert client.get(changelist).status_code == 200
    assert client.get(add).status_code == 403


# --- Existing databases get the new urgencies from migration 0004 -----------------------------

OLD_TEXT = {
    "suicidal": "Get help today: call your GP or NHS 111. If you feel you might act on these "
    "thoughts, call 999 now.",
}


@pytest.mark.django_db(transaction=True)
def test_migration_gives_existing_rows_one_urgency_and_leaves_editors_text_alone():
    executor = MigrationExecutor(connection)
    executor.migrate([("assessments", "0002_text_limits")])
    apps = executor.loader.project_state([("assessments", "0002_text_limits")]).apps
    Source = apps.get_model("claims", "Source")
    source = Source.objects.create(key="nice-ng220", short_name="NICE", source_type="guideline",
                                   citation="NICE.")
    OldFlag = apps.get_model("assessments", "RedFlag")
    OldSymptom = apps.get_model("assessments", "Symptom")
    OldTest = apps.get_model("assessments", "LabTest")
    OldFlag.objects.create(slug="suicidal-thoughts", label="Thoughts of ending your life",
                           urgency="urgent", what_to_do=OLD_TEXT["suicidal"])
    OldFlag.objects.create(slug="bladder-control-numb-bottom",
                           label="Loss of bladder control, or numbness around your bottom",
                           urgency="emergency", what_to_do="Go to A&E now, or call 999.")
    OldFlag.objects.create(slug="stroke-signs", label="Stroke signs", urgency="emergency",
                           what_to_do="An editor's own approved words.")
    OldFlag.objects.create(slug="painful-eye-movement", urgency="urgent",
                           label="Pain when you move your eye, with blurred sight",
                           what_to_do="Get help today: call your GP or NHS 111.")
    OldSymptom.objects.create(slug="double-vision", name="Double vision",
                              explanation="Seeing two of things.", group="eyes", source=source,
                              points_towards_note="This points more towards MS.")
    OldTest.objects.create(slug="mma", name="MMA", measures="m", why_it_matters="w",
                           source=source)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        assert CareRoute.objects.count() == 4
        suicidal = RedFlag.objects.get(slug="suicidal-thoughts")
        assert suicidal.urgency == Urgency.MENTAL_HEALTH
        assert suicidal.what_to_do == "You do not have to cope with this alone."
        assert RedFlag.objects.get(slug="bladder-control-numb-bottom").label.startswith(
            "New loss of bladder or bowel control")
        stroke = RedFlag.objects.get(slug="stroke-signs")
        assert stroke.what_to_do == "An editor's own approved words."  # edited: left alone
        assert not RedFlag.objects.filter(slug="painful-eye-movement").exists()
        double = Symptom.objects.get(slug="double-vision")
        assert double.urgency == Urgency.SAME_DAY and double.relapse_like
        assert double.points_towards_note == "This is more typical of MS."
        assert LabTest.objects.get(slug="mma").when_to_ask == WhenToAsk.IF_BORDERLINE

        # The reverse puts the merged red flag and the old wording back.
        executor = MigrationExecutor(connection)
        executor.migrate([("assessments", "0003_urgency_and_care_routes")])
        apps = executor.loader.project_state(
            [("assessments", "0003_urgency_and_care_routes")]).apps
        Flag = apps.get_model("assessments", "RedFlag")
        assert Flag.objects.filter(slug="painful-eye-movement").exists()
        assert Flag.objects.get(slug="suicidal-thoughts").urgency == "urgent"
        assert not apps.get_model("assessments", "CareRoute").objects.exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
