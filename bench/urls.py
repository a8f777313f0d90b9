"""The app's URLs plus /bench/trivial: a fixed body through the same middleware, no database."""

from functools import lru_cache

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from config import urls as app_urls

MAX_TRIVIAL_BYTES = 1_000_000


@lru_cache(maxsize=8)
def _body(size: int) -> bytes:
    line = b"<p>" + b"x" * 75 + b"</p>\n"
    return (line * (size // len(line) + 1))[:size]


@require_GET
def trivial(request):
    """A fixed HTML body of ?bytes=N bytes (load.sh passes the claim page's size)."""
    try:
        size = min(max(int(request.GET.get("bytes", "20000")), 0), MAX_TRIVIAL_BYTES)
    except ValueError:
        size = 20000
    return HttpResponse(_body(size), content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/trivial", trivial, name="bench_trivial"),
    path("", include(app_urls)),
]

# Keep the app's error pages (404, and 500/503 if the app defines them).
for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(app_urls, _name):
        globals()[_name] = getattr(app_urls, _name)
