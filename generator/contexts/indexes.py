"""The home page, the calendar and the index pages."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..catalog import Catalog
from ..models import Agency, Plan, Province, Task
from ..tablefilters import FilterOptions, filter_options
from ..visuals import MapView
from .common import Link, Rows, TaskGroup, TaskRow, agency_link


@dataclass(frozen=True)
class Quarter:
    key: str          # "2026-q3"
    title: str        # "Quý III/2026"
    rows: tuple[TaskRow, ...]
    current: bool


@dataclass(frozen=True)
class QuarterNow:
    """What "this quarter" holds, for the build's date (shown without JavaScript) and for every
    quarter with a task (`data`: assets/portal.js picks the visitor's quarter from it)."""
    built: datetime.date
    key: str
    title: str
    active: int                   # tasks whose span covers the quarter
    due: int                      # of which those whose span ends in it
    anchor: bool                  # lich/ has a heading for the quarter
    data: dict                    # {"key": [title, active, due, anchor]}


@dataclass(frozen=True)
class CalendarPage:
    quarters: tuple[Quarter, ...]
    long: tuple[TaskRow, ...]
    ongoing: tuple[TaskRow, ...]
    unscheduled: tuple[TaskRow, ...]
    filters: FilterOptions
    now: QuarterNow | None = None


@dataclass(frozen=True)
class Counts:
    plans: int
    tasks: int
    agencies: int
    provinces: int
    partnerships: int


@dataclass(frozen=True)
class TopPartnership:
    id: str
    link: Link
    children: tuple[tuple[Link, int], ...]   # bilateral partnerships and their task counts
    tasks: int
    plans: int


@dataclass(frozen=True)
class HomePage:
    counts: Counts
    map: MapView
    this_quarter: QuarterNow
    partnerships: tuple[TopPartnership, ...]
    plans: tuple[Plan, ...]


@dataclass(frozen=True)
class TasksIndexPage:
    groups: tuple[TaskGroup, ...]
    task_count: int
    filters: FilterOptions


@dataclass(frozen=True)
class PlanRow:
    plan: Plan
    name: str
    issuer: Link
    partnerships: tuple[Link, ...]


@dataclass(frozen=True)
class PlansIndexPage:
    plans: tuple[PlanRow, ...]


@dataclass(frozen=True)
class AgencyCount:
    agency: Agency
    led: int
    coordinated: int


@dataclass(frozen=True)
class AgencyGroup:
    anchor: str
    name: str                     # heading
    label: str                    # short name for the table's label
    agencies: tuple[AgencyCount, ...]


@dataclass(frozen=True)
class AgenciesIndexPage:
    groups: tuple[AgencyGroup, ...]


@dataclass(frozen=True)
class ProvincesIndexPage:
    current: tuple[tuple[Province, bool], ...]   # (province, has a plan on the portal)
    former: tuple[Province, ...]


@dataclass(frozen=True)
class PartnershipsIndexPage:
    top: tuple[TopPartnership, ...]


@dataclass(frozen=True)
class OpendataPage:
    kinds: tuple[tuple[str, list, int], ...]   # (kind, [(field, type, meaning)], record count)
    licence: object = None        # generator.datapackage.Licence
    updated: datetime.date | None = None   # the build's date


@dataclass(frozen=True)
class SearchPage:
    pass


ROMAN = "I II III IV".split()


def calendar_page(cat: Catalog, rows: Rows, today: datetime.date) -> CalendarPage:
    """Tasks by quarter. Tasks spanning more than a year are listed once, apart, so that a
    quarter shows what is specifically scheduled in it."""
    now = (today.year, (today.month - 1) // 3 + 1)
    short = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) <= 4]
    long = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) > 4]
    by_quarter: dict[tuple[int, int], list[Task]] = {}
    for t in short:
        for yq in t.timeframe.quarters():
            by_quarter.setdefault(yq, []).append(t)
    quarters = tuple(Quarter(f"{y}-q{q}", f"Quý {ROMAN[q - 1]}/{y}",
                             rows.rows(by_quarter[(y, q)], True), (y, q) == now)
                     for y, q in sorted(by_quarter, reverse=True))
    return CalendarPage(
        quarters, rows.rows(long, True),
        rows.rows([t for t in cat.tasks if t.timeframe.kind == "ongoing"], True),
        rows.rows([t for t in cat.tasks if t.timeframe.kind in ("not-stated", "as-needed")], True),
        filter_options(cat, cat.tasks), quarter_now(cat, today, {q.key for q in quarters}))


def _quarter_key(y: int, q: int) -> str:
    return f"{y}-q{q}"


def quarter_now(cat: Catalog, today: datetime.date, anchors: set[str]) -> QuarterNow:
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
    def title(y: int, q: int) -> str:
        return f"Quý {ROMAN[q - 1]}/{y}"
    data = {_quarter_key(*yq): [title(*yq), n, due.get(yq, 0), _quarter_key(*yq) in anchors]
            for yq, n in sorted(active.items())}
    now = (today.year, (today.month - 1) // 3 + 1)
    key = _quarter_key(*now)
    return QuarterNow(today, key, title(*now), active.get(now, 0), due.get(now, 0),
                      key in anchors, data)


def top_partnerships(cat: Catalog) -> tuple[TopPartnership, ...]:
    return tuple(
        TopPartnership(p.id, Link(p.name, p.url),
                       tuple((Link(c.name, c.url), len(cat.tasks_of_partnership(c.id)))
                             for c in cat.children_of(p.id)),
                       len(cat.tasks_of_partnership(p.id)), len(cat.plans_of_partnership(p.id)))
        for p in cat.sorted_partnerships() if not p.part_of)


def home_page(cat: Catalog, calendar: CalendarPage, map_view: MapView) -> HomePage:
    counts = Counts(len(cat.plans), len(cat.tasks), len(cat.agencies),
                    len({pid for p in cat.plans.values() for pid in cat.plan_provinces(p)}),
                    len(cat.partnerships))
    return HomePage(counts, map_view, calendar.now,
                    top_partnerships(cat), tuple(cat.sorted_plans()))


def tasks_index_page(cat: Catalog, rows: Rows) -> TasksIndexPage:
    return TasksIndexPage(rows.groups(cat.tasks), len(cat.tasks), filter_options(cat, cat.tasks))


def plans_index_page(cat: Catalog) -> PlansIndexPage:
    return PlansIndexPage(tuple(
        PlanRow(p, p.short_title if not p.title or p.number else f"{p.type_name} {p.title}",
                agency_link(cat, p.issuer),
                tuple(Link(cat.partnerships[i].name, cat.partnerships[i].url)
                      for i in cat.plan_partnerships(p)))
        for p in cat.sorted_plans()))


def agencies_index_page(cat: Catalog) -> AgenciesIndexPage:
    with_agencies = {a.province for a in cat.agencies.values()}
    order: list[str | None] = [p.id for p in cat.sorted_provinces() if p.id in with_agencies]
    order += [None] if None in with_agencies else []
    groups = []
    for pid in order:
        prov = cat.provinces[pid] if pid else None
        groups.append(AgencyGroup(
            prov.id if prov else "trung-uong", prov.display_name if prov else "Cơ quan trung ương",
            prov.name if prov else "trung ương",
            tuple(AgencyCount(a, len(cat.tasks_led_by(a.id)), len(cat.tasks_coordinated_by(a.id)))
                  for a in cat.agencies_of(pid))))
    return AgenciesIndexPage(tuple(groups))


def provinces_index_page(cat: Catalog) -> ProvincesIndexPage:
    active = {pid for plan in cat.plans.values() for pid in cat.plan_provinces(plan)}
    return ProvincesIndexPage(
        tuple((p, p.id in active) for p in cat.sorted_provinces() if not p.is_former),
        tuple(p for p in cat.sorted_provinces() if p.is_former))


def partnerships_index_page(cat: Catalog) -> PartnershipsIndexPage:
    return PartnershipsIndexPage(top_partnerships(cat))
