"""Turns Lighthouse JSON reports into a Markdown table of scores and the audits that cost points.

    python bench/lighthouse_report.py NAME=REPORT.json ... > section.md
"""

import json
import sys

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI"}


def score(value) -> str:
    return "-" if value is None else str(round(value * 100))


def failing_audits(report: dict, category: str, limit: int = 5) -> list[str]:
    """Audits that weigh in the category and did not pass, heaviest first."""
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits.get(ref["id"], {})
        if audit.get("scoreDisplayMode") in ("notApplicable", "informative", "manual"):
            continue
        if audit.get("score") is None or audit["score"] >= 1:
            continue
        if ref.get("weight", 0) <= 0 and category != "performance":
            continue
        detail = audit.get("displayValue") or ""
        items = (audit.get("details") or {}).get("items") or []
        nodes = [item.get("node", {}).get("snippet", "") for item in items if "node" in item]
        where = f"; e.g. `{nodes[0][:100]}`" if nodes and nodes[0] else ""
        found.append((ref.get("weight", 0), audit["score"],
                      f"{audit['id']} ({score(audit['score'])}{', ' + detail if detail else ''}): "
                      f"{audit['title']}{where}"))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [text for _, _, text in found[:limit]]


def main() -> None:
    rows, problems = [], []
    for arg in sys.argv[1:]:
        name, path = arg.split("=", 1)
        try:
            with open(path) as handle:
                report = json.load(handle)
        except (OSError, ValueError) as exc:
            rows.append(f"| {name} | - | - | - | - | no report: {exc} |")
            continue
        url = report.get("finalDisplayedUrl") or report.get("finalUrl") or report["requestedUrl"]
        if report.get("runtimeError"):
            problems.append(f"- **{name}**: Lighthouse error {report['runtimeError']}")
        scores = {c: report["categories"].get(c, {}).get("score") for c in CATEGORIES}
        metrics = ", ".join(
            f"{short} {report['audits'][metric].get('displayValue', '-')}"
            for metric, short in METRICS.items() if metric in report["audits"]
        )
        cells = " | ".join(
            score(scores[c]) + ("" if scores[c] is not None and scores[c] * 100 >= TARGETS[c]
                                else " ✗")
            for c in CATEGORIES
        )
        path = "/" + url.split("//", 1)[-1].split("/", 1)[-1]
        rows.append(f"| {name} `{path}` | {cells} "
                    f"| {metrics} |")
        for category in CATEGORIES:
            value = scores[category]
            if value is not None and value * 100 >= TARGETS[category]:
                continue
            audits = failing_audits(report, category)
            reason = "; ".join(audits) if audits else "no failing audit listed"
            problems.append(f"- **{name}, {category} {score(value)}** (target "
                            f"{TARGETS[category]}): {reason}")

    print("| page | performance | accessibility | best practices | SEO | metrics (simulated "
          "mobile) |")
    print("|---|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    print()
    print("✗ = below target (performance >= 95; accessibility, best practices, SEO = 100).")
    print()
    if problems:
        print("Below target, with the audits Lighthouse says cost the points (heaviest first):")
        print()
        print("\n".join(problems))
    else:
        print("Every page meets every target.")


if __name__ == "__main__":
    main()
