"""The 35 claims of the first topic, "Vitamin B12 and MS", in the order the blog's claims were
listed when the topic was researched.

Patient text (patient summary, what to do, verdict reason, evidence finding, origin wording)
stays at reading grade 8 or lower and never names a dose; amounts appear only in the claim as
people meet it, in the origin's own quoted words, in clinician text and in dose checks. Each
finding says how it was seen: in the published source, only in a summary of it, or not yet
checked. None is marked as checked against the original document; only a named reviewer can.

An origin's "quote" holds words it really wrote (fragments joined by " … "); "wording" is our
own paraphrase. "relies_on" names the blog references (origins.CITATION_CHECKS) a claim rests on.
"""

from textwrap import dedent

from claims.seed_data.notes import (
    NOT_SEEN_IN_A_SOURCE,
    ONLY_VIA_AI_SUMMARY,
    SEEN_IN_GUIDELINE_SUMMARY,
    SEEN_IN_SOURCE,
    SEEN_IN_STUDY_SUMMARY,
    SEEN_VIA_MS_TRUST,
)
from claims.seed_data.origins import (
    AI_SUMMARY,
    BLOG,
    KUMAR,
    OKUDA,
    REYNOLDS,
    SCALABRINO,
    VRETHEM,
)
from claims.seed_data.topics import B12_TOPIC

TOPIC = B12_TOPIC["slug"]

# Each grade with the question it answers; neither is the question of a claim it sits on.
ESPEN_GRADE = {
    "grade": ("espen", "0"),
    "grade_note": "95% consensus, as reported by an AI answer site's summary",
    "grade_question": "B12 supplements to prevent MS",
}
COCHRANE_GRADE = {
    "grade": ("grade", "low"),
    "grade_note": "Rated low-quality evidence in the review",
    "grade_question": "B12 tablets compared with B12 injections for B12 deficiency",
}

# Sources seen only through summaries of them, with the note that says so.
SEEN_ONLY_IN_SUMMARY = {
    "nice-ng239": SEEN_IN_GUIDELINE_SUMMARY,
    "savage-1994": SEEN_IN_STUDY_SUMMARY,
}

# Sentences several claims share, so the same advice reads the same way everywhere.
TEST_FIRST = "Have the blood test before you take any B12. Taking it first can hide a low level."
TELL_SUPPLEMENTS = "Tell your GP about any supplements you take before a blood test."
URGENT = (
    "Get urgent medical help if you suddenly lose sight or have painful eye movements, get\n"
    "  new weakness or numbness that spreads over hours to days, or lose control of your\n"
    "  bladder."
)


def md(text: str) -> str:
    """Markdown written indented in this file, without the indent."""
    return dedent(text).strip()


def bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items)


def _evidence(source, direction, finding, clinician_finding, seen_as, note, **extra):
    return {
        "source": source,
        "direction": direction,
        "finding": finding,
        "clinician_finding": clinician_finding,
        "seen_as": seen_as,
        "verification_note": note,
        **extra,
    }


def seen(source, direction, finding, clinician_finding, **extra):
    """A finding seen in the published source (or, for a source seen only through summaries,
    in a summary of it)."""
    note = SEEN_ONLY_IN_SUMMARY.get(source)
    if note:
        return _evidence(source, direction, finding, clinician_finding, "summary", note, **extra)
    return _evidence(
        source, direction, finding, clinician_finding, "source", SEEN_IN_SOURCE, **extra
    )


def seen_in_summary(source, direction, finding, clinician_finding, note, **extra):
    """A finding seen only in someone else's summary of the source."""
    return _evidence(source, direction, finding, clinician_finding, "summary", note, **extra)


def unchecked(source, direction, finding, clinician_finding, note, **extra):
    """A finding not yet seen in any published source."""
    return _evidence(source, direction, finding, clinician_finding, "unchecked", note, **extra)


def espen(direction, finding, clinician_finding, **extra):
    """ESPEN's B12 and MS wording was seen only through the AI answer site."""
    return unchecked(
        "espen-2018", direction, finding, clinician_finding, ONLY_VIA_AI_SUMMARY, **extra
    )


NO_STUDY_NOTE = (
    "We found no study, guideline or systematic review on this in the sources we reviewed."
)

CLAIMS = [
    # 1 -------------------------------------------------------------------------------------
    {
        "number": 1,
        "slug": "b12-deficiency-can-mimic-ms",
        "text": "A lack of vitamin B12 can cause symptoms that look like MS.",
        "short_wording": "A lack of vitamin B12 can cause symptoms that look like MS",
        "verdict": "S",
        "verdict_reason": (
            "Low B12 can cause nerve symptoms like those of MS. So that one is not mistaken for "
            "the other, NICE lists a B12 blood test among the checks before someone is referred "
            "with suspected MS."
        ),
        "patient_summary_md": md("""
            Low B12 can harm the nerves. It can cause tingling, numbness, weak legs, poor
            balance and tiredness, much like MS. This is why doctors check B12 with a blood
            test when they think someone might have MS. It helps them rule out other causes
            first.
        """),
        "clinician_summary_md": md("""
            NICE's MS guideline (NG220, 2022, which replaced CG186) includes vitamin B12 among
            the blood tests to exclude alternative diagnoses before referral for suspected MS.
            Symptoms shared by both conditions include fatigue, paraesthesia and numbness,
            weakness, gait and balance disturbance, cognitive symptoms, low mood, visual
            symptoms and Lhermitte's sign. Subacute episodes that evolve over days, last days
            to weeks and then improve, painful monocular visual loss, diplopia and Uhthoff's
            phenomenon point towards MS; NICE advises against suspecting MS on the basis of
            fatigue, depression or dizziness alone. Copper deficiency can cause a myelopathy
            that mimics B12 deficiency (Kumar 2006).
        """),
        "what_to_do_md": bullets(
            "If you have new nerve symptoms, see your GP. Ask if a B12 blood test is part of\n"
            "  the checks.",
            TELL_SUPPLEMENTS + " B12 can raise the result and hide a low level.",
            URGENT,
        ),
        "aliases": [
            "b12 deficiency mimics ms",
            "b12 deficiency mistaken for ms",
            "misdiagnosed with ms b12",
            "low b12 symptoms like ms",
            "is it ms or b12",
            "ms mimic",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "This overlap has led some researchers to describe B12 deficiency as a "
                    "“clinical mimic” of MS. In some cases, patients with B12 deficiency were "
                    "initially misdiagnosed with MS—until their symptoms improved with B12 therapy."
                ),
                "wording": (
                    "Says the nerve symptoms of B12 deficiency overlap so much with MS that some "
                    "people were first misdiagnosed with MS, until B12 therapy helped."
                ),
            },
        },
        "relies_on": {BLOG: [KUMAR]},
        "evidence": [
            seen(
                "nice-ng220", "supports",
                "NICE writes health advice for England. It lists a B12 blood test among the "
                "checks to rule out other causes before someone sees a specialist about "
                "possible MS.",
                "NG220 (2022; replaced CG186): vitamin B12 is among the blood tests recommended "
                "to exclude alternative diagnoses before referral for suspected MS.",
            ),
            seen(
                "mstrust-b12", "supports",
                "The MS Trust, a UK MS charity, also explains that low B12 can cause symptoms "
                "like those of MS.",
                "MS Trust 'Vitamin B12' A-Z page: B12 deficiency as a differential diagnosis "
                "with symptoms overlapping MS.",
            ),
            seen(
                "kumar-2006", "context",
                "Low B12 is not the only lack that can look like this. A lack of copper can "
                "harm the spinal cord in the same way.",
                "Copper deficiency myelopathy ('human swayback') can mimic the spinal cord "
                "damage of B12 deficiency (Kumar, Mayo Clin Proc 2006).",
            ),
        ],
    },
    # 2 -------------------------------------------------------------------------------------
    {
        "number": 2,
        "slug": "b12-deficiency-may-worsen-ms",
        "text": "A lack of vitamin B12 may make MS worse.",
        "short_wording": "A lack of vitamin B12 may make MS worse",
        "verdict": "I",
        "verdict_reason": (
            "A 1992 study raised this as an idea only. We found no study that tested whether "
            "low B12 makes MS worse or slows recovery. Low B12 can cause symptoms like MS, so "
            "new symptoms need checking."
        ),
        "patient_summary_md": md("""
            A study from 1992 suggested that low B12 might make MS worse or slow recovery.
            This was an idea, not a result. We found no study that has tested it. Low B12 can
            cause symptoms like those of MS, so new symptoms may not be a flare. Tell your MS
            team about them. Low B12 is still worth finding and treating for its own sake.
        """),
        "clinician_summary_md": md("""
            Reynolds et al. (Arch Neurol 1992) found low serum B12 in a subset of MS patients
            (9 of 29 below 147 pmol/L) and proposed that coexisting deficiency "might
            aggravate MS or impair recovery". The study did not test this, and no source in
            this review shows an effect of B12 status on relapses or disability. Coexisting
            deficiency should still be identified and treated in its own right (NG239).
        """),
        "what_to_do_md": bullets(
            "If you have MS and are worried about your B12, ask your GP or MS team about a\n"
            "  blood test.",
            TEST_FIRST,
            "Tell your MS team about new or worse symptoms. Do not assume they come from low\n"
            "  B12.",
        ),
        "aliases": [
            "does low b12 make ms worse",
            "b12 deficiency ms flare",
            "b12 deficiency ms progression",
            "low b12 ms relapse",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at whether "
            "low B12 makes MS worse. The only source is one small study from 1992 that raised "
            "the idea."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "A silent B12 deficiency can make symptoms worse, mimic a flare, or delay "
                    "healing."
                ),
                "wording": (
                    "Says a lack of B12 may make MS worse, and that a silent lack can mimic a "
                    "flare or delay healing."
                ),
            },
            AI_SUMMARY: {
                "quote": (
                    "Coexisting B12 deficiency might aggravate MS or impair recovery from MS, "
                    "making identification clinically important even if not causally related."
                ),
                "wording": (
                    "Repeats the 1992 study's idea that a lack of B12 alongside MS might make MS "
                    "worse or slow recovery, as a reason to check B12 in people with MS."
                ),
            },
        },
        "evidence": [
            seen(
                "reynolds-1992", "context",
                "A small 1992 study raised the idea that low B12 might make MS worse or slow "
                "recovery. It did not test the idea.",
                "Reynolds et al. 1992 hypothesised that coexisting B12 deficiency 'might "
                "aggravate MS or impair recovery'; this was not an outcome of the study.",
            ),
        ],
    },
    # 3 -------------------------------------------------------------------------------------
    {
        "number": 3,
        "slug": "b12-deficiency-may-cause-ms",
        "text": "A lack of vitamin B12 may help cause MS.",
        "short_wording": "A lack of vitamin B12 may contribute to causing MS",
        "verdict": "N",
        "verdict_reason": (
            "The idea that low B12 causes MS has not been shown. Studies find much the same "
            "B12 levels in people with and without MS."
        ),
        "patient_summary_md": md("""
            Some people think a lack of B12 can cause MS. This has not been shown. One study
            found that people with MS had much the same B12 levels as people without it. A
            European guideline is reported to say the link is not confirmed. We are still
            checking its exact words.
        """),
        "clinician_summary_md": md("""
            A secondary AI-generated summary reports that the ESPEN guideline on clinical
            nutrition in neurology (Burgos et al., Clin Nutr 2018) states that the hypothesis
            linking B12 deficiency and MS has not been confirmed, and recommends against B12
            supplementation to prevent MS (Grade 0, 95% consensus). This wording has not yet
            been verified against the guideline. Najafi et al. (2012) found no difference in
            B12 between MS patients and controls and no correlation with age at onset,
            disease duration, subtype or disability. The low B12 reported in a subset of
            patients by Reynolds et al. (1992) has not been consistently replicated.
        """),
        "what_to_do_md": bullets(
            "If you are worried about your risk of MS, talk to your GP.",
            "B12 has not been shown to prevent MS. If you think your B12 may be low, ask for\n"
            "  a blood test first.",
        ),
        "aliases": [
            "does b12 deficiency cause ms",
            "b12 cause of ms",
            "can low b12 lead to ms",
            "b12 prevent ms",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "emerging evidence shows that a deficiency in vitamin B12 may mimic, worsen, "
                    "or even contribute to MS progression."
                ),
                "wording": (
                    "Says new evidence shows a lack of B12 may even help MS get worse over time."
                ),
            },
            AI_SUMMARY: {
                "quote": (
                    "There is a documented association between vitamin B12 deficiency and multiple "
                    "sclerosis, but vitamin B12 supplementation is not recommended for MS "
                    "prevention, and the hypothesis linking B12 deficiency as a causal factor in "
                    "MS has not been confirmed."
                ),
                "wording": (
                    "Reports a link between low B12 and MS but says, citing ESPEN, that low B12 "
                    "has not been shown to cause MS."
                ),
            },
        },
        "evidence": [
            espen(
                "contradicts",
                "A European guideline is said to find that the link between low B12 and MS is "
                "not proven. It is also said to advise against B12 to prevent MS.",
                "ESPEN 2018 (as reported by a secondary summary): the hypothesis linking B12 "
                "deficiency and MS has not been confirmed; B12 supplementation is not "
                "recommended to prevent MS (Grade 0, 95% consensus).",
                **ESPEN_GRADE,
            ),
            seen(
                "najafi-2012", "contradicts",
                "One study found that people with MS had much the same B12 levels as people "
                "without MS.",
                "Najafi et al. 2012: no difference in serum B12 between MS patients and "
                "controls; no correlation with onset age, duration, subtype or disability.",
            ),
        ],
    },
    # 4 -------------------------------------------------------------------------------------
    {
        "number": 4,
        "slug": "many-with-ms-have-low-b12",
        "text": "Many people with MS have low vitamin B12, especially those with progressive MS.",
        "short_wording": "Many people with MS, especially progressive MS, have low B12",
        "verdict": "P",
        "verdict_reason": (
            "One small study found low B12 in some people with MS. Later studies did not. "
            "Nothing links low B12 to progressive MS."
        ),
        "patient_summary_md": md("""
            One small study in 1992 found low B12 in about a third of the people with MS it
            tested. Later studies did not find this. They found B12 levels much the same in
            people with and without MS. We found no study showing that low B12 is more common
            in progressive MS.
        """),
        "clinician_summary_md": md("""
            Reynolds et al. (Arch Neurol 1992): 9 of 29 consecutive MS patients had serum B12
            below 147 pmol/L; the authors suspected a disturbance of B12 binding or transport.
            Vrethem et al. (Mult Scler 2003) found raised plasma homocysteine without signs of
            B12 deficiency. Najafi et al. (2012) found no difference in B12 between MS
            patients and controls and no correlation with subtype or disability, so nothing
            supports "especially progressive MS".
        """),
        "what_to_do_md": bullets(
            "Having MS does not by itself mean your B12 is low.",
            "If you have signs of low B12, or a risk such as a vegan diet or some long-term\n"
            "  medicines, ask your GP about a test.",
            TEST_FIRST,
        ),
        "aliases": [
            "low b12 in ms",
            "b12 levels in ms patients",
            "progressive ms b12",
            "are people with ms low in b12",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at how common "
            "low B12 is in MS. The evidence comes from three observational studies with mixed "
            "results."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "A large number of MS patients are found to have lower than normal serum B12, "
                    "especially those with progressive disease [1]."
                ),
                "wording": (
                    "Says many people with MS have lower than normal B12, especially those with "
                    "progressive MS."
                ),
            },
            AI_SUMMARY: {
                "quote": (
                    "MS patients demonstrate significantly lower serum vitamin B12 levels compared "
                    "to both neurological and normal controls, with 9 out of 29 consecutive MS "
                    "patients showing levels below 147 pmol/L in one study."
                ),
                "wording": (
                    "Reports that people with MS had lower B12 than others in a 1992 study, with 9 "
                    "of 29 below the study's cut-off."
                ),
            },
        },
        "relies_on": {BLOG: [REYNOLDS]},
        "evidence": [
            seen(
                "reynolds-1992", "supports",
                "In one small study from 1992, 9 of 29 people with MS had low B12.",
                "Reynolds et al. 1992: 9 of 29 consecutive MS patients had serum B12 below "
                "147 pmol/L.",
            ),
            seen(
                "vrethem-2003", "contradicts",
                "A later study found no signs of low B12 in people with MS. Another blood "
                "marker, homocysteine, was raised.",
                "Vrethem et al. 2003: increased plasma homocysteine without signs of vitamin "
                "B12 deficiency in MS.",
            ),
            seen(
                "najafi-2012", "contradicts",
                "Another study found no difference in B12 between people with and without MS. "
                "B12 was not linked to the type of MS or to disability.",
                "Najafi et al. 2012: no B12 difference between MS patients and controls; no "
                "correlation with onset age, duration, subtype or disability.",
            ),
        ],
    },
    # 5 -------------------------------------------------------------------------------------
    {
        "number": 5,
        "slug": "low-b12-in-ms-from-inflammation-or-malabsorption",
        "text": "Low B12 in people with MS comes from inflammation or poor absorption.",
        "short_wording": "Low B12 in MS comes from inflammation or poor absorption",
        "verdict": "I",
        "verdict_reason": (
            "One study suspected a problem with how B12 is carried in the blood. No study we "
            "found shows inflammation or poor absorption as the cause."
        ),
        "patient_summary_md": md("""
            We found no study showing that inflammation or poor gut absorption causes low B12
            in MS. One study from 1992 thought the problem might be in how B12 is carried in
            the blood. We found no later work that settles the question.
        """),
        "clinician_summary_md": md("""
            Reynolds et al. (Arch Neurol 1992) suspected a disturbance of B12 binding or
            transport in MS. No source in this review tests inflammation or malabsorption as a
            mechanism. The usual causes of deficiency listed in NG239 (autoimmune conditions,
            PPIs, H2-receptor antagonists, metformin, coeliac disease, gastric surgery) apply
            to people with MS as to anyone else.
        """),
        "what_to_do_md": bullets(
            "If a test shows your B12 is low, your GP can look for the cause, such as a stomach\n"
            "  problem or a medicine.",
            "Ask your GP or MS team if you have questions about your results.",
        ),
        "aliases": [
            "why is b12 low in ms",
            "ms inflammation b12",
            "malabsorption b12 ms",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at why B12 "
            "might be low in MS. The only source is one small study from 1992."
        ),
        "origins": {
            BLOG: {
                "quote": "Some theories suggest chronic inflammation or malabsorption contributes "
                "to this.",
                "wording": (
                    "Says some theories blame long-term inflammation or poor absorption for low "
                    "B12 in people with MS."
                ),
            },
            AI_SUMMARY: {
                "quote": (
                    "suggesting a metabolic disturbance in B12 handling rather than simple dietary "
                    "deficiency"
                ),
                "wording": (
                    "Says the 1992 study points to a problem in how the body handles B12 rather "
                    "than a simple lack in the diet."
                ),
            },
        },
        "relies_on": {BLOG: [REYNOLDS]},
        "evidence": [
            seen(
                "reynolds-1992", "context",
                "One study suspected that people with MS may have a problem with how B12 is "
                "bound and carried in the blood. It did not show inflammation or poor "
                "absorption as the cause.",
                "Reynolds et al. 1992 suspected a disturbance of B12 binding or transport in "
                "MS; inflammation and malabsorption were not shown.",
            ),
        ],
    },
    # 6 -------------------------------------------------------------------------------------
    {
        "number": 6,
        "slug": "homocysteine-raised-in-ms",
        "text": "People with MS tend to have higher homocysteine levels.",
        "short_wording": "Homocysteine levels are higher in people with MS",
        "verdict": "S",
        "verdict_reason": (
            "A review of 21 studies found that people with MS tend to have more "
            "homocysteine."
        ),
        "patient_summary_md": md("""
            Homocysteine is a natural substance in the blood. A large review pooled the
            results of 21 studies. On average, people with MS had higher levels than people
            without MS. This does not show that homocysteine causes MS, or that lowering it
            helps.
        """),
        "clinician_summary_md": md("""
            Li et al. (Int J Med Sci 2020; meta-analysis of 21 studies): homocysteine was
            higher in people with MS than in controls (SMD 0.64). This is an association; it
            does not establish cause. Raised homocysteine in MS has been found without B12
            deficiency (Vrethem 2003).
        """),
        "what_to_do_md": bullets(
            "Ask your GP or MS team if you have questions about homocysteine.",
            "Do not start supplements to lower it without talking to them first.",
        ),
        "aliases": [
            "homocysteine ms",
            "high homocysteine multiple sclerosis",
            "homocysteine levels ms",
        ],
        "origins": {
            BLOG: {
                "quote": "Elevated homocysteine is common in MS",
                "wording": "Says raised homocysteine is common in MS.",
            },
        },
        "relies_on": {BLOG: [VRETHEM]},
        "evidence": [
            seen(
                "li-2020", "supports",
                "A review pooled 21 studies. On average, people with MS had more homocysteine "
                "than people without MS.",
                "Li et al. 2020 meta-analysis (21 studies): homocysteine higher in MS than "
                "controls, SMD 0.64.",
            ),
        ],
    },
    # 7 -------------------------------------------------------------------------------------
    {
        "number": 7,
        "slug": "raised-homocysteine-in-ms-from-low-b12",
        "text": "Raised homocysteine in MS is usually caused by a lack of B12 and folate.",
        "short_wording": "Raised homocysteine in MS is mostly due to low B12 and folate",
        "verdict": "C",
        "verdict_reason": (
            "The study the blog cites found raised homocysteine in people with MS who had no "
            "signs of low B12."
        ),
        "patient_summary_md": md("""
            The blog cites a study to back this claim. That study found the opposite. People
            with MS had raised homocysteine, but no signs of low B12. So raised homocysteine
            in MS is not simply a sign of low B12.
        """),
        "clinician_summary_md": md("""
            Vrethem et al. (Mult Scler 2003;9(3):239-245), which the blog cites under the
            wrong journal (Acta Neurol Scand), reported increased plasma homocysteine in MS
            without signs of vitamin B12 deficiency.
        """),
        "what_to_do_md": bullets(
            "If a test shows raised homocysteine, ask your GP what it means for you.",
            "Do not assume it means you lack B12. Your GP can check that with the right tests.",
        ),
        "aliases": [
            "homocysteine b12 folate ms",
            "why is homocysteine high in ms",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at the cause "
            "of raised homocysteine in MS. The evidence is one observational study."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "Elevated homocysteine is common in MS and is often a result of B12 and folate "
                    "deficiency [2]."
                ),
                "wording": (
                    "Says raised homocysteine in MS often comes from a lack of B12 and folate, "
                    "citing Vrethem and colleagues."
                ),
            },
        },
        "relies_on": {BLOG: [VRETHEM]},
        "evidence": [
            seen(
                "vrethem-2003", "contradicts",
                "The study the blog cites found raised homocysteine in people with MS without "
                "signs of low B12.",
                "Vrethem et al. 2003: increased plasma homocysteine levels without signs of "
                "vitamin B12 deficiency in patients with MS.",
            ),
        ],
    },
    # 8 -------------------------------------------------------------------------------------
    {
        "number": 8,
        "slug": "b12-stimulates-remyelination",
        "text": "Animal studies show that B12 can help repair myelin, so it may help treat MS.",
        "short_wording": "Animal studies suggest B12 could repair myelin in MS",
        "verdict": "P",
        "verdict_reason": (
            "Rat studies show B12 repairs nerve damage caused by a lack of B12, not damage "
            "from MS. There are no studies in people."
        ),
        "patient_summary_md": md("""
            Myelin is the coating around nerves that MS damages. In rats, B12 repaired damage
            that was caused by a lack of B12. That is not the same as damage from MS. No study
            in people shows that B12 repairs myelin in MS.
        """),
        "clinician_summary_md": md("""
            Scalabrino (Prog Neurobiol 2009), a review drawing mainly on rat work, describes
            CNS damage caused by cobalamin deficiency and its repair when B12 is restored. It
            does not address immune-mediated demyelination, and there are no human data on
            B12-induced remyelination in MS. The blog cites a title that does not exist
            ("Vitamin-regulated myelinogenesis", J Neurol Sci 2009).
        """),
        "what_to_do_md": bullets(
            "Ask your MS team about treatments that have been shown to help in MS.",
            "If you think your B12 may be low, ask for a blood test before you take anything.",
        ),
        "aliases": [
            "remyelination",
            "b12 repairs myelin",
            "b12 myelin repair",
            "b12 myelin sheath",
            "remyelination supplements",
            "b12 rebuild myelin",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at B12 and "
            "myelin repair in MS. The evidence is animal work on B12 deficiency."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "Animal studies show that B12 supplementation may stimulate remyelination, "
                    "making it a potential therapeutic ally in MS [3]."
                ),
                "wording": (
                    "Says animal studies show B12 supplements may help rebuild myelin, so B12 "
                    "could help treat MS."
                ),
            },
        },
        "relies_on": {BLOG: [SCALABRINO]},
        "evidence": [
            seen(
                "scalabrino-2009", "context",
                "In rats, B12 repaired nerve damage caused by a lack of B12. This work did not "
                "look at MS, and it was not done in people.",
                "Scalabrino 2009 (review, largely rat data): B12 repletion reverses CNS damage "
                "caused by cobalamin deficiency; not a model of MS; no human data.",
            ),
        ],
    },
    # 9 -------------------------------------------------------------------------------------
    {
        "number": 9,
        "slug": "high-dose-b12-eases-ms-fatigue",
        "text": "High-dose B12 reduces MS fatigue and improves mood and nerve function.",
        "short_wording": "High-dose B12 eases MS fatigue and improves mood and nerves",
        "verdict": "N",
        "verdict_reason": (
            "No evidence shows a benefit when B12 levels are normal. In a trial where everyone "
            "got B12, both groups improved by about the same."
        ),
        "patient_summary_md": md("""
            There is no good evidence that extra B12 helps MS fatigue, mood or nerves when
            your level is normal. In one trial, everyone was given B12. Both groups improved
            by about the same amount, so the trial cannot show that B12 helped. If your B12 is
            low, treating it can help with the symptoms the low level causes.
        """),
        "clinician_summary_md": md("""
            There is no evidence of benefit from B12 in people with normal levels (MS Trust).
            In Wade et al. (JNNP 2002; trial of the Cari Loder regime) every arm received
            weekly 1 mg B12, and both arms improved by about 2 points on the Guy's Neurological
            Disability Scale, so the design cannot attribute any change to B12. The NICE MS
            guideline does not support B12 injections for fatigue (as summarised by the MS
            Trust; not yet seen in NG220 itself).
        """),
        "what_to_do_md": bullets(
            "Tell your MS team about your fatigue. They can look at what might be causing it.",
            "If you have signs of low B12, ask your GP for a test. " + TEST_FIRST,
            "If your B12 is normal, extra B12 has not been shown to help.",
        ),
        "aliases": [
            "b12 for ms fatigue",
            "b12 injections for fatigue",
            "b12 energy ms",
            "does b12 help ms fatigue",
            "b12 shots for tiredness",
            "high dose b12 ms",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Some MS patients report reduced fatigue, improved mood, and better nerve "
                    "function after taking high-dose B12—especially methylcobalamin or injectable "
                    "forms [4]. … Studies show that supplementation can reduce physical and "
                    "cognitive fatigue in MS patients [5]."
                ),
                "wording": (
                    "Says some people with MS report less fatigue, better mood and better nerve "
                    "function on high-dose B12, and that studies show it reduces fatigue."
                ),
            },
        },
        "relies_on": {BLOG: [OKUDA, KUMAR]},
        "evidence": [
            seen(
                "mstrust-b12", "contradicts",
                "The MS Trust says there is no evidence that B12 helps people with MS whose "
                "B12 level is normal.",
                "MS Trust: no evidence of benefit from B12 supplementation when levels are "
                "normal.",
            ),
            seen_in_summary(
                "nice-ng220", "contradicts",
                "The NICE guideline on MS does not support B12 injections for MS fatigue.",
                "NICE MS guideline (as summarised by the MS Trust): B12 injections are not "
                "supported for treating fatigue in MS.",
                SEEN_VIA_MS_TRUST,
            ),
            seen(
                "wade-2002", "context",
                "In a trial, everyone got B12 and both groups improved by about the same "
                "amount. So the trial cannot show that B12 caused the change.",
                "Wade et al. 2002 (Cari Loder regime RCT): all arms received weekly 1 mg B12; "
                "both arms improved by about 2 GNDS points.",
            ),
        ],
    },
    # 10 ------------------------------------------------------------------------------------
    {
        "number": 10,
        "slug": "b12-protects-and-repairs-nerves",
        "text": "B12 protects the nerves and helps them repair after MS damage.",
        "short_wording": "B12 protects nerves and helps them repair after demyelination",
        "verdict": "N",
        "verdict_reason": (
            "No nerve-protecting effect of B12 has been shown beyond correcting a lack of B12."
        ),
        "patient_summary_md": md("""
            Your nerves need B12. A lack of it can harm them, which is why a lack is treated.
            But there is no sign that extra B12 protects nerves or repairs MS damage when
            your level is normal. A European guideline is reported to say this. We are still
            checking its exact words.
        """),
        "clinician_summary_md": md("""
            As reported by a secondary AI-generated summary (not yet verified against the
            guideline), ESPEN 2018 states that B12 deficiency causes degeneration of sensory
            and motor neurons that reverses with correction, but that no neuroprotective
            effect beyond treating deficiency has been documented. No source in this review
            shows neuroprotection or remyelination from B12 in MS.
        """),
        "what_to_do_md": bullets(
            "Ask your MS team which treatments can protect you from MS damage.",
            "If you think your B12 may be low, ask your GP for a test. " + TEST_FIRST,
        ),
        "aliases": [
            "b12 neuroprotection",
            "b12 nerve repair ms",
            "b12 protects nerves",
            "b12 demyelination",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "By supporting myelin production, B12 can help maintain the integrity of nerve "
                    "fibers and possibly assist in repair after demyelination."
                ),
                "wording": (
                    "Says that by supporting myelin, B12 helps keep nerve fibres intact and may "
                    "help repair after MS damage."
                ),
            },
            AI_SUMMARY: {
                "quote": (
                    "no neuroprotective effects beyond treating deficiency have been documented."
                ),
                "wording": (
                    "States, citing ESPEN, that no nerve-protecting effect beyond treating a "
                    "lack of B12 has been shown."
                ),
            },
        },
        "relies_on": {BLOG: [SCALABRINO]},
        "evidence": [
            espen(
                "contradicts",
                "A European guideline is said to find no sign that B12 protects nerves, except "
                "by treating a lack of it. We have not checked its exact words yet.",
                "ESPEN 2018 (as reported by a secondary summary): B12 deficiency causes "
                "neurodegeneration of sensory and motor neurons that reverses with "
                "correction; no neuroprotective effects beyond treating deficiency have been "
                "documented.",
            ),
        ],
    },
    # 11 ------------------------------------------------------------------------------------
    {
        "number": 11,
        "slug": "b12-lowers-homocysteine-and-vascular-risk",
        "text": (
            "B12 lowers homocysteine and so reduces the risk of blood vessel problems in the "
            "brain."
        ),
        "short_wording": "B12 lowers homocysteine and so cuts blood vessel risks in the brain",
        "verdict": "P",
        "verdict_reason": (
            "In one trial, B12 with folic acid lowered homocysteine. No study we found shows "
            "that this prevents strokes or other health events."
        ),
        "patient_summary_md": md("""
            In a small trial of people with MS, B12 plus folic acid lowered homocysteine. The
            trial did not show any effect on strokes or other health events. So we do not know
            if lowering homocysteine this way prevents any harm.
        """),
        "clinician_summary_md": md("""
            Nozari et al. (Clin Nutr Res 2019; RCT, 50 people with relapsing-remitting MS):
            B12 plus folic acid lowered homocysteine by 2.49 umol/L and raised haemoglobin. No
            effect on clinical vascular or neurological events has been shown.
        """),
        "what_to_do_md": bullets(
            "Ask your GP about your heart and stroke risk if you are worried about it.",
            "Do not start folic acid without asking your GP. On its own, it can hide the signs\n"
            "  of low B12 while nerve damage goes on.",
        ),
        "aliases": [
            "b12 lowers homocysteine",
            "b12 stroke risk",
            "homocysteine supplements",
            "b12 folic acid homocysteine",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at B12, "
            "homocysteine and blood vessel events in MS. The evidence is one small trial that "
            "measured blood levels only."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "B12 helps normalize these levels, reducing risk of neurovascular "
                    "complications."
                ),
                "wording": (
                    "Says B12 brings homocysteine back to normal, which lowers the risk of blood "
                    "vessel problems in the brain."
                ),
            },
        },
        "evidence": [
            seen(
                "nozari-2019", "context",
                "In a small trial in people with MS, B12 plus folic acid lowered homocysteine. "
                "The trial did not look at strokes or other health events.",
                "Nozari et al. 2019 RCT (50 RRMS patients): B12 plus folic acid lowered "
                "homocysteine by 2.49 umol/L and raised haemoglobin; no clinical event "
                "outcomes.",
            ),
        ],
    },
    # 12 ------------------------------------------------------------------------------------
    {
        "number": 12,
        "slug": "b12-supports-mood-and-cognition",
        "text": "B12 supports mood and thinking, which helps with depression and memory in MS.",
        "short_wording": "B12 supports mood, memory and thinking in MS",
        "verdict": "P",
        "verdict_reason": (
            "A lack of B12 can cause low mood and memory problems. Extra B12 has not been "
            "shown to help if your level is normal."
        ),
        "patient_summary_md": md("""
            A lack of B12 can cause low mood and problems with memory and thinking. Treating
            the lack can help. But there is no sign that extra B12 helps mood or memory if
            your level is normal. Low mood and memory problems can also be part of MS itself.
        """),
        "clinician_summary_md": md("""
            NG239 recognises depression and memory and cognitive problems as features of B12
            deficiency. No benefit on mood or cognition has been shown in people who are not
            deficient. These symptoms also occur in MS itself, so testing, rather than
            empirical supplementation, is needed to separate the causes.
        """),
        "what_to_do_md": bullets(
            "Tell your GP or MS team about low mood or memory problems. There can be many\n"
            "  causes.",
            "Ask if a B12 test makes sense for you. " + TEST_FIRST,
            "If you have thoughts of suicide, get urgent help now.",
        ),
        "aliases": [
            "b12 depression",
            "b12 memory",
            "b12 brain fog",
            "b12 mood",
            "b12 cognition ms",
            "b12 anxiety",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "B12 is essential for serotonin, dopamine, and acetylcholine production. Low "
                    "levels have been linked to depression, anxiety, and memory issues—which are "
                    "common in MS."
                ),
                "wording": (
                    "Says B12 is needed to make brain chemicals, and that low levels are linked to "
                    "depression, anxiety and memory problems."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "context",
                "NICE lists low mood and memory problems among the signs of a lack of B12. "
                "Extra B12 has not been shown to help people who are not low.",
                "NG239: depression and memory/cognitive impairment are recognised features of "
                "B12 deficiency; no benefit shown from B12 in people who are not deficient.",
            ),
        ],
    },
    # 13 ------------------------------------------------------------------------------------
    {
        "number": 13,
        "slug": "methylcobalamin-is-the-brain-friendly-form",
        "text": (
            "Methylcobalamin is the active, brain-friendly form of B12, while cyanocobalamin "
            "has to be converted in the liver."
        ),
        "short_wording": "Methylcobalamin is the brain-friendly form of vitamin B12",
        "verdict": "P",
        "verdict_reason": (
            "It is one of two active forms of B12. But the body turns other forms, such as "
            "cyanocobalamin, into active ones inside its cells. No form is shown to be better "
            "for the brain."
        ),
        "patient_summary_md": md("""
            The body uses two active forms of B12. Methylcobalamin is one of them. Other forms,
            such as cyanocobalamin, are turned into the active forms inside the body's cells.
            There is no evidence that any form is better for the brain.
        """),
        "clinician_summary_md": md("""
            NIH ODS: methylcobalamin and adenosylcobalamin (5-deoxyadenosylcobalamin) are the
            metabolically active forms; cyanocobalamin and hydroxocobalamin are converted to
            them intracellularly. There is no evidence that any form is "brain-friendly".
        """),
        "what_to_do_md": bullets(
            "If a test shows you lack B12, your doctor will choose the treatment with you.",
            "There is no evidence that paying more for a special form helps. Ask your GP or a\n"
            "  pharmacist if you are unsure.",
        ),
        "aliases": [
            "methylcobalamin",
            "methyl b12",
            "methylcobalamin vs cyanocobalamin",
            "best form of b12",
            "active b12 supplement",
            "methylated b12",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed compares forms of "
            "B12 for the brain. The facts here come from the NIH fact sheet."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "Methylcobalamin (active, brain-friendly form) … Cyanocobalamin (synthetic, "
                    "requires conversion in the liver)"
                ),
                "wording": (
                    "Calls methylcobalamin the active, brain-friendly form, and says "
                    "cyanocobalamin is synthetic and requires conversion in the liver."
                ),
            },
        },
        "evidence": [
            seen(
                "ods-b12", "context",
                "Methylcobalamin is one of the two active forms of B12. The body turns other "
                "forms into active forms inside its cells. There is no evidence that any form "
                "is better for the brain.",
                "ODS: methylcobalamin and 5-deoxyadenosylcobalamin are the active forms; other "
                "forms are converted intracellularly. No evidence for 'brain-friendly'.",
            ),
        ],
    },
    # 14 ------------------------------------------------------------------------------------
    {
        "number": 14,
        "slug": "cyanocobalamin-is-less-bioactive",
        "text": "Cyanocobalamin is a less bioactive form of B12 than the others.",
        "short_wording": "Cyanocobalamin is a less active form of vitamin B12",
        "verdict": "C",
        "verdict_reason": (
            "The body turns cyanocobalamin into the active forms of B12, as it does with other "
            "forms. The daily amount the blog gives for it is far more than adults need, and "
            "no evidence supports it for MS."
        ),
        "patient_summary_md": md("""
            Cyanocobalamin is a common form of B12 in tablets. The body turns it into the
            active forms it needs, as it does with other forms. Calling it less active is not
            backed by evidence. The blog also gives a daily amount of it. That is hundreds of
            times what an adult needs each day, and there is no evidence that it helps MS.
        """),
        "clinician_summary_md": md("""
            NIH ODS: cyanocobalamin is converted intracellularly to the active forms,
            methylcobalamin and adenosylcobalamin. It is believed to be the oral form used in
            the trials comparing oral with intramuscular B12; this has not yet been checked in
            Cochrane review CD004655. The blog's range for it (1,000-2,000 mcg daily) is about
            670 to 1,300 times the UK adult reference nutrient intake (1.5 micrograms a day);
            no source reviewed supports it as an MS therapy.
        """),
        "what_to_do_md": bullets(
            "If a test shows you lack B12, your doctor will choose the treatment with you.",
            "Ask your GP or a pharmacist if you have questions about the form of B12 you have\n"
            "  been given.",
        ),
        "aliases": [
            "cyanocobalamin",
            "cyanocobalamin bad",
            "is cyanocobalamin safe",
            "cyanocobalamin vs methylcobalamin",
            "synthetic b12",
        ],
        "no_guideline_note": (
            "No guideline in the sources we reviewed compares how active the forms of B12 "
            "are. The main source is the NIH fact sheet; the link to the Cochrane review "
            "still needs checking."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "Cyanocobalamin … Widely available, less bioactive … 1,000–2,000 mcg daily"
                ),
                "wording": (
                    "Lists cyanocobalamin as widely available but less bioactive, and gives a "
                    "daily dose range for it in its table of forms and doses."
                ),
            },
        },
        "evidence": [
            seen(
                "ods-b12", "contradicts",
                "The body turns cyanocobalamin into the active forms of B12.",
                "ODS: cyanocobalamin is converted intracellularly to methylcobalamin and "
                "5-deoxyadenosylcobalamin.",
            ),
            unchecked(
                "cochrane-oral-im", "contradicts",
                "The studies that compared B12 tablets with injections are thought to have "
                "used this form. We have not yet checked this in the review.",
                "Cyanocobalamin is believed to be the oral form used in the RCTs of oral "
                "versus intramuscular B12 in CD004655 (not yet checked in the review).",
                NOT_SEEN_IN_A_SOURCE,
            ),
        ],
    },
    # 15 ------------------------------------------------------------------------------------
    {
        "number": 15,
        "slug": "sublingual-b12-absorbs-better",
        "text": "B12 taken under the tongue is absorbed better than B12 that is swallowed.",
        "short_wording": "B12 under the tongue is absorbed better than swallowed B12",
        "verdict": "C",
        "verdict_reason": (
            "Studies found no difference in how well B12 works whether it is taken under the "
            "tongue or swallowed."
        ),
        "patient_summary_md": md("""
            Some B12 products are made to go under the tongue. They are sold as better
            absorbed. But studies found no difference in how well B12 works, whether it is
            taken under the tongue or swallowed.
        """),
        "clinician_summary_md": md("""
            NIH ODS: no difference in efficacy between oral and sublingual cobalamin.
        """),
        "what_to_do_md": bullets(
            "If a test shows you lack B12, your doctor will choose the treatment with you.",
            "Ask your GP or a pharmacist if you are unsure about a product.",
        ),
        "aliases": [
            "sublingual b12",
            "under the tongue b12",
            "b12 spray",
            "b12 lozenge",
            "sublingual methylcobalamin",
            "b12 drops",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed compares B12 under "
            "the tongue with swallowed B12. The source is the NIH fact sheet."
        ),
        "origins": {
            BLOG: {
                "quote": "Take sublingual (under tongue) forms for better absorption",
                "wording": "Advises taking B12 under the tongue for better absorption.",
            },
        },
        "evidence": [
            seen(
                "ods-b12", "contradicts",
                "B12 taken under the tongue works no better than B12 that is swallowed.",
                "ODS: no difference in efficacy between oral and sublingual forms.",
            ),
        ],
    },
    # 16 ------------------------------------------------------------------------------------
    {
        "number": 16,
        "slug": "high-dose-methylcobalamin-for-ms",
        "text": "People with MS should take 1,000 to 5,000 mcg of methylcobalamin every day.",
        "short_wording": "People with MS should take high-dose methylcobalamin every day",
        "verdict": "N",
        "verdict_reason": (
            "These amounts are far above what adults need each day. High amounts are only for "
            "treating a proven lack of B12, and there is no evidence for them as an MS "
            "treatment."
        ),
        "patient_summary_md": md("""
            The amounts in this claim are hundreds to thousands of times what an adult needs
            each day. High amounts of B12 are used only to treat a proven lack of B12, and a
            doctor decides how much after a blood test. There is no evidence that these
            amounts help MS.
        """),
        "clinician_summary_md": md("""
            NG239: 1 mg/day orally is a treatment dose for diagnosed B12 deficiency. Cochrane
            CD004655 (search to July 2017; 3 RCTs, 153 people; low-quality evidence) found
            oral treatment similar to intramuscular in deficiency. No source in this review
            supports doses above 1 mg/day, or B12 as a therapy for MS. The adult reference
            intake is 1.5 micrograms/day in the UK (Department of Health reference nutrient
            intake, as quoted by NHS.UK) and 2.4 micrograms/day in the US (ODS).
        """),
        "what_to_do_md": bullets(
            "Do not start high-dose B12 on your own. Ask your GP for a blood test first.",
            "If the test shows a lack of B12, your doctor will explain the treatment and check\n"
            "  that it works.",
            "Tell your MS team about any supplements you take.",
        ),
        "aliases": [
            "methylcobalamin dose ms",
            "how much b12 for ms",
            "high dose methylcobalamin",
            "b12 dosage ms",
            "mega dose b12",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Methylcobalamin … Active, supports brain & nerves … 1,000–5,000 mcg daily"
                ),
                "wording": (
                    "Gives a daily dose range for methylcobalamin in its table of forms and doses, "
                    "saying it supports brain and nerves."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "contradicts",
                "NICE describes B12 by mouth as a treatment for a proven lack of B12, with the "
                "amount chosen by a doctor. It does not support higher amounts, or B12 for MS.",
                "NG239: 1 mg (1,000 mcg) a day orally is a treatment dose for diagnosed "
                "deficiency; no evidence for higher doses or for use as an MS therapy.",
            ),
            seen(
                "cochrane-oral-im", "context",
                "A review of three small trials found B12 tablets and injections worked about "
                "as well as each other in people who lack B12. The review was about a lack of "
                "B12, not about MS.",
                "Cochrane CD004655 (to July 2017; 3 RCTs, 153 people): oral B12 similar to "
                "intramuscular in deficiency; low-quality evidence.",
                **COCHRANE_GRADE,
            ),
        ],
        "dose_check": {
            "claimed_amount": "1,000 to 5,000 mcg of methylcobalamin a day",
            "patient_comparison": "hundreds to thousands of times what an adult needs each day",
            "explanation_md": md("""
                The claimed range is about 670 to 3,300 times the UK reference nutrient
                intake for adults (1.5 micrograms a day) and about 420 to 2,100 times the US
                recommended dietary allowance (2.4 micrograms a day). NICE NG239 describes
                oral treatment of diagnosed B12 deficiency at 1 mg a day; that is a treatment
                chosen and monitored by a clinician for confirmed deficiency, not a reference
                for people with normal B12 or for MS. No source reviewed supports doses above
                it, or B12 as a therapy for MS.
            """),
            "references": ["adult-intake-uk", "adult-intake", "deficiency-treatment"],
        },
    },
    # 17 ------------------------------------------------------------------------------------
    {
        "number": 17,
        "slug": "adenosylcobalamin-for-mitochondria",
        "text": "Taking 500 to 1,000 mcg of adenosylcobalamin a day supports the mitochondria.",
        "short_wording": "Adenosylcobalamin supplements support the mitochondria",
        "verdict": "I",
        "verdict_reason": (
            "We found no study that tests this form of B12 for cell energy or for MS."
        ),
        "patient_summary_md": md("""
            Adenosylcobalamin is one of the two active forms of B12 in the body. We found no
            study that tests it as a supplement for energy, for mitochondria or for MS. So
            there is too little research to say if the claim is right. The amounts in the
            claim are far above what the body needs each day.
        """),
        "clinician_summary_md": md("""
            No evidence was found for adenosylcobalamin supplementation for mitochondrial
            support or in MS. The claimed 500-1,000 mcg/day is about 330 to 670 times the UK
            adult reference nutrient intake (1.5 micrograms/day) and about 210 to 420 times the
            US recommended dietary allowance (2.4 micrograms/day, ODS). Oral treatment at
            1 mg/day (NG239) is for confirmed deficiency only and is no reference for
            supplementing people with normal B12.
        """),
        "what_to_do_md": bullets(
            "Do not start B12 products on your own. Ask your GP for a blood test first.",
            "Tell your MS team about any supplements you take.",
        ),
        "aliases": [
            "adenosylcobalamin",
            "dibencozide",
            "b12 mitochondria",
            "b12 for energy",
            "mitochondrial support supplement",
        ],
        "no_guideline_note": NO_STUDY_NOTE,
        "origins": {
            BLOG: {
                "quote": "Adenosylcobalamin … Mitochondrial support … 500–1,000 mcg daily",
                "wording": (
                    "Gives a daily dose range for adenosylcobalamin, for mitochondrial support."
                ),
            },
        },
        "evidence": [],
        "dose_check": {
            "claimed_amount": "500 to 1,000 mcg of adenosylcobalamin a day",
            "patient_comparison": "hundreds of times what an adult needs each day",
            "explanation_md": md("""
                The claimed range is about 330 to 670 times the UK reference nutrient intake
                for adults (1.5 micrograms a day) and about 210 to 420 times the US
                recommended dietary allowance (2.4 micrograms a day). NICE NG239 describes
                oral treatment of diagnosed deficiency at 1 mg a day, for confirmed
                deficiency only. No evidence was found for adenosylcobalamin at these amounts
                for mitochondrial support or for MS.
            """),
            "references": ["adult-intake-uk", "adult-intake", "deficiency-treatment"],
        },
    },
    # 18 ------------------------------------------------------------------------------------
    {
        "number": 18,
        "slug": "weekly-hydroxocobalamin-injections",
        "text": "A 1,000 mcg hydroxocobalamin injection every week is a good way to take B12.",
        "short_wording": "Weekly hydroxocobalamin injections are a good way to take B12",
        "verdict": "P",
        "verdict_reason": (
            "These injections need a prescription and are for a proven lack of B12. In the UK, "
            "after the first few, they are spaced 2 to 3 months apart, not given every week."
        ),
        "patient_summary_md": md("""
            Hydroxocobalamin injections are a real treatment for a proven lack of B12. They
            need a prescription. In the UK, people usually have a few injections close
            together at first, then one every 2 to 3 months. They are not a treatment for MS
            itself.
        """),
        "clinician_summary_md": md("""
            NG239: intramuscular hydroxocobalamin is a prescription treatment for diagnosed
            deficiency. The UK schedule is loading doses followed by maintenance injections
            every 2-3 months, not 1,000 mcg weekly as a routine. There is no evidence for
            injections as an MS therapy.
        """),
        "what_to_do_md": bullets(
            "If you think your B12 may be low, ask your GP for a blood test.",
            "If you lack B12, your doctor will decide whether you need injections and how\n"
            "  often.",
        ),
        "aliases": [
            "hydroxocobalamin",
            "b12 injections",
            "b12 jabs",
            "b12 shots",
            "weekly b12 injection",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Hydroxocobalamin (used in injections) … Hydroxocobalamin … Long-lasting, "
                    "injection-friendly … 1,000 mcg IM weekly"
                ),
                "wording": (
                    "Calls hydroxocobalamin long-lasting and injection-friendly, with a weekly "
                    "injection into the muscle."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "context",
                "These injections need a prescription. They are for a proven lack of B12. In "
                "the UK, a few are given close together at first, then one every 2 to 3 "
                "months.",
                "NG239: IM hydroxocobalamin for diagnosed deficiency; loading doses, then "
                "maintenance every 2-3 months rather than weekly.",
            ),
        ],
        "dose_check": {
            "claimed_amount": "1,000 mcg of hydroxocobalamin by injection every week",
            "patient_comparison": (
                "hundreds of times what an adult needs each day, in each injection"
            ),
            "explanation_md": md("""
                Intramuscular hydroxocobalamin is a prescription treatment for diagnosed B12
                deficiency. NICE NG239 describes loading doses followed by maintenance
                injections every 2 to 3 months, not a routine weekly injection. A single
                1,000 mcg injection is about 670 times the UK adult reference nutrient intake
                (1.5 micrograms a day) and about 420 times the US recommended dietary
                allowance (2.4 micrograms a day). Whether injections are needed, and how
                often, is a clinical decision.
            """),
            "references": ["adult-intake-uk", "adult-intake", "deficiency-treatment"],
        },
    },
    # 19 ------------------------------------------------------------------------------------
    {
        "number": 19,
        "slug": "b12-injections-work-faster",
        "text": "If you lack B12, injections may work faster than tablets.",
        "short_wording": "B12 injections may work faster than tablets for a deficiency",
        "verdict": "P",
        "verdict_reason": (
            "Injections come first for serious nerve symptoms. Otherwise, tablets at a "
            "treatment dose work about as well."
        ),
        "patient_summary_md": md("""
            For people with serious nerve problems from low B12, doctors start with
            injections. For most other people, tablets at a treatment dose work about as well
            as injections. The research on this is small. Your doctor will decide which suits
            you.
        """),
        "clinician_summary_md": md("""
            BSH 2014: parenteral replacement first for severe neurological presentations.
            Otherwise, Cochrane CD004655 (search to July 2017; 3 RCTs, 153 people; low-quality
            evidence) found oral B12 1 mg/day similar to intramuscular treatment.
        """),
        "what_to_do_md": bullets(
            "If a test shows you lack B12, ask your doctor about the choice of tablets or\n"
            "  injections.",
            "Tell them about any nerve symptoms, such as numbness, tingling or problems with\n"
            "  walking.",
        ),
        "aliases": [
            "b12 injections vs tablets",
            "oral vs injection b12",
            "b12 shots vs pills",
            "b12 jabs or tablets",
        ],
        "origins": {
            BLOG: {
                "quote": "If deficient, injections may work faster—ask your provider",
                "wording": "Says that if you lack B12, injections may work faster.",
            },
        },
        "evidence": [
            seen(
                "bsh-2014", "supports",
                "For serious nerve problems caused by low B12, guidelines start treatment with "
                "injections.",
                "BSH 2014: parenteral replacement first for severe neurological "
                "presentations.",
            ),
            seen(
                "cochrane-oral-im", "context",
                "For most people, a review of three small trials found tablets worked about as "
                "well as injections.",
                "Cochrane CD004655 (to July 2017; 3 RCTs, 153 people): oral 1 mg/day similar "
                "to intramuscular; low-quality evidence.",
                **COCHRANE_GRADE,
            ),
        ],
    },
    # 20 ------------------------------------------------------------------------------------
    {
        "number": 20,
        "slug": "take-b12-with-folate-and-b6",
        "text": "Take B12 with folate (L-5-MTHF) and vitamin B6 to boost methylation.",
        "short_wording": "B12 should be taken with folate and vitamin B6",
        "verdict": "I",
        "verdict_reason": (
            "We found no good research on this mix. Folate on its own, when B12 may be low, "
            "can hide the problem while nerve damage goes on."
        ),
        "patient_summary_md": md("""
            We found no good research on taking these together to boost "methylation". There
            is a safety point. Taking folate on its own, when B12 may be low, can hide the
            blood signs of low B12 while nerve damage goes on. This is why a B12 test comes
            first.
        """),
        "clinician_summary_md": md("""
            BSH 2014: folic acid or folate should not be given alone when B12 deficiency is
            possible, because it can correct the anaemia while neurological damage progresses.
            No source in this review supports combining folate (including
            L-5-methyltetrahydrofolate) and B6 with B12 to "optimise methylation".
        """),
        "what_to_do_md": bullets(
            "Do not start folate or folic acid on your own. Ask your GP for a B12 test first.",
            "Tell your GP or MS team about any B vitamins you take.",
        ),
        "aliases": [
            "b12 and folate together",
            "methylfolate",
            "l-5-mthf",
            "b12 folate b6",
            "methylation support",
            "folic acid and b12",
        ],
        "origins": {
            BLOG: {
                "quote": "Combine with folate (L-5-MTHF) and B6 to optimize methylation",
                "wording": (
                    "Advises taking B12 with folate (L-5-MTHF) and vitamin B6 to boost methylation."
                ),
            },
        },
        "evidence": [
            seen(
                "bsh-2014", "context",
                "Folate on its own can hide the blood signs of low B12 while nerve damage goes "
                "on. So it should not be given alone when B12 may be low.",
                "BSH 2014: do not give folate alone when B12 deficiency is possible; it can "
                "mask the anaemia while neurological damage progresses.",
            ),
        ],
    },
    # 21 ------------------------------------------------------------------------------------
    {
        "number": 21,
        "slug": "take-b12-in-the-morning",
        "text": "Take B12 in the morning, because it gives you energy.",
        "short_wording": "B12 is best taken in the morning because it is energising",
        "verdict": "N",
        "verdict_reason": (
            "We found no evidence that B12 gives energy or that the time of day matters."
        ),
        "patient_summary_md": md("""
            We found no study showing that B12 gives you energy, or that the time of day you
            take it makes a difference. If you are tired most of the time, that is worth
            talking about with your GP or MS team.
        """),
        "clinician_summary_md": md("""
            No evidence was found that B12 is "energising" or that the timing of a dose
            matters: no study in the sources reviewed, and this has not been checked further.
        """),
        "what_to_do_md": bullets(
            "Tell your GP or MS team if you are tired most of the time.",
            "If you think your B12 may be low, ask for a blood test. " + TEST_FIRST,
        ),
        "aliases": [
            "best time to take b12",
            "b12 morning or night",
            "b12 energy boost",
            "b12 keeps me awake",
        ],
        "no_guideline_note": (
            NO_STUDY_NOTE + " We have not yet looked beyond these sources for one."
        ),
        "origins": {
            BLOG: {
                "quote": "Take B12 in the morning, as it can be energizing",
                "wording": "Advises taking B12 in the morning because it can give you energy.",
            },
        },
        "evidence": [],
    },
    # 22 ------------------------------------------------------------------------------------
    {
        "number": 22,
        "slug": "normal-b12-test-can-miss-deficiency",
        "text": "Your B12 blood test can be 'normal' while you are still functionally deficient.",
        "short_wording": "A normal B12 blood test can still miss a real deficiency",
        "verdict": "P",
        "verdict_reason": (
            "No B12 test is perfect, and further tests help with borderline results. But a "
            "normal result should not lead you to decide for yourself that you are low."
        ),
        "patient_summary_md": md("""
            No single blood test for B12 is perfect. When a result is borderline, doctors can
            use a second test to get a clearer answer. A blood count can also look normal in
            someone who lacks B12. But do not decide for yourself that you are low after a
            normal result. Your doctor is best placed to read it.
        """),
        "clinician_summary_md": md("""
            BSH 2014: there is no gold-standard test and fixed cut-offs are not possible; use
            the laboratory's own reference range. NG239 total B12: below 180 ng/L deficiency
            likely, 180-350 ng/L indeterminate (consider MMA or active B12), above 350 ng/L
            unlikely; active B12 (holotranscobalamin): below 25 pmol/L likely, 25-70 pmol/L
            indeterminate, above 70 pmol/L unlikely. Savage et al. 1994: MMA raised in 98.4%
            of 434 deficiency episodes; MCV normal in 17% and haematocrit normal in 28%.
            Kidney disease raises MMA.
        """),
        "what_to_do_md": bullets(
            "If you have symptoms and your result was borderline, ask your GP if a second test\n"
            "  would help.",
            "Do not start B12 on your own after a normal result. Talk to your GP first.",
            TELL_SUPPLEMENTS + " They can change the result.",
        ),
        "aliases": [
            "functional b12 deficiency",
            "normal b12 but symptoms",
            "b12 test normal but still deficient",
            "borderline b12",
            "b12 blood test accuracy",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Even if your blood tests are \"normal,\" you may still be functionally "
                    "deficient."
                ),
                "wording": (
                    "Says that even if your blood tests are normal, your body may still lack B12."
                ),
            },
        },
        "evidence": [
            seen(
                "bsh-2014", "supports",
                "No single B12 test is perfect. Labs use their own normal ranges.",
                "BSH 2014: no gold-standard test; fixed cut-offs are not possible; use the "
                "local laboratory reference range.",
            ),
            seen(
                "nice-ng239", "context",
                "NICE describes a middle range of B12 results where the answer is unclear. For "
                "these, a second test can help.",
                "NG239: total B12 180-350 ng/L (or active B12 25-70 pmol/L) is indeterminate; "
                "consider MMA or active B12.",
            ),
            seen(
                "savage-1994", "supports",
                "In people who lacked B12, a routine blood count often looked normal. Another "
                "test, MMA, was raised in almost all of them.",
                "Savage et al. 1994: MMA raised in 98.4% of 434 deficiency episodes; MCV normal "
                "in 17%, haematocrit normal in 28%.",
            ),
        ],
    },
    # 23 ------------------------------------------------------------------------------------
    {
        "number": 23,
        "slug": "ask-for-homocysteine-and-mma-tests",
        "text": "Ask your doctor to test homocysteine and MMA as well as B12.",
        "short_wording": "Homocysteine and MMA tests give a better picture of B12 status",
        "verdict": "P",
        "verdict_reason": (
            "NICE suggests an MMA test for borderline results with symptoms. Homocysteine "
            "comes first only when laughing gas may be the cause."
        ),
        "patient_summary_md": md("""
            MMA is a blood test that doctors can use when a B12 result is borderline and you
            have symptoms. A homocysteine test is used first only when laughing gas (nitrous
            oxide) may be the cause of low B12. Your doctor will choose
            the tests that fit you.
        """),
        "clinician_summary_md": md("""
            NG239: for indeterminate total or active B12 results in a person with symptoms,
            consider methylmalonic acid (MMA); homocysteine is the first-line test only where
            nitrous oxide-induced deficiency is suspected. An MMA cut-off of 271 nmol/L is one
            laboratory's upper limit, not a NICE threshold; kidney disease raises MMA.
        """),
        "what_to_do_md": bullets(
            "If your B12 result is borderline and you have symptoms, ask your GP if an MMA\n"
            "  test would help.",
            "If you have used laughing gas, tell your doctor. It changes which test they use.",
        ),
        "aliases": [
            "mma test",
            "methylmalonic acid",
            "homocysteine test",
            "active b12 test",
            "holotranscobalamin",
            "b12 tests to ask for",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Serum B12 alone is not always reliable. Ask your doctor to also check "
                    "homocysteine and methylmalonic acid (MMA) for a better picture of functional "
                    "B12 status."
                ),
                "wording": (
                    "Says a B12 blood test alone is not always reliable, and advises asking your "
                    "doctor to check homocysteine and MMA as well."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "context",
                "NICE suggests MMA when a B12 result is borderline and there are symptoms. It "
                "uses homocysteine first only when laughing gas may be the cause.",
                "NG239: MMA for indeterminate results with symptoms; homocysteine first-line "
                "only for suspected nitrous oxide-induced deficiency.",
            ),
        ],
    },
    # 24 ------------------------------------------------------------------------------------
    {
        "number": 24,
        "slug": "ms-and-pernicious-anaemia",
        "text": "Autoimmune conditions cluster, so people with MS may also get pernicious anaemia.",
        "short_wording": "People with MS may also develop pernicious anaemia",
        "verdict": "P",
        "verdict_reason": (
            "Other autoimmune conditions and a family history raise the risk of low B12. We "
            "found no figure for how often people with MS get pernicious anaemia."
        ),
        "patient_summary_md": md("""
            Pernicious anaemia is an autoimmune cause of low B12. Doctors see other autoimmune
            conditions, and a family history, as risks for low B12. But we found no study
            showing how often people with MS get pernicious anaemia.
        """),
        "clinician_summary_md": md("""
            NG239 lists autoimmune conditions and family history among risk factors for B12
            deficiency. Reynolds et al. (1992) found low B12 in a subset of MS patients and
            suspected a disturbance of B12 binding or transport. No source in this review
            gives the frequency of pernicious anaemia in MS.
        """),
        "what_to_do_md": bullets(
            "If you have another autoimmune condition, or a family history of low B12, tell\n"
            "  your GP.",
            "Ask if a B12 test makes sense for you. " + TEST_FIRST,
        ),
        "aliases": [
            "pernicious anaemia",
            "pernicious anemia ms",
            "autoimmune gastritis",
            "ms and other autoimmune diseases",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Autoimmune conditions often cluster. MS patients may develop pernicious "
                    "anemia, where the immune system attacks cells that absorb B12."
                ),
                "wording": (
                    "Says autoimmune conditions often go together, so people with MS may develop "
                    "pernicious anaemia."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "supports",
                "NICE says some things raise the risk of low B12. They include other "
                "autoimmune conditions and a family history.",
                "NG239: autoimmune conditions and family history are risk factors for B12 "
                "deficiency.",
            ),
            seen(
                "reynolds-1992", "context",
                "One small study found low B12 in some people with MS. It suspected a problem "
                "with how B12 is carried in the blood.",
                "Reynolds et al. 1992: low B12 in a subset of MS patients; a disturbance of "
                "B12 binding or transport suspected.",
            ),
        ],
    },
    # 25 ------------------------------------------------------------------------------------
    {
        "number": 25,
        "slug": "gut-problems-and-ppis-lower-b12",
        "text": (
            "Gut problems like IBS, low stomach acid and acid-blocking drugs (PPIs) reduce B12 "
            "absorption."
        ),
        "short_wording": "Gut problems and acid-blocking drugs reduce B12 absorption",
        "verdict": "P",
        "verdict_reason": (
            "Some stomach medicines, metformin, coeliac disease and stomach surgery are known "
            "risks. IBS is not on the list."
        ),
        "patient_summary_md": md("""
            Some medicines and conditions do raise the chance of low B12. These include
            medicines that reduce stomach acid, metformin, coeliac disease and some stomach
            surgery. IBS is not on the NICE list of risks.
        """),
        "clinician_summary_md": md("""
            NG239 risk factors include proton pump inhibitors, H2-receptor antagonists,
            metformin, coeliac disease and gastric surgery. IBS is not listed.
        """),
        "what_to_do_md": bullets(
            "If you take one of these medicines long term and have signs of low B12, ask your\n"
            "  GP about a test.",
            "Do not stop a medicine on your own. Talk to your GP or pharmacist first.",
        ),
        "aliases": [
            "ppi b12",
            "omeprazole b12",
            "metformin b12",
            "antacids b12",
            "ibs b12",
            "low stomach acid b12",
            "coeliac b12",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Gut problems, like IBS, low stomach acid, or long-term use of acid-blocking "
                    "drugs (PPIs), reduce B12 absorption."
                ),
                "wording": (
                    "Says gut problems such as IBS, low stomach acid and long-term PPIs reduce how "
                    "much B12 you absorb."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "context",
                "NICE lists acid-reducing medicines, metformin, coeliac disease and stomach "
                "surgery as risks for low B12. IBS is not on the list.",
                "NG239: PPIs, H2-receptor antagonists, metformin, coeliac disease and gastric "
                "surgery are risk factors; IBS is not listed.",
            ),
        ],
    },
    # 26 ------------------------------------------------------------------------------------
    {
        "number": 26,
        "slug": "b12-only-in-animal-foods",
        "text": "B12 is found naturally only in animal foods, so vegans are at risk of low B12.",
        "short_wording": "B12 comes only from animal foods, so vegans can run low",
        "verdict": "S",
        "verdict_reason": (
            "B12 comes naturally from animal foods, and foods with B12 added also provide it. "
            "People who eat no animal foods are at higher risk."
        ),
        "patient_summary_md": md("""
            B12 is found in meat, fish, eggs and dairy foods. Some other foods have B12
            added. People who eat no animal foods are more likely to run low.

            If you eat a vegan diet, you need foods with B12 added (fortified foods) or a B12
            supplement. This is advice for everyone on a vegan diet. It is not a treatment for
            MS.
        """),
        "clinician_summary_md": md("""
            NIH ODS: B12 occurs naturally in animal foods and is also present in fortified
            foods. People on vegan diets are at risk of deficiency without fortified foods or
            supplements, so patient pages advise everyone on a vegan diet to use one or the
            other (dietary advice, not an MS treatment).
        """),
        "what_to_do_md": bullets(
            "If you eat a vegan diet, eat foods with B12 added or take a B12 supplement. A\n"
            "  pharmacist or dietitian can help you choose.",
            "If you eat few animal foods, ask your GP or a dietitian how to get enough B12.",
            "If you have signs of low B12, ask your GP if a blood test makes sense for you.",
        ),
        "aliases": [
            "vegan b12",
            "vegetarian b12",
            "plant based b12",
            "b12 foods",
            "fortified foods b12",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed covers this point. "
            "The source is the NIH fact sheet."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "B12 is naturally found only in animal-based foods. Long-term plant-based "
                    "eaters are at higher risk of deficiency without supplementation."
                ),
                "wording": (
                    "Under the heading of vegetarian and vegan diets, says B12 is found naturally "
                    "only in animal foods, so long-term plant-based eaters are at higher risk."
                ),
            },
        },
        "evidence": [
            seen(
                "ods-b12", "supports",
                "B12 comes naturally from animal foods. Some foods also have B12 added. People "
                "on a vegan diet need these foods or a B12 supplement.",
                "ODS: B12 is naturally present in animal foods and is added to fortified "
                "foods.",
            ),
        ],
    },
    # 27 ------------------------------------------------------------------------------------
    {
        "number": 27,
        "slug": "b12-absorption-falls-with-age",
        "text": "B12 absorption falls as we get older.",
        "short_wording": "The body absorbs less B12 with age",
        "verdict": "S",
        "verdict_reason": (
            "Low B12 gets more common with age. About 1 in 20 people aged 65 to 74 lack it, "
            "and more than 1 in 10 over 75."
        ),
        "patient_summary_md": md("""
            Low B12 becomes more common as people get older. About 1 in 20 people aged 65 to
            74 lack B12. For people over 75, it is more than 1 in 10.
        """),
        "clinician_summary_md": md("""
            NG239: B12 deficiency affects about 5% of people aged 65-74 and more than 10% of
            people over 75.
        """),
        "what_to_do_md": bullets(
            "If you are older and have signs of low B12, ask your GP about a blood test.",
            TEST_FIRST,
        ),
        "aliases": [
            "b12 older people",
            "b12 and age",
            "b12 elderly",
            "b12 over 50",
        ],
        "origins": {
            BLOG: {
                "quote": "As we age, absorption declines.",
                "wording": "Says the body absorbs less B12 as we get older.",
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "supports",
                "About 1 in 20 people aged 65 to 74, and more than 1 in 10 people over 75, "
                "lack B12.",
                "NG239: deficiency in about 5% of those aged 65-74 and over 10% of those over "
                "75.",
            ),
        ],
    },
    # 28 ------------------------------------------------------------------------------------
    {
        "number": 28,
        "slug": "mitochondrial-problems-block-b12-use",
        "text": "Mitochondrial problems in MS stop cells from using B12 properly.",
        "short_wording": "Mitochondrial problems in MS stop cells using B12 properly",
        "verdict": "N",
        "verdict_reason": (
            "We found no evidence that MS stops cells from using B12."
        ),
        "patient_summary_md": md("""
            We found no study showing that MS stops cells from using B12. This idea is not
            backed by evidence. If you are worried about your B12, a blood test is the way to
            find out.
        """),
        "clinician_summary_md": md("""
            No evidence was found that mitochondrial dysfunction in MS impairs cellular use of
            cobalamin.
        """),
        "what_to_do_md": bullets(
            "If you are worried about your B12, ask your GP about a blood test.",
            TEST_FIRST,
        ),
        "aliases": [
            "mitochondria ms b12",
            "mitochondrial dysfunction ms",
            "cells cannot use b12",
        ],
        "no_guideline_note": NO_STUDY_NOTE,
        "origins": {
            BLOG: {
                "quote": (
                    "Mitochondrial issues (common in MS) may also reduce the cellular ability to "
                    "utilize B12 effectively."
                ),
                "wording": (
                    "Says mitochondrial problems, which it calls common in MS, may stop cells "
                    "using B12 well."
                ),
            },
        },
        "evidence": [],
    },
    # 29 ------------------------------------------------------------------------------------
    {
        "number": 29,
        "slug": "classic-signs-of-b12-deficiency",
        "text": (
            "Classic signs of low B12 include tiredness, tingling, brain fog, mood changes, "
            "weakness, pale skin and a sore tongue."
        ),
        "short_wording": "Classic signs of low B12 include tiredness, tingling and a sore tongue",
        "verdict": "S",
        "verdict_reason": (
            "These are standard signs of low B12. Many are also common in MS, so a blood test "
            "is needed to find the cause."
        ),
        "patient_summary_md": md("""
            These are all known signs of low B12. Many of them, like tiredness, tingling and
            brain fog, are also common in MS. That is why a blood test is needed to find the
            cause. Pale skin and a sore, red tongue point more towards low B12.
        """),
        "clinician_summary_md": md("""
            NG239 recognises fatigue, paraesthesia, cognitive difficulty, mood change,
            weakness, pallor and glossitis as features of B12 deficiency. Fatigue,
            paraesthesia, weakness, gait and balance problems, cognitive symptoms, low mood
            and Lhermitte's sign occur in both B12 deficiency and MS; pallor and a sore red
            tongue favour B12 deficiency. Urgent assessment is needed for sudden visual loss
            or painful eye movement, weakness or numbness spreading over hours to days,
            rapidly worsening gait, loss of bladder control or saddle numbness.
        """),
        "what_to_do_md": bullets(
            "If you have new or changing symptoms, see your GP or contact your MS team.",
            "Ask about a B12 test. " + TEST_FIRST,
            URGENT,
        ),
        "aliases": [
            "b12 deficiency symptoms",
            "signs of low b12",
            "sore tongue b12",
            "tingling hands and feet b12",
            "glossitis",
            "pale skin b12",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Persistent fatigue or weakness … Numbness or tingling in hands/feet … Brain "
                    "fog or difficulty concentrating … Mood changes (irritability, depression) … "
                    "Muscle weakness or poor coordination … Pale skin or glossitis (smooth tongue)"
                ),
                "wording": (
                    "Lists tiredness, tingling, brain fog, mood changes, weakness, pale skin and a "
                    "smooth tongue as classic signs."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "supports",
                "NICE lists these as signs of low B12. Many of them also happen in MS.",
                "NG239: fatigue, paraesthesia, cognitive difficulty, mood change, weakness, "
                "pallor and glossitis are recognised features of B12 deficiency.",
            ),
        ],
    },
    # 30 ------------------------------------------------------------------------------------
    {
        "number": 30,
        "slug": "b12-food-sources-table",
        "text": (
            "Per 100 g, beef liver has 70 to 85 mcg of B12, sardines 9, salmon 4 to 6, eggs "
            "1.1 and yogurt 0.8."
        ),
        "short_wording": "Liver, fish, eggs and yogurt contain the stated amounts of B12",
        "verdict": "P",
        "verdict_reason": (
            "Liver and eggs are right. Salmon fits one type only and yogurt is a bit high. Of "
            "the foods with B12 added, it lists only nutritional yeast, with no amount."
        ),
        "patient_summary_md": md("""
            The figures for liver and eggs are about right. The salmon figure fits sockeye
            salmon, but Atlantic salmon has less. The yogurt figure is a little high. We have
            not checked the sardine figure.

            Of the foods with B12 added, the list names only nutritional yeast, with no
            amount. It leaves out breakfast cereals and plant milks with B12 added. These are
            the usual sources for vegans. If you eat a vegan diet, you need foods with B12
            added or a B12 supplement. This is advice for everyone on a vegan diet, not a
            treatment for MS.
        """),
        "clinician_summary_md": md("""
            Checked against NIH ODS: beef liver (70-85 mcg/100 g) and eggs (1.1 mcg/100 g) are
            right; salmon 4-6 mcg/100 g applies to sockeye only (Atlantic salmon about
            3 mcg/100 g); yogurt (0.8 mcg/100 g) is slightly high. Of fortified foods it lists
            only nutritional yeast, with no amount; fortified breakfast cereals and plant
            milks, the usual sources for vegans, are missing. The sardine figure was not
            checked.
        """),
        "what_to_do_md": bullets(
            "If you are worried about getting enough B12 from food, ask your GP or a dietitian.",
            "If you eat a vegan diet, eat foods with B12 added or take a B12 supplement. Some\n"
            "  cereals and plant milks have B12 added.",
        ),
        "aliases": [
            "b12 in food",
            "foods high in b12",
            "b12 in salmon",
            "b12 in eggs",
            "b12 in liver",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed gives food values. "
            "The source is the NIH fact sheet."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "B12 (mcg per 100g) … Beef liver 70–85 … Sardines 9 … Salmon 4–6 … Eggs 1.1 … "
                    "Yogurt 0.8 … Nutritional yeast (fortified) Varies"
                ),
                "wording": (
                    "Gives a table of B12 per 100 g for beef liver, sardines, salmon, eggs and "
                    "yogurt. It lists nutritional yeast with B12 added but gives no amount for it, "
                    "and it leaves out breakfast cereals and plant milks with B12 added."
                ),
            },
        },
        "evidence": [
            seen(
                "ods-b12", "context",
                "The liver and egg figures fit. The salmon figure fits sockeye salmon only. "
                "The yogurt figure is a little high. Breakfast cereals and plant milks with B12 "
                "added are missing.",
                "ODS: beef liver and egg values consistent; salmon 4-6 mcg/100 g for sockeye "
                "only (Atlantic about 3); yogurt value slightly high; of fortified foods only "
                "nutritional yeast is listed, without an amount.",
            ),
        ],
    },
    # 31 ------------------------------------------------------------------------------------
    {
        "number": 31,
        "slug": "testimonial-fatigue-better-on-methyl-b12",
        "text": (
            "One person with MS says their fatigue was much better within 3 weeks of taking "
            "high-dose methyl B12."
        ),
        "short_wording": "A person with MS felt less tired within weeks of taking methyl B12",
        "verdict": "N",
        "verdict_reason": (
            "One person's story cannot show what caused a change. In a trial where everyone "
            "got B12, both groups improved."
        ),
        "patient_summary_md": md("""
            Stories like this are real for the person, but they cannot show what caused the
            change. People often feel better after starting any new treatment, even a dummy
            one. In one trial where everyone got B12, both groups improved by about the same.
            So this story is not evidence that B12 helps MS fatigue.
        """),
        "clinician_summary_md": md("""
            A single uncontrolled testimonial. The placebo response is large; in Wade et al.
            (JNNP 2002), where every arm received weekly 1 mg B12, both arms improved by about
            2 GNDS points.
        """),
        "what_to_do_md": bullets(
            "Talk to your MS team about your fatigue. They can look at what might be causing\n"
            "  it.",
            "If you think your B12 may be low, ask your GP for a test. " + TEST_FIRST,
        ),
        "aliases": [
            "b12 testimonial",
            "b12 changed my life ms",
            "b12 reviews ms fatigue",
            "methyl b12 fatigue",
        ],
        "no_guideline_note": (
            "No guideline or systematic review covers a single person's story. The closest "
            "evidence is one trial in which every group got B12."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "I started taking high-dose methyl B12 and within 3 weeks, my fatigue was "
                    "noticeably better. I could concentrate again and even walk longer distances "
                    "without collapsing."
                ),
                "wording": (
                    "Quotes a person who says their fatigue was much better within 3 weeks of "
                    "high-dose methyl B12."
                ),
            },
        },
        "evidence": [
            seen(
                "wade-2002", "context",
                "In a trial where everyone got B12, both groups improved by about the same "
                "amount. This shows how much people can improve for other reasons.",
                "Wade et al. 2002: all arms received weekly 1 mg B12; both improved by about "
                "2 GNDS points, consistent with a large placebo response.",
            ),
        ],
    },
    # 32 ------------------------------------------------------------------------------------
    {
        "number": 32,
        "slug": "b12-supplements-essential-in-ms",
        "text": "If you have MS, B12 supplements may be essential.",
        "short_wording": "B12 supplements may be essential for people with MS",
        "verdict": "N",
        "verdict_reason": (
            "Everyone needs B12. But B12 pills are not advised for MS if your level is "
            "normal."
        ),
        "patient_summary_md": md("""
            Everyone needs B12, with or without MS. But there is no evidence that B12
            supplements help MS when your level is normal. A European guideline is reported
            to advise against B12 to prevent MS. If your level is low, your doctor will treat
            it.
        """),
        "clinician_summary_md": md("""
            MS Trust: no evidence of benefit from B12 supplementation in MS without
            deficiency. As reported by a secondary AI-generated summary (not yet verified
            against the guideline), ESPEN 2018 does not recommend B12 supplementation as a
            preventive measure for MS (Grade 0, 95% consensus).
        """),
        "what_to_do_md": bullets(
            "Ask your GP or MS team whether a B12 test makes sense for you. " + TEST_FIRST,
            "Tell your MS team about any supplements you take.",
        ),
        "aliases": [
            "should people with ms take b12",
            "b12 supplements ms",
            "do i need b12 with ms",
            "b12 essential ms",
        ],
        "origins": {
            BLOG: {
                "quote": "If you live with MS, B12 may not just be beneficial—it could be "
                "essential.",
                "wording": "Says that if you live with MS, B12 may be not just helpful but "
                "essential.",
            },
            AI_SUMMARY: {
                "quote": (
                    "Vitamin B12 supplementation is NOT recommended as a preventive measure for MS "
                    "(Grade 0 recommendation with 95% consensus). … Do not supplement B12 "
                    "prophylactically in MS patients without documented deficiency"
                ),
                "wording": (
                    "Says, citing ESPEN, that B12 is not advised to prevent MS and should not be "
                    "given to people with MS unless a lack has been shown."
                ),
            },
        },
        "evidence": [
            seen(
                "mstrust-b12", "contradicts",
                "The MS Trust says there is no evidence that B12 helps people with MS whose "
                "level is normal.",
                "MS Trust: no evidence of benefit from B12 supplementation without deficiency.",
            ),
            espen(
                "contradicts",
                "A European guideline on diet is said to advise against B12 to prevent MS. We "
                "have not checked its exact words yet.",
                "ESPEN 2018 (as reported by a secondary summary): B12 supplementation is not "
                "recommended as a preventive measure for MS (Grade 0, 95% consensus).",
                **ESPEN_GRADE,
            ),
        ],
    },
    # 33 ------------------------------------------------------------------------------------
    {
        "number": 33,
        "slug": "who-should-take-b12",
        "text": (
            "Anyone with low or borderline B12, vegans, vegetarians, people with digestive "
            "issues, fatigue, nerve symptoms, brain fog or raised homocysteine or MMA, people "
            "over 50, and people on metformin or PPIs should take B12."
        ),
        "short_wording": "People with low B12, vegans, over-50s and others should take B12",
        "verdict": "P",
        "verdict_reason": (
            "Most of these people may need a B12 test and a doctor's advice, not B12 on their "
            "own. People on a vegan diet do need foods with B12 added or a supplement."
        ),
        "patient_summary_md": md("""
            Some of these people have a higher chance of low B12, or have symptoms that could
            come from it. What most of them need is a test, not B12 on their own. That goes
            for vegetarians and people with gut problems too. NICE advises a test when someone
            has at least one symptom and at least one risk.

            A low or borderline B12 result, or a raised homocysteine or MMA result, is for
            your doctor to explain. In MS, homocysteine can be raised even when B12 is not low.

            People on a vegan diet need foods with B12 added or a B12 supplement. This is
            advice for everyone on a vegan diet, not a treatment for MS.
        """),
        "clinician_summary_md": md("""
            NG239: test for B12 deficiency in people with at least one symptom and at least
            one risk factor. Risk factors include autoimmune conditions, family history,
            PPIs, H2-receptor antagonists, metformin, coeliac disease and gastric surgery;
            deficiency is commoner with age. Indeterminate results are followed up with MMA or
            active B12 rather than empirical treatment. Raised homocysteine occurs in MS
            without B12 deficiency (Vrethem 2003). ODS: people on vegan diets need fortified
            foods or supplements. Empirical supplementation before testing may mask
            deficiency (not yet checked against a source).
        """),
        "what_to_do_md": bullets(
            "If you have symptoms and a risk for low B12, ask your GP about a blood test.",
            TEST_FIRST,
            "If the test shows a lack, your doctor will plan the treatment with you.",
            "If you eat a vegan diet, eat foods with B12 added or take a B12 supplement.",
        ),
        "aliases": [
            "who needs b12",
            "should i take b12",
            "b12 supplements over 50",
            "b12 metformin",
            "b12 ppi",
        ],
        "origins": {
            BLOG: {
                "quote": (
                    "Who should supplement? … Anyone with low or borderline B12 … Vegans, "
                    "vegetarians, or those with digestive issues … People with fatigue, "
                    "neuropathy, or brain fog … Anyone with elevated homocysteine or MMA levels … "
                    "Those on PPIs, metformin, or over 50 years old"
                ),
                "wording": (
                    "Lists who should supplement: anyone with low or borderline B12; vegans, "
                    "vegetarians and people with digestive issues; people with fatigue, nerve "
                    "symptoms or brain fog; anyone with raised homocysteine or MMA; and people on "
                    "PPIs or metformin or over 50."
                ),
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "context",
                "NICE advises a B12 test for people with at least one symptom and at least "
                "one risk. It does not advise people to treat themselves.",
                "NG239: test when a person has at least one symptom and at least one risk "
                "factor for deficiency.",
            ),
            seen(
                "ods-b12", "context",
                "People on a vegan diet need foods with B12 added or a B12 supplement.",
                "ODS: people on vegan diets are at risk of deficiency without fortified foods "
                "or supplements.",
            ),
        ],
    },
    # 34 ------------------------------------------------------------------------------------
    {
        "number": 34,
        "slug": "daily-supplement-stack-for-ms",
        "text": (
            "A daily stack of vitamin D3, B12, omega-3, magnesium, lion's mane, curcumin, "
            "B-complex and probiotics supports people with MS."
        ),
        "short_wording": "A daily stack of vitamins and supplements supports people with MS",
        "verdict": "N",
        "verdict_reason": (
            "No study has tested this mix. Some B-complex products contain biotin, which can "
            "upset many blood test results."
        ),
        "patient_summary_md": md("""
            No study has tested this set of supplements together for MS. Lion's mane has only
            been studied in animals or cells, not in people with MS. Curcumin was tested in
            one small trial in people with MS. It found no difference in new areas of damage
            on scans. Some B-complex products contain biotin, which can upset the results of
            many blood tests.
        """),
        "clinician_summary_md": md("""
            No evidence for the combination. Lion's mane has animal or cell data only, with no
            human MS trial found. Curcumin: one small RCT (CONTAIN; 80 people with relapsing MS
            on interferon beta-1a) found no difference in new or enlarging T2 lesions, with
            many drop-outs. High-dose biotin, present in some B-complex products, interferes
            with many laboratory tests, including troponin (FDA safety communication 2017,
            updated 2019). Vitamin D, omega-3, biotin, probiotics and diets will be covered in
            later topics.
        """),
        "what_to_do_md": bullets(
            "Tell your MS team and GP about every supplement you take.",
            "Tell them before any blood test, as biotin can change the results.",
            "Ask your MS team before you add new supplements.",
        ),
        "aliases": [
            "ms supplement stack",
            "best supplements for ms",
            "ms vitamins list",
            "lion's mane ms",
            "curcumin ms",
            "b complex biotin",
        ],
        "no_guideline_note": (
            "No guideline or systematic review in the sources we reviewed looks at this set "
            "of supplements taken together. Its parts will be covered in later topics."
        ),
        "origins": {
            BLOG: {
                "quote": (
                    "Morning Vitamin D3 + B12 (methylcobalamin) + Omega-3 … Midday Magnesium + "
                    "Lion’s Mane + Curcumin … Evening B-Complex + Probiotics + Magnesium Glycinate"
                ),
                "wording": (
                    "Suggests a morning, midday and evening stack: vitamin D3, B12 and omega-3; "
                    "magnesium, lion's mane and curcumin; B-complex, probiotics and magnesium "
                    "glycinate."
                ),
            },
        },
        "evidence": [
            seen(
                "fda-biotin", "context",
                "Some B-complex products contain biotin. Biotin can give wrong results on many "
                "blood tests, including a heart test.",
                "FDA (2017, updated 2019): high-dose biotin interferes with many laboratory "
                "tests, including troponin.",
            ),
        ],
    },
    # 35 ------------------------------------------------------------------------------------
    {
        "number": 35,
        "slug": "b12-deficiency-preventable-and-treatable",
        "text": "A lack of B12 can be prevented and treated.",
        "short_wording": "A lack of vitamin B12 can be prevented and treated",
        "verdict": "S",
        "verdict_reason": (
            "Once diagnosed, a lack of B12 can be treated. New or worse symptoms still need "
            "your MS team."
        ),
        "patient_summary_md": md("""
            Once a blood test finds a lack of B12, it can be treated. Your doctor will decide
            how, and check that it works. If you have MS, new or worse symptoms still need
            your MS team, even while low B12 is being treated.
        """),
        "clinician_summary_md": md("""
            NG239: B12 deficiency is treatable once diagnosed, with oral or intramuscular
            replacement according to cause and severity. In a person with MS, new or
            worsening neurological symptoms still need assessment by the MS team rather than
            attribution to B12 status.
        """),
        "what_to_do_md": bullets(
            "If you think your B12 may be low, ask your GP for a test. " + TEST_FIRST,
            "Tell your MS team about any new or worse symptoms.",
            URGENT,
        ),
        "aliases": [
            "b12 deficiency treatment",
            "can b12 deficiency be cured",
            "prevent b12 deficiency",
        ],
        "origins": {
            BLOG: {
                "quote": "The good news? It’s preventable and treatable.",
                "wording": "Says the good news is that a lack of B12 can be prevented and treated.",
            },
        },
        "evidence": [
            seen(
                "nice-ng239", "supports",
                "Once it is found, a lack of B12 can be treated.",
                "NG239: B12 deficiency is treatable once diagnosed.",
            ),
        ],
    },
]
