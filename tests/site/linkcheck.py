"""A small link checker for the built site: every internal link and anchor must resolve."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append(attrs[key])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def target_file(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    """'<page>: <link>' for every internal link or anchor that does not resolve."""
    site = site.resolve()
    cache: dict[Path, _Collector] = {}

    def parsed(page: Path) -> _Collector:   # each page parsed once, however many links name it
        if page not in cache:
            cache[page] = parse(page)
        return cache[page]

    problems = []
    for page in sorted(site.rglob("*.html")):
        info = parsed(page)
        for link in info.links:
            if link.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = target_file(site, page, link)
            if target is None:
                continue
            if not target.exists() or not target.is_relative_to(site):
                problems.append(f"{page.relative_to(site)}: {link}")
                continue
            if fragment and target.suffix == ".html":
                ids = parsed(target).ids
                if unquote(fragment) not in ids:
                    problems.append(f"{page.relative_to(site)}: {link} (no #{fragment})")
    return problems


class _Resources(HTMLParser):
    """Collects what a page would load by itself: scripts, styles, images, frames, media."""

    LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
             "video": "src", "embed": "src", "object": "data"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload",
                                                  "preconnect", "dns-prefetch", "manifest"):
            self.urls.append(attrs.get("href") or "")
        elif tag in self.LOADS and attrs.get(self.LOADS[tag]):
            self.urls.append(attrs[self.LOADS[tag]])


def external_resources(site: Path) -> list[str]:
    """'<page>: <url>' for every resource a page would load from another host."""
    out = []
    for page in sorted(site.rglob("*.html")):
        collector = _Resources()
        collector.feed(page.read_text(encoding="utf-8"))
        for url in collector.urls:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or parts.netloc:
                out.append(f"{page.relative_to(site)}: {url}")
    for css in sorted(site.rglob("*.css")):
        if "url(http" in css.read_text(encoding="utf-8").replace("'", "").replace('"', ""):
            out.append(f"{css.relative_to(site)}: url(http…)")
    return out
