"""Reads for the public claim pages: each selector owns its joins and prefetches."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from claims.models import (
    PUBLIC_STATES,
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    SourceType,
    Topic,
    Verdict,
    VerdictChange,
)

AUDIENCES = ("patient", "clinician")
DEFAULT_AUDIENCE = "patient"


def topics_for_home() -> list[Topic]:
    """Published topics, each with `public_claim_count`. One query."""
    return list(
        Topic.objects.filter(is_published=True)
        .annotate(public_claim_count=Count("claims", filter=Q(claims__state__in=PUBLIC_STATES)))
        .order_by("order", "title")
    )


def published_topic(slug: str) -> Topic:
    try:
        return Topic.objects.get(slug=slug, is_published=True)
    except Topic.DoesNotExist:
        raise Http404("No such topic") from None


@dataclass
class VerdictGroup:
    verdict: Verdict
    claims: list[Claim] = field(default_factory=list)


def topic_claims_by_verdict(topic: Topic) -> list[VerdictGroup]:
    """The topic's public claims grouped by verdict, in verdict-scale order. One query."""
    claims = (
        Claim.objects.public()
        .filter(topic=topic)
        .select_related("verdict")
        .order_by("verdict__order", "number")
    )
    groups: dict[int, VerdictGroup] = {}
    for claim in claims:
        groups.setdefault(claim.verdict_id, VerdictGroup(claim.verdict)).claims.append(claim)
    return list(groups.values())


def evidence_prefetch() -> Prefetch:
    """A claim's evidence with its source, grade and grading scheme (one query)."""
    return Prefetch(
        "evidence", queryset=Evidence.objects.select_related("source", "grade", "grade__scheme")
    )


def origins_prefetch() -> Prefetch:
    """A claim's origins through ClaimOrigin, with the origin (one query)."""
    return Prefetch(
        "claim_origins", queryset=ClaimOrigin.objects.select_related("origin").order_by("id")
    )


def claims_with_page_data(queryset=None):
    """Claims with everything a claim page or handout shows, in a fixed number of queries.

    1. the claims, with topic, verdict, reviewer and dose check (joins)
    2. their evidence, with source, grade and grading scheme
    3. their origins (through ClaimOrigin, with the origin)
    4. the origins' citation checks, with the matched source
    5. the dose checks' reference amounts, with their source (only if there is a dose check)
    6. their verdict changes, with both verdicts
    """
    queryset = Claim.objects.public() if queryset is None else queryset
    joined = queryset.select_related("topic", "verdict", "reviewed_by", "dose_check")
    return joined.prefetch_related(
        evidence_prefetch(),
        origins_prefetch(),
        Prefetch(
            "claim_origins__origin__citation_checks",
            queryset=CitationCheck.objects.select_related("matched_source"),
        ),
        Prefetch(
            "dose_check__references", queryset=DoseReference.objects.select_related("source")
        ),
        Prefetch(
            "verdict_changes",
            queryset=VerdictChange.objects.select_related("from_verdict", "to_verdict"),
        ),
    )


def public_claim(slug: str) -> Claim:
    """A public claim with everything its page shows (queries: see claims_with_page_data)."""
    try:
        return claims_with_page_data().get(slug=slug)
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None


def claims_for_staff_handouts(ids: list[int]) -> list[Claim]:
    """Claims in any state, for editors printing handouts from the admin, in number order."""
    queryset = Claim.objects.filter(pk__in=ids).order_by("topic__order", "number")
    return list(claims_with_page_data(queryset))


@dataclass
class SourceTypeGroup:
    label: str
    evidence: list[Evidence]


def evidence_by_source_type(claim: Claim) -> list[SourceTypeGroup]:
    """The claim's (prefetched) evidence grouped by source type, strongest type first."""
    groups = []
    for value, label in SourceType.choices:
        items = [item for item in claim.evidence.all() if item.source.source_type == value]
        if items:
            groups.append(SourceTypeGroup(label, items))
    return groups


def citation_checks_by_origin(claim: Claim) -> list[tuple]:
    """(origin, its citation checks) for each of the claim's origins that has any (prefetched)."""
    pairs = []
    for claim_origin in claim.claim_origins.all():
        checks = list(claim_origin.origin.citation_checks.all())
        if checks:
            pairs.append((claim_origin.origin, checks))
    return pairs


def grades_used(claim: Claim) -> list[Grade]:
    """Distinct grades on the claim's (prefetched) evidence, in scheme order."""
    seen = {}
    for item in claim.evidence.all():
        if item.grade is not None:
            seen.setdefault(item.grade.pk, item.grade)
    return sorted(seen.values(), key=lambda grade: (grade.scheme.order, grade.order))


def oldest_review(claims: list[Claim]) -> Claim | None:
    """The claim whose review is least current: a handout of many claims reports that one."""
    if not claims:
        return None
    return min(claims, key=lambda claim: (claim.last_reviewed is not None,
                                          claim.last_reviewed or claim.created_at.date()))


def verdict_scale() -> list[Verdict]:
    return list(Verdict.objects.all())


def grading_schemes() -> list[GradingScheme]:
    return list(GradingScheme.objects.prefetch_related("grades"))


def public_verdict_changes() -> list[VerdictChange]:
    """Every verdict change on a public claim, newest first. One query."""
    return list(
        VerdictChange.objects.filter(claim__in=Claim.objects.public())
        .select_related("claim", "from_verdict", "to_verdict")
        .order_by("-changed_on", "-id")
    )
