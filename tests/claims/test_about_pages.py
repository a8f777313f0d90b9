"""Home, the verdict scale, editorial policy, corrections, disclaimer, the 404 page, and the
about, privacy and scope pages."""


import pytest
import textstat
from django.contrib.auth import get_user_model

from claims.models import ReviewState
from claims.views import AUDIENCE_COOKIE, AUDIENCE_COOKIE_AGE
from editorial.ratelimit import WINDOW_SECONDS
from tests.assessments.test_readability import MAX_GRADE, page_prose
from tests.browser import RequestLog, axe_violations
from tests.factories import (
    make_claim,
    make_grade,
    make_reviewer_profile,
    make_topic,
    make_verdict,
    make_verdict_change,
    make_verdicts,
)
from tests.html_validator import needs_validator, vnu_problems

pytestmark = pytest.mark.django_db


def test_home_lists_published_topics_with_public_claim_counts(client):
    topic = make_topic(title="Vitamin B12 and MS")
    make_claim(topic=topic)
    make_claim(topic=topic, state=ReviewState.UNDER_REVIEW)
    make_claim(topic=topic, state=ReviewState.DRAFT)
    make_topic(title="Hidden topic", is_published=False)
    html = client.get("/").content.decode()
    assert "Vitamin B12 and MS" in html and "(2 claims)" in html
    assert "Hidden topic" not in html
    assert 'action="/search/"' in html and '<label for="home-q">' in html
    assert "does not diagnose you or tell you what dose to take" in html


def test_evidence_scale_explains_verdicts_ratings_and_grades(client):
    make_verdicts()
    grade = make_grade(label="Grade 0", plain_meaning="Experts agree; there are no trials.")
    response = client.get("/about/evidence/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ["Supported", "Partly supported, needs context", "Not enough evidence",
                  "Not supported", "Contradicted"]:
        assert label in html
    assert "<tr><td>1</td><td>Contradicted</td></tr>" in html
    assert "<tr><td>5</td><td>Supported</td></tr>" in html
    assert "bestRating" in html and "worstRating" in html
    assert f'id="scheme-{grade.scheme.slug}"' in html
    assert "Experts agree; there are no trials." in html
    assert 'id="verdict-s"' in html


def test_editorial_policy_explains_review_and_verification(client):
    html = client.get("/about/editorial-policy/").content.decode()
    assert "different medical reviewer" in html
    assert "Drafts are never shown" in html
    assert "Checked against the original document." in html
    assert "seen in a summary of the source." in html and "Not yet checked." in html
    assert "last reviewed" in html
    assert 'href="/about/corrections/"' in html


def test_corrections_lists_verdict_changes_of_public_claims_only(client):
    public = make_claim(short_wording="B12 cures fatigue", verdict=make_verdict("N"))
    make_verdict_change(public, reason="A trial found no benefit.")
    hidden = make_claim(short_wording="Hidden draft", state=ReviewState.DRAFT)
    make_verdict_change(hidden, reason="Secret reason.")
    html = client.get("/about/corrections/").content.decode()
    assert "B12 cures fatigue" in html and f'href="/claims/{public.slug}/"' in html
    assert "A trial found no benefit." in html and "1 March 2025" in html
    assert "Not enough evidence" in html and "Not supported" in html
    assert "Secret reason." not in html and "Hidden draft" not in html


def test_corrections_page_says_when_there_are_none(client):
    assert "No published verdict has been changed yet." in client.get(
        "/about/corrections/").content.decode()


def test_disclaimer_says_it_is_not_advice(client):
    html = client.get("/about/disclaimer/").content.decode()
    assert "It is not medical advice" in html


@pytest.mark.parametrize(
    "url", ["/", "/search/", "/about/evidence/", "/about/editorial-policy/",
            "/about/corrections/", "/about/disclaimer/"],
)
def test_public_pages_answer_and_set_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {}
    assert "style=" not in response.content.decode()
    assert "onclick" not in response.content.decode()


def test_pages_refuse_post(client):
    claim = make_claim()
    assert client.post(f"/claims/{claim.slug}/").status_code == 405
    assert client.post("/search/").status_code == 405


def test_404_page_keeps_its_help(client):
    html = client.get("/topics/nothing-here/").content.decode()
    assert "Page not found" in html and "search the claims" in html


# --- about, privacy and scope (issue 14) ----------------------------------------------------

ABOUT_PAGES = ["/about/", "/about/privacy/"]


def reviewer(username, *, active=True, **profile):
    """A medical reviewer's account with a profile, complete unless profile blanks a field."""
    user = get_user_model().objects.create_user(username, is_staff=True, is_active=active)
    return make_reviewer_profile(user, **profile)


@pytest.mark.parametrize("url", ABOUT_PAGES)
def test_about_pages_answer_get_and_head_set_no_cookie_and_refuse_post(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {}
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_about_page_shows_who_runs_the_site_from_settings(client, settings):
    settings.SITE_PUBLISHER = "Example MS Charity"
    settings.SITE_CONTACT_EMAIL = "editors@example.org"
    settings.SITE_FUNDING = "A grant from the Example Trust pays for this site."
    html = client.get("/about/").content.decode()
    assert "This site is run by Example MS Charity." in html
    assert '<a href="mailto:editors@example.org">editors@example.org</a>' in html
    assert "A grant from the Example Trust pays for this site." in html
    assert "has not" not in html
    assert "The site shows no adverts and sells nothing." in html


def test_about_page_says_plainly_what_has_not_been_set(client, settings):
    settings.SITE_PUBLISHER = settings.SITE_NAME
    settings.SITE_CONTACT_EMAIL = ""
    settings.SITE_FUNDING = ""
    html = client.get("/about/").content.decode()
    assert f"This site is run by {settings.SITE_NAME}." in html
    assert "has not set a contact email address yet" in html
    assert "has not said yet how it is paid for" in html
    assert "mailto:" not in html


def test_about_page_team_shows_only_complete_profiles_of_active_reviewers(
    client, django_assert_num_queries
):
    reviewer("complete", name="Dr Zoe Complete",
                          conflicts="Paid speaker for Example Pharma, 2024")
    reviewer("no-registration", name="Dr No Registration", registration="")
    reviewer("blank-conflicts", name="Dr Blank Conflicts", conflicts="  \n ")
    reviewer("left", name="Dr Has Left", active=False)
    with django_assert_num_queries(1):  # the reviewer profiles of active accounts
        html = client.get("/about/").content.decode()
    assert "Dr Zoe Complete" in html
    assert "Consultant neurologist" in html and "GMC 1234567" in html
    assert "Paid speaker for Example Pharma, 2024" in html
    for hidden in ("Dr No Registration", "Dr Blank Conflicts", "Dr Has Left"):
        assert hidden not in html
    assert "No medical reviewer is listed yet" not in html


def test_about_page_without_reviewers_names_nobody(client):
    reviewer("incomplete", name="Dr Not Ready", role="")
    html = client.get("/about/").content.decode()
    assert "No medical reviewer is listed yet" in html
    assert "awaiting review" in html
    assert "Dr Not Ready" not in html


def test_about_page_links_the_policies_and_states_its_uk_scope(client):
    html = client.get("/about/").content.decode()
    for link in ("/about/editorial-policy/", "/about/evidence/", "/about/corrections/",
                 "/about/privacy/"):
        assert f'href="{link}"' in html
    assert '<h2 id="scope">Written for the UK</h2>' in html
    assert "NHS 111, 999 or your GP" in html and "use your local services" in html


def test_privacy_page_states_the_retention_from_the_setting(client, settings):
    settings.SUGGESTION_RETENTION_DAYS = 42
    html = client.get("/about/privacy/").content.decode()
    assert "<strong>How long we keep it:</strong> 42 days" in html
    assert "We delete it after 42 days." in html
    assert "180" not in html


def test_privacy_page_tells_readers_how_to_ask_for_deletion(client, settings):
    settings.SITE_CONTACT_EMAIL = "privacy@example.org"
    assert 'href="mailto:privacy@example.org"' in client.get("/about/privacy/").content.decode()
    settings.SITE_CONTACT_EMAIL = ""
    html = client.get("/about/privacy/").content.decode()
    assert "has not set a contact email address yet" in html and "mailto:" not in html


def test_privacy_page_describes_the_cookies_and_limits_the_code_really_has(client, settings):
    """The notice's words about cookies and the rate limit are pinned to the code they describe:
    change one, and this test says which sentence to change."""
    html = client.get("/about/privacy/").content.decode()
    assert f"<code>{AUDIENCE_COOKIE}</code>" in html and "It lasts one year." in html
    assert AUDIENCE_COOKIE_AGE == 365 * 24 * 60 * 60
    assert "for one hour, and then it is deleted by itself" in html
    assert WINDOW_SECONDS == 60 * 60
    # The suggestion form is the one reader page that sets the CSRF cookie; about a year.
    assert "<code>csrftoken</code>" in html and "It lasts about one year." in html
    assert settings.CSRF_COOKIE_NAME == "csrftoken"
    assert 360 * 86400 <= settings.CSRF_COOKIE_AGE <= 366 * 86400
    assert not settings.CSRF_USE_SESSIONS
    assert set(client.get("/suggest/").cookies) == {"csrftoken"}
    # Staff sign-in: the session cookie and its hours.
    assert "<code>sessionid</code>" in html and settings.SESSION_COOKIE_NAME == "sessionid"
    assert f"after {settings.STAFF_SESSION_HOURS} hours" in html
    # Search words travel in the address; the explorer's answers do not.
    assert "<code>/search/?q=b12</code>" in html
    assert 'method="post"' in client.get("/explorer/").content.decode()


def test_footer_links_about_and_privacy_and_states_uk_scope(client):
    html = client.get("/").content.decode()
    footer = html.split("<footer", 1)[1]
    assert 'href="/about/"' in footer and 'href="/about/privacy/"' in footer
    assert "Written for the UK" in footer and 'href="/about/#scope"' in footer


def test_suggestion_form_links_the_privacy_notice(client):
    assert 'href="/about/privacy/#suggestions"' in client.get("/suggest/").content.decode()


def test_about_pages_are_in_the_sitemap(client, settings):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ABOUT_PAGES:
        assert f"<loc>{settings.SITE_URL}{path}</loc>" in xml


@pytest.mark.parametrize("url", ABOUT_PAGES)
def test_about_pages_read_at_grade_8_or_lower(client, settings, url):
    reviewer("reviewer")
    for contact in ("", "editors@example.org"):
        settings.SITE_CONTACT_EMAIL = contact
        prose = page_prose(client.get(url).content.decode())
        assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose


@needs_validator
@pytest.mark.slow
def test_about_pages_are_valid_html(client, settings, tmp_path):
    reviewer("reviewer", conflicts="Paid speaker\nfor Example Pharma")
    for contact in ("", "editors@example.org"):
        settings.SITE_CONTACT_EMAIL = contact
        settings.SITE_FUNDING = "Paid for by a grant." if contact else ""
        for url in ABOUT_PAGES:
            name = url.strip("/").replace("/", "-") + ("-set" if contact else "-unset")
            (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    assert vnu_problems(tmp_path) == []


@pytest.mark.parametrize("url", ABOUT_PAGES)
def test_about_pages_are_accessible_in_a_browser(transactional_db, live_server, page, url):
    reviewer("reviewer")
    requests = RequestLog(page, live_server.url)
    page.goto(live_server.url + url)
    assert axe_violations(page) == []
    assert requests.foreign() == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    )
