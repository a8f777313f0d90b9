"""The five-level verdict scale from the evidence brief, with plain definitions for patients.

`rating_value` is the number used in ClaimReview structured data (1 = contradicted ...
5 = supported); `order` is the order the scale is shown in, strongest support first.
"""

VERDICTS = [
    {
        "code": "S",
        "label": "Supported",
        "definition": "Good evidence backs this claim as it is stated.",
        "rating_value": 5,
        "order": 1,
    },
    {
        "code": "P",
        "label": "Partly supported (needs context)",
        "definition": (
            "Part of this claim is true, or it is true only for some people. For example, "
            "it may be true only for people who are low in vitamin B12."
        ),
        "rating_value": 4,
        "order": 2,
    },
    {
        "code": "I",
        "label": "Not enough evidence",
        "definition": (
            "Too little research has been done to say whether this claim is right or wrong."
        ),
        "rating_value": 3,
        "order": 3,
    },
    {
        "code": "N",
        "label": "Not supported",
        "definition": "There is no good evidence for this claim.",
        "rating_value": 2,
        "order": 4,
    },
    {
        "code": "C",
        "label": "Contradicted",
        "definition": "Good evidence shows the opposite of what this claim says.",
        "rating_value": 1,
        "order": 5,
    },
]
