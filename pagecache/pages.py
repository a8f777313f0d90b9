"""Rendered public pages, cached under the content version: fast, and never stale.

Each entry holds the version it was rendered at beside the page, under a key without the
version, so one round trip to a shared cache fetches both the current version and the page,
and a page of an older version is simply rendered again. With Redis, a worker that hears
each new version (pagecache.version_listener) also keeps the pages it serves in its own
memory (LocalPages), so serving them needs no network round trip at all.

While the database is down, so that the current version cannot be known, a page this worker
has a copy of is served from that copy rather than answering 503: the newest it has, of the
content as it last saw it.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError

from pagecache import content_version
from pagecache.version import Version, announcements_supported, cache_call
from pagecache.version_listener import listener

logger = logging.getLogger(__name__)

PAGE_SECONDS = 24 * 60 * 60  # a page of older content is never served, so age only frees memory
OUTAGE_WARN_EVERY = 10.0  # seconds between warnings that pages are served from old copies


def page_key(path: str, variant: str, query: str = "") -> str:
    """The key of a page; query (a search's words, as typed) is hashed to keep keys short."""
    if query:
        path += "?" + hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"page:{path}:{variant}"


def _content(entry, version: Version) -> bytes | None:
    # The whole version, not just its number: a database restored from a backup, or another
    # database on the same cache, may reuse a number, never also its time.
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return entry[1]
    return None


class LocalPages:
    """The most recently served pages of this process, least recently used dropped first.

    Not Django's in-memory cache: that pickles every value on each read, a copy of the
    whole page that bench/load.sh shows on every cached request. Entries are immutable
    (bytes and a frozen Version), so they are shared, never copied.
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def set(self, key: str, entry: tuple) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_pages = LocalPages(settings.LOCAL_PAGE_CACHE_ENTRIES)


def _is_entry(entry) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], Version)
            and isinstance(entry[1], bytes))


def newest_copy(key: str) -> tuple[Version, bytes] | None:
    """The newest copy of the page this worker can reach, whatever its version: from its own
    memory, or the cache (which, without Redis, is its own memory too)."""
    entries = [entry for entry in (local_pages.get(key), cache_call(cache.get, key))
               if _is_entry(entry)]
    return max(entries, key=lambda entry: (entry[0].changed_at, entry[0].number), default=None)


class _DatabaseOutage:
    warned_at = float("-inf")


def listened() -> Version | None:
    """This worker's copy of the version, kept current by Redis pub/sub
    (pagecache.version_listener), or None when there is no listener or its subscription is not
    known to be alive."""
    if not announcements_supported():
        return None
    return listener.version()


def current_version() -> Version:
    """The current content version, as a request reads it: the listener's copy, else the
    shared cache's, else the database row."""
    return listened() or content_version.current_and_cached()[0]


def lookup(key: str) -> tuple[Version, bytes | None]:
    """The current content version, and the page cached under key if it is of that version.

    If the version cannot be read because the database is down, the version and content of
    the newest copy of the page instead; with no copy, the database's error."""
    version = listened()
    if version is None:
        try:
            version, found = content_version.current_and_cached(key)
        except (OperationalError, InterfaceError) as error:
            if (copy := newest_copy(key)) is None:
                raise
            now = time.monotonic()
            if now - _DatabaseOutage.warned_at >= OUTAGE_WARN_EVERY:
                _DatabaseOutage.warned_at = now
                logger.warning("database unavailable (%s); pages are served from the copies "
                               "this worker has", error)
            return copy
        return version, _content(found.get(key), version)
    if (content := _content(local_pages.get(key), version)) is not None:
        return version, content
    entry = cache_call(cache.get, key)
    if (content := _content(entry, version)) is not None:
        local_pages.set(key, entry)
    return version, content


def store(key: str, version: Version, content: bytes) -> None:
    entry = (version, content)
    cache_call(cache.set, key, entry, PAGE_SECONDS)
    if settings.CONTENT_VERSION_IN_CACHE:
        local_pages.set(key, entry)
