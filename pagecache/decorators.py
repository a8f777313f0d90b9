"""public_page: the view decorator that serves a page from the page cache, conditional on
the content version, and hands that version to the view when it renders."""

import inspect
from functools import lru_cache, wraps

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

from config.http import allowed_methods, answer_other_method
from pagecache import pages
from pagecache.version import Version

PAGE_METHODS = allowed_methods("GET")  # and HEAD, as HTTP requires; OPTIONS lists them


def _validators(version: Version, variant: str) -> dict[str, str]:
    """ETag and Last-Modified of the page at this content version and variant."""
    return {
        # The time too: a database restored from a backup may reuse a number.
        "ETag": quote_etag(f"v{version.number}.{version.changed_at.timestamp():.6f}-{variant}"),
        "Last-Modified": _http_date(version.changed_at),
    }


@lru_cache(maxsize=8)
def _http_date(moment) -> str:
    return http_date(moment.timestamp())


def public_page(view=None, *, variant, vary=(), query=None, unconditional=None,
                from_cache=None):
    """GET and HEAD only, revalidated, varied and conditional; the rendered page is cached
    under the content version, so every worker on every machine shows an approved change at
    once.

    variant(request) names the variant of the page this request gets (for example the
    reader's audience, and whether it is an htmx partial): the page is cached and its ETag
    made per variant, and vary names the request headers variant reads. query(request), if
    given, is the part of the query string the page depends on (other parameters, such as a
    campaign tag, must not split the cache). unconditional(request), if given and true,
    answers in full without validators (a link that sets a cookie must, even if the page has
    not changed); from_cache(request, response) finishes a page served from the cache as the
    view would have. A view with a `version` parameter is given the content version it
    renders at.

    One wrapper rather than Django's four decorators (get_only, vary_on_headers,
    cache_control, condition): a cached page is served often enough for their header
    parsing to show in bench/load.sh.
    """
    if view is None:
        return lambda view: public_page(view, variant=variant, vary=vary, query=query,
                                        unconditional=unconditional, from_cache=from_cache)
    gets_version = "version" in inspect.signature(view).parameters

    @wraps(view)
    def page(request, **kwargs):
        if request.method != "GET" and request.method != "HEAD":
            return answer_other_method(request, PAGE_METHODS)
        name = variant(request)
        key = pages.page_key(request.path, name, query(request) if query else "")
        version, content = pages.lookup(key)
        validators = ({} if unconditional is not None and unconditional(request)
                      else _validators(version, name))
        response = None
        if validators and ("If-None-Match" in request.headers
                           or "If-Modified-Since" in request.headers):
            response = get_conditional_response(
                request, etag=validators["ETag"],
                last_modified=int(version.changed_at.timestamp()),
            )
        if response is None and content is not None:
            response = HttpResponse(content)
            if from_cache is not None:
                response = from_cache(request, response)
        if response is None:
            if gets_version:
                kwargs["version"] = version
            response = view(request, **kwargs)
            if response.status_code == 200:
                pages.store(key, version, response.content)
        if response.status_code in (200, 304):
            for header, value in validators.items():
                response.headers.setdefault(header, value)
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, vary)
        return response

    return page
