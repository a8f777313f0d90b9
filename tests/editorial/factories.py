"""Factories for editorial tests: saved instances with sensible, submission-ready defaults."""

import datetime
import itertools

from claims.models import (
    Claim,
    Evidence,
    ReviewerProfile,
    ReviewState,
    Source,
    SourceType,
    Topic,
    Verdict,
)

_counter = itertools.count(1)

VERDICTS = {
    "S": ("Supported", 5),
    "P": ("Partly supported, needs context", 4),
    "I": ("Not enough evidence", 3),
    "N": ("Not supported", 2),
    "C": ("Contradicted", 1),
}


def make_verdict(code: str = "N") -> Verdict:
    label, rating = VERDICTS[code]
    verdict, _ = Verdict.objects.get_or_create(
        code=code,
        defaults={"label": label, "definition": f"{label}.", "rating_value": rating,
                  "order": 6 - rating},
    )
    return verdict


def make_topic(**overrides) -> Topic:
    n = next(_counter)
    fields = {"slug": f"ed-topic-{n}", "title": f"Editorial topic {n}",
              "summary": "A topic.", "is_published": True, "order": n}
    fields.update(overrides)
    return Topic.objects.create(**fields)


def make_source(**overrides) -> Source:
    n = next(_counter)
    fields = {"key": f"source-{n}", "short_name": f"Guideline {n}",
              "source_type": SourceType.GUIDELINE, "citation": f"Guideline {n}. 2020.",
              "year": 2020, "doi": f"10.1000/guide.{n}", "pmid": "12345678"}
    fields.update(overrides)
    return Source.objects.create(**fields)


def make_claim(*, state=ReviewState.DRAFT, author=None, evidence=True, **overrides) -> Claim:
    """A claim that passes the checks before submission (unless overrides break them)."""
    n = next(_counter)
    fields = {
        "topic": overrides.pop("topic", None) or make_topic(),
        "number": n,
        "slug": f"claim-{n}",
        "text": f"Vitamin pills cure MS ({n}).",
        "short_wording": f"Vitamin pills cure MS ({n})",
        "verdict": make_verdict("N"),
        "verdict_reason": "No good trials show this.",
        "patient_summary_md": "There is **no good evidence** that pills cure MS.",
        "clinician_summary_md": "No RCT evidence.",
        "what_to_do_md": "Talk to your MS team.",
        "state": state,
        "author": author,
        "last_edited_by": author,
    }
    if state in (ReviewState.APPROVED, ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW):
        today = datetime.date.today()
        fields.update(first_published=today - datetime.timedelta(days=400),
                      last_reviewed=today - datetime.timedelta(days=30),
                      next_review_due=today + datetime.timedelta(days=335))
        if state == ReviewState.NEEDS_REREVIEW:
            fields["next_review_due"] = today - datetime.timedelta(days=1)
    fields.update(overrides)
    claim = Claim.objects.create(**fields)
    if evidence:
        make_evidence(claim)
    return claim


def make_evidence(claim: Claim, **overrides) -> Evidence:
    fields = {"claim": claim, "source": overrides.pop("source", None) or make_source(),
              "direction": Evidence.Direction.CONTRADICTS,
              "finding": "Guidelines do not recommend it."}
    fields.update(overrides)
    return Evidence.objects.create(**fields)


def make_reviewer_profile(user, **overrides) -> ReviewerProfile:
    """A complete profile (the reviewer may approve) unless overrides blank a field."""
    fields = {"name": f"Dr {user.get_username().title()}", "role": "Consultant neurologist",
              "registration": "GMC 1234567", "conflicts": "None declared"}
    fields.update(overrides)
    profile, _ = ReviewerProfile.objects.update_or_create(user=user, defaults=fields)
    return profile
