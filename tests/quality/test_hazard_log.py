"""The clinical hazard log names real tests: every test it cites as proof of a control exists."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "docs" / "hazard-log.md"
# `tests/x/test_y.py::test_z`, and a following `::test_w` that reuses the same file
CITATION = re.compile(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_test_the_hazard_log_cites_exists():
    cited, current = [], None
    for match in CITATION.finditer(LOG.read_text(encoding="utf-8")):
        path, name = match.groups()
        if path:
            current = path
            assert (ROOT / path).exists(), path
        if name:
            cited.append((current, name))
    assert len(cited) >= 10
    missing = [f"{path}::{name}" for path, name in cited
               if name not in _test_names(ROOT / path)]
    assert missing == []


def test_every_open_hazard_names_the_issue_that_closes_it():
    for line in LOG.read_text(encoding="utf-8").splitlines():
        if line.startswith("| H") and "**open**" in line:
            assert re.search(r"issue \d+", line), line
