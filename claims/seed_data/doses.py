"""Reference amounts that dose claims are compared with. They describe, never advise."""

DOSE_REFERENCES = [
    {
        "key": "adult-intake",
        "label": "Recommended daily intake for adults",
        "amount": "2.4 mcg a day",
        "explanation": (
            "The amount of vitamin B12 that healthy adults are advised to get each day, "
            "normally from food such as meat, fish, eggs, dairy and foods with B12 added. "
            "It describes what the body needs; it is not advice to take a supplement."
        ),
        "source": "ods-b12",
        "order": 1,
    },
    {
        "key": "deficiency-treatment",
        "label": "Oral treatment for diagnosed B12 deficiency",
        "amount": "1 mg (1,000 mcg) a day",
        "explanation": (
            "The amount by mouth that a doctor uses to treat vitamin B12 deficiency once a "
            "blood test and assessment have confirmed it. It is a treatment for people who "
            "lack B12, chosen and checked by a clinician, not an amount for people whose "
            "B12 is normal."
        ),
        "source": "nice-ng239",
        "order": 2,
    },
]
