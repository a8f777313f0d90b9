"""The content version as a value, and how it travels between processes: as a copy in the
shared cache and as an announcement on a Redis channel.

Both the version's writer (pagecache.content_version) and each worker's listener
(pagecache.version_listener) build on this module, and neither imports the other.
"""

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

CACHE_KEY = "content-version"  # the copy of the version in the shared cache
CHANNEL = "content-version"  # the Redis channel each new version is announced on
# After a failed cache call, seconds during which calls are skipped, and between warnings.
SKIP_AFTER_FAILURE = 1.0
WARN_EVERY = 10.0

UNAVAILABLE = object()  # what cache_call returns when told to, if the cache did not answer


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


def encode(version: Version) -> str:
    return f"{version.number} {version.changed_at.isoformat()}"


def decode(data: bytes | str) -> Version:
    number, changed_at = (data.decode() if isinstance(data, bytes) else data).split(" ", 1)
    return Version(int(number), datetime.fromisoformat(changed_at))


class _CacheOutage:
    """When the last cache call failed, and when we last said so."""

    failed_at = float("-inf")
    warned_at = float("-inf")


def cache_call(method, *args, default=None, always_try=False):
    """A cache call that returns default when the cache is unreachable: the cache only makes
    pages faster, so its outage must not take them down.

    After a failure, calls are skipped for SKIP_AFTER_FAILURE seconds, so a cache host that
    does not answer costs one connect timeout a second, not one per call; the failure is
    logged at most every WARN_EVERY seconds, not once a request. Bumps pass always_try.
    """
    now = time.monotonic()
    if not always_try and now - _CacheOutage.failed_at < SKIP_AFTER_FAILURE:
        return default
    try:
        return method(*args)
    except Exception as error:  # the backends raise their own client libraries' errors
        now = _CacheOutage.failed_at = time.monotonic()  # after any timeout, not before
        if now - _CacheOutage.warned_at >= WARN_EVERY:
            _CacheOutage.warned_at = now
            logger.warning("cache unavailable (%s: %s); pages are served without it",
                           method.__name__, error)
        return default


def cached_copy() -> Version | None:
    """The copy of the version in the cache, if it has one."""
    version = cache_call(cache.get, CACHE_KEY)
    return version if isinstance(version, Version) else None


def announcements_supported() -> bool:
    """Whether new versions are announced to listening workers: with django-redis only."""
    return (settings.CONTENT_VERSION_IN_CACHE
            and settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache")


def redis_client():
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def announce(version: Version) -> None:
    redis_client().publish(CHANNEL, encode(version))
