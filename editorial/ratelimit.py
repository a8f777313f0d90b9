"""Limits counted in the cache: readers' suggestions (the IP is only ever hashed) and editors'
Markdown previews.

One atomic increment both counts a suggestion and decides it, so posts sent at the same time
cannot all pass a check before any of them is counted. With Redis (REDIS_URL) the count is
shared by every worker on every host; without it each process counts on its own. The reader
is the address config.client_ip finds behind our trusted proxies. If the cache does not
answer, the suggestion is taken (fail open: a suggestion is low risk, and editors triage
every one) and a warning logged, without the address.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

from config.client_ip import client_ip

logger = logging.getLogger(__name__)

SUGGESTIONS_PER_HOUR = 5
WINDOW_SECONDS = 60 * 60
ATTEMPTS = 3  # a window that closes between add and incr opens again; twice is already rare


def _key(request) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(),
                      hashlib.sha256).hexdigest()
    return f"suggest-rate:{digest}"


PREVIEWS_PER_MINUTE = 60


def suggestion_allowed(request) -> bool:
    """Counts one suggestion from this reader; whether it is within the limit."""
    return _count_within(_key(request), SUGGESTIONS_PER_HOUR, WINDOW_SECONDS, "suggestion")


def preview_allowed(user) -> bool:
    """Counts one Markdown preview by this editor; whether it is within the limit."""
    return _count_within(f"markdown-preview:{user.pk}", PREVIEWS_PER_MINUTE, 60, "preview")


def _count_within(key: str, limit: int, seconds: int, what: str) -> bool:
    try:
        for _ in range(ATTEMPTS):
            cache.add(key, 0, seconds)  # opens the window, unless one is open
            try:
                return cache.incr(key) <= limit
            except ValueError:  # the window closed between add and incr
                continue
    except Exception as error:  # each cache backend raises its own client library's errors
        logger.warning("%s rate limit not checked, the cache did not answer (%s: %s); "
                       "the %s is accepted", what, type(error).__name__, error, what)
        return True
    logger.warning("%s rate limit not checked, the count kept expiring; the %s is accepted",
                   what, what)
    return True
