"""The two long listings, lich/ (tasks by quarter) and nhiem-vu/ (every task), on pages of at
most BOUND task rows.

Each listing keeps its overview at its old URL and always has a page per group, at a URL made
from ids, never from titles: lich/<year>-q<n>/, lich/nhieu-nam/, lich/thuong-xuyen/,
lich/khong-ghi/ (and lich/dinh-ky/, lich/chua-doc/ when some task is recurring or has a
timeframe no rule reads); nhiem-vu/<province-id>/ (the province of the agency that issued the plan,
nhiem-vu/trung-uong/ for a central agency). A group longer than BOUND rows goes on numbered
pages: the first at the group's URL, then <group>/trang-2/, … A listing of at most BOUND rows in
all (the real data) also shows every table on its overview, as before, so `lich/#2026-q3` is
still a heading there; a larger one keeps an entry with that id linking to the group's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model.catalog import Catalog
from ...model.models import Task
from ..tablefilters import FilterOptions, filter_options
from .common import Link, Rows, TaskRow

BOUND = 500  # task rows on one page of a listing, at most
FILTER_NOTE = (
    "Bộ lọc chỉ lọc {count} nhiệm vụ trên trang này; mỗi cơ quan, tỉnh, thành phố có "
    "trang riêng với mọi nhiệm vụ của mình."
)


@dataclass(frozen=True)
class Group:
    """What one group of a listing holds, before it is cut into pages."""

    key: str  # its URL segment and its anchor on the overview
    title: str  # short: "Quý III/2026", "Tỉnh Sơn La"
    heading: str  # its page's <h1>
    about: str  # one sentence: what the page holds
    parts: tuple[tuple[str, tuple[Task, ...]], ...]  # (table title, tasks): plans, or one table
    see: Link | None = None  # a page with more on the same subject
    note: str = ""  # after the count on the overview: "3 văn bản"

    @property
    def count(self) -> int:
        return sum(len(tasks) for _, tasks in self.parts)


@dataclass(frozen=True)
class Part:
    """One table of a page: a group's table, or the part of it that fits on the page."""

    title: str
    rows: tuple[TaskRow, ...]
    first: int  # the number of its first row in the whole table, from 1
    total: int  # rows of the whole table


@dataclass(frozen=True)
class GroupSummary:
    """A group as its listing's overview shows it."""

    key: str
    title: str
    count: int
    pages: tuple[str, ...]  # URLs of its pages; the first is the group's own
    note: str = ""
    heading: str = ""
    rows: tuple[TaskRow, ...] = ()  # its rows, when the overview shows every table
    current: bool = False  # lich/: the quarter of the build date


@dataclass(frozen=True)
class Pager:
    """Where a page sits: the pages of its group, and the groups before and after it."""

    number: int  # from 1
    pages: tuple[str, ...]
    first: int  # its first and last task, counted in the whole group
    last: int
    total: int
    up: Link  # the overview
    before: Link | None
    after: Link | None


@dataclass(frozen=True)
class ListingPage:
    """One page of a group: its tables, where it sits, the filters for its rows."""

    url: str
    group: str  # the group's short title
    heading: str
    about: str
    see: Link | None
    parts: tuple[Part, ...]
    by_plan: bool  # a table per plan (nhiem-vu/), or one with a plan column (lich/)
    pager: Pager
    filters: FilterOptions
    filter_note: str = ""  # what the filter covers, when the group has several pages


@dataclass(frozen=True)
class Piece:
    title: str
    tasks: tuple[Task, ...]
    first: int
    total: int


def paginate(parts, bound: int) -> list[list[Piece]]:
    """Tables (title, tasks) on pages of at most `bound` rows, in order. A table starts a new
    page when it does not fit in what is left of the current one; one longer than `bound` is
    cut. One page at least, even for no rows."""
    pages: list[list[Piece]] = []
    page: list[Piece] = []
    room = bound
    for title, tasks in parts:
        if len(tasks) > room and page:
            pages.append(page)
            page, room = [], bound
        start = 0
        while True:
            take = tasks[start : start + room]
            page.append(Piece(title, tuple(take), start + 1, len(tasks)))
            room -= len(take)
            start += len(take)
            if start >= len(tasks):
                break
            pages.append(page)
            page, room = [], bound
    pages.append(page)
    return pages


def page_urls(base: str, key: str, count: int) -> tuple[str, ...]:
    return tuple(f"{base}{key}/" + (f"trang-{n}/" if n > 1 else "") for n in range(1, count + 1))


def bound_or_default(bound: int | None) -> int:
    """The bound a caller passed (tests pass a small one to cut a small dataset), else BOUND."""
    return bound or BOUND


PHONE_ROWS = 50  # rows of a lich/ or nhiem-vu/ page: about 240 px each at 360 px, so that the
# page stays under 15,000 px (80 rows of nhiem-vu/ho-chi-minh/ were 19,346)


def list_bound(bound: int | None) -> int:
    """The rows a page of lich/ and nhiem-vu/ holds: BOUND, and at most PHONE_ROWS."""
    return bound or min(BOUND, PHONE_ROWS)


def listing(
    cat: Catalog, rows: Rows, groups: list[Group], base: str, up: Link, by_plan: bool, bound: int
) -> tuple[list[GroupSummary], list[ListingPage]]:
    """The overview's entries and every page of `groups` (in the order prev/next follow)."""
    cut = [paginate(g.parts, bound) for g in groups]
    urls = [page_urls(base, g.key, len(c)) for g, c in zip(groups, cut)]
    firsts = [Link(g.title, u[0]) for g, u in zip(groups, urls)]
    sections, pages = [], []
    for i, (g, group_pages) in enumerate(zip(groups, cut)):
        sections.append(GroupSummary(g.key, g.title, g.count, urls[i], g.note, g.heading))
        done = 0
        for n, pieces in enumerate(group_pages, 1):
            tasks = [t for p in pieces for t in p.tasks]
            pager = Pager(
                n,
                urls[i],
                done + 1 if tasks else 0,
                done + len(tasks),
                g.count,
                up,
                firsts[i - 1] if i else None,
                firsts[i + 1] if i + 1 < len(groups) else None,
            )
            done += len(tasks)
            parts = tuple(
                Part(p.title, rows.rows(p.tasks, not by_plan), p.first, p.total) for p in pieces if p.tasks
            )
            filters = filter_options(cat, tasks)
            pages.append(
                ListingPage(
                    urls[i][n - 1],
                    g.title,
                    g.heading,
                    g.about,
                    g.see,
                    parts,
                    by_plan,
                    pager,
                    filters,
                    FILTER_NOTE.format(count=filters.count),
                )
            )
    return sections, pages
