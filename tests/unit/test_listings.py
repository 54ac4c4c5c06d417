"""The long listings, lich/ and nhiem-vu/, on pages of bounded size (generator.pages.contexts.paging):
on a synthetic dataset, with the bound lowered so that groups are cut, every page holds at most
the bound of task rows, every task is on exactly one page of each group it belongs to, and the
pages link to each other and from the overview; anchors of the old lich/ still lead somewhere."""

from __future__ import annotations

import datetime
import posixpath
import re
from collections import Counter

import pytest

from generator.pages.contexts.common import Rows
from generator.pages.contexts.paging import paginate
from generator.pages.specs import index_pages
from generator.pages.visuals import map_data
from tests.conftest import rendered

TODAY = datetime.date(2026, 8, 15)
SMALL_BOUND = 60
ROW = re.compile(r'<tr [^>]*data-vi-tri="([^"]+)"')
HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')


def listing_pages(cat, bound=None) -> dict[str, str]:
    """URL -> HTML body of every page of lich/ and nhiem-vu/, overviews included."""
    return rendered(
        lambda c, b: index_pages(c, Rows(c), TODAY, map_data(c), b),
        cat,
        bound,
        keep=lambda url: url.startswith(("lich/", "nhiem-vu/")),
    )


@pytest.fixture(scope="module")
def cut(synthetic) -> dict[str, str]:
    return listing_pages(synthetic, SMALL_BOUND)


def position(task) -> str:
    return f"{task.plan}/{task.position:04d}"


def group_of(url: str) -> str:
    """'lich/2026-q3/trang-2/' -> 'lich/2026-q3/'."""
    return re.sub(r"trang-\d+/$", "", url)


def test_paginate_keeps_order_and_cuts_only_what_does_not_fit():
    parts = [("a", tuple(range(3))), ("b", tuple(range(4))), ("c", tuple(range(11))), ("d", ())]
    pages = paginate(parts, 5)
    assert all(sum(len(p.tasks) for p in page) <= 5 for page in pages)
    assert [[(p.title, p.first, len(p.tasks)) for p in page] for page in pages] == [
        [("a", 1, 3)],
        [("b", 1, 4)],
        [("c", 1, 5)],
        [("c", 6, 5)],
        [("c", 11, 1), ("d", 1, 0)],
    ]
    assert [len(paginate([], 5)), len(paginate([("x", ())], 5))] == [1, 1]  # one page, even empty


def test_no_listing_page_holds_more_than_the_bound(cut):
    sizes = {url: len(ROW.findall(html)) for url, html in cut.items()}
    assert max(sizes.values()) <= SMALL_BOUND, max(sizes.items(), key=lambda kv: kv[1])
    assert sizes["lich/"] == sizes["nhiem-vu/"] == 0  # too many to show: overviews only
    assert sum(url.endswith("trang-2/") for url in cut) >= 5  # groups were cut


def test_every_task_is_on_exactly_one_page_of_each_listing(cut, synthetic):
    tasks_pages = Counter(
        p for url, html in cut.items() if url.startswith("nhiem-vu/") for p in ROW.findall(html)
    )
    assert tasks_pages == Counter(position(t) for t in synthetic.tasks)
    calendar = Counter(
        (group_of(url), p) for url, html in cut.items() if url.startswith("lich/") for p in ROW.findall(html)
    )
    expected = Counter()
    for t in synthetic.tasks:
        tf = t.timeframe
        if tf.start and len(tf.quarters()) <= 4:
            expected.update(("lich/%d-q%d/" % yq, position(t)) for yq in tf.quarters())
        else:
            key = (
                "nhieu-nam"
                if tf.start
                else "thuong-xuyen"
                if tf.kind == "ongoing"
                else "dinh-ky"
                if tf.kind == "recurring"
                else "chua-doc"
                if tf.kind == "unread"
                else "khong-ghi"
            )
            expected[(f"lich/{key}/", position(t))] += 1
    assert calendar == expected


def test_pages_link_to_each_other_and_from_the_overview(cut):
    def rel(url, kind):
        m = re.search(rf'<a rel="{kind}" href="([^"]+)"', cut[url])
        return m and posixpath.normpath(posixpath.join(url, m[1]))

    def targets(url):
        return {posixpath.normpath(posixpath.join(url, h)) for h in HREF.findall(cut[url]) if h}

    pages = {url: f"{url}index.html" for url in cut}
    for url in cut:
        inside = {t for t in targets(url) if t.startswith(("lich/", "nhiem-vu/")) and t.endswith(".html")}
        assert inside <= set(pages.values()), (url, inside - set(pages.values()))
    groups: dict[str, list[str]] = {}
    for url in sorted(u for u in cut if u.count("/") >= 2):
        groups.setdefault(group_of(url), []).append(url)
    for listing in ("lich/", "nhiem-vu/"):
        assert {pages[u] for g, us in groups.items() if g.startswith(listing) for u in us} <= targets(listing)
    for group, urls in groups.items():
        urls.sort(key=lambda u: (u != group, len(u), u))  # trang-2 before trang-10
        for before, after in zip(urls, urls[1:]):
            assert rel(before, "next") == pages[after] and rel(after, "prev") == pages[before]
        firsts = {f"{g}index.html" for g in groups if g.startswith(group.split("/")[0])} - {pages[group]}
        assert targets(urls[0]) & firsts  # the group before or after
        for n, u in enumerate(urls, 1):
            assert f"{group.split('/')[0]}/index.html" in targets(u)  # back to the overview
            if len(urls) > 1:  # which part of how many
                assert f"(trang {n}/{len(urls)})</h1>" in cut[u] and re.search(
                    r"Nhiệm vụ \d+–\d+ trong \d+\.", cut[u]
                )


def test_the_old_anchors_of_lich_lead_to_the_pages(cut, synthetic):
    overview = cut["lich/"]
    for key in ("2026-q3", "nhieu-nam", "thuong-xuyen", "khong-ghi"):
        assert re.search(rf'id="{key}" data-trang="{key}/index.html"', overview), key
    box = re.search(r'<p class="quy-nay".*?</p>', overview, re.S)[0]
    assert 'href="2026-q3/index.html"' in box and 'data-lich-quy="{quy}/index.html"' in box


def test_a_listing_that_fits_shows_every_table_on_its_overview_too(small_catalog):
    pages = listing_pages(small_catalog)
    overview = Counter(ROW.findall(pages["nhiem-vu/"]))
    assert overview == Counter(position(t) for t in small_catalog.tasks)
    assert '<h2 id="2026-q3">' in pages["lich/"] and ROW.search(pages["lich/"])
    assert 'href="2026-q3/index.html"' in pages["lich/"]  # its own page, linked all the same
    small = listing_pages(small_catalog, bound=5)
    assert not ROW.search(small["lich/"]) and not ROW.search(small["nhiem-vu/"])
    assert set(small) >= set(pages)  # the same URLs at every size
