"""The base layout every patient page shares."""

import re

import pytest

from tests.browser import RequestLog, axe_violations


@pytest.mark.django_db
def test_home_has_landmarks_search_footer_links_and_local_htmx(client):
    html = client.get("/").content.decode()
    assert '<html lang="en-GB">' in html
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<main", "<footer", 'role="search"'):
        assert landmark in html
    for link in ("/about/evidence/", "/about/editorial-policy/", "/about/disclaimer/"):
        assert f'href="{link}"' in html
    assert "It is not medical advice" in html
    assert '<script src="/static/django_htmx/htmx-2.min.js' in html
    assert "X-CSRFToken" not in html  # no form posts here, so no CSRF cookie either
    assert 'rel="icon"' in html
    # Nothing the page loads (scripts, styles, icons) comes from another origin.
    loaded = re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"]+)"', html)
    assert loaded and all(url.startswith("/static/") for url in loaded), loaded


@pytest.mark.django_db
def test_home_sets_no_cookies(client):
    assert client.get("/").cookies == {}


def test_pages_that_post_with_htmx_send_the_csrf_token_in_a_header(rf):
    from django.template.loader import render_to_string

    html = render_to_string("base.html", {"htmx_csrf": True}, request=rf.get("/"))
    assert "data-hx-headers='{\"X-CSRFToken\": \"" in html


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["Permissions-Policy"].startswith("camera=()")


@pytest.mark.django_db
def test_favicon_is_served(client):
    assert client.get("/static/img/favicon.svg").status_code == 200


def test_home_skip_link_moves_focus_to_main_and_axe_is_clean(live_server, page):
    requests = RequestLog(page, live_server.url)
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")
    assert axe_violations(page) == []
    assert requests.foreign() == []
