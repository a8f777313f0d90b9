"""The reader's address behind TRUSTED_PROXY_COUNT proxies, and the sign-in lockout keyed on it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from config.client_ip import client_ip

PASSWORD = "correct horse battery"
PROXY = "10.0.0.2"


def address(xff: str | None, remote: str = PROXY) -> str:
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return client_ip(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    "proxies, xff, expected",
    [
        (0, None, PROXY),
        (0, "198.51.100.1", PROXY),  # no proxy of ours: the header is anyone's to write
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "192.0.2.66, 198.51.100.1", "198.51.100.1"),  # a spoofed entry on the left
        (1, "192.0.2.66,198.51.100.1 ", "198.51.100.1"),
        (2, "192.0.2.66, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (2, "198.51.100.1", PROXY),  # fewer entries than proxies: sent around them
        (1, None, PROXY),
        (1, "", PROXY),
        (1, "unknown", PROXY),
        (1, "198.51.100.1:4711", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_reader_is_the_entry_that_many_hops_from_the_right(settings, proxies, xff,
                                                               expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert address(xff) == expected


def test_django_axes_asks_the_same_function():
    from axes.helpers import get_client_ip_address

    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert get_client_ip_address(request) == client_ip(request)


def _login(client, username, password, reader):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=reader,
    )


@pytest.mark.django_db
def test_behind_the_proxy_a_lockout_is_of_one_reader_not_of_everyone(client, settings,
                                                                     editor_user):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, editor = "192.0.2.13", "198.51.100.20"
    for _ in range(5):
        _login(client, editor_user.username, "wrong password", attacker)
    # The attacker is locked out, even with the right password, and rotating the spoofable
    # left-hand entry does not help...
    assert _login(client, editor_user.username, PASSWORD, attacker).status_code == 429
    spoofed = _login(client, editor_user.username, PASSWORD, f"198.51.100.20, {attacker}")
    assert spoofed.status_code == 429
    # ...but the editor, behind the same proxy, still signs in.
    assert _login(client, editor_user.username, PASSWORD, editor).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
