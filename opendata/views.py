"""Open data addresses: the public JSON feed of published claims, sitemap.xml and robots.txt."""

import hashlib
import json

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.cache import cache_control

from config.http import get_only
from opendata import selectors
from opendata.feed import feed_page_document
from opendata.sitemaps import SITEMAPS

FEED_MAX_AGE = 300


def _feed_headers(response):
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    # A public, read-only feed: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _feed_error(status: int, message: str):
    return _feed_headers(JsonResponse({"error": {"status": status, "message": message}},
                                      status=status))


@get_only
def claims_feed(request):
    try:
        page = selectors.feed_page(request.GET.get("page", "1"))
    except PageNotAnInteger:
        return _feed_error(400, "The page must be a whole number, e.g. ?page=2.")
    except EmptyPage:
        return _feed_error(404, "There is no such page of claims.")
    body = json.dumps(feed_page_document(page), sort_keys=True, ensure_ascii=False).encode()
    # The ETag is a hash of the page itself, so it changes exactly when the content does.
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    return _feed_headers(get_conditional_response(request, etag=etag, response=response))


@get_only
@cache_control(public=True, max_age=3600)
def sitemap_xml(request):
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)


@get_only
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    # Never the admin's path: robots.txt is public, and the admin is kept by sign-in and
    # two-factor, not by hiding; naming ADMIN_PATH here would tell every bot where it is.
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('editorial:dashboard')}",
        f"Disallow: {reverse('handouts:claims_batch')}",
        "Allow: /",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('opendata:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
