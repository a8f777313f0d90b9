"""`check --deploy` warns until the about and privacy pages can name a contact and funding."""

import pytest
from django.core.checks import run_checks

import config.checks  # noqa: F401  registers the check (until an AppConfig imports it)
from config.checks import check_site_publisher_details
from tests.config.test_settings import _manage


def ids() -> list[str]:
    return [message.id for message in check_site_publisher_details()]


def test_warns_when_contact_or_funding_are_empty(settings):
    settings.SITE_CONTACT_EMAIL = ""
    settings.SITE_FUNDING = ""
    assert ids() == ["config.W001", "config.W003"]
    settings.SITE_FUNDING = "A grant from the Example Trust."
    assert ids() == ["config.W001"]


@pytest.mark.parametrize("email", ["editors", "editors@", "not an address@example.org"])
def test_warns_when_the_contact_is_not_an_email_address(settings, email):
    settings.SITE_CONTACT_EMAIL = email
    settings.SITE_FUNDING = "A grant."
    assert ids() == ["config.W002"]


def test_clean_when_both_are_set(settings):
    settings.SITE_CONTACT_EMAIL = "editors@example.org"
    settings.SITE_FUNDING = "A grant from the Example Trust."
    assert ids() == []


def test_runs_with_deploy_only(settings):
    settings.SITE_CONTACT_EMAIL = ""
    settings.SITE_FUNDING = ""
    assert run_checks(tags=["site"]) == []
    found = [m.id for m in run_checks(tags=["site"], include_deployment_checks=True)]
    assert found == ["config.W001", "config.W003"]


def test_a_bad_retention_stops_startup_with_a_clear_line():
    for value, message in [
        ("0", "SUGGESTION_RETENTION_DAYS must be 1 or more."),
        ("half a year", "SUGGESTION_RETENTION_DAYS must be a whole number, not 'half a year'."),
    ]:
        result = _manage("check", DEBUG="true", SUGGESTION_RETENTION_DAYS=value)
        assert result.returncode != 0
        assert result.stderr.strip().splitlines()[-1] == f"Configuration error: {message}"


def test_publisher_defaults_to_the_site_name_and_the_rest_to_empty():
    result = _manage(
        "shell", "-c",
        "from django.conf import settings as s; "
        "print(repr((s.SITE_PUBLISHER, s.SITE_CONTACT_EMAIL, s.SITE_FUNDING, "
        "s.SUGGESTION_RETENTION_DAYS)))",
        DEBUG="true", SITE_NAME="Claim Check Test",
    )
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line == "('Claim Check Test', '', '', 180)", result.stderr
