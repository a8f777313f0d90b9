"""Seed content for the explorer: conditions, symptoms, red flags, lab tests and cautions.

Every fact names a source key from the evidence brief's source table. Facts the brief marks
[K] (general knowledge), or [S]/[K] without saying which, are seeded with verified=False so
patients and editors can see they still need checking. Loading is idempotent: a row that
exists already (matched by slug) is left exactly as an editor left it.
"""

from assessments.models import (
    B12_DEFICIENCY,
    MS,
    Caution,
    Condition,
    LabTest,
    RedFlag,
    Symptom,
    SymptomGroup,
    Urgency,
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
G = SymptomGroup

# (slug, name, explanation, group, conditions, points_towards, note, source, verified)
SYMPTOMS = [
    ("fatigue", "Tiredness (fatigue)",
     "Feeling worn out, even after rest.",
     G.ENERGY_MOOD, BOTH, None,
     "NICE says tiredness on its own is not a reason to suspect MS.", "nice-ng220", True),
    ("brain-fog", "Memory or concentration problems (brain fog)",
     "Trouble finding words, keeping track or thinking clearly.",
     G.ENERGY_MOOD, BOTH, None, "", "nice-ng239", True),
    ("low-mood", "Low mood or depression",
     "Feeling down, flat or hopeless for weeks.",
     G.ENERGY_MOOD, BOTH, None,
     "NICE says low mood on its own is not a reason to suspect MS.", "nice-ng220", True),
    ("pins-and-needles", "Pins and needles, tingling or numbness",
     "Prickling, buzzing or numb patches in the hands, feet or body.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng239", True),
    ("weakness", "Weakness",
     "Arms or legs feel weak or heavy.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng239", True),
    ("balance-walking", "Balance or walking problems",
     "Feeling unsteady, or tripping more than usual.",
     G.FEELING_MOVEMENT, BOTH, None, "", "nice-ng220", True),
    ("lhermitte", "Electric feeling down the back when you bend your neck",
     "Doctors call this Lhermitte's sign.",
     G.FEELING_MOVEMENT, BOTH, None, "", "mstrust-b12", True),
    ("heat-worse", "Symptoms get worse with heat or exercise",
     "For example after a hot bath or a walk, then ease as you cool down.",
     G.FEELING_MOVEMENT, (MS,), MS,
     "This pattern points more towards MS. Doctors call it Uhthoff's effect.",
     "nice-ng220", True),
    ("vision-problems", "Blurred or dim sight",
     "Your sight is not as clear as it was.",
     G.EYES, BOTH, None, "", "mstrust-b12", True),
    ("painful-vision-one-eye", "Painful loss of sight in one eye",
     "Sight gets worse in one eye, often with pain when the eye moves.",
     G.EYES, (MS,), MS,
     "This points more towards MS. Doctors call it optic neuritis. It needs a doctor soon.",
     "nice-ng220", True),
    ("double-vision", "Double vision",
     "Seeing two of things.",
     G.EYES, (MS,), MS, "This points more towards MS.", "nice-ng220", True),
    ("pale-yellow-skin", "Pale or yellow-tinged skin",
     "Skin looks paler than usual, or a little yellow.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This points more towards low B12, which can cause anaemia.", "nice-ng239", True),
    ("sore-red-tongue", "Sore, red tongue",
     "The tongue is red, smooth or sore.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This points more towards low B12.", "nice-ng239", True),
    ("mouth-ulcers", "Mouth ulcers",
     "Sore spots inside the mouth.",
     G.SKIN_MOUTH, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This points more towards low B12.", "nice-ng239", False),
    ("breathless-palpitations", "Out of breath, or a racing or pounding heart",
     "Getting out of breath easily, or feeling your heart beat fast.",
     G.HEART_BREATHING, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "With anaemia, this points more towards low B12.", "nice-ng239", False),
    ("bladder-problems", "Bladder problems",
     "Needing to pass urine often or in a hurry. This can come later on.",
     G.BLADDER, BOTH, None, "", "mstrust-b12", True),
    ("gradual-both-sides", "Came on slowly, on both sides, feet first",
     "Changes crept up over months, on both sides of the body, starting in the feet.",
     G.ONSET, (B12_DEFICIENCY,), B12_DEFICIENCY,
     "This pattern points more towards low B12.", "nice-ng239", False),
    ("came-and-went", "Came on over days, lasted days or weeks, then got better",
     "An attack of symptoms that eased again by itself.",
     G.ONSET, (MS,), MS, "This pattern points more towards MS.", "nice-ng220", True),
]

# (slug, label, urgency, what to do, source key or None, verified). The brief marks this list
# [S]/[K] without saying which, so none is marked verified.
RED_FLAGS = [
    ("sudden-vision-loss", "Sudden loss of sight in one or both eyes", Urgency.EMERGENCY,
     "Call 999 or go to A&E now.", "nice-ng220", False),
    ("stroke-signs", "Face drooping on one side, arm weakness, or slurred speech",
     Urgency.EMERGENCY, "These can be signs of a stroke. Call 999 now.", None, False),
    ("chest-pain-breathless", "Chest pain, or very bad shortness of breath", Urgency.EMERGENCY,
     "Call 999 now.", None, False),
    ("bladder-control-numb-bottom", "Loss of bladder control, or numbness around your bottom",
     Urgency.EMERGENCY, "Go to A&E now, or call 999.", "nice-ng220", False),
    ("suicidal-thoughts", "Thoughts of ending your life", Urgency.URGENT,
     "Get help today: call your GP or NHS 111. If you feel you might act on these thoughts, "
     "call 999 now.", None, False),
    ("painful-eye-movement", "Pain when you move your eye, with blurred sight", Urgency.URGENT,
     "Get help today: call your GP or NHS 111.", "nice-ng220", False),
    ("spreading-weakness", "New weakness or numbness that spreads over hours or days",
     Urgency.URGENT, "Get help today: call your GP or NHS 111.", "nice-ng220", False),
    ("walking-worse-fast", "Walking or balance getting worse fast", Urgency.URGENT,
     "Get help today: call your GP or NHS 111.", "nice-ng220", False),
    ("new-or-worse-symptoms", "New symptoms, or symptoms slowly getting worse, over weeks",
     Urgency.SOON, "See your GP soon. If you already see an MS team, tell them too.",
     "nice-ng239", False),
]

# (slug, name, measures, why it matters, source key, verified)
LAB_TESTS = [
    ("serum-b12", "Serum (total) B12",
     "All the vitamin B12 in your blood.",
     "It is the usual first test. NICE sorts the result into three bands. A result in the "
     "middle band cannot tell on its own.", "nice-ng239", True),
    ("active-b12", "Active B12 (holotranscobalamin)",
     "The part of the B12 in your blood that is called active B12.",
     "It can help when a total B12 result is in the middle band. It is often the test used "
     "in pregnancy.", "nice-ng239", True),
    ("mma", "Methylmalonic acid (MMA)",
     "A substance that builds up in the blood when the body is short of B12.",
     "NICE suggests it when a B12 result is in the middle band and there are symptoms. Kidney "
     "disease can also raise it, so your doctor reads it with care.", "nice-ng239", True),
    ("full-blood-count", "Full blood count",
     "Your red blood cells, including their size, and other blood cells.",
     "Low B12 can cause anaemia with large red cells. But this test can be normal in some "
     "people who are low in B12, so a normal result does not rule it out.",
     "savage-1994", True),
    ("folate", "Folate",
     "Folate, another B vitamin. Low folate can look like low B12.",
     "Low folate and low B12 can happen together. Your doctor needs to know about both before "
     "any treatment starts.", "bsh-2014", True),
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
    created = {"conditions": 0, "symptoms": 0, "red flags": 0, "lab tests": 0, "cautions": 0}

    conditions = {}
    for order, row in enumerate(CONDITIONS):
        conditions[row["slug"]], made = Condition.objects.get_or_create(
            slug=row["slug"], defaults={**row, "order": order}
        )
        created["conditions"] += made

    for order, (slug, name, explanation, group, on, towards, note, key, ok) in enumerate(
        SYMPTOMS
    ):
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
            },
        )
        if made:
            symptom.conditions.set([conditions[slug] for slug in on])
        created["symptoms"] += made

    for order, (slug, label, urgency, what_to_do, key, ok) in enumerate(RED_FLAGS):
        _, made = RedFlag.objects.get_or_create(
            slug=slug,
            defaults={
                "label": label,
                "urgency": urgency,
                "what_to_do": what_to_do,
                "source": sources[key] if key else None,
                "verified": ok,
                "order": order,
            },
        )
        created["red flags"] += made

    for order, (slug, name, measures, why, key, ok) in enumerate(LAB_TESTS):
        _, made = LabTest.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "measures": measures,
                "why_it_matters": why,
                "source": sources[key],
                "verified": ok,
                "order": order,
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

    return [
        "assessments: created " + ", ".join(f"{n} {what}" for what, n in created.items())
        + " (existing rows left as they were)"
    ]
