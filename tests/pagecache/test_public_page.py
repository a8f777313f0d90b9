"""The page cache on its own terms: which saves bump the content version (a setting), and the
public_page wrapper around a view of no app, given its variant and handing it the version."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache import content_version
from pagecache.decorators import public_page
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def test_saves_in_the_content_apps_bump_the_version_and_others_do_not():
    assert settings.PAGECACHE_CONTENT_APPS == ["claims", "assessments"]
    before = content_version.from_database()
    get_user_model().objects.create(username="not-content")  # auth is not a content app
    assert content_version.from_database() == before
    make_topic()
    assert content_version.from_database().number > before.number


def test_the_view_gets_the_version_and_the_page_is_cached_per_variant():
    rendered = []

    @public_page(variant=lambda request: request.GET.get("v", "plain"), vary=("Cookie",))
    def view(request, *, version):
        rendered.append(version)
        return HttpResponse(f"page at {version.number}")

    def get(**query):
        return view(RequestFactory().get("/somewhere/", query))

    first = get()
    assert rendered == [content_version.from_database()]
    assert first.content == f"page at {rendered[0].number}".encode()
    again = get()
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert len(rendered) == 1  # served from the cache
    other = get(v="other")
    assert len(rendered) == 2 and other["ETag"] != first["ETag"]
    assert first["Vary"] == "Cookie" and first["Cache-Control"] == "no-cache"


def test_a_view_without_a_version_parameter_is_not_given_one():
    @public_page(variant=lambda request: "only")
    def view(request):
        return HttpResponse("hello")

    assert view(RequestFactory().get("/hello/")).content == b"hello"
