"""Values every page template needs: the site's name and address, and the addresses of the
pages every page links to."""

from django.conf import settings
from django.urls import get_script_prefix, reverse

# The pages base.html links to, by the name it reads them under (links.<name>).
SITE_LINKS = {
    "home": "claims:home",
    "search": "claims:search",
    "check_text": "claims:check_text",
    "explorer": "assessments:explorer",
    "result_explainer": "assessments:result_explainer",
    "evidence_scale": "claims:evidence_scale",
    "editorial_policy": "claims:editorial_policy",
    "about": "claims:about",
    "privacy": "claims:privacy",
    "disclaimer": "claims:disclaimer",
    "suggest": "editorial:suggest",
}
_links_by_prefix: dict[str, dict[str, str]] = {}


def site_links() -> dict[str, str]:
    """SITE_LINKS reversed once per script prefix: a page that is not cached (a new search)
    would otherwise reverse them all on every render, about a third of its template's time
    (bench/RESULTS.md)."""
    prefix = get_script_prefix()
    links = _links_by_prefix.get(prefix)
    if links is None:
        links = {name: reverse(view) for name, view in SITE_LINKS.items()}
        _links_by_prefix[prefix] = links
    return links


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, "links": site_links()}
