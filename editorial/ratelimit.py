"""A per-client limit on public submissions, kept in the cache. The IP is only ever hashed."""

import hashlib

from django.conf import settings
from django.core.cache import cache

SUGGESTIONS_PER_HOUR = 5
WINDOW_SECONDS = 60 * 60


def _key(request) -> str:
    client = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
    return f"suggest-rate:{digest}"


def suggestion_limit_reached(request) -> bool:
    return cache.get(_key(request), 0) >= SUGGESTIONS_PER_HOUR


def suggestion_count(request) -> None:
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
