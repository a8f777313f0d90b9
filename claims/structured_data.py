"""schema.org markup for a claim page: a ClaimReview and a MedicalWebPage in one @graph.

Everything here is also visible on the page (wording, verdict label, dates, reviewer), so
the markup never says more than the reader can see. A ClaimReview, a review date and a named
reviewer are given only for an approved claim whose reviewer has a complete profile: a claim
under review, or one past its review date, makes no claim to have been reviewed.
"""

from django.conf import settings
from django.urls import reverse

from claims.models import Claim, ReviewerProfile, ReviewState

BEST_RATING = 5
WORST_RATING = 1
AUDIENCE_TYPES = {"patient": "Patient", "clinician": "Clinician"}


def claim_url(claim: Claim) -> str:
    return settings.SITE_URL + reverse("claims:claim", args=[claim.slug])


def published_on(claim: Claim):
    """The date the page shows as first published."""
    return claim.first_published or claim.created_at.date()


def is_reviewed(claim: Claim) -> bool:
    """Approved now: not under review, not waiting for its re-review."""
    return claim.state == ReviewState.APPROVED


def _reviewer_profile(claim: Claim) -> ReviewerProfile | None:
    # No query when the selector joined reviewed_by__reviewer_profile.
    reviewer = claim.reviewed_by
    if reviewer is None:
        return None
    try:
        return reviewer.reviewer_profile
    except ReviewerProfile.DoesNotExist:
        return None


def review_credit(claim: Claim) -> dict | None:
    """Who approved the page, as it says "Reviewed by NAME, ROLE, on DATE; conflicts: ...".

    Only for an approved claim whose reviewer has a complete profile: nobody is credited
    with a review that has not happened or cannot be traced to a named person."""
    if not is_reviewed(claim) or not claim.last_reviewed:
        return None
    profile = _reviewer_profile(claim)
    if profile is None or not profile.is_complete:
        return None
    return {
        "name": profile.name.strip(),
        "role": profile.role.strip(),
        "date": claim.last_reviewed,
        "conflicts": profile.conflicts.strip(),
        "registration": profile.registration.strip(),
    }


def reviewer_name(claim: Claim) -> str:
    """The credited reviewer's name, or "" (see review_credit)."""
    credit = review_credit(claim)
    return credit["name"] if credit else ""


def verdict_statement(claim: Claim) -> str:
    """The verdict in words, with for whom it holds when that is narrower than everyone with
    MS: "Partly supported, needs context (only in people with a first episode, ...)". The
    page shows the same words: the label, then "This verdict applies only ..." under it."""
    population = claim.verdict_population.strip().rstrip(".")
    label = claim.verdict.label
    return f"{label} (only {population})" if population else label


def claim_review(claim: Claim) -> dict | None:
    """The schema.org ClaimReview, for an approved claim only (else None)."""
    if not is_reviewed(claim):
        return None
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
            # For whom the verdict holds goes with the rating, not the claim: claimReviewed
            # is the claim as people meet it ("Vitamin D treats MS"), and readers of a
            # ClaimReview (search results, fact-check tools) show alternateName as the
            # verdict beside it. Narrowing the claim's wording would review a claim nobody
            # made; narrowing the rating says the verdict is about some people only.
            "alternateName": verdict_statement(claim),
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
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME,
                      "url": settings.SITE_URL},
    }
    if is_reviewed(claim):
        page["mainEntity"] = {"@id": f"{url}#review"}
    if credit := review_credit(claim):
        page["lastReviewed"] = credit["date"].isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": credit["name"],
                              "jobTitle": credit["role"]}
    return page


def claim_page_graph(claim: Claim, audience: str) -> dict:
    """The JSON-LD document for a claim page (a dict, escaped when rendered)."""
    review = claim_review(claim)
    return {
        "@context": "https://schema.org",
        "@graph": [*([review] if review else []), medical_web_page(claim, audience)],
    }
