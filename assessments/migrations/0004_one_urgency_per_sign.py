"""Issue 13 on databases made before it: one urgency per sign, a care route per urgency, and
the editorial groups' permissions on care routes.

`load_seed_content` only creates missing rows, and production does not run it, so this
migration gives existing rows what the explorer now needs. It is editor-safe: a text changes
only while it is still exactly as it was seeded; urgencies and flags are set by slug. The
one exception is the red flag "Pain when you move your eye, with blurred sight": it was the
same sign as the symptom "Painful loss of sight in one eye" with a different answer, so it is
removed and the symptom carries that sign (the reverse puts it back).
The texts are frozen here on purpose: a migration must not change when the seed content
(then assessments/seed.py, now content/explorer.json) does.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EMERGENCY, MENTAL, SAME_DAY, SOON = "emergency", "mental", "urgent", "soon"

CARE_ROUTES = [
    {"urgency": EMERGENCY, "title": "Call 999 now",
     "summary": "Call 999 now for any of these, or go to A&E. For signs of a stroke, always "
     "call 999.",
     "where": "Call 999 now, or go to A&E.\n"
     "For signs of a stroke, always call 999. Do not drive yourself to hospital.",
     "for_people_with_ms": ""},
    {"urgency": MENTAL, "title": "Talk to someone now",
     "summary": "Talk to someone now: call NHS 111 and choose the mental health option, or "
     "call Samaritans free on 116 123.",
     "where": "Call NHS 111 and choose the mental health option. In England this is option "
     "2. It is open 24 hours.\n"
     "Call Samaritans free on 116 123, day or night.\n"
     "Call 999 or go to A&E if you might act on these thoughts, or have harmed yourself.",
     "for_people_with_ms": ""},
    {"urgency": SAME_DAY, "title": "Get help today",
     "summary": "Get help today for any of these: ask your GP for an urgent appointment, or "
     "use NHS 111 if your GP is closed.",
     "where": "Ask your GP for an urgent appointment today.\n"
     "For eye problems, you can also get an emergency appointment with an optician.\n"
     "If your GP is closed, use NHS 111 by phone or online.",
     "for_people_with_ms": "If you already have MS, also contact your MS nurse or MS team."},
    {"urgency": SOON, "title": "See a GP soon",
     "summary": "Book a GP appointment in the next days to weeks for this.",
     "where": "Book a GP appointment in the next days to weeks.",
     "for_people_with_ms": "If you already have MS, tell your MS nurse or MS team too."},
]

# (model, slug, field, as seeded before issue 13, now)
TEXT_CHANGES = [
    ("symptom", "heat-worse", "points_towards_note",
     "This pattern points more towards MS. Doctors call it Uhthoff's effect.",
     "This pattern is more typical of MS. Doctors call it Uhthoff's effect."),
    ("symptom", "painful-vision-one-eye", "name", "Painful loss of sight in one eye",
     "Painful loss of sight in one eye, or pain when you move your eye"),
    ("symptom", "painful-vision-one-eye", "explanation",
     "Sight gets worse in one eye, often with pain when the eye moves.",
     "Sight in one eye gets dim or blurred, and it may hurt to move that eye."),
    ("symptom", "painful-vision-one-eye", "points_towards_note",
     "This points more towards MS. Doctors call it optic neuritis. It needs a doctor soon.",
     "This is more typical of MS. Doctors call it optic neuritis."),
    ("symptom", "double-vision", "name", "Double vision",
     "New double vision that starts suddenly and stays"),
    ("symptom", "double-vision", "explanation", "Seeing two of things.",
     "Seeing two of things. It came on suddenly and has not gone away."),
    ("symptom", "double-vision", "points_towards_note", "This points more towards MS.",
     "This is more typical of MS."),
    ("symptom", "pale-yellow-skin", "points_towards_note",
     "This points more towards low B12, which can cause anaemia.",
     "This is more typical of low B12, which can cause anaemia."),
    ("symptom", "sore-red-tongue", "points_towards_note", "This points more towards low B12.",
     "This is more typical of low B12."),
    ("symptom", "mouth-ulcers", "points_towards_note", "This points more towards low B12.",
     "This is more typical of low B12."),
    ("symptom", "breathless-palpitations", "explanation",
     "Getting out of breath easily, or feeling your heart beat fast.",
     "Getting out of breath easily, or feeling your heart beat fast. For chest pain or very "
     "bad breathlessness, use the list at the top."),
    ("symptom", "breathless-palpitations", "points_towards_note",
     "With anaemia, this points more towards low B12.",
     "With anaemia, this is more typical of low B12."),
    ("symptom", "bladder-problems", "explanation",
     "Needing to pass urine often or in a hurry. This can come later on.",
     "Needing to pass urine often or in a hurry. This is common in MS and can come later on. "
     "For a sudden new loss of control, use the list at the top."),
    ("symptom", "gradual-both-sides", "points_towards_note",
     "This pattern points more towards low B12.", "This pattern is more typical of low B12."),
    ("symptom", "came-and-went", "points_towards_note", "This pattern points more towards MS.",
     "This pattern is more typical of MS."),
    ("redflag", "sudden-vision-loss", "what_to_do", "Call 999 or go to A&E now.",
     "Do not wait to see if it gets better."),
    ("redflag", "stroke-signs", "what_to_do", "These can be signs of a stroke. Call 999 now.",
     "These can be signs of a stroke."),
    ("redflag", "chest-pain-breathless", "what_to_do", "Call 999 now.",
     "Do not wait to see if it gets better."),
    ("redflag", "bladder-control-numb-bottom", "label",
     "Loss of bladder control, or numbness around your bottom",
     "New loss of bladder or bowel control, with numbness around your bottom or genitals"),
    ("redflag", "bladder-control-numb-bottom", "what_to_do", "Go to A&E now, or call 999.",
     "Do not wait to see if it gets better."),
    ("redflag", "suicidal-thoughts", "label", "Thoughts of ending your life",
     "Thoughts of ending your life, or not feeling safe"),
    ("redflag", "suicidal-thoughts", "what_to_do",
     "Get help today: call your GP or NHS 111. If you feel you might act on these thoughts, "
     "call 999 now.", "You do not have to cope with this alone."),
    ("redflag", "suicidal-thoughts", "urgency", SAME_DAY, MENTAL),
    ("redflag", "spreading-weakness", "what_to_do", "Get help today: call your GP or NHS 111.",
     "Do not wait for a routine appointment."),
    ("redflag", "walking-worse-fast", "what_to_do", "Get help today: call your GP or NHS 111.",
     "Do not wait for a routine appointment."),
    ("redflag", "new-or-worse-symptoms", "what_to_do",
     "See your GP soon. If you already see an MS team, tell them too.",
     "Tell the GP what changed, and when."),
    ("labtest", "active-b12", "why_it_matters",
     "It can help when a total B12 result is in the middle band. It is often the test used "
     "in pregnancy.",
     "Some first tests use it in place of total B12. It can also help when a total B12 "
     "result is in the middle band. It is often the test used in pregnancy."),
]

# New fields, set by slug whatever an editor wrote (they did not exist before). Symptoms not
# named keep the new field's default: soon, not relapse-like.
FIELD_VALUES = [
    ("symptom", "painful-vision-one-eye", {"urgency": SAME_DAY, "relapse_like": True}),
    ("symptom", "double-vision", {"urgency": SAME_DAY, "relapse_like": True}),
    ("symptom", "came-and-went", {"relapse_like": True}),
    ("redflag", "spreading-weakness", {"relapse_like": True}),
    ("redflag", "walking-worse-fast", {"relapse_like": True}),
    ("redflag", "new-or-worse-symptoms", {"relapse_like": True}),
    ("labtest", "mma", {"when_to_ask": "borderline"}),
]

MERGED_FLAG = {
    "slug": "painful-eye-movement", "label": "Pain when you move your eye, with blurred sight",
    "urgency": SAME_DAY, "what_to_do": "Get help today: call your GP or NHS 111.",
    "source_key": "nice-ng220",
}

GRANTS = {
    "Editor": ["view", "add", "change"],
    "Medical reviewer": ["view"],
    "Site admin": ["view", "add", "change", "delete"],
}


def _rows(apps, model, slug):
    return apps.get_model("assessments", model).objects.filter(slug=slug)


def _rewrite(apps, forward: bool):
    for model, slug, field, before, after in TEXT_CHANGES:
        was, now = (before, after) if forward else (after, before)
        _rows(apps, model, slug).filter(**{field: was}).update(**{field: now})


def give_one_urgency_per_sign(apps, schema_editor):
    CareRoute = apps.get_model("assessments", "CareRoute")
    for route in CARE_ROUTES:
        CareRoute.objects.get_or_create(
            urgency=route["urgency"], defaults={**route, "source_name": "NHS"}
        )
    _rewrite(apps, forward=True)
    for model, slug, values in FIELD_VALUES:
        _rows(apps, model, slug).update(**values)
    _rows(apps, "redflag", MERGED_FLAG["slug"]).delete()


def take_back(apps, schema_editor):
    RedFlag = apps.get_model("assessments", "RedFlag")
    Source = apps.get_model("claims", "Source")
    if not RedFlag.objects.filter(slug=MERGED_FLAG["slug"]).exists() and RedFlag.objects.exists():
        fields = {k: v for k, v in MERGED_FLAG.items() if k != "source_key"}
        RedFlag.objects.create(
            **fields, source=Source.objects.filter(key=MERGED_FLAG["source_key"]).first()
        )
    _rewrite(apps, forward=False)
    apps.get_model("assessments", "CareRoute").objects.filter(
        urgency__in=[route["urgency"] for route in CARE_ROUTES]
    ).delete()


def grant(apps, schema_editor):
    """Editors curate care routes, reviewers read them, site admins may also delete: the
    same grants as the other explorer rows (editorial/migrations/0003)."""
    app_config = apps.get_app_config("assessments")
    had_models_module = getattr(app_config, "models_module", None)
    app_config.models_module = had_models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = had_models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        codenames = [f"{action}_careroute" for action in GRANTS[group.name]]
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="assessments", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="assessments", codename__endswith="_careroute"
    )
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_urgency_and_care_routes"),
        ("editorial", "0002_editorial_groups"),
        ("claims", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(give_one_urgency_per_sign, take_back),
        migrations.RunPython(grant, revoke),
    ]
