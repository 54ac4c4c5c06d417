"""The home page and the short index pages (lich/ and nhiem-vu/: contexts/task_indexes.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model.catalog import Catalog
from ...untrusted_text import CSV_FORMULA_NOTE
from ...model.models import Agency, Plan, Province
from ...model.status import Status, StatusCounts, count, plan_status
from ..visuals import MapView
from .common import Link, agency_link
from .task_indexes import CalendarPage, QuarterNow


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
    children: tuple[tuple[Link, int], ...]  # bilateral partnerships and their task counts
    tasks: int
    plans: int


@dataclass(frozen=True)
class HomePage:
    counts: Counts
    map: MapView
    this_quarter: QuarterNow
    partnerships: tuple[TopPartnership, ...]
    plans: tuple[Plan, ...]
    states: StatusCounts  # every task by status, on the build's date
    plan_states: tuple[Status, ...]  # each plan's, in the order of `plans`


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
    name: str  # heading
    label: str  # short name for the table's label
    agencies: tuple[AgencyCount, ...]


@dataclass(frozen=True)
class AgenciesIndexPage:
    groups: tuple[AgencyGroup, ...]


@dataclass(frozen=True)
class ProvincesIndexPage:
    current: tuple[tuple[Province, bool], ...]  # (province, has a plan on the portal)
    former: tuple[Province, ...]


@dataclass(frozen=True)
class PartnershipsIndexPage:
    top: tuple[TopPartnership, ...]


@dataclass(frozen=True)
class OpendataPage:
    kinds: tuple[tuple[str, list, int], ...]  # (kind, [(field, type, meaning)], record count)
    licence: object = None  # generator.publish.datapackage.Licence
    updated: datetime.date | None = None  # the build's date
    csv_formula_note: str = CSV_FORMULA_NOTE  # how the CSV keeps spreadsheets from running cells


@dataclass(frozen=True)
class SearchPage:
    pass


def top_partnerships(cat: Catalog) -> tuple[TopPartnership, ...]:
    return tuple(
        TopPartnership(
            p.id,
            Link(p.name, p.url),
            tuple((Link(c.name, c.url), len(cat.tasks_of_partnership(c.id))) for c in cat.children_of(p.id)),
            len(cat.tasks_of_partnership(p.id)),
            len(cat.plans_of_partnership(p.id)),
        )
        for p in cat.sorted_partnerships()
        if not p.part_of
    )


def home_page(cat: Catalog, calendar: CalendarPage, map_view: MapView) -> HomePage:
    counts = Counts(
        len(cat.plans),
        len(cat.tasks),
        len(cat.agencies),
        len({pid for p in cat.plans.values() for pid in cat.plan_provinces(p)}),
        len(cat.partnerships),
    )
    plans, today = tuple(cat.sorted_plans()), calendar.now.built
    return HomePage(
        counts,
        map_view,
        calendar.now,
        top_partnerships(cat),
        plans,
        count(cat.tasks, today),
        tuple(plan_status(p, today) for p in plans),
    )


def plans_index_page(cat: Catalog) -> PlansIndexPage:
    return PlansIndexPage(
        tuple(
            PlanRow(
                p,
                p.short_title if not p.title or p.number else f"{p.type_name} {p.title}",
                agency_link(cat, p.issuer),
                tuple(
                    Link(cat.partnerships[i].name, cat.partnerships[i].url) for i in cat.plan_partnerships(p)
                ),
            )
            for p in cat.sorted_plans()
        )
    )


def agencies_index_page(cat: Catalog) -> AgenciesIndexPage:
    with_agencies = {a.province for a in cat.agencies.values()}
    order: list[str | None] = [p.id for p in cat.sorted_provinces() if p.id in with_agencies]
    order += [None] if None in with_agencies else []
    groups = []
    for pid in order:
        prov = cat.provinces[pid] if pid else None
        groups.append(
            AgencyGroup(
                prov.id if prov else "trung-uong",
                prov.display_name if prov else "Cơ quan trung ương",
                prov.name if prov else "trung ương",
                tuple(
                    AgencyCount(a, len(cat.tasks_led_by(a.id)), len(cat.tasks_coordinated_by(a.id)))
                    for a in cat.agencies_of(pid)
                ),
            )
        )
    return AgenciesIndexPage(tuple(groups))


def provinces_index_page(cat: Catalog) -> ProvincesIndexPage:
    active = {pid for plan in cat.plans.values() for pid in cat.plan_provinces(plan)}
    return ProvincesIndexPage(
        tuple((p, p.id in active) for p in cat.sorted_provinces() if not p.is_former),
        tuple(p for p in cat.sorted_provinces() if p.is_former),
    )


def partnerships_index_page(cat: Catalog) -> PartnershipsIndexPage:
    return PartnershipsIndexPage(top_partnerships(cat))
