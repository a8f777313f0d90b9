"""With Redis (REDIS_URL), every worker shares rendered pages and the content version.

These tests run a private, throwaway redis-server (tests/redis_server.py) and configure the
cache as config/settings.py does when REDIS_URL is set: django-redis for the shared cache,
each process's own memory of the pages it served beside it (pagecache.pages.local_pages),
and the content version read from Redis (CONTENT_VERSION_IN_CACHE), kept current in each
process by a listener thread (pagecache.version_listener). The worker tests run separate
Python processes over one SQLite file database, as gunicorn workers (or machines) would; the
others run in this process. Without redis-server they are skipped, or fail when CI=true.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from claims.models import ReviewState
from pagecache import content_version, version, version_listener
from pagecache.pages import local_pages
from pagecache.version import CACHE_KEY, Version
from tests.factories import make_claim
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
LISTENER_START_SECONDS = 10  # generous: the machine may be busy; it takes milliseconds idle


def redis_cache(url: str) -> dict:
    """The shared cache as config/settings.py configures it for REDIS_URL."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "claimcheck",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }


def wait_until(condition, seconds: float, what: str):
    """Polls condition until it returns something truthy, which it returns; fails after
    seconds."""
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        if time.monotonic() > deadline:
            pytest.fail(f"still not {what} after {seconds} s")
        time.sleep(0.02)
    return result


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


# --- in this process -----------------------------------------------------------------------


@contextlib.contextmanager
def using_redis(server: RedisServer):
    """This process configured as with REDIS_URL, from an empty Redis and a new listener;
    afterwards the listener is stopped and both caches emptied, so nothing leaks into the
    tests that follow (they run on the in-memory cache)."""
    server.flush()
    version_listener.listener.stop()
    local_pages.clear()
    with override_settings(CACHES={"default": redis_cache(server.url)},
                           CONTENT_VERSION_IN_CACHE=True):
        try:
            yield
        finally:
            version_listener.listener.stop()
            local_pages.clear()
            if server.process is not None:
                server.flush()


@pytest.fixture
def shared_cache(redis_server):
    with using_redis(redis_server):
        yield redis_server


def listening() -> Version:
    """Waits until this process's listener is subscribed and answering; its version."""
    return wait_until(version_listener.listener.version, LISTENER_START_SECONDS,
                      "listening for content versions")


def page_keys(path: str) -> str:
    """The pattern of the keys in Redis of the pages at path, whatever their variant or
    search words."""
    return f"*:page:{path}*"


@pytest.mark.django_db
def test_a_cached_page_costs_no_query_once_the_listener_is_alive(
        shared_cache, client, django_assert_num_queries):
    claim = make_claim(state=ReviewState.APPROVED)
    url = f"/claims/{claim.slug}/"
    first = client.get(url)
    assert first.status_code == 200
    assert listening() == content_version.from_database()
    # No query: the version is the listener's and the page in this process's memory...
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
    # ...not in Redis: the worker keeps serving it if Redis drops its copy.
    assert shared_cache.delete_matching(page_keys(url)) == 1
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content


@pytest.mark.django_db(transaction=True)  # edits commit, so their publish() runs
def test_pages_answer_from_the_database_while_redis_is_down_and_edits_still_show(
        tmp_path, client, django_assert_num_queries):
    server = RedisServer(tmp_path / "redis").start()  # this test's own, to stop and restart
    try:
        with using_redis(server):
            claim = make_claim(state=ReviewState.APPROVED, text="Wording before the outage.")
            url = f"/claims/{claim.slug}/"
            with CaptureQueriesContext(connection) as rendering:
                first = client.get(url)
            assert first.status_code == 200 and "Wording before the outage" in first.text
            listening()

            server.stop()  # Redis crashes: its connections drop
            # The listener sees its connection close and stops vouching for its version.
            wait_until(lambda: version_listener.listener.version() is None,
                       version_listener.ALIVE_SECONDS, "aware that Redis is gone")
            started = time.monotonic()
            # 1. the content version, from the database as Redis does not answer
            # then the page is rendered again, with the queries of its first visit
            with django_assert_num_queries(1 + len(rendering)):
                down = client.get(url)
            assert down.status_code == 200 and down.content == first.content
            assert client.get("/healthz").status_code == 200
            claim.text = "Wording changed during the outage."
            claim.save()  # its publish() cannot reach Redis: logged, the edit stands
            during = client.get(url)
            assert during.status_code == 200
            assert "changed during the outage" in during.text
            assert "before the outage" not in during.text
            # No retries, no waiting on a dead server: about as fast as without a cache.
            assert time.monotonic() - started < 5

            server.start()  # Redis comes back, empty
            assert "changed during the outage" in client.get(url).text

            def recovered():
                """As visitors keep coming, the worker uses Redis again: a visit puts the
                version copy back and the listener, reconnected, vouches for it."""
                client.get(url)
                return version_listener.listener.version()

            assert wait_until(recovered, LISTENER_START_SECONDS, "using Redis again") == \
                content_version.from_database() == cache.get(CACHE_KEY)
            with django_assert_num_queries(0):
                assert "changed during the outage" in client.get(url).text
    finally:
        server.stop()


@pytest.mark.django_db(transaction=True)
def test_publish_corrects_a_stale_version_copy_and_every_listener(shared_cache):
    make_claim(state=ReviewState.APPROVED)
    current = content_version.from_database()
    # A copy one version behind, as a lost or overtaken write would leave it.
    stale = Version(current.number - 1, current.changed_at - timedelta(hours=1))
    cache.set(CACHE_KEY, stale)
    assert listening() == stale  # a listener starting now trusts the copy it finds
    assert content_version.publish() == current
    assert cache.get(CACHE_KEY) == content_version.from_database()
    wait_until(lambda: version_listener.listener.version() == current, 5,
               "told the published version")


@pytest.mark.django_db
def test_a_lost_version_copy_is_put_back_by_the_next_page_request(
        shared_cache, client, django_assert_num_queries):
    claim = make_claim(state=ReviewState.APPROVED)
    url = f"/claims/{claim.slug}/"
    first = client.get(url)
    listening()
    cache.delete(CACHE_KEY)  # evicted, expired, or flushed by an operator
    # Within PING_SECONDS the listener finds the copy gone and stops vouching for its own.
    wait_until(lambda: version_listener.listener.version() is None, 5,
               "aware that the copy is gone")
    # 1. the content version, from the database (the page comes from Redis, in the same
    #    round trip that found no copy)
    with django_assert_num_queries(1):
        again = client.get(url)
    assert again.content == first.content
    assert cache.get(CACHE_KEY) == content_version.from_database()
    # The listener takes up the copy put back, and cached pages cost nothing again.
    assert listening() == content_version.from_database()
    with django_assert_num_queries(0):
        client.get(url)


@pytest.mark.django_db
def test_a_repeated_search_is_served_from_redis_without_a_query(
        shared_cache, client, django_assert_num_queries):
    make_claim(state=ReviewState.APPROVED, text="Sublingual B12 absorbs better.",
               short_wording="Sublingual B12 absorbs better")
    first = client.get("/search/", {"q": "sublingual"})
    assert "Sublingual B12 absorbs better" in first.text
    listening()
    local_pages.clear()  # as in another worker: only Redis has the results page
    with django_assert_num_queries(0):
        again = client.get("/search/", {"q": "sublingual"})
    assert again.content == first.content


@pytest.mark.django_db(transaction=True)
def test_an_edit_whose_announcement_was_lost_shows_once_the_version_copy_expires(
        shared_cache, client):
    claim = make_claim(state=ReviewState.APPROVED, text="Wording before the stall.")
    url = f"/claims/{claim.slug}/"
    client.get(url)
    listening()
    # Making the claim bumped the version more than once; the listener hears each bump a
    # moment after its copy is written, so wait until it has heard the last one.
    before = wait_until(
        lambda: (heard := version_listener.listener.version()) == cache.get(CACHE_KEY) and heard,
        LISTENER_START_SECONDS, "told the latest version")
    with shared_cache.client() as redis:
        redis.execute_command("CLIENT", "PAUSE", 1000, "WRITE")  # reads and pings still work
        claim.text = "Wording changed during the stall."
        claim.save()  # its publish() times out after 0.5 s: no copy written, no announcement
        redis.set("stall-over", 1)  # returns once the stall is over
    assert cache.get(CACHE_KEY) == before  # the copy still names the version before the edit
    # CACHE_SECONDS later the copy has expired, and the listener stops vouching for it.
    cache.delete(CACHE_KEY)
    wait_until(lambda: version_listener.listener.version() != before, 5,
               "aware that the copy is gone")
    assert "changed during the stall" in client.get(url).text


# --- in separate worker processes ----------------------------------------------------------

SEED_SLUG = "sublingual-b12-absorbs-better"
MARKER = "Edited after review"

WORKER = """
import hashlib, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pagecache.version_listener import listener
client = Client()
for line in sys.stdin:
    if line.strip() == "listening?":
        print(int(listener.version() is not None), flush=True)
        continue
    with CaptureQueriesContext(connection) as queries:
        response = client.get(line.strip())
    print(response.status_code, int(sys.argv[1].encode() in response.content), len(queries),
          hashlib.sha256(response.content).hexdigest(), flush=True)
"""

EDIT = """
import django, sys
django.setup()
from claims.models import Claim
claim = Claim.objects.get(slug=sys.argv[1])
claim.verdict_reason = sys.argv[2] + ": " + claim.verdict_reason
claim.save()
"""


@dataclass(frozen=True)
class Visit:
    status: int
    edited: bool  # the edit shows on the page
    queries: int
    digest: str  # of the page's bytes


class Worker:
    """One worker process: a Django test client reading paths from its stdin."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, MARKER], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _ask(self, line: str) -> list[str]:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        assert answer, f"worker exited with {self.process.wait(timeout=30)}"
        return answer

    def visit(self, path: str) -> Visit:
        status, edited, queries, digest = self._ask(path)
        return Visit(int(status), edited == "1", int(queries), digest)

    def listening(self) -> bool:
        return self._ask("listening?") == ["1"]

    def close(self) -> int:
        self.process.stdin.close()
        return self.process.wait(timeout=30)


@dataclass
class Site:
    env: dict
    workers: list[Worker]

    def edit(self, slug: str) -> None:
        """An editor's edit, saved by a third process (the admin, on another worker)."""
        subprocess.run([sys.executable, "-c", EDIT, slug, MARKER], cwd=ROOT, env=self.env,
                       check=True, capture_output=True, text=True, timeout=120)

    def wait_until_listening(self) -> None:
        for worker in self.workers:
            wait_until(worker.listening, LISTENER_START_SECONDS,
                       "listening for content versions")


def process_env(database: Path, settings_module: str, *paths: Path) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module,
           "DATABASE_URL": f"sqlite:///{database}",
           "PYTHONPATH": os.pathsep.join([*map(str, paths), str(ROOT)])}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("REDIS_URL", None)
    return env


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory) -> Path:
    """A database file with the shipped seed content, built once; each test copies it."""
    database = tmp_path_factory.mktemp("seeded") / "site.sqlite3"
    run = {"cwd": ROOT, "env": process_env(database, "config.settings_test"),
           "check": True, "capture_output": True, "text": True, "timeout": 300}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], **run)
    subprocess.run([sys.executable, "manage.py", "load_seed_content"], **run)
    return database


@pytest.fixture
def site(tmp_path, redis_server, seeded_database):
    """Two workers and an editor over one database, configured for the test Redis."""
    database = tmp_path / "site.sqlite3"
    shutil.copy(seeded_database, database)
    (tmp_path / "shared_cache_settings.py").write_text(
        "from config.settings_test import *  # noqa: F403\n\n"
        f"CACHES['default'] = {redis_cache(redis_server.url)!r}\n"
        "CONTENT_VERSION_IN_CACHE = True\n"
    )
    redis_server.flush()
    env = process_env(database, "shared_cache_settings", tmp_path)
    workers = [Worker(env) for _ in range(2)]
    try:
        yield Site(env, workers)
    finally:
        exits = [worker.close() for worker in workers]
        redis_server.flush()
    assert exits == [0, 0]


@pytest.mark.parametrize("path", [f"/claims/{SEED_SLUG}/", "/search/?q=sublingual"],
                         ids=["claim page", "search results"])
@pytest.mark.slow
def test_an_edit_shows_on_every_worker_at_once_and_is_rendered_only_once(
        site, redis_server, path):
    one, other = site.workers
    first = one.visit(path)
    assert first.status == 200 and not first.edited
    assert first.queries > 0  # rendered
    # The other worker's first visit: the page the first rendered, from Redis.
    assert other.visit(path) == Visit(200, False, 0, first.digest)

    site.wait_until_listening()
    # Repeat visits run no query...
    cached = Visit(200, False, 0, first.digest)
    assert [worker.visit(path) for worker in site.workers] == [cached] * 2
    # ...nor, now that each worker has served the page, a round trip to Redis: they serve
    # it from their own memory, even once Redis has dropped it.
    assert redis_server.delete_matching(page_keys(path.split("?")[0])) == 1
    assert [worker.visit(path) for worker in site.workers] == [cached] * 2

    site.edit(SEED_SLUG)
    # The very next request on each worker shows the edit. One renders it...
    rendered = one.visit(path)
    assert rendered.status == 200 and rendered.edited and rendered.queries > 0
    # ...and the other serves the page the first rendered, through Redis, without a query.
    assert other.visit(path) == Visit(200, True, 0, rendered.digest)


@pytest.mark.django_db(transaction=True)
def test_one_saved_batch_announces_its_version_once(shared_cache):
    """A transaction that changes many rows (loading the seed, an admin save with inlines)
    writes and announces the version once, at commit, not once per row."""
    from django.db import transaction
    from django_redis import get_redis_connection

    subscriber = get_redis_connection("default").pubsub(ignore_subscribe_messages=True)
    subscriber.subscribe(version.CHANNEL)
    try:
        with transaction.atomic():
            make_claim(state=ReviewState.APPROVED)
            with contextlib.suppress(RuntimeError), transaction.atomic():
                make_claim(state=ReviewState.APPROVED)  # rolled back with its savepoint
                raise RuntimeError
            for _ in range(3):
                make_claim(state=ReviewState.APPROVED)
        announced = []
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if message := subscriber.get_message(timeout=0.1):
                announced.append(version.decode(message["data"]))
        assert announced == [content_version.from_database()]
    finally:
        subscriber.close()
