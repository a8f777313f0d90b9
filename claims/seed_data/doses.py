"""Reference amounts that dose claims are compared with. They describe, never advise.

The UK figure comes first on this UK-first site, and each figure names its country. The
treatment amount is for clinicians only: patients see the comparison in words.
"""

DOSE_REFERENCES = [
    {
        "key": "adult-intake-uk",
        "label": "Reference nutrient intake for adults (UK)",
        "amount": "1.5 micrograms a day",
        "country": "UK",
        "explanation": (
            "The amount of vitamin B12 that the UK advises most adults to get each day, "
            "normally from food such as meat, fish, eggs, dairy and foods with B12 added. "
            "It describes what the body needs; it is not advice to take a supplement."
        ),
        "source": "uk-drv-b12",
        "order": 1,
    },
    {
        "key": "adult-intake",
        "label": "Recommended daily intake for adults (US)",
        "amount": "2.4 micrograms a day",
        "country": "US",
        "explanation": (
            "The amount of vitamin B12 that the US advises most adults to get each day. It is "
            "a little higher than the UK figure. It describes what the body needs; it is not "
            "advice to take a supplement."
        ),
        "source": "ods-b12",
        "order": 2,
    },
    {
        "key": "deficiency-treatment",
        "label": "Oral treatment for diagnosed B12 deficiency",
        "amount": "1 mg (1,000 micrograms) a day",
        "country": "UK",
        "clinician_only": True,
        "explanation": (
            "The amount by mouth that NICE describes for treating vitamin B12 deficiency once "
            "a blood test and assessment have confirmed it. It is a treatment chosen and "
            "checked by a clinician for people who lack B12, not an amount for people whose "
            "B12 is normal."
        ),
        "source": "nice-ng239",
        "order": 3,
    },
]
