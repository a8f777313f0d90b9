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
    Origin,
    ReviewerProfile,
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
        Topic.objects.published()
        .annotate(public_claim_count=Count("claims", filter=Q(claims__state__in=PUBLIC_STATES)))
        .order_by("order", "title")
    )


def origin_with_claims(key: str) -> tuple[Origin, list[Claim], list[CitationCheck]]:
    """An origin, the public claims it makes (with verdicts) and its whole reference list.

    Three queries: the origin, its public claims with their verdicts, its citation checks
    with the matched source. An origin no public claim names is not shown (404)."""
    try:
        origin = Origin.objects.get(key=key)
    except Origin.DoesNotExist:
        raise Http404("No such origin") from None
    claims = list(
        Claim.objects.public()
        .filter(claim_origins__origin=origin)
        .select_related("verdict", "topic")
        .order_by("topic__order", "number")
    )
    if not claims:
        raise Http404("No such origin")
    checks = list(origin.citation_checks.select_related("matched_source"))
    return origin, claims, checks


def published_topic(slug: str) -> Topic:
    try:
        return Topic.objects.published().get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404("No such topic") from None


@dataclass
class VerdictGroup:
    verdict: Verdict
    claims: list[Claim] = field(default_factory=list)


@dataclass
class TopicListing:
    """A topic's public claims as its page lists them, with what the filters and the one
    review-status notice need."""

    groups: list[VerdictGroup]  # every public claim, grouped by verdict in scale order
    total: int
    awaiting_review: int  # public claims not yet approved by a medical reviewer

    def only(self, code: str | None) -> list[VerdictGroup]:
        """The groups a verdict filter shows: one verdict's, or all for no filter."""
        return [group for group in self.groups if code in (None, group.verdict.code)]

    def has_verdict(self, code: str) -> bool:
        return any(group.verdict.code == code for group in self.groups)

    @property
    def review_state(self) -> str:
        """One state for the whole list: all approved, all awaiting review, or mixed."""
        if not self.awaiting_review:
            return "approved"
        return "under_review" if self.awaiting_review == self.total else "mixed"


def topic_listing(topic: Topic) -> TopicListing:
    """The topic's public claims grouped by verdict. One query."""
    claims = list(
        Claim.objects.public()
        .filter(topic=topic)
        .select_related("verdict")
        .order_by("verdict__order", "number")
    )
    groups: dict[int, VerdictGroup] = {}
    for claim in claims:
        groups.setdefault(claim.verdict_id, VerdictGroup(claim.verdict)).claims.append(claim)
    awaiting = sum(1 for claim in claims if claim.needs_caution)
    return TopicListing(list(groups.values()), len(claims), awaiting)


def topic_claims_by_verdict(topic: Topic) -> list[VerdictGroup]:
    """The topic's public claims grouped by verdict, in verdict-scale order. One query."""
    return topic_listing(topic).groups


def evidence_prefetch() -> Prefetch:
    """A claim's evidence with its source, grade, grading scheme and the reviewer who checked
    the original, if one did (one query)."""
    return Prefetch(
        "evidence",
        queryset=Evidence.objects.select_related(
            "source", "grade", "grade__scheme", "verified_by", "verified_by__reviewer_profile"
        ),
    )


def origins_prefetch() -> Prefetch:
    """A claim's origins through ClaimOrigin, with the origin (one query)."""
    return Prefetch(
        "claim_origins", queryset=ClaimOrigin.objects.select_related("origin").order_by("id")
    )


def claims_with_page_data(queryset=None):
    """Claims with everything a claim page or handout shows, in a fixed number of queries.

    1. the claims, with topic, verdict, reviewer, reviewer's profile and dose check (joins)
    2. their evidence, with source, grade, grading scheme and who checked the original
    3. their origins (through ClaimOrigin, with the origin)
    4. the origin references each claim relies on, with the matched source
    5. the dose checks' reference amounts, with their source (only if there is a dose check)
    6. their verdict changes, with both verdicts
    """
    queryset = Claim.objects.public() if queryset is None else queryset
    joined = queryset.select_related(
        "topic", "verdict", "reviewed_by", "reviewed_by__reviewer_profile", "dose_check"
    )
    return joined.prefetch_related(
        evidence_prefetch(),
        origins_prefetch(),
        Prefetch(
            "claim_origins__relies_on",
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
    """(claim origin, the origin's references this claim relies on), where there are any.

    Only those rows: the whole reference list belongs on the origin's own page."""
    pairs = []
    for claim_origin in claim.claim_origins.all():
        checks = sorted(claim_origin.relies_on.all(), key=lambda check: (check.order, check.pk))
        if checks:
            pairs.append((claim_origin, checks))
    return pairs


def grades_used(claim: Claim) -> list[Grade]:
    """Distinct grades on the claim's (prefetched) evidence, in scheme order."""
    seen = {}
    for item in claim.evidence.all():
        if item.grade is not None:
            seen.setdefault(item.grade.pk, item.grade)
    return sorted(seen.values(), key=lambda grade: (grade.scheme.order, grade.order))


def graded_evidence(claim: Claim) -> tuple[list[Evidence], list[Evidence]]:
    """(evidence whose grade answers the claim's own question, evidence graded for another
    question), from the prefetched evidence, in scheme order."""
    graded = sorted(
        (item for item in claim.evidence.all() if item.grade is not None),
        key=lambda item: (item.grade.scheme.order, item.grade.order),
    )
    own = [item for item in graded if item.grade_answers_claim]
    return own, [item for item in graded if not item.grade_answers_claim]


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


def reviewer_team() -> list[ReviewerProfile]:
    """Medical reviewers with active accounts whose public profile is complete, by name.

    One query. Completeness is the model's own test (ReviewerProfile.is_complete), so the
    team shows exactly the people the site would let approve; there are only a few rows."""
    profiles = ReviewerProfile.objects.filter(user__is_active=True).order_by("name", "pk")
    return [profile for profile in profiles if profile.is_complete]
