"""Pieces several pages show: links, agency lists, task table rows, grouped tables, summaries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model.catalog import Catalog, group_by_plan
from ...clock import build_time
from ...model.models import Plan, Task, Update
from ..render import excerpt
from ...model.status import task_status
from ..tablefilters import task_periods


@dataclass(frozen=True)
class Link:
    name: str
    url: str  # from the site root; templates make it relative to the page


@dataclass(frozen=True)
class AgencyList:
    """Agencies the portal has a page for, then collective names kept as printed."""

    links: tuple[Link, ...]
    collective: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.links or self.collective)


@dataclass(frozen=True)
class TaskRow:
    url: str
    label: str
    title: str  # what the task is about, short
    plan: Link | None  # shown in tables that mix plans
    lead: AgencyList
    timeframe: str | None  # as printed
    attrs: dict[str, str]  # data-* the table filters read


@dataclass(frozen=True)
class TaskGroup:
    title: str  # the plan's short title
    rows: tuple[TaskRow, ...]


@dataclass(frozen=True)
class StatusSummary:
    counts: list[tuple[str, int]]  # (status name, count), reported ones first
    unreported: int
    total: int


def agency_link(cat: Catalog, agency_id: str) -> Link:
    a = cat.agencies[agency_id]
    return Link(a.name, a.url)


def agency_list(cat: Catalog, ids: tuple[str, ...], collective: tuple[str, ...]) -> AgencyList:
    return AgencyList(tuple(agency_link(cat, i) for i in ids), tuple(collective))


def plan_link(plan: Plan) -> Link:
    return Link(plan.short_title, plan.url)


def row_attributes(cat: Catalog, task: Task, today: datetime.date) -> dict[str, str]:
    status = task_status(task, today)
    return {
        "data-chu-tri": " ".join(task.lead),
        "data-tinh": " ".join(cat.task_provinces(task)),
        "data-ky": " ".join(task_periods(task)),
        "data-tt": task.timeframe.kind,
        "data-bat-dau": task.timeframe.start.isoformat() if task.timeframe.start else "",
        "data-vi-tri": f"{task.plan}/{task.position:04d}",
        # its status on the build's date; portal.js moves one with an end date (data-han) to
        # the visitor's date (generator/status.py)
        "data-trang-thai": status.key,
        **({"data-han": status.due.isoformat()} if status.due else {}),
    }


class Rows:
    """Task rows for one build, each made once however many tables show it."""

    def __init__(self, cat: Catalog, today: datetime.date | None = None) -> None:
        self.cat = cat
        self.today = today or build_time().date()  # the day statuses are computed for
        self._rows: dict[tuple[str, bool], TaskRow] = {}

    def row(self, task: Task, show_plan: bool = False) -> TaskRow:
        key = (task.key, show_plan)
        if key not in self._rows:
            plan = self.cat.plans[task.plan]
            self._rows[key] = TaskRow(
                task.url,
                task.label,
                task.title,
                Link(excerpt(plan.short_title, 60), plan.url) if show_plan else None,
                agency_list(self.cat, task.lead, task.lead_collective),
                task.timeframe.text,
                row_attributes(self.cat, task, self.today),
            )
        return self._rows[key]

    def rows(self, tasks, show_plan: bool = False) -> tuple[TaskRow, ...]:
        return tuple(self.row(t, show_plan) for t in tasks)

    def groups(self, tasks: list[Task]) -> tuple[TaskGroup, ...]:
        """Tasks by plan, plans in display order."""
        by_plan = group_by_plan(tasks)
        return tuple(
            TaskGroup(p.short_title, self.rows(by_plan[p.id]))
            for p in self.cat.sorted_plans()
            if p.id in by_plan
        )


def status_summary(tasks: list[Task]) -> StatusSummary:
    counts: dict[str, int] = {}
    for t in tasks:
        if t.latest_update:
            counts[t.latest_update.status] = counts.get(t.latest_update.status, 0) + 1
    ordered = [(Update.STATUS.label(k), counts[k]) for k in Update.STATUS.choices if k in counts]
    return StatusSummary(ordered, sum(1 for t in tasks if not t.updates), len(tasks))


def unique(tasks: list[Task]) -> list[Task]:
    seen, out = set(), []
    for t in tasks:
        if t.key not in seen:
            seen.add(t.key)
            out.append(t)
    return out
