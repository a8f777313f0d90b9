"""sitemap.xml: the public pages, with absolute addresses from settings.SITE_URL.

The request's Host header never decides the addresses: a sitemap fetched through another
name (or a spoofed Host) still lists the canonical site.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from opendata import selectors

STATIC_PAGES = (
    "claims:home",
    "claims:evidence_scale",
    "claims:editorial_policy",
    "claims:corrections",
    "claims:disclaimer",
    "claims:about",
    "claims:privacy",
    "assessments:explorer",
)


class SiteUrlSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path.rstrip("/")


class StaticPageSitemap(SiteUrlSitemap):
    def items(self):
        return list(STATIC_PAGES)

    def location(self, item):
        return reverse(item)


class TopicSitemap(SiteUrlSitemap):
    def items(self):
        return selectors.sitemap_topics()

    def location(self, topic):
        return reverse("claims:topic", args=[topic.slug])

    def lastmod(self, topic):
        return topic.updated_at


class ClaimSitemap(SiteUrlSitemap):
    def items(self):
        return selectors.sitemap_claims()

    def location(self, claim):
        return reverse("claims:claim", args=[claim.slug])

    def lastmod(self, claim):
        return claim.updated_at


SITEMAPS = {"pages": StaticPageSitemap, "topics": TopicSitemap, "claims": ClaimSitemap}
