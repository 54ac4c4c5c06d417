"""lich/ (tasks by quarter, and "this quarter") and nhiem-vu/ (every task, by the province that
issued the plan): their groups, overviews and pages (cut by generator.pages.contexts.paging)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from ...model.catalog import Catalog
from ...model import urls
from ...model.models import Plan, Task
from ..render import date_vi
from ..tablefilters import FilterOptions, filter_options
from .common import Link, Rows, TaskGroup
from .paging import Group, ListingPage, GroupSummary, bound_or_default, list_bound, listing

ROMAN = "I II III IV".split()
CALENDAR, TASKS = urls.CALENDAR, urls.TASKS


@dataclass(frozen=True)
class QuarterNow:
    """What "this quarter" holds, for the build's date (shown without JavaScript) and for every
    quarter with a task (`data`: assets/portal.js picks the visitor's quarter from it)."""

    built: datetime.date
    key: str
    title: str
    active: int  # tasks whose span covers the quarter
    due: int  # of which those whose span ends in it
    page: bool  # lich/<key>/ exists
    data: dict  # {"key": [title, active, due, page]}


@dataclass(frozen=True)
class CalendarPage:
    """lich/: every quarter with its count and pages, then the tasks of no one quarter; every
    table as well when the whole calendar fits on one page (`inline`)."""

    quarters: tuple[GroupSummary, ...]  # newest first
    others: tuple[GroupSummary, ...]  # longer than a year, ongoing, without a date
    inline: bool
    filters: FilterOptions | None  # for the tables, when inline
    now: QuarterNow


@dataclass(frozen=True)
class TasksIndexPage:
    """nhiem-vu/: the provinces whose plans hold tasks, with counts and pages; every task by
    plan as well when they fit on one page (`groups`)."""

    sections: tuple[GroupSummary, ...]
    task_count: int
    groups: tuple[TaskGroup, ...]
    filters: FilterOptions | None


def quarter_title(y: int, q: int) -> str:
    return f"Quý {ROMAN[q - 1]}/{y}"


def _quarter_key(y: int, q: int) -> str:
    return f"{y}-q{q}"


def _quarter_span(y: int, q: int) -> str:
    start = datetime.date(y, 3 * q - 2, 1)
    end = datetime.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - datetime.timedelta(days=1)
    return f"{date_vi(start)} – {date_vi(end)}"


def calendar_groups(cat: Catalog) -> list[Group]:
    """Quarters, oldest first (tasks of at most four quarters, in each of them), then the tasks
    spanning more than a year, the ongoing ones and those without a date."""
    short = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) <= 4]
    long = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) > 4]
    by_quarter: dict[tuple[int, int], list[Task]] = {}
    for t in short:
        for yq in t.timeframe.quarters():
            by_quarter.setdefault(yq, []).append(t)
    groups = [
        Group(
            _quarter_key(y, q),
            quarter_title(y, q),
            f"Nhiệm vụ trong {quarter_title(y, q)}",
            f"Nhiệm vụ có thời gian thực hiện trong {quarter_title(y, q)} ({_quarter_span(y, q)}), "
            "quy đổi từ thời gian ghi trong văn bản, theo thứ tự kế hoạch; nhiệm vụ kéo dài hơn "
            "một năm ở trang riêng.",
            ((f"Nhiệm vụ {quarter_title(y, q)}", tuple(by_quarter[(y, q)])),),
        )
        for y, q in sorted(by_quarter)
    ]
    specials = [
        (
            "nhieu-nam",
            "Nhiều năm",
            "Nhiệm vụ kéo dài nhiều năm",
            long,
            "Nhiệm vụ có thời gian thực hiện dài hơn một năm, liệt kê một lần ở đây thay vì trong từng quý.",
        ),
        (
            "thuong-xuyen",
            "Thường xuyên",
            "Nhiệm vụ thường xuyên",
            [t for t in cat.tasks if t.timeframe.kind == "ongoing"],
            "Nhiệm vụ văn bản giao thực hiện thường xuyên, không có ngày kết thúc.",
        ),
        (
            "khong-ghi",
            "Không có mốc thời gian",
            "Nhiệm vụ không có mốc thời gian",
            [t for t in cat.tasks if t.timeframe.kind in ("not-stated", "as-needed")],
            "Nhiệm vụ văn bản không ghi thời gian hoặc giao thực hiện theo nhu cầu.",
        ),
    ]
    # listed only when some task has them (most data has none): recurring, and what no rule reads
    specials += [
        spec
        for spec in (
            (
                "dinh-ky",
                "Định kỳ, hằng năm",
                "Nhiệm vụ định kỳ, hằng năm",
                [t for t in cat.tasks if t.timeframe.kind == "recurring"],
                "Nhiệm vụ văn bản giao thực hiện định kỳ (hằng năm, hằng quý, hằng tháng…), trong giai đoạn "
                "của kế hoạch.",
            ),
            (
                "chua-doc",
                "Thời gian chưa đọc được ngày",
                "Nhiệm vụ có thời gian chưa đọc được ngày",
                [t for t in cat.tasks if t.timeframe.kind == "unread"],
                "Nhiệm vụ có thời gian ghi theo cách cổng chưa quy ra ngày (\u201cTrước khi tiến hành kiểm "
                "tra\u201d, \u201cTheo quy định tại …\u201d): xem nguyên văn ở từng nhiệm vụ.",
            ),
        )
        if spec[3]
    ]
    return groups + [
        Group(key, title, heading, about, ((heading, tuple(tasks)),))
        for key, title, heading, tasks, about in specials
    ]


def calendar_page(
    cat: Catalog, rows: Rows, today: datetime.date, bound: int | None = None
) -> tuple[CalendarPage, list[ListingPage]]:
    """lich/ and its pages, a page per quarter (and per group of tasks of no one quarter);
    `bound`: rows a page holds at most (default paging.BOUND; lich/ pages at most PHONE_ROWS)."""
    groups = calendar_groups(cat)
    sections, pages = listing(
        cat, rows, groups, CALENDAR, Link("Lịch theo quý", CALENDAR), by_plan=False, bound=list_bound(bound)
    )
    inline = sum(g.count for g in groups) <= bound_or_default(bound)  # folded, by quarter
    now_key = _quarter_key(today.year, (today.month - 1) // 3 + 1)
    if inline:
        sections = [
            replace(s, rows=rows.rows(g.parts[0][1], True), current=s.key == now_key)
            for s, g in zip(sections, groups)
        ]
    quarters = [s for s in sections if s.key[:1].isdigit()]
    quarter_pages = {s.key for s in quarters}
    return CalendarPage(
        tuple(reversed(quarters)),
        tuple(s for s in sections if s.key not in quarter_pages),
        inline,
        filter_options(cat, cat.tasks) if inline else None,
        quarter_now(cat, today, quarter_pages),
    ), pages


def quarter_now(cat: Catalog, today: datetime.date, pages: set[str]) -> QuarterNow:
    """Tasks active in each quarter (their span covers it) and due in it (their span ends in
    it), every length of span included; ongoing and undated tasks are in none."""
    active: dict[tuple[int, int], int] = {}
    due: dict[tuple[int, int], int] = {}
    for t in cat.tasks:
        tf = t.timeframe
        if tf.start and tf.end:
            for yq in tf.quarters():
                active[yq] = active.get(yq, 0) + 1
            end = (tf.end.year, (tf.end.month - 1) // 3 + 1)
            due[end] = due.get(end, 0) + 1
    data = {
        _quarter_key(*yq): [quarter_title(*yq), n, due.get(yq, 0), _quarter_key(*yq) in pages]
        for yq, n in sorted(active.items())
    }
    now = (today.year, (today.month - 1) // 3 + 1)
    key = _quarter_key(*now)
    return QuarterNow(
        today, key, quarter_title(*now), active.get(now, 0), due.get(now, 0), key in pages, data
    )


def issuing_province(cat: Catalog, plan: Plan) -> str | None:
    """The province of the agency that issued the plan (None: a central agency)."""
    return cat.agencies[plan.issuer].province


def task_groups(cat: Catalog) -> list[Group]:
    """Plans with tasks by the province that issued them (provinces in Vietnamese order,
    central agencies last), each plan's tasks in the order of its document."""
    plans: dict[str | None, list[Plan]] = {}
    for p in cat.sorted_plans():
        if p.tasks:
            plans.setdefault(issuing_province(cat, p), []).append(p)
    order: list[str | None] = [p.id for p in cat.sorted_provinces() if p.id in plans]
    order += [None] if None in plans else []
    groups = []
    for pid in order:
        prov = cat.provinces[pid] if pid else None
        title = prov.display_name if prov else "Cơ quan trung ương"
        name = title[0].lower() + title[1:] if title.startswith(("Tỉnh ", "Cơ quan")) else title
        groups.append(
            Group(
                pid or "trung-uong",
                title,
                f"Nhiệm vụ trong văn bản của {name}",
                f"Nhiệm vụ trong {len(plans[pid])} kế hoạch, văn bản do {name} ban hành, theo thứ tự "
                "trong từng văn bản.",
                tuple((p.short_title, p.tasks) for p in plans[pid]),
                Link(f"{prov.display_name}: quan hệ hợp tác, kế hoạch, cơ quan", prov.url) if prov else None,
                f"{len(plans[pid])} văn bản",
            )
        )
    return groups


def tasks_index_page(
    cat: Catalog, rows: Rows, bound: int | None = None
) -> tuple[TasksIndexPage, list[ListingPage]]:
    """nhiem-vu/ and its pages, a page per province that issued plans."""
    sections, pages = listing(
        cat,
        rows,
        task_groups(cat),
        TASKS,
        Link("Tất cả nhiệm vụ", TASKS),
        by_plan=True,
        bound=list_bound(bound),
    )
    inline = len(cat.tasks) <= bound_or_default(bound)
    return TasksIndexPage(
        tuple(sections),
        len(cat.tasks),
        rows.groups(cat.tasks) if inline else (),
        filter_options(cat, cat.tasks) if inline else None,
    ), pages
