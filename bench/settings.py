"""Settings for measurements: the real settings, plus the bench URLs and a private static root."""

import os

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR

# bench.urls is config.urls plus /bench/trivial, the baseline each page is compared with.
ROOT_URLCONF = "bench.urls"

# collectstatic writes here, so a bench run never touches the project's own staticfiles/.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT") or str(BASE_DIR / "bench" / "out" / "static")
