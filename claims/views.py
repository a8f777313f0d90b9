"""Public pages about claims: thin views over the selectors."""

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import quote_etag
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_GET
from django.views.decorators.vary import vary_on_headers

from claims import content_version, selectors
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


# --- conditional GET and the page cache, both keyed by the site's content version ---------

PAGE_CACHE_SECONDS = 24 * 60 * 60  # keys change with the content, so age only frees memory


def _version(request):
    if not hasattr(request, "_content_version"):
        request._content_version = content_version.current()
    return request._content_version


def _variant(request) -> str:
    return f"{current_audience(request)}-{'hx' if wants_partial(request) else 'page'}"


def _etag(request, **kwargs):
    # A switch link always renders, so the cookie is set even if the page has not changed.
    if requested_audience(request):
        return None
    return quote_etag(f"v{_version(request).number}-{_variant(request)}")


def _last_modified(request, **kwargs):
    return None if requested_audience(request) else _version(request).changed_at


def public_page(view):
    """GET only, revalidated, varied and conditional; the rendered page is cached under the
    content version, so every worker on every machine shows an approved change at once."""

    @wraps(view)
    def cached(request, **kwargs):
        key = f"page:{_version(request).number}:{request.path}:{_variant(request)}"
        content = cache.get(key)
        if content is not None:
            return remember_audience(request, HttpResponse(content))
        response = view(request, **kwargs)
        if response.status_code == 200:
            cache.set(key, response.content, PAGE_CACHE_SECONDS)
        return response

    wrapped = condition(etag_func=_etag, last_modified_func=_last_modified)(cached)
    wrapped = cache_control(no_cache=True)(wrapped)
    wrapped = vary_on_headers("HX-Request", "Cookie")(wrapped)
    return require_GET(wrapped)


# --- pages ----------------------------------------------------------------------------------


@public_page
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
    }
    template = "claims/search.html#results" if partial else "claims/search.html"
    return render(request, template, context)


@public_page
def topic_detail(request, slug):
    topic = selectors.published_topic(slug)
    context = {
        "topic": topic,
        "groups": selectors.topic_claims_by_verdict(topic),
        "audience": current_audience(request),
    }
    template = "claims/topic.html#audience_panel" if wants_partial(request) else "claims/topic.html"
    return remember_audience(request, render(request, template, context))


@public_page
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
