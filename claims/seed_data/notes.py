"""How each seeded finding was seen, in the plain words readers see beside it.

No seeded finding has been checked against the original document: only a named medical
reviewer can record that, so every note says how far the checking went.
"""

# Seen in the published source itself (a guideline page, paper, abstract or fact sheet).
SEEN_IN_SOURCE = (
    "Seen in the published source. A medical reviewer has not yet checked it against the full "
    "original document."
)

# NICE NG239: seen through the BMJ summary and other summaries, not in the guideline text.
SEEN_IN_GUIDELINE_SUMMARY = (
    "Seen only in summaries of the guideline, such as the BMJ summary, not in the guideline "
    "itself."
)

# Savage et al. 1994: the figures were seen only as others quote them.
SEEN_IN_STUDY_SUMMARY = (
    "The figures were seen only in a summary of the study, not in the study itself."
)

# The NICE MS guideline's view on B12 injections for fatigue, as the MS Trust reports it.
SEEN_VIA_MS_TRUST = (
    "Seen only in the MS Trust's summary of the NICE guideline, not in the guideline itself."
)

# Wording known only from the AI answer site's summary (e.g. ESPEN's B12 and MS wording).
ONLY_VIA_AI_SUMMARY = (
    "Not yet checked: this wording was seen only in a summary written by an AI answer site "
    "(itself marked as pending human review), not in the guideline itself."
)

# Points we have not seen in any published source.
NOT_SEEN_IN_A_SOURCE = (
    "Not yet checked: we have not seen this point in a published source, so it still needs "
    "checking against the source named here."
)
