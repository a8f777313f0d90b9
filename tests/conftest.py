"""Shared fixtures: users by role, and a real Chromium for browser tests.

Browser tests use Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it they
are skipped on a developer machine, but with CI=true a missing browser fails the run.
"""

import importlib
import os
import shutil
import threading
import time

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.exists(CHROMIUM)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
BROWSER_FIXTURES = {"page", "browser", "context", "browser_page"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
            if not HAVE_CHROMIUM:  # in CI, pytest_sessionstart has already stopped the run
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))


def pytest_sessionstart(session):
    if IN_CI and not HAVE_CHROMIUM:
        pytest.exit(f"CI=true but no Chromium at {CHROMIUM}: browser tests cannot run.", 3)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# --- users by role -------------------------------------------------------------------------
# Each fixed user is in the group its role gives (groups come from editorial migration 0002).


def ensure_editorial_groups():
    """Live-server tests flush the database, groups and all: rebuild them as migrated."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=["Editor", "Medical reviewer", "Site admin"]).count() < 3:
        migration = importlib.import_module("editorial.migrations.0002_editorial_groups")
        migration.create_groups(apps, None)
        importlib.import_module("editorial.migrations.0003_assessments_permissions").grant(
            apps, None
        )
        importlib.import_module("editorial.migrations.0004_account_roles").grant(apps, None)
        importlib.import_module("editorial.migrations.0006_proposed_change_permissions").grant(
            apps, None
        )
        importlib.import_module("editorial.migrations.0007_reviewer_profile_permissions").grant(
            apps, None
        )
        importlib.import_module("assessments.migrations.0004_one_urgency_per_sign").grant(
            apps, None
        )


def _in_group(user, group_name):
    from django.contrib.auth.models import Group

    ensure_editorial_groups()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _with_reviewer_profile(user):
    """Approving needs a complete profile: the fixed reviewers and admin have one, so tests
    decide approvals by role, state and four-eyes (tests/editorial/test_reviewer_profiles.py
    covers a reviewer without one). Test people, not real ones."""
    from claims.models import ReviewerProfile

    ReviewerProfile.objects.update_or_create(user=user, defaults={
        "name": f"Dr {user.get_username().title()}", "role": "Consultant neurologist",
        "registration": "Test register 0000", "conflicts": "None declared",
    })
    return user


@pytest.fixture
def editor_user(django_user_model):
    user = django_user_model.objects.create_user(
        "edith.editor", "edith@example.org", "correct horse battery", is_staff=True
    )
    return _in_group(user, "Editor")


@pytest.fixture
def reviewer_user(django_user_model):
    user = django_user_model.objects.create_user(
        "rita.reviewer", "rita@example.org", "correct horse battery", is_staff=True
    )
    return _with_reviewer_profile(_in_group(user, "Medical reviewer"))


@pytest.fixture
def second_reviewer_user(django_user_model):
    user = django_user_model.objects.create_user(
        "rob.reviewer", "rob@example.org", "correct horse battery", is_staff=True
    )
    return _with_reviewer_profile(_in_group(user, "Medical reviewer"))


@pytest.fixture
def site_admin_user(django_user_model):
    user = django_user_model.objects.create_superuser(
        "ada.admin", "ada@example.org", "correct horse battery"
    )
    return _with_reviewer_profile(_in_group(user, "Site admin"))


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    browser = CHROMIUM if HAVE_CHROMIUM else "none (browser tests skipped)"
    return [f"database: {engine}", f"browser: {browser}"]


@pytest.fixture(autouse=True)
def _fail_on_csp_violation(request):
    """Every browser test fails if the page reports a Content-Security-Policy violation."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text)
        if "Content Security Policy" in msg.text else None,
    )
    yield
    assert violations == [], violations


class _InFlight:
    """Counts requests the live server is still handling (signals fire in its threads)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def started(self, **kwargs):
        with self.lock:
            self.count += 1

    def finished(self, **kwargs):
        with self.lock:
            self.count -= 1

    def wait_until_idle(self, timeout=10.0, quiet=0.2):
        """Return once no request has been in flight for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        idle_since = None
        while time.monotonic() < deadline:
            if self.count > 0:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= quiet:
                return
            time.sleep(0.01)
        raise AssertionError(f"the live server still had {self.count} request(s) in flight")


@pytest.fixture(autouse=True)
def _live_server_settles(request):
    """Let the live server finish before the database is flushed.

    On SQLite the live server shares the test's in-memory connection. A request the browser
    started just before the test ended (an htmx swap after a key press) would otherwise run
    its queries while the flush runs, and the flush fails. Requesting `live_server` (and the
    page) here makes this teardown run before theirs and before the flush."""
    if "live_server" not in request.fixturenames:
        yield
        return
    from django.core.signals import request_finished, request_started

    request.getfixturevalue("live_server")
    page = request.getfixturevalue("page") if "page" in request.fixturenames else None
    in_flight = _InFlight()
    request_started.connect(in_flight.started, weak=False)
    request_finished.connect(in_flight.finished, weak=False)
    try:
        yield
        if page is not None and not page.is_closed():
            page.close()
        in_flight.wait_until_idle()
    finally:
        request_started.disconnect(in_flight.started)
        request_finished.disconnect(in_flight.finished)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rendered pages are cached under the content version, which restarts in every test's
    database: start each test with an empty cache so no test sees another's pages."""
    from django.core.cache import cache

    from claims.search.ranking import forget_kept_claims
    from pagecache.pages import local_pages

    cache.clear()
    local_pages.clear()
    forget_kept_claims()  # claims kept by id under a content version, which may recur
    yield
    cache.clear()
    local_pages.clear()


# --- the seed content ------------------------------------------------------------------------
# Consecutive `db` tests of a module that ask for `seed_content` share one load of it (a few
# seconds), in effect Django's setUpTestData: it is loaded inside a transaction opened before
# the first of them, and rolled back after the last, before any test that did not ask for it.
# Each test's own writes roll back to a savepoint, so every one sees the seed as shipped. A
# transactional test (`transactional_db`, `live_server`) commits and flushes, so it never runs
# inside that transaction: it loads the seed itself (`seeded_site`, or `seed_content`).

TRANSACTIONAL = frozenset({"transactional_db", "live_server"})
_module_seed_transactions: list = []  # (the open transaction, the pytest-django db blocker)


def _load_seed_content():
    from tests.seed_snapshot import load_seed_content

    load_seed_content()


def _roll_back_module_seed():
    from django.db import transaction

    while _module_seed_transactions:
        outer, blocker = _module_seed_transactions.pop()
        with blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _module_seed(django_db_setup, django_db_blocker):
    """Module-scoped, so it is set up before the first test's own transaction opens."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        outer._from_testcase = True  # as Django's TestCase marks its own (durable blocks)
        _module_seed_transactions.append((outer, django_db_blocker))
        _load_seed_content()
    yield
    _roll_back_module_seed()


def _shares_the_module_seed(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return "seed_content" in names and not TRANSACTIONAL & names


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After the test's own transaction has rolled back: the seed's goes too, unless the next
    test shares it."""
    if _module_seed_transactions and not (nextitem and _shares_the_module_seed(nextitem)):
        _roll_back_module_seed()


@pytest.fixture(autouse=True)
def _transactional_tests_run_without_a_module_seed(request):
    if TRANSACTIONAL & set(request.fixturenames):
        _roll_back_module_seed()
    yield


@pytest.fixture
def seed_content(_module_seed, db):
    """The shipped seed content, as `make run` loads it: shared with the module's neighbours
    (see above), else loaded for this test."""
    if not _module_seed_transactions:
        _load_seed_content()


@pytest.fixture
def seeded_site(transactional_db, live_server):
    """A live server with the shipped seed content; returns its address."""
    _load_seed_content()
    return live_server.url
