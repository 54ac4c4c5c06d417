"""The task tables of agency, province and partnership pages on pages of bounded size
(generator.pages.contexts.entitytasks): on a synthetic dataset, with the bound lowered so that big
entities move their tables to their pages, no entity page or task page holds more than the
bound of rows, every task of an entity is on exactly one page of each of its tables, the entity
page links every page under its old anchors, and the pages link prev/next and back; an entity
that fits shows its tables as before, and its tables' URLs redirect to them."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

import pytest

from generator.build import build_site
from generator.pages.contexts.common import Rows
from generator.pages.specs import agency_pages, partnership_pages, province_pages
from generator.pages.visuals import map_data
from tests.conftest import ROOT, rendered
from tests.smalldata import SMALL
from tests.unit.test_listings import HREF, ROW, position

SMALL_BOUND = 60
ENTITIES = ("co-quan/", "tinh-thanh/", "hop-tac/")


def entity_pages(cat, bound=None) -> dict[str, str]:
    """URL -> HTML body of every agency, province and partnership page and its task pages."""

    def specs(c, b):
        rows = Rows(c)
        return (
            agency_pages(c, rows, {}, b)
            + province_pages(c, rows, map_data(c), b)
            + partnership_pages(c, rows, b)
        )

    return rendered(specs, cat, bound)


@pytest.fixture(scope="module")
def cut(synthetic) -> dict[str, str]:
    return entity_pages(synthetic, SMALL_BOUND)


def tables(cat) -> dict[str, list]:
    """The URL of each table's first page -> the tasks it holds."""
    out = {}
    for a in cat.agencies.values():
        out[f"{a.url}chu-tri/"] = cat.tasks_led_by(a.id)
        out[f"{a.url}phoi-hop/"] = cat.tasks_coordinated_by(a.id)
    for p in cat.provinces.values():
        out[f"{p.url}nhiem-vu/"] = cat.tasks_of_province(p.id)
    for p in cat.partnerships.values():
        out[f"{p.url}nhiem-vu/"] = cat.tasks_of_partnership(p.id)
    return out


def table_of(url: str) -> str:
    """'co-quan/x/chu-tri/trang-2/' -> 'co-quan/x/chu-tri/'."""
    return re.sub(r"trang-\d+/$", "", url)


def entity_of(url: str) -> str:
    return "/".join(url.split("/")[:2]) + "/"


def targets(pages: dict[str, str], url: str) -> set[str]:
    return {posixpath.normpath(posixpath.join(url, h)) for h in HREF.findall(pages[url]) if h}


def test_no_entity_page_or_task_page_holds_more_than_the_bound(cut, synthetic):
    sizes = {url: len(ROW.findall(html)) for url, html in cut.items()}
    assert max(sizes.values()) <= SMALL_BOUND, max(sizes.items(), key=lambda kv: kv[1])
    big = [u for u, ts in tables(synthetic).items() if len(ts) > SMALL_BOUND]
    assert len(big) >= 10 and all(f"{u}trang-2/" in cut for u in big)  # tables were cut


def test_every_task_is_on_exactly_one_page_of_each_table(cut, synthetic):
    """On the table's pages past the bound; on the entity page itself when all its tables fit."""
    held = Counter(
        (table_of(url), p) for url, html in cut.items() if url.count("/") > 2 for p in ROW.findall(html)
    )
    all_tables = tables(synthetic)
    paged = {u: ts for u, ts in all_tables.items() if u in cut}
    assert Counter((url, position(t)) for url, ts in paged.items() for t in ts) == held
    inline = {entity_of(u) for u in all_tables} - {entity_of(u) for u in paged}
    assert inline and paged  # both kinds in the dataset
    for entity in inline:
        shown = Counter(position(t) for u, ts in all_tables.items() if entity_of(u) == entity for t in ts)
        assert Counter(ROW.findall(cut[entity])) == shown, entity


def test_the_entity_page_links_every_page_under_its_old_anchors(cut, synthetic):
    by_table: dict[str, list[str]] = {}
    for url in cut:
        if url.count("/") > 2:
            by_table.setdefault(table_of(url), []).append(url)
    cut_entities = {entity_of(t) for t in by_table}
    assert set(by_table) == {t for t in tables(synthetic) if entity_of(t) in cut_entities}
    for table, urls in by_table.items():  # every table of a cut entity
        entity, key = entity_of(table), table.split("/")[2]
        page, count = cut[entity], len(tables(synthetic)[table])
        assert f'<h2 id="{key}">' in page, (entity, key)
        if ROW.search(page) or not count:  # it fits, or nothing to show
            continue
        assert {f"{u}index.html" for u in urls} <= targets(cut, entity), table
        assert f"Xem {count} nhiệm vụ" in page


def test_task_pages_link_prev_next_and_back_and_say_what_they_hold(cut, synthetic):
    def rel(url, kind):
        m = re.search(rf'<a rel="{kind}" href="([^"]+)"', cut[url])
        return m and posixpath.normpath(posixpath.join(url, m[1]))

    by_table: dict[str, list[str]] = {}
    for url in sorted(u for u in cut if u.count("/") > 2):
        by_table.setdefault(table_of(url), []).append(url)
    for table, urls in by_table.items():
        urls.sort(key=lambda u: (u != table, len(u), u))  # trang-2 before trang-10
        for before, after in zip(urls, urls[1:]):
            assert rel(before, "next") == f"{after}index.html"
            assert rel(after, "prev") == f"{before}index.html"
        total, done = len(tables(synthetic)[table]), 0
        for n, u in enumerate(urls, 1):
            assert f"{entity_of(table)}index.html" in targets(cut, u)  # back to the entity
            if len(urls) > 1:  # which rows of how many
                last = done + len(ROW.findall(cut[u]))
                assert f"Nhiệm vụ {done + 1}–{last} trong {total}." in cut[u], u
                assert f"(trang {n}/{len(urls)})</h1>" in cut[u]
                done = last
        assert len(urls) == 1 or done == total
    agency = next(u for u in by_table if u.endswith("/chu-tri/") and f"{u[:-8]}phoi-hop/" in by_table)
    assert f"{agency[:-8]}phoi-hop/index.html" in targets(cut, agency)  # led -> coordinated


def test_an_entity_that_fits_shows_its_tables_as_before_and_its_table_urls_redirect(small_catalog):
    pages = entity_pages(small_catalog)
    expected = tables(small_catalog)
    for entity in {entity_of(u) for u in expected}:
        html = pages[entity]
        shown = [p for u, ts in expected.items() if entity_of(u) == entity for t in ts for p in [position(t)]]
        assert Counter(ROW.findall(html)) == Counter(shown), entity
        assert "Xem " not in html and "chu-tri/index.html" not in html
    assert not set(expected) & set(pages)  # no page to build for them …
    site = build_site(SMALL, ROOT)
    for url in expected:  # … but the same URLs at every size
        stub = site.files[url + "index.html"].decode()
        key = url.rstrip("/").rsplit("/", 1)[1]
        assert f'url=../index.html#{key}"' in stub and 'name="robots" content="noindex"' in stub
    small = entity_pages(small_catalog, bound=5)  # past the bound they are pages
    total = Counter()
    for url, ts in expected.items():
        total[entity_of(url)] += len(ts)
    assert {u for u in expected if total[entity_of(u)] > 5} == set(expected) & set(small) != set()
