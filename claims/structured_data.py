"""schema.org markup for a claim page: a ClaimReview and a MedicalWebPage in one @graph.

Everything here is also visible on the page (wording, verdict label, dates, reviewer), so
the markup never says more than the reader can see.
"""

from django.conf import settings
from django.urls import reverse

from claims.models import Claim

BEST_RATING = 5
WORST_RATING = 1
AUDIENCE_TYPES = {"patient": "Patient", "clinician": "Clinician"}


def claim_url(claim: Claim) -> str:
    return settings.SITE_URL + reverse("claims:claim", args=[claim.slug])


def published_on(claim: Claim):
    """The date the page shows as first published."""
    return claim.first_published or claim.created_at.date()


def reviewer_name(claim: Claim) -> str:
    reviewer = claim.reviewed_by
    if reviewer is None:
        return ""
    return reviewer.get_full_name() or reviewer.get_username()


def claim_review(claim: Claim) -> dict:
    url = claim_url(claim)
    appearances = []
    for claim_origin in claim.claim_origins.all():
        work = {"@type": "CreativeWork", "name": claim_origin.origin.name}
        if claim_origin.origin.url:
            work["url"] = claim_origin.origin.url
        appearances.append(work)
    item_reviewed = {"@type": "Claim"}
    if appearances:
        item_reviewed["appearance"] = appearances
    return {
        "@type": "ClaimReview",
        "@id": f"{url}#review",
        "url": url,
        "claimReviewed": claim.short_wording,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": claim.verdict.rating_value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim.verdict.label,
        },
        "author": {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL},
        "datePublished": published_on(claim).isoformat(),
        "itemReviewed": item_reviewed,
    }


def medical_web_page(claim: Claim, audience: str) -> dict:
    url = claim_url(claim)
    page = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": claim.short_wording,
        "inLanguage": "en-GB",
        "audience": {"@type": "MedicalAudience", "audienceType": AUDIENCE_TYPES[audience]},
        "about": {"@type": "Thing", "name": claim.topic.title},
        "mainEntity": {"@id": f"{url}#review"},
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME,
                      "url": settings.SITE_URL},
    }
    if claim.last_reviewed:
        page["lastReviewed"] = claim.last_reviewed.isoformat()
    if name := reviewer_name(claim):
        page["reviewedBy"] = {"@type": "Person", "name": name}
    return page


def claim_page_graph(claim: Claim, audience: str) -> dict:
    """The JSON-LD document for a claim page (a dict, escaped when rendered)."""
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(claim), medical_web_page(claim, audience)],
    }
