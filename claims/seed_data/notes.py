"""Verification notes shared by the seed evidence, so the same situation reads the same way."""

# Facts the evidence brief marks [S]: seen in the published source itself.
SEEN_IN_SOURCE = "Seen in the published source when the evidence brief was compiled."

# Wording known only from seed 002, the AI answer-site summary (e.g. ESPEN's B12/MS wording).
ONLY_VIA_AI_SUMMARY = (
    "Not yet verified against the primary document: this wording was seen only in a "
    "secondary, AI-generated summary (itself marked pending human review), not in the "
    "source itself."
)

# Facts the evidence brief marks [K]: general knowledge, not checked against a source.
GENERAL_KNOWLEDGE = (
    "Not yet verified against the primary document: this point is from general knowledge "
    "and has not been checked against the source."
)
