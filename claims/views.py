"""Public pages about claims: thin views over the selectors."""

from functools import lru_cache, wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

from claims import content_version, page_cache, selectors
from claims.search import MAX_QUERY_LENGTH, search_claims
from claims.structured_data import claim_page_graph, published_on, review_credit
from config.http import allowed_methods, answer_other_method, get_only

AUDIENCE_COOKIE = "audience"
AUDIENCE_COOKIE_AGE = 365 * 24 * 60 * 60
SUGGESTED_SEARCHES = (
    "sublingual b12", "b12 injections", "methylcobalamin", "fatigue", "homocysteine",
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


# --- conditional GET and the page cache, both keyed by the site's content version ---------


def _variant(request) -> str:
    if not hasattr(request, "_page_variant"):
        request._page_variant = (
            f"{current_audience(request)}-{'hx' if wants_partial(request) else 'page'}"
        )
    return request._page_variant


def _search_query(request) -> str:
    return request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()


def _cached_page(request, query=None) -> tuple[str, content_version.Version, bytes | None]:
    """(cache key, current content version, the cached page or None), looked up once.

    query, if given, reads the part of the query string the page depends on (other
    parameters, such as a campaign tag, must not split the cache)."""
    if not hasattr(request, "_cached_page"):
        key = page_cache.page_key(request.path, _variant(request),
                                  query(request) if query else "")
        request._cached_page = (key, *page_cache.lookup(key))
    return request._cached_page


def _validators(request, version) -> dict[str, str]:
    """ETag and Last-Modified of the page at this content version and variant."""
    # A switch link always renders, so the cookie is set even if the page has not changed.
    if requested_audience(request):
        return {}
    return {
        # The time too: a database restored from a backup may reuse a number.
        "ETag": quote_etag(f"v{version.number}.{version.changed_at.timestamp():.6f}-"
                           f"{_variant(request)}"),
        "Last-Modified": _http_date(version.changed_at),
    }


@lru_cache(maxsize=8)
def _http_date(moment) -> str:
    return http_date(moment.timestamp())


PAGE_METHODS = allowed_methods("GET")  # and HEAD, as HTTP requires; OPTIONS lists them


def public_page(view=None, *, query=None):
    """GET and HEAD only, revalidated, varied and conditional; the rendered page is cached
    under the content version, so every worker on every machine shows an approved change at
    once.

    One wrapper rather than Django's four decorators (get_only, vary_on_headers,
    cache_control, condition): a cached page is served often enough for their header
    parsing to show in bench/load.sh.
    """
    if view is None:
        return lambda view: public_page(view, query=query)

    @wraps(view)
    def page(request, **kwargs):
        if request.method != "GET" and request.method != "HEAD":
            return answer_other_method(request, PAGE_METHODS)
        key, version, content = _cached_page(request, query)
        validators = _validators(request, version)
        response = None
        if validators and ("If-None-Match" in request.headers
                           or "If-Modified-Since" in request.headers):
            response = get_conditional_response(
                request, etag=validators["ETag"],
                last_modified=int(version.changed_at.timestamp()),
            )
        if response is None and content is not None:
            response = remember_audience(request, HttpResponse(content))
        if response is None:
            response = view(request, **kwargs)
            if response.status_code == 200:
                page_cache.store(key, version, response.content)
        if response.status_code in (200, 304):
            for header, value in validators.items():
                response.headers.setdefault(header, value)
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("HX-Request", "Cookie"))
        return response

    return page


# --- pages ----------------------------------------------------------------------------------


@public_page
def home(request):
    return render(request, "claims/home.html", {"topics": selectors.topics_for_home()})


@public_page(query=_search_query)
def search(request):
    """Popular searches (the suggested ones, or a claim in the news) come from the cache."""
    query = _search_query(request)
    partial = wants_partial(request)
    version = _cached_page(request)[1]
    context = {
        "query": query,
        "htmx_partial": partial,
        "results": search_claims(query, version=version) if query else [],
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


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


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
