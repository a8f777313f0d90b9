"""Where the first topic's claims circulate, and what the blog's reference list really holds.

Origins are named, never linked: the site does not send readers to sellers or answer sites.
"""

BLOG = "supplement-blog-ms-b12"
AI_SUMMARY = "ai-answer-b12-ms"

ORIGINS = [
    {
        "key": BLOG,
        "name": "Supplement-seller blog post: 'The Link Between MS and Vitamin B12'",
        "kind": "marketing",
        "description": (
            "A blog post on the website of a company that sells supplements, with repeated "
            "links to its products. It makes most of the claims on this topic. Its reference "
            "list has errors: one reference could not be found and the others are wrongly "
            "cited or are about something else."
        ),
    },
    {
        "key": AI_SUMMARY,
        "name": (
            "AI answer-site clinical summary: 'Is there a correlation between Vitamin B12 "
            "deficiency and multiple sclerosis?'"
        ),
        "kind": "ai_answer",
        "description": (
            "A clinical summary written by an AI answer site. The page itself says the "
            "content is pending human review. It is not a guideline: its first reference is "
            "the site's own overview rather than the guideline it quotes, and its wording of "
            "the ESPEN guideline has not been checked against the guideline."
        ),
    },
]

# The blog's five references, in the order it lists them ("cited_as" is quoted exactly).
# "ref" exists only here: claims name the references they rely on by it (see seed.py).
REYNOLDS, VRETHEM, SCALABRINO, OKUDA, KUMAR = (
    "blog-reynolds", "blog-vrethem", "blog-scalabrino", "blog-okuda", "blog-kumar"
)
CITATION_CHECKS = [
    {
        "ref": REYNOLDS,
        "origin": BLOG,
        "cited_as": "Reynolds EH. Vitamin B12 and MS. Lancet. 1992.",
        "status": "wrong_details",
        "finding": (
            "The study exists, but it was published in Archives of Neurology, not The Lancet, "
            "under the title 'Vitamin B12 metabolism in multiple sclerosis'."
        ),
        "matched_source": "reynolds-1992",
    },
    {
        "ref": VRETHEM,
        "origin": BLOG,
        "cited_as": "Vrethem M, et al. Homocysteine in MS patients. Acta Neurol Scand. 2003.",
        "status": "misrepresented",
        "finding": (
            "The study was published in Multiple Sclerosis, not Acta Neurologica "
            "Scandinavica. The blog uses it to say raised homocysteine in MS comes from a "
            "lack of B12 and folate, but the study found raised homocysteine without signs of "
            "B12 deficiency."
        ),
        "matched_source": "vrethem-2003",
    },
    {
        "ref": SCALABRINO,
        "origin": BLOG,
        "cited_as": "Scalabrino G. Vitamin-regulated myelinogenesis. J Neurol Sci. 2009.",
        "status": "misrepresented",
        "finding": (
            "No paper with this title was found. The closest match is a 2009 review by "
            "Scalabrino in Progress in Neurobiology. It is about nerve damage caused by a lack "
            "of B12, mostly in rats, not about repairing MS damage."
        ),
        "matched_source": "scalabrino-2009",
    },
    {
        "ref": OKUDA,
        "origin": BLOG,
        "cited_as": "Okuda B. Marked recovery with methylcobalamin therapy. Intern Med. 1999.",
        "status": "not_found",
        "finding": (
            "This reference could not be found, so what it says cannot be checked. Treat it "
            "as unverified."
        ),
        "matched_source": None,
    },
    {
        "ref": KUMAR,
        "origin": BLOG,
        "cited_as": "Kumar N. B12 deficiency mimicking MS. Mayo Clin Proc. 2006.",
        "status": "misattributed",
        "finding": (
            "Kumar's 2006 paper in Mayo Clinic Proceedings is a review of copper deficiency, "
            "which can damage the spinal cord in a way that looks like B12 deficiency. It is "
            "not about B12 deficiency mimicking MS, and it is not a study of B12 for MS "
            "fatigue, which is what the blog cites it for."
        ),
        "matched_source": "kumar-2006",
    },
]
