"""The W3C Nu HTML validator (vnu-jar, installed by `npm ci` from package-lock.json), for the
tests that validate rendered pages: write each page into a folder, then vnu_problems(folder)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true"}

# Skipped on a developer machine without Java or node_modules; in CI a missing validator fails.
needs_validator = pytest.mark.skipif(
    not (VNU.exists() and shutil.which("java")) and not IN_CI,
    reason="the HTML validator needs Java and `npm ci` (node_modules/vnu-jar)",
)


def vnu_problems(directory) -> list[str]:
    """Every error and warning the validator finds in the folder's pages, as file:line: text."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(directory)],
        capture_output=True, text=True, timeout=300,
    )
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"] if m.get("type") == "error"
        or (m.get("type") == "info" and m.get("subType") == "warning")
    ]
