"""Printable handouts: one claim, a whole topic, or a batch of claims for editors."""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse

from claims import selectors
from claims.models import ReviewState
from config.http import get_only
from editorial.access import staff_required
from handouts.context import handout_context

MAX_BATCH = 100


@get_only
def claim_handout(request, slug):
    claim = selectors.public_claim(slug)
    context = handout_context(
        page_url=reverse("claims:claim", args=[slug]), title=claim.short_wording,
        review=claim,
    )
    context.update(claims=_with_grades([claim]))
    return render(request, "handouts/claims.html", context)


@get_only
def topic_handout(request, slug):
    topic = selectors.published_topic(slug)
    groups = selectors.topic_claims_by_verdict(topic)
    claims = [claim for group in groups for claim in group.claims]
    context = handout_context(
        page_url=reverse("claims:topic", args=[slug]), title=topic.title,
        review=selectors.oldest_review(claims),
    )
    approved = sum(1 for claim in claims if claim.state == ReviewState.APPROVED)
    context.update(topic=topic, claims=claims, approved_count=approved)
    return render(request, "handouts/topic.html", context)


@get_only
@staff_required
def claims_batch_handout(request):
    """Editors print the claims they selected in the admin: one claim a page."""
    raw = request.GET.get("ids", "")
    try:
        ids = [int(part) for part in raw.split(",") if part.strip()]
    except ValueError:
        return HttpResponseBadRequest("ids must be claim numbers separated by commas.")
    if not ids or len(ids) > MAX_BATCH:
        return HttpResponseBadRequest(f"Choose between 1 and {MAX_BATCH} claims.")
    claims = selectors.claims_for_staff_handouts(ids)
    context = handout_context(
        page_url=reverse("claims:home"), title="Selected claims",
        review=selectors.oldest_review(claims),
    )
    context.update(claims=_with_grades(claims), batch=True)
    return render(request, "handouts/claims.html", context)


def _with_grades(claims):
    for claim in claims:
        claim.handout_grades = selectors.graded_evidence(claim)[0]
    return claims
