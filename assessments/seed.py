"""Seed content for the explorer: conditions, symptoms, red flags, lab tests, cautions and the
care route of each urgency.

Every fact names a source key from the evidence brief's source table. Facts the brief marks
[K] (general knowledge), or [S]/[K] without saying which, are seeded with verified=False so
patients and editors can see they still need checking. Loading is idempotent: a row that
exists already (matched by slug, or a route by urgency) is left exactly as an editor left it.
Databases made before issue 13 get the new urgencies and routes from migration
assessments/0004, which changes only text still as it was seeded.
"""

from assessments.models import (
    B12_DEFICIENCY,
    MS,
    CareRoute,
    Caution,
    Condition,
    LabTest,
    RedFlag,
    Symptom,
    SymptomGroup,
    Urgency,
    WhenToAsk,
)
from claims.models import Source
from claims.seed_data.sources import SOURCES

CONDITIONS = [
    {
        "slug": MS,
        "name": "MS",
        "description": "Multiple sclerosis (MS) is a long-term condition of the brain and "
        "spinal cord. The body's defence system harms the coating around nerves.",
    },
    {
        "slug": B12_DEFICIENCY,
        "name": "Low vitamin B12",
        "description": "Low vitamin B12 (B12 deficiency) means the body does not have enough "
        "B12. Over time it can harm nerves and cause anaemia, which means too few healthy red "
        "blood cells.",
    },
]

BOTH = (MS, B12_DEFICIENCY)
NEITHER = ()
G = SymptomGroup
U = Urgency

# (slug, name, explanation, group, conditions, points_towards, note, source, verified,
#  urgency, relapse_like). Urgencies follow the brief's "Where to send people" table; every
# sign is one row, so it has one urgency wherever it is shown. Notes say "more typical of",
# never "points towards": a clue, not an answer.
SYMPTOMS = [
    ("fatigue", "Tiredness (fatigue)",
     "Feeling worn out, even after rest.",
     G.ENERGY_MOOD, BOTH, None,
     "NICE says tiredness on its own is not a reason to suspect MS.", "nice-ng220", True,
     U.SOON, False),
    ("brain-fog", "Memory or concentration problems (brain fog)",
     "Trouble finding words, keeping track or thinking clearly.",
     G.ENERGY_MOOD, BOTH, None, "", "nice-ng239", True, U.SOON, False),
    ("low-mood", "Low mood or depression",
     "Feeling down, flat or hopeless for weeks.",
     G.ENERGY_MOOD, BOTH, None,
     "NICE says low mood on its own is not a reason to suspect MS.", "nice-ng220", True,
     U.SOON, False),
    # The blog's symptom table lists anxiety beside depression; the brief has no source on
    # whether MS or low B12 causes it, so it is linked to neither and stays unverified.
    ("anxiety", "Feeling anxious or worried a lot",
     "Feeling tense, on edge or full of worry, most days.",
     G.ENERGY_MOOD, NEITHER, None,
     "Our sources do not say if MS or low B12 causes anxiety. It is still worth telling your "
     "GP about it.", "nice-ng220", False, U.SOON, False),
    ("pins-and-needles", "Pins and needles, tingling or numbness",
     "Prickling, buzzing or numb patches in the hands, feet or body.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng239", True, U.SOON, False),
    ("weakness", "Weakness",
     "Arms or legs feel weak or heavy.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng239", True, U.SOON, False),
    ("balance-walking", "Balance or walking problems",
     "Feeling unsteady, or tripping more than usual.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng220", True, U.SOON, False),
    ("lhermitte", "Electric feeling down the back when you bend your neck",
     "Doctors call this Lhermitte's sign.",
     G.FEELING_MOVEMENT, BOTH, None, "", "mstrust-b12", True, U.SOON, False),
    ("heat-worse", "Symptoms get worse with heat or exercise",
     "For example after a hot bath or a walk, then ease as you cool down.",
     G.FEELING_MOVEMENT, (MS,), MS,
     "This pattern is more typical of MS. Doctors call it Uhthoff's effect.",
     "nice-ng220", True, U.SOON, False),
    ("vision-problems", "Blurred or dim sight",
     "Your sight is not as clear as it was.",
     G.EYES, BOTH, None, "", "mstrust-b12", True, U.SOON, False),
    # One row for painful loss of sight and pain on moving the eye: it used to be a red flag
    # too, with a different answer.
    ("painful-vision-one-eye", "Painful loss of sight in one eye, or pain when you move your eye",
     "Sight in one eye gets dim or blurred, and it may hurt to move that eye.",
     G.EYES, (MS,), MS,
     "This is more typical of MS. Doctors call it optic neuritis.", "nice-ng220", True,
     U.SAME_DAY, True),
    ("double-vision", "New double vision that starts suddenly and stays",
     "Seeing two of things. It came on suddenly and has not gone away.",
     G.EYES, (MS,), MS, "This is more typical of MS.", "nice-ng220", True, U.SAME_DAY, True),
    ("pale-yellow-skin", "Pale or yellow-tinged skin",
     "Skin looks paler than usual, or a little yellow.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This is more typical of low B12, which can cause anaemia.", "nice-ng239", True,
     U.SOON, False),
    ("sore-red-tongue", "Sore, red tongue",
     "The tongue is red, smooth or sore.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This is more typical of low B12.", "nice-ng239", True, U.SOON, False),
    ("mouth-ulcers", "Mouth ulcers",
     "Sore spots inside the mouth.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This is more typical of low B12.", "nice-ng239", False, U.SOON, False),
    ("breathless-palpitations", "Out of breath, or a racing or pounding heart",
     "Getting out of breath easily, or feeling your heart beat fast. For chest pain or very "
     "bad breathlessness, use the list at the top.",
     G.HEART_BREATHING, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "With anaemia, this is more typical of low B12.", "nice-ng239", False, U.SOON, False),
    # Ordinary bladder problems are common in MS and are not an emergency; the emergency (a
    # new loss of control with numbness around the bottom) is a red flag of its own.
    ("bladder-problems", "Bladder problems",
     "Needing to pass urine often or in a hurry. This is common in MS and can come later on. "
     "For a sudden new loss of control, use the list at the top.",
     G.BLADDER, BOTH, None, "", "mstrust-b12", True, U.SOON, False),
    ("gradual-both-sides", "Came on slowly, on both sides, feet first",
     "Changes crept up over months, on both sides of the body, starting in the feet.",
     G.ONSET, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This pattern is more typical of low B12.", "nice-ng239", False, U.SOON, False),
    ("came-and-went", "Came on over days, lasted days or weeks, then got better",
     "An attack of symptoms that eased again by itself.",
     G.ONSET, (MS,), MS, "This pattern is more typical of MS.", "nice-ng220", True,
     U.SOON, True),
]

# (slug, label, urgency, what this sign adds on its card, source key or None, verified,
#  relapse_like). The card's heading and where to go come from the care route of the
# urgency; a sign adds at most one line of its own. The brief marks this list [S]/[K]
# without saying which, so none is marked verified.
RED_FLAGS = [
    ("sudden-vision-loss", "Sudden loss of sight in one or both eyes", U.EMERGENCY,
     "Do not wait to see if it gets better.", "nice-ng220", False, False),
    ("stroke-signs", "Face drooping on one side, arm weakness, or slurred speech",
     U.EMERGENCY, "These can be signs of a stroke.", None, False, False),
    ("chest-pain-breathless", "Chest pain, or very bad shortness of breath", U.EMERGENCY,
     "Do not wait to see if it gets better.", None, False, False),
    ("bladder-control-numb-bottom",
     "New loss of bladder or bowel control, with numbness around your bottom or genitals",
     U.EMERGENCY, "Do not wait to see if it gets better.", "nice-ng220", False, False),
    ("suicidal-thoughts", "Thoughts of ending your life, or not feeling safe",
     U.MENTAL_HEALTH, "You do not have to cope with this alone.", None, False, False),
    ("spreading-weakness", "New weakness or numbness that spreads over hours or days",
     U.SAME_DAY, "Do not wait for a routine appointment.", "nice-ng220", False, True),
    ("walking-worse-fast", "Walking or balance getting worse fast", U.SAME_DAY,
     "Do not wait for a routine appointment.", "nice-ng220", False, True),
    ("new-or-worse-symptoms", "New symptoms, or symptoms slowly getting worse, over weeks",
     U.SOON, "Tell the GP what changed, and when.", "nice-ng239", False, True),
]

ROUTE_SOURCE = "NHS"

# One route per urgency, from the brief's "Where to send people" table (UK services; the
# brief marks them seen in a summary of NHS advice). The brief has no routine row, so no
# routine route is seeded and no seeded sign is routine. Wording is our own.
# (urgency, title, summary, where (one per line), for people with MS)
CARE_ROUTES = [
    (U.EMERGENCY, "Call 999 now",
     "Call 999 now for any of these, or go to A&E. For signs of a stroke, always call 999.",
     "Call 999 now, or go to A&E.\n"
     "For signs of a stroke, always call 999. Do not drive yourself to hospital.",
     ""),
    (U.MENTAL_HEALTH, "Talk to someone now",
     "Talk to someone now: call NHS 111 and choose the mental health option, or call "
     "Samaritans free on 116 123.",
     "Call NHS 111 and choose the mental health option. In England this is option 2. It is "
     "open 24 hours.\n"
     "Call Samaritans free on 116 123, day or night.\n"
     "Call 999 or go to A&E if you might act on these thoughts, or have harmed yourself.",
     ""),
    (U.SAME_DAY, "Get help today",
     "Get help today for any of these: ask your GP for an urgent appointment, or use NHS 111 "
     "if your GP is closed.",
     "Ask your GP for an urgent appointment today.\n"
     "For eye problems, you can also get an emergency appointment with an optician.\n"
     "If your GP is closed, use NHS 111 by phone or online.",
     "If you already have MS, also contact your MS nurse or MS team."),
    (U.SOON, "See a GP soon",
     "Book a GP appointment in the next days to weeks for this.",
     "Book a GP appointment in the next days to weeks.",
     "If you already have MS, tell your MS nurse or MS team too."),
]

W = WhenToAsk

# (slug, name, measures, why it matters, source key, verified, when to ask). First tests:
# total or active B12, a full blood count and folate; MMA only after a borderline result
# (NICE NG239). The brief has nothing on intrinsic factor antibodies, so no such test is here.
LAB_TESTS = [
    ("serum-b12", "Serum (total) B12",
     "All the vitamin B12 in your blood.",
     "It is the usual first test. NICE sorts the result into three bands. A result in the "
     "middle band cannot tell on its own.", "nice-ng239", True, W.FIRST),
    ("active-b12", "Active B12 (holotranscobalamin)",
     "The part of the B12 in your blood that is called active B12.",
     "Some first tests use it in place of total B12. It can also help when a total B12 "
     "result is in the middle band. It is often the test used in pregnancy.", "nice-ng239",
     True, W.FIRST),
    ("mma", "Methylmalonic acid (MMA)",
     "A substance that builds up in the blood when the body is short of B12.",
     "NICE suggests it when a B12 result is in the middle band and there are symptoms. Kidney "
     "disease can also raise it, so your doctor reads it with care.", "nice-ng239", True,
     W.IF_BORDERLINE),
    ("full-blood-count", "Full blood count",
     "Your red blood cells, including their size, and other blood cells.",
     "Low B12 can cause anaemia with large red cells. But this test can be normal in some "
     "people who are low in B12, so a normal result does not rule it out.",
     "savage-1994", True, W.FIRST),
    ("folate", "Folate",
     "Folate, another B vitamin. Low folate can look like low B12.",
     "Low folate and low B12 can happen together. Your doctor needs to know about both before "
     "any treatment starts.", "bsh-2014", True, W.FIRST),
]

# (slug, title, body, source key, verified)
CAUTIONS = [
    ("test-before-supplements", "Get tested before you take B12",
     "Taking B12 before a blood test can raise the result. That can hide a real shortage. "
     "So have the test first. If you already take B12, tell your doctor before the test.",
     "nice-ng239", False),
    ("folic-acid-masking", "Do not take folic acid on its own",
     "Folic acid alone can hide the anaemia that low B12 causes. Nerve damage can then go on "
     "without anyone noticing. Ask your doctor first.", "bsh-2014", True),
    ("blood-test-before-ms-referral", "Why a blood test helps",
     "NICE says doctors should check for other causes before they send someone to a "
     "specialist with possible MS. A B12 blood test is one of those checks.", "nice-ng220",
     True),
    ("copper-mimic", "Other causes exist",
     "Low B12 and MS are not the only causes of these symptoms. For example, low copper can "
     "harm the spinal cord in the same way.", "kumar-2006", True),
    ("lab-ranges", "Each lab has its own range",
     "Labs use different normal ranges. Experts say fixed cut-offs for B12 are not possible. "
     "Your doctor reads your result with your symptoms.", "bsh-2014", True),
    ("biotin-interference", "Tell the lab about biotin",
     "Large amounts of biotin can upset many blood tests. Some B-complex and hair products "
     "contain it. Tell the person taking your blood if you use them.", "fda-biotin", True),
]


def _sources_by_key(keys) -> dict:
    """Get the Source rows by key; create one from claims.seed_data only if it is missing."""
    wanted = {key for key in keys if key}
    found = {source.key: source for source in Source.objects.filter(key__in=wanted)}
    seed_rows = {row["key"]: row for row in SOURCES}
    for key in sorted(wanted - found.keys()):
        if key not in seed_rows:
            raise KeyError(f"assessments seed needs source {key!r}, not in claims.seed_data")
        found[key], _ = Source.objects.get_or_create(key=key, defaults=seed_rows[key])
    return found


def _needed_source_keys() -> set:
    return (
        {row[7] for row in SYMPTOMS}
        | {row[4] for row in RED_FLAGS}
        | {row[4] for row in LAB_TESTS}
        | {row[3] for row in CAUTIONS}
    )


def load() -> list[str]:
    sources = _sources_by_key(_needed_source_keys())
    created = {"conditions": 0, "symptoms": 0, "red flags": 0, "lab tests": 0, "cautions": 0,
               "care routes": 0}

    conditions = {}
    for order, row in enumerate(CONDITIONS):
        conditions[row["slug"]], made = Condition.objects.get_or_create(
            slug=row["slug"], defaults={**row, "order": order}
        )
        created["conditions"] += made

    for order, row in enumerate(SYMPTOMS):
        slug, name, explanation, group, on, towards, note, key, ok, urgency, relapse = row
        symptom, made = Symptom.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "explanation": explanation,
                "group": group,
                "points_towards": conditions[towards] if towards else None,
                "points_towards_note": note,
                "source": sources[key],
                "verified": ok,
                "order": order,
                "urgency": urgency,
                "relapse_like": relapse,
            },
        )
        if made:
            symptom.conditions.set([conditions[slug] for slug in on])
        created["symptoms"] += made

    for order, (slug, label, urgency, what_to_do, key, ok, relapse) in enumerate(RED_FLAGS):
        _, made = RedFlag.objects.get_or_create(
            slug=slug,
            defaults={
                "label": label,
                "urgency": urgency,
                "what_to_do": what_to_do,
                "source": sources[key] if key else None,
                "verified": ok,
                "order": order,
                "relapse_like": relapse,
            },
        )
        created["red flags"] += made

    for order, (slug, name, measures, why, key, ok, when) in enumerate(LAB_TESTS):
        _, made = LabTest.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "measures": measures,
                "why_it_matters": why,
                "source": sources[key],
                "verified": ok,
                "order": order,
                "when_to_ask": when,
            },
        )
        created["lab tests"] += made

    for order, (slug, title, body, key, ok) in enumerate(CAUTIONS):
        _, made = Caution.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "body": body,
                "source": sources[key],
                "verified": ok,
                "order": order,
            },
        )
        created["cautions"] += made

    for urgency, title, summary, where, for_ms in CARE_ROUTES:
        _, made = CareRoute.objects.get_or_create(
            urgency=urgency,
            defaults={"title": title, "summary": summary, "where": where,
                      "for_people_with_ms": for_ms, "source_name": ROUTE_SOURCE},
        )
        created["care routes"] += made

    return [
        "assessments: created " + ", ".join(f"{n} {what}" for what, n in created.items())
        + " (existing rows left as they were)"
    ]
