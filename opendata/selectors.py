"""Reads for the public feed and the sitemap: published content only, each with its joins."""

from django.core.paginator import Page, Paginator

from claims.models import Claim, Topic
from claims.selectors import evidence_prefetch, origins_prefetch

FEED_PAGE_SIZE = 50

# The feed shows no summaries, so their Markdown and HTML stay in the database.
_FEED_UNUSED = (
    "patient_summary_md", "patient_summary_html", "clinician_summary_md",
    "clinician_summary_html", "what_to_do_md", "what_to_do_html", "aliases",
    "no_guideline_note", "search_document",
)


def feed_claims():
    """Public claims in a fixed order, with what a feed entry shows. Reads the Claim row
    only, never a pending revision. Queries when evaluated:

    1. the claims, with topic and verdict (joins)
    2. their evidence, with source, grade and grading scheme
    3. their origins (through ClaimOrigin, with the origin), for the ClaimReview appearances
    """
    return (
        Claim.objects.public()
        .select_related("topic", "verdict")
        .defer(*_FEED_UNUSED)
        .prefetch_related(evidence_prefetch(), origins_prefetch())
        .order_by("topic__order", "topic__slug", "number", "slug")
    )


def feed_page(number) -> Page:
    """One page of the feed (one COUNT query, then the queries of feed_claims).
    Raises PageNotAnInteger or EmptyPage for a bad page number."""
    return Paginator(feed_claims(), FEED_PAGE_SIZE).page(number)


def sitemap_topics():
    """Published topics, each with its last change. One query."""
    return Topic.objects.published().only("slug", "updated_at").order_by("slug")


def sitemap_claims():
    """Public claims, each with its last change. One query."""
    return Claim.objects.public().only("slug", "updated_at").order_by("slug")
