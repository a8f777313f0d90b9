"""Helpers for browser tests: axe checks and a log of every request the page makes."""

from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def axe_violations(page) -> list[str]:
    """Run axe-core in the page; return one line per violation (empty when clean)."""
    results = _axe.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
        f"{', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


class RequestLog:
    """Records every URL a page asks for, to prove nothing goes to another origin."""

    def __init__(self, page, origin: str):
        self.origin = urlsplit(origin).netloc
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def foreign(self) -> list[str]:
        return [
            url for url in self.urls
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(url).netloc != self.origin
        ]
