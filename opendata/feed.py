"""The public JSON feed's shape: one entry per published claim, and the page around them.

The ClaimReview part comes from claims.structured_data, the same markup the claim page carries,
so the feed never says more (or other) than the page does.
"""

from django.conf import settings
from django.urls import reverse

from claims.models import PROVENANCE_ORIGINAL, Claim, SeenAs
from claims.selectors import grades_used
from claims.structured_data import BEST_RATING, WORST_RATING, claim_review, claim_url, published_on

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The editorial policy's levels of checking, strongest first. A source used by several
# findings of one claim is given the weakest of them: the feed never implies a check.
PROVENANCE_LEVELS = (PROVENANCE_ORIGINAL, SeenAs.SOURCE, SeenAs.SUMMARY, SeenAs.UNCHECKED)


def licence() -> dict:
    return {
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": f"{settings.SITE_NAME} ({settings.SITE_URL})",
        "notice": (
            f"The claims, verdicts and explanations are by {settings.SITE_NAME} and are "
            f"licensed under {LICENCE_NAME}: reuse them with credit to {settings.SITE_NAME} "
            "and a link to the claim. Cited publications belong to their authors. "
            "This is health information, not medical advice."
        ),
    }


def feed_url(page: int) -> str:
    return f"{settings.SITE_URL}{reverse('opendata:claims_feed')}?page={page}"


def feed_page_document(page) -> dict:
    paginator = page.paginator
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "page_size": paginator.per_page,
        "next": feed_url(page.next_page_number()) if page.has_next() else None,
        "previous": feed_url(page.previous_page_number()) if page.has_previous() else None,
        "publisher": {"name": settings.SITE_NAME, "url": settings.SITE_URL},
        "licence": licence(),
        "results": [claim_entry(claim) for claim in page.object_list],
    }


def claim_entry(claim: Claim) -> dict:
    topic = claim.topic
    return {
        "slug": claim.slug,
        "url": claim_url(claim),
        "claim": claim.text,
        "short_wording": claim.short_wording,
        "state": claim.get_state_display().lower(),
        "topic": {
            "slug": topic.slug,
            "title": topic.title,
            "url": settings.SITE_URL + reverse("claims:topic", args=[topic.slug]),
        },
        "verdict": {
            "code": claim.verdict.code,
            "label": claim.verdict.label,
            "rating_value": claim.verdict.rating_value,
            "best_rating": BEST_RATING,
            "worst_rating": WORST_RATING,
            "reason": claim.verdict_reason,
            # For whom the verdict holds, if narrower than everyone with MS ("" if not).
            "population": claim.verdict_population,
        },
        "review": {
            "first_published": published_on(claim).isoformat(),
            "last_reviewed": _date(claim.last_reviewed),
            "next_review_due": _date(claim.next_review_due),
        },
        "grades": [
            {"scheme": grade.scheme.slug, "scheme_name": grade.scheme.name,
             "code": grade.code, "label": grade.label}
            for grade in grades_used(claim)
        ],
        "sources": _sources(claim),
        # The ClaimReview only for an approved claim (null while under review or overdue).
        "claim_review": claim_review(claim),
        "updated_at": claim.updated_at.isoformat(),
    }


def _sources(claim: Claim) -> list[dict]:
    """Each source behind the claim's (prefetched) evidence once, in evidence order."""
    entries: dict[int, dict] = {}
    for item in claim.evidence.all():
        source = item.source
        entry = entries.setdefault(source.pk, {
            "key": source.key,
            "short_name": source.short_name,
            "citation": source.citation,
            "type": source.source_type,
            "type_label": source.get_source_type_display(),
            "year": source.year,
            "doi": source.doi,
            "pmid": source.pmid,
            "url": source.url,
            "citation_verified": source.citation_verified,
            "integrity": _integrity(source),
            "checked": PROVENANCE_ORIGINAL,
            "evidence_verified": True,
        })
        # The finding is checked per claim: one weaker use makes the source weaker here.
        entry["checked"] = _weaker(entry["checked"], item.provenance)
        entry["evidence_verified"] = entry["checked"] == PROVENANCE_ORIGINAL
    return list(entries.values())


def _integrity(source) -> dict | None:
    """A retraction, expression of concern, correction or concern about related work, as the
    claim page shows it beside the source (null when no notice is known)."""
    if not source.integrity:
        return None
    return {
        "status": source.integrity,
        "label": source.get_integrity_display(),
        "note": source.integrity_note,
        "citation": source.integrity_citation,
    }


def _weaker(level: str, other: str) -> str:
    return max(level, other, key=PROVENANCE_LEVELS.index)


def _date(value) -> str | None:
    return value.isoformat() if value else None
