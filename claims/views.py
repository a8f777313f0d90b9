"""Public pages about claims: thin views over the selectors."""

from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.http import quote_etag
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_GET
from django.views.decorators.vary import vary_on_headers

from claims import selectors
from claims.search import MAX_QUERY_LENGTH, search_claims
from claims.structured_data import claim_page_graph, published_on, reviewer_name

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


# --- conditional GET: cheap freshness checks before any page query ---------------------------


def _freshness(request, selector, slug):
    # A switch link always renders, so the cookie is set even if the page has not changed.
    if requested_audience(request):
        return None
    if not hasattr(request, "_claims_freshness"):
        request._claims_freshness = selector(slug)
    return request._claims_freshness


def _etag(selector):
    def etag(request, slug):
        fresh = _freshness(request, selector, slug)
        if fresh is None:
            return None
        part = "hx" if wants_partial(request) else "page"
        stamp = fresh.last_modified.timestamp()
        return quote_etag(f"{stamp}-{fresh.token}-{current_audience(request)}-{part}")

    return etag


def _last_modified(selector):
    def last_modified(request, slug):
        fresh = _freshness(request, selector, slug)
        return fresh.last_modified if fresh else None

    return last_modified


def public_page(selector):
    """Decorators shared by claim and topic pages: GET only, revalidated, varied, conditional."""

    def decorate(view):
        view = condition(etag_func=_etag(selector), last_modified_func=_last_modified(selector))(
            view
        )
        view = cache_control(no_cache=True)(view)
        view = vary_on_headers("HX-Request", "Cookie")(view)
        return require_GET(view)

    return decorate


# --- pages ----------------------------------------------------------------------------------


@require_GET
def home(request):
    return render(request, "claims/home.html", {"topics": selectors.topics_for_home()})


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    partial = wants_partial(request)
    context = {
        "query": query,
        "htmx_partial": partial,
        "results": search_claims(query) if query else [],
        "suggested_searches": SUGGESTED_SEARCHES,
        "topics": [] if query else selectors.topics_for_home(),
        "suggest_url": _url_if_it_exists("/suggest/"),
    }
    template = "claims/search.html#results" if partial else "claims/search.html"
    return render(request, template, context)


@public_page(selectors.topic_freshness)
def topic_detail(request, slug):
    topic = selectors.published_topic(slug)
    context = {
        "topic": topic,
        "groups": selectors.topic_claims_by_verdict(topic),
        "audience": current_audience(request),
    }
    template = "claims/topic.html#audience_panel" if wants_partial(request) else "claims/topic.html"
    return remember_audience(request, render(request, template, context))


@public_page(selectors.claim_freshness)
def claim_detail(request, slug):
    claim = selectors.public_claim(slug)
    audience = current_audience(request)
    context = {
        "claim": claim,
        "audience": audience,
        "source_groups": selectors.evidence_by_source_type(claim),
        "grades": selectors.grades_used(claim),
        "citation_checks": selectors.citation_checks_by_origin(claim),
        "published_on": published_on(claim),
        "reviewer_name": reviewer_name(claim),
        "structured_data": claim_page_graph(claim, audience),
    }
    template = "claims/claim.html#audience_panel" if wants_partial(request) else "claims/claim.html"
    return remember_audience(request, render(request, template, context))


@require_GET
def evidence_scale(request):
    context = {"verdicts": selectors.verdict_scale(), "schemes": selectors.grading_schemes()}
    return render(request, "claims/evidence_scale.html", context)


@require_GET
def editorial_policy(request):
    return render(request, "claims/editorial_policy.html")


@require_GET
def corrections(request):
    context = {"changes": selectors.public_verdict_changes()}
    return render(request, "claims/corrections.html", context)


@require_GET
def disclaimer(request):
    return render(request, "claims/disclaimer.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def _url_if_it_exists(path: str) -> str:
    try:
        resolve(path)
    except Resolver404:
        return ""
    return path
