"""The task tables of agency, province and partnership pages, on pages of at most BOUND rows
(cut by generator.pages.contexts.paging, the same as lich/ and nhiem-vu/).

Every table of an entity has a URL made from ids under the entity's: co-quan/<id>/chu-tri/ and
co-quan/<id>/phoi-hop/ (the tasks an agency leads and coordinates), tinh-thanh/<id>/nhiem-vu/,
hop-tac/<id>/nhiem-vu/. An entity whose tables hold at most BOUND rows in all (every one of the
real data) shows them on its own page, as before, and each table's URL is a redirect to its
heading there (redirects.table_redirects: a small file, no page to build). A larger one shows
each table's count and links to its pages under the same heading and anchor (#chu-tri,
#phoi-hop, #nhiem-vu); past BOUND rows a table goes on …/trang-2/, …
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...model.catalog import Catalog, group_by_plan
from ...model.models import Task
from .common import Link, Rows, TaskGroup
from .paging import Group, ListingPage, bound_or_default, listing

FILTER_NOTE = (
    "Bộ lọc chỉ lọc {count} nhiệm vụ trên trang này; các trang khác của bảng có trong danh sách trang ở trên."
)


@dataclass(frozen=True)
class TableSpec:
    """A task table an entity page has, before it is cut: its anchor and URL segment, its
    short title, its pages' heading and one sentence on what they hold, its tasks."""

    key: str
    title: str
    heading: str
    about: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class TaskTable:
    """A task table as the entity page shows it: its rows by plan when the page holds every
    table (`groups`), and always its count and the URLs of its own pages."""

    key: str  # the anchor on the entity page, the segment of its URLs
    title: str
    count: int
    pages: tuple[str, ...]  # the first is …/<key>/
    groups: tuple[TaskGroup, ...]  # empty when the tables are on their pages only


@dataclass(frozen=True)
class EntityTables:
    tables: tuple[TaskTable, ...]
    inline: bool  # the entity page shows every row
    pages: tuple[ListingPage, ...]  # every page of every table, in the order prev/next follow


def entity_tables(
    cat: Catalog, rows: Rows, up: Link, specs: list[TableSpec], bound: int | None = None
) -> EntityTables:
    """The tables of the entity page `up` (its name and URL) and their pages; `bound`: rows a
    page holds at most (default paging.BOUND)."""
    bound = bound_or_default(bound)
    if sum(len(s.tasks) for s in specs) <= bound:  # on the entity page; the table URLs redirect
        return EntityTables(
            tuple(TaskTable(s.key, s.title, len(s.tasks), (), rows.groups(list(s.tasks))) for s in specs),
            True,
            (),
        )
    groups = [Group(s.key, s.title, s.heading, s.about, by_plan(cat, s.tasks)) for s in specs]
    sections, pages = listing(cat, rows, groups, up.url, up, by_plan=True, bound=bound)
    tables = tuple(TaskTable(s.key, s.title, len(s.tasks), sec.pages, ()) for s, sec in zip(specs, sections))
    pages = [replace(p, filter_note=FILTER_NOTE.format(count=p.filters.count)) for p in pages]
    return EntityTables(tables, False, tuple(pages))


def by_plan(cat: Catalog, tasks: tuple[Task, ...]) -> tuple[tuple[str, tuple[Task, ...]], ...]:
    """(plan short title, its tasks), plans in display order: the tables of Rows.groups."""
    grouped = group_by_plan(list(tasks))
    return tuple((p.short_title, tuple(grouped[p.id])) for p in cat.sorted_plans() if p.id in grouped)
