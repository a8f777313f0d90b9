"""The site-wide content version: bumped on every change to content that pages show.

Rendered public pages are cached under it (claims.page_cache), so the cache can never serve
a page built from older content. The database row is the source of truth. With a shared
cache (settings.CONTENT_VERSION_IN_CACHE), a copy of it lives there too, so a cached page
costs no database query: each bump writes the copy once its transaction has committed, and
with Redis also announces it to every worker (claims.version_listener).
Bumping is infrastructure, not domain logic, which is why it listens to model signals.
"""

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from claims import version_listener

logger = logging.getLogger(__name__)

# Apps whose rows appear on public pages.
CONTENT_APPS = ("claims", "assessments")

CACHE_KEY = "content-version"
# The copy in the cache is re-read from the database at least this often. Only if the cache
# was unreachable when a bump was written does this matter: pages are then stale for at most
# this long instead of until the next bump.
CACHE_SECONDS = 60
# Times a bump re-reads the row after writing the copy, in case another bump overtook it.
PUBLISH_ATTEMPTS = 5
# After a failed cache call, seconds during which calls are skipped, and between warnings.
SKIP_AFTER_FAILURE = 1.0
WARN_EVERY = 10.0

UNAVAILABLE = object()  # what cache_call returns when told to, if the cache did not answer


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


def from_database() -> Version:
    """The version row (one query). Created if a test or a flush removed it."""
    from claims.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1).values_list("number", "changed_at").first()
    if row is None:
        created, _ = ContentVersion.objects.get_or_create(
            pk=1, defaults={"changed_at": timezone.now()}
        )
        row = (created.number, created.changed_at)
    return Version(*row)


def current() -> Version:
    return listened() or current_and_cached()[0]


def listened() -> Version | None:
    """This worker's copy, kept current by Redis pub/sub (claims.version_listener), or None
    when there is no listener or its subscription is not known to be alive."""
    if not version_listener.supported():
        return None
    return version_listener.listener.version()


def cached_copy() -> Version | None:
    version = cache_call(cache.get, CACHE_KEY)
    return version if isinstance(version, Version) else None


def current_and_cached(*keys: str) -> tuple[Version, dict]:
    """The current version and whatever the cache holds under keys.

    With the version in a shared cache this is one cache round trip and no query; otherwise
    one query and one cache read. A cache that fails is treated as empty.
    """
    if not settings.CONTENT_VERSION_IN_CACHE:
        return from_database(), cache_call(cache.get_many, keys, default={}) if keys else {}
    found = cache_call(cache.get_many, [CACHE_KEY, *keys], default={})
    version = found.pop(CACHE_KEY, None)
    if not isinstance(version, Version):
        version = from_database()
        # add, not set: a bump that commits meanwhile writes a newer copy, never overwritten.
        cache_call(cache.add, CACHE_KEY, version, CACHE_SECONDS)
    return version, found


def publish() -> Version:
    """Writes the committed version to the shared cache.

    Two bumps committing at the same time may write their copies in either order, so each
    re-reads the row after writing and writes again if the row has moved on: the last write
    is always the newest version.
    """
    version = from_database()
    for _ in range(PUBLISH_ATTEMPTS):
        written = cache_call(cache.set, CACHE_KEY, version, CACHE_SECONDS,
                             default=UNAVAILABLE, always_try=True)
        if written is UNAVAILABLE:
            break  # its copy, if it still has one, expires within CACHE_SECONDS
        if version_listener.supported():
            cache_call(_announce, version, always_try=True)
        latest = from_database()
        if latest == version:
            break
        version = latest
    return version


def _announce(version: Version) -> None:
    version_listener.redis_client().publish(
        version_listener.CHANNEL, version_listener.encode(version)
    )


def bump(**kwargs):
    from claims.models import ContentVersion

    updated = ContentVersion.objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})
    if settings.CONTENT_VERSION_IN_CACHE and not _publish_pending():
        transaction.on_commit(publish)


def _publish_pending() -> bool:
    """Whether this transaction will already publish when it commits: one publish covers
    every bump before the commit (loading the seed bumps hundreds of times). A rolled-back
    savepoint drops its callbacks, so a later bump then registers again."""
    connection = transaction.get_connection()
    return any(callback is publish for _, callback, *_ in connection.run_on_commit)


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


def connect(apps) -> None:
    from claims.models import ContentVersion

    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model is ContentVersion or model.__name__.startswith("Historical"):
                continue
            uid = f"content-version-{model._meta.label_lower}"
            post_save.connect(bump, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(bump, sender=field.remote_field.through,
                                    dispatch_uid=f"{uid}-{field.name}")
