"""The public 'Ask us to check a claim' form, its defences, and triage in the admin."""

import logging
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse

from claims.models import Claim, ReviewState
from editorial.models import AuditEntry, Suggestion
from editorial.services import suggestions as services
from tests.editorial.helpers import messages_of
from tests.factories import make_draft_claim, make_topic, make_verdict
from tests.redis_server import RedisServer, free_port

pytestmark = pytest.mark.django_db
URL = "/suggest/"
GOOD = {"claim_text": "Turmeric reverses MS damage.", "seen_at": "https://example.com/post",
        "email": "", "website": ""}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_form_page_is_accessible_and_public(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_claim_text">' in html
    assert 'aria-describedby="claim_text-hint"' in html
    assert 'class="form-group honeypot" aria-hidden="true"' in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all('src="/static/' in tag for tag in scripts)  # nothing inline


def test_a_good_suggestion_is_stored_with_only_what_was_typed(client):
    response = client.post(URL, {**GOOD, "email": "me@example.org", "email_consent": "on"},
                           REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302 and response["Location"] == "/suggest/thanks/"
    suggestion = Suggestion.objects.get()
    assert (suggestion.claim_text, suggestion.seen_at, suggestion.email,
            suggestion.email_consent) == (GOOD["claim_text"], GOOD["seen_at"],
                                          "me@example.org", True)
    assert suggestion.status == Suggestion.Status.NEW
    stored = " ".join(str(v) for v in Suggestion.objects.values().get().values())
    assert "203.0.113.9" not in stored
    assert client.get("/suggest/thanks/").status_code == 200


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"claim_text": ""}, "claim_text", "Enter the claim"),
        ({"claim_text": "   "}, "claim_text", "Enter the claim"),
        ({"claim_text": "x" * 10_000}, "claim_text", "at most 2000 characters"),
        ({"claim_text": "<b>bold</b> claim"}, "claim_text", "without HTML"),
        ({"claim_text": "<script>alert(1)</script>"}, "claim_text", "without HTML"),
        ({"seen_at": "not a url"}, "seen_at", "Enter a web address"),
        ({"seen_at": "javascript:alert(1)"}, "seen_at", "Enter a web address"),
        ({"seen_at": "ftp://example.com/x"}, "seen_at", "Enter a web address"),
        ({"email": "not-an-email", "email_consent": "on"}, "email", "Enter an email"),
        ({"email": "me@example.org"}, "email_consent", "Tick the box"),
    ],
)
def test_bad_inputs_get_clear_errors_and_save_nothing(client, changes, field, message):
    response = client.post(URL, {**GOOD, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert f'id="{field}-error"' in html and 'aria-invalid="true"' in html
    assert "<script>alert(1)</script>" not in html
    assert not Suggestion.objects.exists()


def test_the_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Suggestion.objects.exists()


def test_rate_limit_is_five_an_hour_per_client(client):
    for _ in range(5):
        assert client.post(URL, GOOD, REMOTE_ADDR="198.51.100.1").status_code == 302
    response = client.post(URL, GOOD, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert Suggestion.objects.count() == 5
    assert client.post(URL, GOOD, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_the_rate_limit_key_holds_no_ip_address(client):
    client.post(URL, GOOD, REMOTE_ADDR="198.51.100.7")
    keys = list(cache._cache.keys())  # locmem
    assert keys and not any("198.51.100.7" in key for key in keys)


def test_a_form_with_mistakes_does_not_use_up_the_limit(client):
    for _ in range(6):
        assert client.post(URL, {**GOOD, "claim_text": ""},
                           REMOTE_ADDR="198.51.100.3").status_code == 400
    assert client.post(URL, GOOD, REMOTE_ADDR="198.51.100.3").status_code == 302


def test_behind_no_proxy_x_forwarded_for_is_ignored(client):
    for n in range(5):
        assert client.post(URL, GOOD, REMOTE_ADDR="198.51.100.4",
                           HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code == 302
    assert client.post(URL, GOOD, REMOTE_ADDR="198.51.100.4",
                       HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_one_proxy_each_reader_is_counted_and_a_spoofed_entry_does_not_help(
        client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        assert client.post(URL, GOOD, **proxy,
                           HTTP_X_FORWARDED_FOR="198.51.100.5").status_code == 302
    assert client.post(URL, GOOD, **proxy,
                       HTTP_X_FORWARDED_FOR="198.51.100.5").status_code == 429
    # The same reader, with an address of their choosing put in front of the proxy's entry.
    spoofed = client.post(URL, GOOD, **proxy,
                          HTTP_X_FORWARDED_FOR="192.0.2.77, 198.51.100.5")
    assert spoofed.status_code == 429
    # Another reader behind the same proxy still gets through.
    assert client.post(URL, GOOD, **proxy,
                       HTTP_X_FORWARDED_FOR="198.51.100.6").status_code == 302


# --- with Redis, as with several workers or hosts --------------------------------------------


def redis_cache(url: str) -> dict:
    """The shared cache as config/settings.py configures it for REDIS_URL."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "claimcheck",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(redis_server):
    redis_server.flush()
    with override_settings(CACHES={"default": redis_cache(redis_server.url)}):
        yield redis_server
    redis_server.flush()


PARALLEL_POSTS = 16


def test_sixteen_posts_at_once_from_one_reader_accept_exactly_five(shared_cache, monkeypatch):
    from editorial import views

    stored, lock = [], threading.Lock()

    def slow_create(**fields):
        time.sleep(0.05)  # about a database write, so the posts overlap as they would
        with lock:
            stored.append(fields)

    monkeypatch.setattr(views, "suggestion_create", slow_create)
    start = threading.Barrier(PARALLEL_POSTS)

    def post(_):
        # Each thread has its own Redis connection, as each worker (or host) would.
        request = RequestFactory().post(URL, GOOD, REMOTE_ADDR="198.51.100.8")
        start.wait()
        return views.suggest(request).status_code

    with ThreadPoolExecutor(PARALLEL_POSTS) as pool:
        statuses = list(pool.map(post, range(PARALLEL_POSTS)))
    assert sorted(statuses) == [302] * 5 + [429] * (PARALLEL_POSTS - 5)
    assert len(stored) == 5
    with shared_cache.client() as redis:
        keys = redis.keys("*suggest-rate*")
        assert len(keys) == 1 and b"198.51.100.8" not in keys[0]
        assert 0 < redis.ttl(keys[0]) <= 60 * 60  # the window ends: never a lasting ban


def test_with_redis_down_a_suggestion_is_still_taken_and_the_outage_logged(client, caplog):
    closed = redis_cache(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with override_settings(CACHES={"default": closed}), \
            caplog.at_level(logging.WARNING, logger="editorial.ratelimit"):
        response = client.post(URL, GOOD, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1
    warnings = [r for r in caplog.records if r.name == "editorial.ratelimit"]
    assert warnings and warnings[0].levelno == logging.WARNING
    assert "198.51.100.9" not in caplog.text


# --- triage --------------------------------------------------------------------------------


def _suggestion():
    return services.suggestion_create(claim_text="Turmeric reverses MS damage.")


def test_accept_starts_a_draft_in_the_chosen_topic_with_the_undecided_verdict(
    client, editor_user
):
    make_verdict("I")
    topic = make_topic()
    suggestion = _suggestion()
    client.force_login(editor_user)
    url = reverse("admin:editorial_suggestion_triage", args=[suggestion.pk, "accept"])
    response = client.post(url, {"accept-topic": topic.pk, "accept-note": "Worth a look"})
    claim = Claim.objects.get()
    assert response["Location"] == reverse("admin:claims_claim_change", args=[claim.pk])
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.claim, suggestion.triaged_by) == (
        Suggestion.Status.ACCEPTED, claim, editor_user)
    assert (claim.state, claim.verdict.code, claim.topic, claim.author) == (
        ReviewState.DRAFT, "I", topic, editor_user)
    assert claim.text == suggestion.claim_text
    assert AuditEntry.objects.filter(suggestion=suggestion, action="suggestion_accepted").exists()


def test_accept_needs_a_topic(client, editor_user):
    suggestion = _suggestion()
    client.force_login(editor_user)
    url = reverse("admin:editorial_suggestion_triage", args=[suggestion.pk, "accept"])
    response = client.post(url, {})
    assert messages_of(response)[0][0] == "error"
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.NEW and not Claim.objects.exists()


def test_duplicate_links_the_existing_claim_and_decline_closes(client, editor_user, author_user):
    existing = make_draft_claim(author=author_user)
    dup, other = _suggestion(), _suggestion()
    client.force_login(editor_user)
    client.post(reverse("admin:editorial_suggestion_triage", args=[dup.pk, "duplicate"]),
                {"duplicate-claim": existing.pk})
    client.post(reverse("admin:editorial_suggestion_triage", args=[other.pk, "decline"]),
                {"decline-note": "Personal medical question"})
    dup.refresh_from_db()
    other.refresh_from_db()
    assert (dup.status, dup.claim) == (Suggestion.Status.DUPLICATE, existing)
    assert (other.status, other.triage_note) == (Suggestion.Status.DECLINED,
                                                 "Personal medical question")


def test_triage_happens_once_and_reviewers_cannot_triage(client, editor_user, reviewer_user):
    suggestion = _suggestion()
    services.suggestion_decline(suggestion=suggestion, actor=editor_user)
    with pytest.raises(services.TriageError, match="already triaged"):
        services.suggestion_decline(suggestion=suggestion, actor=editor_user)
    fresh = _suggestion()
    client.force_login(reviewer_user)
    response = client.post(
        reverse("admin:editorial_suggestion_triage", args=[fresh.pk, "decline"]), {}
    )
    assert messages_of(response)[0] == ("error", "You do not have permission to triage "
                                                 "suggestions.")
    html = client.get(reverse("admin:editorial_suggestion_change", args=[fresh.pk])).content
    assert b"Triage this suggestion" not in html


def test_inbox_pages_load(client, editor_user):
    suggestion = _suggestion()
    client.force_login(editor_user)
    assert client.get(reverse("admin:editorial_suggestion_changelist")).status_code == 200
    html = client.get(reverse("admin:editorial_suggestion_change", args=[suggestion.pk]))
    assert b"Accept and start a draft" in html.content
