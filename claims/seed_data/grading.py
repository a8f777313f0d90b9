"""Grading schemes met in the first topic's sources, with plain and clinician meanings.

Descriptions stay generic: they say what each grade means, not how often it is used.
"""

GRADING_SCHEMES = [
    {
        "slug": "espen",
        "name": "ESPEN recommendation grades",
        "plain_summary": (
            "ESPEN, the European Society for Clinical Nutrition and Metabolism, writes "
            "nutrition guidelines. It grades each recommendation by how strong the research "
            "behind it is. It also says what share of the expert group agreed with it."
        ),
        "clinician_summary": (
            "ESPEN guidelines grade recommendations A, B, 0 or good practice point (GPP) "
            "according to the level of evidence behind them, and report the strength of "
            "consensus (percentage agreement of the guideline group) for each one."
        ),
        "order": 1,
        "grades": [
            {
                "code": "A",
                "label": "Grade A",
                "plain_meaning": (
                    "The advice rests on good-quality trials, or on reviews of such trials, "
                    "in people like those it is meant for."
                ),
                "clinician_meaning": (
                    "Based on high-quality meta-analyses, systematic reviews or randomised "
                    "trials directly applicable to the target population."
                ),
                "order": 1,
            },
            {
                "code": "B",
                "label": "Grade B",
                "plain_meaning": (
                    "The advice rests on good studies that are not trials, or on trials "
                    "that apply less directly."
                ),
                "clinician_meaning": (
                    "Based on high-quality observational studies directly applicable to the "
                    "target population, or extrapolated from high-quality trials."
                ),
                "order": 2,
            },
            {
                "code": "0",
                "label": "Grade 0",
                "plain_meaning": (
                    "The advice rests on weak evidence, such as case reports or expert "
                    "opinion, or on studies that apply only indirectly. It is the weakest "
                    "grade that is based on research."
                ),
                "clinician_meaning": (
                    "Based on low-level evidence (non-analytic studies or expert opinion) "
                    "or extrapolated from observational studies."
                ),
                "order": 3,
            },
            {
                "code": "GPP",
                "label": "Good practice point",
                "plain_meaning": (
                    "The advice is based on the experience of the experts who wrote the "
                    "guideline, not on research."
                ),
                "clinician_meaning": (
                    "Recommended best practice based on the clinical experience of the "
                    "guideline development group."
                ),
                "order": 4,
            },
        ],
    },
    {
        "slug": "grade",
        "name": "GRADE certainty of evidence",
        "plain_summary": (
            "GRADE is a common way to rate how sure we can be about what research found. "
            "Reviews such as Cochrane reviews use it. There are four levels, from high to "
            "very low."
        ),
        "clinician_summary": (
            "The GRADE approach rates the certainty (formerly quality) of a body of evidence "
            "for each outcome as high, moderate, low or very low, starting from study design "
            "and rating down for risk of bias, inconsistency, indirectness, imprecision and "
            "publication bias."
        ),
        "order": 2,
        "grades": [
            {
                "code": "high",
                "label": "High certainty",
                "plain_meaning": (
                    "We can be very sure that the true effect is close to what the studies "
                    "found."
                ),
                "clinician_meaning": (
                    "Very confident that the true effect lies close to the estimate."
                ),
                "order": 1,
            },
            {
                "code": "moderate",
                "label": "Moderate certainty",
                "plain_meaning": (
                    "We are fairly sure. The true effect is probably close to what the "
                    "studies found, but it could be quite different."
                ),
                "clinician_meaning": (
                    "Moderately confident: the true effect is likely to be close to the "
                    "estimate, but may be substantially different."
                ),
                "order": 2,
            },
            {
                "code": "low",
                "label": "Low certainty",
                "plain_meaning": (
                    "We are not very sure. The true effect may be quite different from what "
                    "the studies found."
                ),
                "clinician_meaning": (
                    "Limited confidence: the true effect may be substantially different from "
                    "the estimate."
                ),
                "order": 3,
            },
            {
                "code": "very-low",
                "label": "Very low certainty",
                "plain_meaning": (
                    "We have very little confidence. The true effect is likely to be quite "
                    "different from what the studies found."
                ),
                "clinician_meaning": (
                    "Very little confidence: the true effect is likely to be substantially "
                    "different from the estimate."
                ),
                "order": 4,
            },
        ],
    },
    {
        "slug": "nice",
        "name": "NICE recommendation wording",
        "plain_summary": (
            "NICE writes health guidance for England. It shows how strong a recommendation "
            "is by the words it uses, such as 'offer' or 'consider'."
        ),
        "clinician_summary": (
            "NICE signals the strength of a recommendation through its wording: 'must' for a "
            "legal duty or serious consequences, 'offer' (or 'do not offer') where most "
            "people would benefit (or not), and 'consider' where the balance of benefit is "
            "less certain and the choice depends more on the person's values and preferences."
        ),
        "order": 3,
        "grades": [
            {
                "code": "must",
                "label": "Must / must not",
                "plain_meaning": (
                    "There is a legal duty, or not following the advice could have serious "
                    "results."
                ),
                "clinician_meaning": (
                    "Used only where there is a legal duty to apply the recommendation, or "
                    "where the consequences of not following it could be extremely serious."
                ),
                "order": 1,
            },
            {
                "code": "offer",
                "label": "Offer (strong recommendation)",
                "plain_meaning": (
                    "The experts are confident that, for most people, this does more good "
                    "than harm."
                ),
                "clinician_meaning": (
                    "Strong recommendation: confidence that, for the vast majority of people, "
                    "the intervention will do more good than harm and be cost effective."
                ),
                "order": 2,
            },
            {
                "code": "do-not-offer",
                "label": "Do not offer (strong recommendation against)",
                "plain_meaning": (
                    "The experts are confident that this would not help most people, or "
                    "could harm them."
                ),
                "clinician_meaning": (
                    "Strong recommendation against: confidence that the intervention will "
                    "not be of benefit for most people."
                ),
                "order": 3,
            },
            {
                "code": "consider",
                "label": "Consider (weaker recommendation)",
                "plain_meaning": (
                    "This may help, but the benefit is less certain. The choice depends more "
                    "on what matters to you."
                ),
                "clinician_meaning": (
                    "Conditional recommendation: the intervention will do more good than "
                    "harm for most people, but other options may be similarly effective and "
                    "the choice depends more on the person's values and preferences."
                ),
                "order": 4,
            },
        ],
    },
]
