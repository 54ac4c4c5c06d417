"""Relative links between generated pages, so the site works from any folder and from file://."""

from __future__ import annotations


def page_file(url: str) -> str:
    """'ke-hoach/x/' -> 'ke-hoach/x/index.html'; '' -> 'index.html'; files stay as they are."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` (a directory URL) to `to_url` (a page or a file).

    The same as posixpath.relpath on these site-relative paths, without its trips through
    os.getcwd() (it runs about ten thousand times a build)."""
    target, _, anchor = to_url.partition("#")
    path = page_file(target) if target or not anchor else page_file(from_url)
    start = [p for p in from_url.split("/") if p]
    parts = [p for p in path.split("/") if p]
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    return rel + (f"#{anchor}" if anchor else "")
