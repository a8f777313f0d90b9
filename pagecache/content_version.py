"""The site-wide content version: bumped on every change to content that pages show.

Rendered public pages are cached under it (pagecache.pages), so the cache can never serve
a page built from older content. The database row is the source of truth. With a shared
cache (settings.CONTENT_VERSION_IN_CACHE), a copy of it lives there too, so a cached page
costs no database query: each bump writes the copy once its transaction has committed, and
with Redis also announces it to every worker (pagecache.version_listener hears it).
Bumping is infrastructure, not domain logic, which is why it listens to model signals of the
apps in settings.PAGECACHE_CONTENT_APPS.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from pagecache.version import (
    CACHE_KEY,
    UNAVAILABLE,
    Version,
    announce,
    announcements_supported,
    cache_call,
)

# The copy in the cache is re-read from the database at least this often. Only if the cache
# was unreachable when a bump was written does this matter: pages are then stale for at most
# this long instead of until the next bump.
CACHE_SECONDS = 60
# Times a bump re-reads the row after writing the copy, in case another bump overtook it.
PUBLISH_ATTEMPTS = 5


def from_database() -> Version:
    """The version row (one query). Created if a test or a flush removed it."""
    from pagecache.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1).values_list("number", "changed_at").first()
    if row is None:
        created, _ = ContentVersion.objects.get_or_create(
            pk=1, defaults={"changed_at": timezone.now()}
        )
        row = (created.number, created.changed_at)
    return Version(*row)


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
        if announcements_supported():
            cache_call(announce, version, always_try=True)
        latest = from_database()
        if latest == version:
            break
        version = latest
    return version


def bump(**kwargs):
    from pagecache.models import ContentVersion

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


def connect(apps) -> None:
    """Bumps the version on every save, delete and many-to-many change of a model of the apps
    in settings.PAGECACHE_CONTENT_APPS (their rows appear on public pages)."""
    from pagecache.models import ContentVersion

    for app_label in settings.PAGECACHE_CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model is ContentVersion or model.__name__.startswith("Historical"):
                continue
            uid = f"content-version-{model._meta.label_lower}"
            post_save.connect(bump, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(bump, sender=field.remote_field.through,
                                    dispatch_uid=f"{uid}-{field.name}")
