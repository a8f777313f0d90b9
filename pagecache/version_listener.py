"""Each worker's copy of the content version, kept current by Redis publish/subscribe.

With it, serving a cached page needs no network round trip. Every bump, once committed,
writes the new version to the shared cache and announces it (pagecache.content_version); a
thread in each worker process listens and updates its copy, and re-reads the copy in the
cache twice a second in case an announcement was lost. The copy is used only while the
subscription is known to be alive: a ping answered within the last ALIVE_SECONDS.
Otherwise requests read the version from the shared cache, as they do without a listener,
so a broken connection costs speed, not freshness. Works with django-redis only.
"""

import logging
import os
import threading
import time

from pagecache.version import CHANNEL, Version, cached_copy, decode, redis_client

logger = logging.getLogger(__name__)

PING_SECONDS = 0.5
ALIVE_SECONDS = 2.0  # a silently dead connection is trusted for at most this long
RETRY_SECONDS = 1.0


class VersionListener:
    """Starts its thread on first use in each process (gunicorn forks workers after import)."""

    def __init__(self):
        self._pid = None
        self._run_id = 0
        self._start_lock = threading.Lock()
        self._version = None
        self._alive_until = 0.0

    def version(self) -> Version | None:
        """The version last heard, or None if the subscription is not known to be alive."""
        if self._pid != os.getpid():
            self._start()
        version = self._version
        if version is not None and time.monotonic() < self._alive_until:
            return version
        return None

    def stop(self) -> None:
        """Ends the thread (it notices within PING_SECONDS); the next use starts a new one."""
        with self._start_lock:
            self._run_id += 1
            self._pid = None
            self._forget()

    def _forget(self) -> None:
        self._alive_until = 0.0
        self._version = None

    def _start(self) -> None:
        with self._start_lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._run_id += 1
            self._forget()
            threading.Thread(target=self._run, args=(self._run_id,), daemon=True,
                             name="content-version-listener").start()

    def _running(self, run_id: int) -> bool:
        return run_id == self._run_id

    def _run(self, run_id: int) -> None:
        while self._running(run_id):
            try:
                self._listen(run_id)
            except Exception:  # the client library's connection and protocol errors
                logger.warning("content version listener lost Redis; retrying", exc_info=True)
            time.sleep(RETRY_SECONDS)

    def _listen(self, run_id: int) -> None:
        pubsub = redis_client().pubsub()
        try:
            pubsub.subscribe(CHANNEL)
            while (message := pubsub.get_message(timeout=PING_SECONDS)) is None or \
                    message["type"] != "subscribe":
                if not self._running(run_id):
                    return
            # Subscribed: every later bump reaches us, and every earlier one is in the copy.
            version, last_check = None, float("-inf")
            while self._running(run_id):
                now = time.monotonic()
                if now - last_check >= PING_SECONDS:
                    last_check = now
                    # Between announcements the copy in the cache is the truth: re-read it,
                    # so one lost while Redis was unreachable, or a copy that expired, is
                    # caught here. Without a copy, requests read the database meanwhile.
                    version = cached_copy()
                    if version is None:
                        self._forget()
                    pubsub.ping()
                message = pubsub.get_message(timeout=PING_SECONDS)
                if message is None:
                    continue
                if message["type"] == "message":
                    version = decode(message["data"])
                    if self._version is not None:
                        self._version = version
                elif message["type"] == "pong" and version is not None:
                    self._version = version
                    self._alive_until = time.monotonic() + ALIVE_SECONDS
        finally:
            if self._running(run_id):  # else a newer thread owns the copy
                self._forget()
            pubsub.close()


listener = VersionListener()
