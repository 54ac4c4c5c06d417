"""What a visitor downloads, measured in headless Chromium against a local copy of a built site.

Bytes are counted as a web server with gzip would send them: each file the browser requests,
gzip-compressed (level 6), or as is when that is smaller (a file that gzip does not
shrink). Used by bench.py and search_at_scale.py; asserts nothing.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


class Sizes:
    """URL of the local server -> gzip bytes of the file it serves (cached)."""

    def __init__(self, site: Path, base: str):
        self.site, self.base, self._cache = site, base, {}

    def __call__(self, url: str) -> int:
        if not url.startswith(self.base):
            return 0
        rel = unquote(urlsplit(url).path).lstrip("/")
        path = self.site / rel
        if path.is_dir():
            path = path / "index.html"
        if path not in self._cache:
            raw = path.read_bytes() if path.is_file() else b""
            self._cache[path] = min(len(raw), len(gzip.compress(raw, 6, mtime=0)))
        return self._cache[path]


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking"],
        )
        try:
            yield b
        finally:
            b.close()


class Recorder:
    """The URLs a page requests (each once), cleared between steps."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))

    def take(self) -> list[str]:
        urls, self.urls = list(dict.fromkeys(self.urls)), []
        return urls


def page_bytes(site: Path, first: str, second: str) -> dict:
    """gzip bytes of opening `first` with an empty cache, then `second` (assets cached)."""
    with served(site) as base, browser() as b:
        size = Sizes(site, base)
        page = b.new_context().new_page()
        rec = Recorder(page)
        page.goto(base + first, wait_until="networkidle")
        seen = rec.take()
        page.goto(base + second, wait_until="networkidle")
        later = [u for u in rec.take() if u not in seen]
        return {
            "first": sum(map(size, seen)),
            "next": sum(map(size, later)),
            "html": size(base + second),
            "requests": len(seen),
        }


def _search(page, query: str, rec: Recorder, size, seen: set[str]) -> dict:
    """Type `query`; count the files not fetched before by this visitor (the rest is cached)."""
    page.fill("#tu-khoa", "")
    rec.take()
    page.fill("#tu-khoa", query)
    page.wait_for_function(
        "q => document.getElementById('trang-thai-tim').textContent.includes('“' + q + '”')",
        arg=query,
        timeout=120000,
    )
    page.wait_for_load_state("networkidle")
    urls = [u for u in rec.take() if u not in seen]
    seen.update(urls)
    return {
        "bytes": sum(map(size, urls)),
        "requests": len(urls),
        "index": sum(size(u) for u in urls if "/chi-muc/" in u),
        "results": page.inner_text("#trang-thai-tim"),
    }


def search_bytes(site: Path, queries: list[str]) -> list[dict]:
    """For each query: a new visitor opens the search page and types it (the page, its assets
    and the search index's meta count as 'before the first result'), then types the next query of
    the list (a 'second query', runtime cached)."""
    rows = []
    with served(site) as base, browser() as b:
        size = Sizes(site, base)
        for i, query in enumerate(queries):
            page = b.new_context().new_page()
            rec = Recorder(page)
            page.goto(base + "tim-kiem/index.html", wait_until="networkidle")
            seen = set(rec.take())
            opened = sum(map(size, seen))
            first = _search(page, query, rec, size, seen)
            second_query = queries[(i + 1) % len(queries)]
            second = _search(page, second_query, rec, size, seen)
            rows.append(
                {
                    "query": query,
                    "page": opened,
                    "first": first,
                    "second_query": second_query,
                    "second": second,
                }
            )
            page.context.close()
    return rows
