"""Plain factory functions for claims tests: make_<thing>(**overrides) -> saved instance."""

import datetime
import itertools

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    ReviewState,
    Source,
    SourceType,
    Topic,
    Verdict,
    VerdictChange,
)

_counter = itertools.count(1)

VERDICTS = [
    ("S", "Supported", "Good evidence backs the claim as it is written.", 5),
    ("P", "Partly supported, needs context", "True in part, or only for some people.", 4),
    ("I", "Not enough evidence", "Too little research to say either way.", 3),
    ("N", "Not supported", "No good evidence for it.", 2),
    ("C", "Contradicted", "Good evidence says the opposite.", 1),
]


def make_verdict(code: str = "N") -> Verdict:
    for order, (vcode, label, definition, rating) in enumerate(VERDICTS):
        if vcode == code:
            verdict, _ = Verdict.objects.get_or_create(
                code=code,
                defaults={"label": label, "definition": definition, "rating_value": rating,
                          "order": order},
            )
            return verdict
    raise ValueError(code)


def make_verdicts() -> list[Verdict]:
    return [make_verdict(code) for code, *_ in VERDICTS]


def make_topic(**overrides) -> Topic:
    n = next(_counter)
    fields = {
        "slug": f"topic-{n}",
        "title": f"Topic {n}",
        "summary": "A plain summary of the topic.",
        "intro_md": "Some claims people share.",
        "what_to_do_md": "Talk to your **MS team**.",
        "is_published": True,
        "order": n,
    }
    fields.update(overrides)
    return Topic.objects.create(**fields)


def make_claim(**overrides) -> Claim:
    n = next(_counter)
    topic = overrides.pop("topic", None) or make_topic()
    verdict = overrides.pop("verdict", None) or make_verdict("N")
    fields = {
        "topic": topic,
        "number": n,
        "slug": f"claim-{n}",
        "text": f"Claim number {n} about a remedy.",
        "short_wording": f"Remedy {n} helps MS",
        "verdict": verdict,
        "verdict_reason": f"No good study shows remedy {n} helps.",
        "patient_summary_md": f"Patient summary {n}: there is no good evidence.",
        "clinician_summary_md": f"Clinician summary {n}: no RCT data.",
        "what_to_do_md": "Ask your MS team before you try it.",
        "state": ReviewState.APPROVED,
        "first_published": datetime.date(2025, 1, 15),
        "last_reviewed": datetime.date(2025, 2, 1),
        "next_review_due": datetime.date(2026, 2, 1),
    }
    fields.update(overrides)
    return Claim.objects.create(**fields)


def make_source(**overrides) -> Source:
    n = next(_counter)
    fields = {
        "key": f"source-{n}",
        "short_name": f"Author {n} et al.",
        "source_type": SourceType.OBSERVATIONAL,
        "citation": f"Author A, et al. A study number {n}. J Test. 2020;1:1-10.",
        "year": 2020,
        "doi": f"10.1000/test.{n}",
        "pmid": f"{10000000 + n}",
        "citation_verified": True,
    }
    fields.update(overrides)
    return Source.objects.create(**fields)


def make_grading_scheme(**overrides) -> GradingScheme:
    n = next(_counter)
    fields = {"slug": f"scheme-{n}", "name": f"Scheme {n}",
              "plain_summary": "How this group grades advice."}
    fields.update(overrides)
    return GradingScheme.objects.create(**fields)


def make_grade(**overrides) -> Grade:
    n = next(_counter)
    scheme = overrides.pop("scheme", None) or make_grading_scheme()
    fields = {"scheme": scheme, "code": f"G{n}", "label": f"Grade {n}",
              "plain_meaning": "Experts agree, but there are few studies."}
    fields.update(overrides)
    return Grade.objects.create(**fields)


def make_evidence(claim: Claim, **overrides) -> Evidence:
    fields = {
        "claim": claim,
        "source": overrides.pop("source", None) or make_source(),
        "direction": Evidence.Direction.CONTRADICTS,
        "finding": "The study found no benefit.",
        "seen_as": "source",
    }
    fields.update(overrides)
    return Evidence.objects.create(**fields)


def make_origin(**overrides) -> Origin:
    n = next(_counter)
    fields = {"key": f"origin-{n}", "name": f"Supplement blog {n}", "kind": Origin.Kind.BLOG}
    fields.update(overrides)
    return Origin.objects.create(**fields)


def add_origin(claim: Claim, origin: Origin | None = None, **overrides) -> ClaimOrigin:
    return ClaimOrigin.objects.create(claim=claim, origin=origin or make_origin(), **overrides)


def make_citation_check(origin: Origin, **overrides) -> CitationCheck:
    fields = {
        "origin": origin,
        "cited_as": "Smith J. A great study. Lancet 1999",
        "status": CitationCheck.Status.WRONG_DETAILS,
        "finding": "The study exists but is in another journal.",
    }
    fields.update(overrides)
    return CitationCheck.objects.create(**fields)


def make_dose_check(claim: Claim, references: int = 1, **overrides) -> DoseCheck:
    fields = {"claim": claim, "claimed_amount": "1,000 to 5,000 mcg a day",
              "explanation_md": "The claim's amount is higher than the treatment amount."}
    fields.update(overrides)
    dose_check = DoseCheck.objects.create(**fields)
    for _ in range(references):
        n = next(_counter)
        dose_check.references.add(
            DoseReference.objects.create(
                key=f"dose-ref-{n}", label=f"Reference amount {n}", amount="1 mg a day",
                explanation="Used to treat a diagnosed lack of B12.", source=make_source(),
            )
        )
    return dose_check


def make_verdict_change(claim: Claim, **overrides) -> VerdictChange:
    fields = {
        "claim": claim,
        "changed_on": datetime.date(2025, 3, 1),
        "from_verdict": make_verdict("I"),
        "to_verdict": claim.verdict,
        "reason": "A new trial was published.",
    }
    fields.update(overrides)
    return VerdictChange.objects.create(**fields)
