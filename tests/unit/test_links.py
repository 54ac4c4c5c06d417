"""Relative links between generated pages."""

import posixpath

from generator.pages.links import page_file, relative

URLS = [
    "",
    "ke-hoach/",
    "ke-hoach/x/",
    "ke-hoach/x/1/",
    "ke-hoach/y/2/",
    "co-quan/a/",
    "lich/",
    "opendata/tasks.csv",
    "lich/nhiem-vu.ics",
    "ke-hoach/x/lich.ics",
    "ke-hoach/x/#nhiem-vu",
    "#top",
    "lich/#2026-q3",
    "tinh-thanh/son-la/",
]


def _reference(from_url, to_url):
    start = from_url.rstrip("/") or "."
    target, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(page_file(target) if target or not anchor else page_file(from_url), start)
    return rel + (f"#{anchor}" if anchor else "")


def test_relative_is_posix_relpath_for_every_pair():
    for a in [u for u in URLS if u.endswith("/") or u == ""]:
        for b in URLS:
            assert relative(a, b) == _reference(a, b), (a, b)


def test_examples():
    assert relative("ke-hoach/x/", "ke-hoach/x/1/") == "1/index.html"
    assert relative("ke-hoach/x/1/", "co-quan/a/") == "../../../co-quan/a/index.html"
    assert relative("", "lich/#2026-q3") == "lich/index.html#2026-q3"
    assert relative("lich/", "#top") == "index.html#top"
