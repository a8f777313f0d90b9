"""Start-up safety: no default secret in production, and production checks pass."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env_overrides):
    # A clean environment, as a production host would have: only what the test names.
    env = {k: os.environ[k] for k in ("PATH", "HOME", "DATABASE_URL") if k in os.environ}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )


def test_missing_secret_key_with_debug_off_stops_startup_with_one_clear_line():
    result = _manage("check")
    assert result.returncode != 0
    lines = [line for line in result.stderr.strip().splitlines() if line]
    assert lines == [
        "Configuration error: SECRET_KEY is not set: set the SECRET_KEY environment variable "
        "(or DEBUG=true for local development)."
    ]


def test_debug_on_runs_without_a_secret_key():
    result = _manage("check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_production_variables():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="claims.example.org",
        CSRF_TRUSTED_ORIGINS="https://claims.example.org",
        SITE_CONTACT_EMAIL="editors@claims.example.org",
        SITE_FUNDING="Paid for by the people who run this copy of the site.",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bad_trusted_proxy_count_stops_startup_with_a_clear_line():
    for value, message in [("-1", "TRUSTED_PROXY_COUNT must be 0 or more."),
                           ("one", "TRUSTED_PROXY_COUNT must be a whole number, not 'one'.")]:
        result = _manage("check", DEBUG="true", TRUSTED_PROXY_COUNT=value)
        assert result.returncode != 0
        assert result.stderr.strip().splitlines()[-1] == f"Configuration error: {message}"
