"""Public pages about claims: thin views over the selectors."""

from django.conf import settings
from django.shortcuts import render
from django.template.loader import get_template

from claims import selectors
from claims.search import MAX_QUERY_LENGTH, search_claim_ids
from claims.search.ranking import result_claims
from claims.structured_data import (
    claim_page_graph,
    published_on,
    review_credit,
    verdict_statement,
)
from config.http import get_only
from pagecache import decorators
from pagecache.pages import LocalPages

AUDIENCE_COOKIE = "audience"
AUDIENCE_COOKIE_AGE = 365 * 24 * 60 * 60
# Lay searches across the topics, not B12 alone; each finds a claim (tests/claims/test_two_topics).
SUGGESTED_SEARCHES = (
    "sublingual b12", "b12 injections", "vitamin d", "fish oil", "biotin", "fatigue",
)


# --- audience choice ------------------------------------------------------------------------


def requested_audience(request) -> str | None:
    """The audience asked for in the link (?audience=...), if it is a known one."""
    audience = request.GET.get("audience")
    return audience if audience in selectors.AUDIENCES else None


def current_audience(request) -> str:
    cookie = request.COOKIES.get(AUDIENCE_COOKIE)
    remembered = cookie if cookie in selectors.AUDIENCES else None
    return requested_audience(request) or remembered or selectors.DEFAULT_AUDIENCE


def remember_audience(request, response):
    """The only cookie public pages set, and only when the reader picks an audience."""
    if audience := requested_audience(request):
        response.set_cookie(
            AUDIENCE_COOKIE, audience, max_age=AUDIENCE_COOKIE_AGE, samesite="Lax",
            httponly=True, secure=request.is_secure(),
        )
    return response


def wants_partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


# --- the page cache (pagecache): which variant of a page a reader gets ---------------------


def page_variant(request) -> str:
    """The reader's audience, and the whole page or its htmx partial."""
    return f"{current_audience(request)}-{'hx' if wants_partial(request) else 'page'}"


def public_page(view=None, *, query=None):
    """A public page, cached per variant under the content version (pagecache.decorators).

    query, if given, reads the part of the query string the page depends on. A link that
    picks an audience always answers in full, so its cookie is set even if the page has not
    changed.
    """
    return decorators.public_page(
        view, variant=page_variant, vary=("HX-Request", "Cookie"), query=query,
        unconditional=requested_audience, from_cache=remember_audience,
    )


def _search_query(request) -> str:
    return request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()


# --- pages ----------------------------------------------------------------------------------


@public_page
def home(request):
    return render(request, "claims/home.html", {"topics": selectors.topics_for_home()})


# Each search result's HTML, rendered once per claim, audience and content version and reused
# by every search that shows the claim: most of a new search's rendering. About 1 KB a row. A
# row is as current as the version, as every cached page is: every save of content bumps it.
SEARCH_ROW_ENTRIES = 20_000
_search_rows = LocalPages(SEARCH_ROW_ENTRIES)


def _result_rows(ids: list[int], audience: str, version) -> list[str]:
    """The HTML of each claim's search result (claims/includes/search_result.html), in the
    order of ids; the claims are read only for the rows not kept at this version."""
    rows, missing = {}, []
    for claim_id in ids:
        entry = _search_rows.get(f"{audience}:{claim_id}")
        if entry is not None and entry[0] == version:
            rows[claim_id] = entry[1]
        else:
            missing.append(claim_id)
    if missing:
        template = get_template("claims/includes/search_result.html")
        for claim_id, claim in result_claims(missing, version).items():
            rows[claim_id] = template.render({"claim": claim})
            _search_rows.set(f"{audience}:{claim_id}", (version, rows[claim_id]))
    return [rows[claim_id] for claim_id in ids if claim_id in rows]


@public_page(query=_search_query)
def search(request, *, version):
    """Popular searches (the suggested ones, or a claim in the news) come from the cache."""
    query = _search_query(request)
    partial = wants_partial(request)
    ids = search_claim_ids(query, version=version) if query else []
    rows = _result_rows(ids, current_audience(request), version)
    context = {
        "query": query,
        "htmx_partial": partial,
        "result_rows": rows,
        "suggested_searches": SUGGESTED_SEARCHES,
        "topics": [] if query else selectors.topics_for_home(),
    }
    template = "claims/search.html#results" if partial else "claims/search.html"
    return render(request, template, context)


def _verdict_filter(request) -> str:
    return request.GET.get("verdict", "")[:8].strip().upper()


@public_page(query=_verdict_filter)
def topic_detail(request, slug):
    """A topic's claims, optionally only those with one verdict (?verdict=s: a plain link)."""
    topic = selectors.published_topic(slug)
    listing = selectors.topic_listing(topic)
    code = _verdict_filter(request) or None
    unknown = code is not None and not listing.has_verdict(code)
    context = {
        "topic": topic,
        "listing": listing,
        "groups": listing.only(None if unknown else code),
        "verdict_filter": None if unknown else code,
        "unknown_filter": code if unknown else None,
        "audience": current_audience(request),
    }
    template = "claims/topic.html#audience_panel" if wants_partial(request) else "claims/topic.html"
    response = render(request, template, context, status=400 if unknown else 200)
    return remember_audience(request, response)


@public_page
def claim_detail(request, slug):
    claim = selectors.public_claim(slug)
    audience = current_audience(request)
    claim_grades, other_grades = selectors.graded_evidence(claim)
    context = {
        "claim": claim,
        "audience": audience,
        "source_groups": selectors.evidence_by_source_type(claim),
        "claim_grades": claim_grades,
        "other_grades": other_grades,
        "citation_checks": selectors.citation_checks_by_origin(claim),
        "published_on": published_on(claim),
        "review_credit": review_credit(claim),
        "structured_data": claim_page_graph(claim, audience),
        "verdict_statement": verdict_statement(claim),
    }
    template = "claims/claim.html#audience_panel" if wants_partial(request) else "claims/claim.html"
    return remember_audience(request, render(request, template, context))


@public_page
def origin_detail(request, key):
    origin, claims, checks = selectors.origin_with_claims(key)
    context = {"origin": origin, "claims": claims, "checks": checks}
    return render(request, "claims/origin.html", context)


@get_only
def evidence_scale(request):
    context = {"verdicts": selectors.verdict_scale(), "schemes": selectors.grading_schemes()}
    return render(request, "claims/evidence_scale.html", context)


@get_only
def editorial_policy(request):
    return render(request, "claims/editorial_policy.html")


@get_only
def corrections(request):
    context = {"changes": selectors.public_verdict_changes()}
    return render(request, "claims/corrections.html", context)


@get_only
def disclaimer(request):
    return render(request, "claims/disclaimer.html")


# --- about this site (issue 14) ------------------------------------------------------------


@get_only
def about(request):
    """Who runs this copy, from settings: an unset value is said to be unset, never filled in."""
    context = {
        "publisher": settings.SITE_PUBLISHER,
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "funding": settings.SITE_FUNDING,
        "team": selectors.reviewer_team(),
    }
    return render(request, "claims/about.html", context)


@get_only
def privacy(request):
    context = {
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "retention_days": settings.SUGGESTION_RETENTION_DAYS,
        "audience_cookie": AUDIENCE_COOKIE,
        "staff_session_hours": settings.STAFF_SESSION_HOURS,
    }
    return render(request, "claims/privacy.html", context)
