"""bench/profile_cached.py: reading py-spy's raw samples and the per-request tables."""

import pytest

from bench import profile_cached
from bench.profile_cached import APP_FRAME, Profile, parse_line, read_raw, short_frame

SITE = "/work/main/.venv/lib/python3.11/site-packages"
WORKER = (
    'process 10:"/work/main/.venv/bin/python /work/main/.venv/bin/gunicorn config.wsgi -w 2";'
    'process 11:"gunicorn worker";'
    f"run (gunicorn/app/wsgiapp.py);handle ({SITE}/gunicorn/workers/sync.py)"
)
APP = f"__call__ ({SITE}/django/core/handlers/wsgi.py)".replace("__call__", "WSGIHandler.__call__")
RAW = "\n".join([
    f"{WORKER};{APP};page (/work/main/pagecache/decorators.py);get ({SITE}/redis/client.py) 30",
    f"{WORKER};{APP};page (/work/main/pagecache/decorators.py) 10",
    f"{WORKER};write ({SITE}/gunicorn/util.py) 40",
    'process 10:"/work/main/.venv/bin/python /work/main/.venv/bin/gunicorn config.wsgi -w 2" 20',
    "",
])


def test_frames_are_shortened_to_their_package_or_the_project():
    assert short_frame(f"get ({SITE}/redis/client.py)") == "get (redis/client.py)"
    assert short_frame("page (/work/main/pagecache/decorators.py)", "/work/main") == (
        "page (pagecache/decorators.py)"
    )
    assert short_frame("select (/usr/lib/python3.11/selectors.py)") == "select (selectors.py)"
    assert short_frame("<module> (gunicorn)") == "<module> (gunicorn)"


def test_a_line_is_its_frames_root_first_and_its_count():
    frames, count = parse_line(f"{WORKER};write ({SITE}/gunicorn/util.py) 40")
    assert count == 40
    assert frames == [
        "run (gunicorn/app/wsgiapp.py)", "handle (gunicorn/workers/sync.py)",
        "write (gunicorn/util.py)",
    ]
    assert parse_line("   \n") is None


def test_a_command_line_over_several_lines_is_one_sample():
    text = 'process 5:"python -c \nimport time\nwhile True: f()\n";f (<string>) 7\n'
    assert read_raw(text) == [(["f (<string>)"], 7)]


def test_time_a_request_by_package_inside_and_outside_the_application(tmp_path):
    (tmp_path / "page.raw").write_text(RAW)
    profile = profile_cached.load("page", tmp_path / "page.raw", requests=50, rate=100,
                                  root="/work/main")
    assert profile.samples == 100
    assert profile.in_app == 40
    # 100 samples at 100 Hz are 1 s of CPU over 50 requests: 20 ms a request.
    assert profile.total_ms == pytest.approx(20)
    assert profile.ms_per_request(profile.in_app) == pytest.approx(8)
    assert profile.packages == {"redis": 30, "pagecache": 10, "gunicorn": 40,
                                "(no Python frame)": 20}
    # Functions in the application only: gunicorn's frames above it are on every sample.
    assert profile.inclusive == {APP_FRAME: 40, "page (pagecache/decorators.py)": 40,
                                 "get (redis/client.py)": 30}
    assert profile.own["write (gunicorn/util.py)"] == 40


def test_report_compares_the_page_with_the_trivial_view(tmp_path):
    page = Profile("page", requests=10, rate=100)
    page.add([APP_FRAME, "page (pagecache/decorators.py)", "get (redis/client.py)"], 30)
    page.add(["write (gunicorn/util.py)"], 10)
    trivial = Profile("trivial view", requests=10, rate=100)
    trivial.add([APP_FRAME, "trivial (bench/urls.py)"], 10)
    trivial.add(["write (gunicorn/util.py)"], 10)
    text = profile_cached.report([page, trivial], top=5)
    assert "**40.00 ms of worker CPU a request** (sampled), of which 30.00 ms in the" in text
    assert "Per request: 40.00 ms against 20.00 ms, 20.00 ms more" in text
    assert "| `page (pagecache/decorators.py)` | 30.00 | 0.000 | 30.00 |" in text
    assert f"| `{APP_FRAME}` | 30.00 | 10.00 | 20.00 |" in text
    # Only functions the page spends more in are listed: not the trivial view's own.
    assert "trivial (bench/urls.py)` | 0.000" not in text


def test_targets_on_the_command_line():
    assert profile_cached.parse_target("claim page=/tmp/a.raw:120") == (
        "claim page", profile_cached.Path("/tmp/a.raw"), 120
    )
    with pytest.raises(Exception, match="LABEL=RAW_FILE:REQUESTS"):
        profile_cached.parse_target("/tmp/a.raw")
