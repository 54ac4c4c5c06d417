"""Relative links between generated pages, so the site works from any folder and from file://."""
from __future__ import annotations

import posixpath


def page_file(url: str) -> str:
    """'ke-hoach/x/' -> 'ke-hoach/x/index.html'; '' -> 'index.html'; files stay as they are."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` (a directory URL) to `to_url` (a page or a file)."""
    start = from_url.rstrip("/") or "."
    target, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(page_file(target) if target or not anchor else page_file(from_url), start)
    return rel + (f"#{anchor}" if anchor else "")
