"""Where a plan or a task stands on a given day, from what the data says and nothing else.

A plan: from its period (Chưa đến kỳ / Đang thực hiện / Đã hết giai đoạn kế hoạch).
A task: from a progress report in `updates` when there is one dated on or before the day
(Hoàn thành / Đang thực hiện / Chậm / Chưa triển khai, with the report's date and source);
without one, only from the end date of its timeframe (Trong thời hạn / Đến hạn trong quý này /
Đã qua thời hạn ghi trong văn bản — chưa có báo cáo). A timeframe without an end date
(Thường xuyên, định kỳ, theo nhu cầu, không ghi, a text no rule reads, any kind to come) gets
a status that says there is no deadline: never a guessed one.

The build computes every status for its own date (generator/clock.py); assets/portal.js moves
the date-driven ones (`Status.due`) to the visitor's date with the same rules (`TASK_BY_DATE`,
`PLAN_BY_DATE`: a test holds the JavaScript's names equal to these).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterable

from .models import Plan, Task, Update
from .timeframes import Timeframe

# A task's statuses in the order pages count them: key (open data, filters) -> name.
TASK_BY_DATE = {
    "qua-thoi-han": "Đã qua thời hạn ghi trong văn bản — chưa có báo cáo",
    "den-han-quy-nay": "Đến hạn trong quý này",
    "trong-thoi-han": "Trong thời hạn",
}
TASK_BY_REPORT = {
    "cham": "Chậm",
    "chua-trien-khai": "Chưa triển khai",
    "dang-thuc-hien": "Đang thực hiện",
    "hoan-thanh": "Hoàn thành",
}
# what an update's status (generator/fields.py UPDATE) means here
REPORTED = {
    "hoan-thanh": "hoan-thanh",
    "dang-trien-khai": "dang-thuc-hien",
    "cham": "cham",
    "chua-trien-khai": "chua-trien-khai",
}
TASK_UNDATED = {
    "thuong-xuyen": "Thường xuyên / định kỳ — không có hạn chót",
    "theo-nhu-cau": "Theo nhu cầu — không có hạn chót",
    "khong-ghi-thoi-gian": "Văn bản không ghi thời gian — không có hạn chót",
    "khong-han-cu-the": "Thời gian ghi trong văn bản, không có hạn cụ thể",
}
_UNDATED_KIND = {
    "ongoing": "thuong-xuyen",
    "recurring": "thuong-xuyen",
    "as-needed": "theo-nhu-cau",
    "not-stated": "khong-ghi-thoi-gian",
}
TASK_STATUSES = {**TASK_BY_DATE, **TASK_BY_REPORT, **TASK_UNDATED}

# a plan's statuses; {start} and {end} are its period's dates as dd/mm/yyyy
PLAN_BY_DATE = {
    "chua-den-ky": "Chưa đến kỳ (từ {start})",
    "dang-thuc-hien": "Đang thực hiện (đến {end})",
    "het-giai-doan": "Đã hết giai đoạn kế hoạch ({end})",
}
PLAN_STATUSES = {**PLAN_BY_DATE, "khong-ghi-giai-doan": "Giai đoạn kế hoạch không ghi ngày cụ thể"}
# the tone of each status: a class on the page (colour is never the only sign: the name is there)
TONES = {
    "qua-thoi-han": "tre",
    "cham": "tre",
    "den-han-quy-nay": "sap",
    "het-giai-doan": "het",
    "hoan-thanh": "xong",
    "trong-thoi-han": "dang",
    "dang-thuc-hien": "dang",
}


@dataclass(frozen=True)
class Status:
    key: str  # a key of TASK_STATUSES or PLAN_STATUSES
    name: str  # what the page says
    on: datetime.date  # the day it was computed for
    detail: str  # what it rests on: the deadline, the period, the report
    due: datetime.date | None = None  # the end date it moves on (None: today cannot change it)
    start: datetime.date | None = None  # a plan's period start (the browser needs it too)
    report: Update | None = None
    family: str = "task"  # "task" | "plan": which names it takes

    @property
    def names(self) -> dict[str, str]:
        """The names of its family: the browser picks one for the visitor's date."""
        return PLAN_STATUSES if self.family == "plan" else TASK_STATUSES

    @property
    def tone(self) -> str:
        return TONES.get(self.key, "khac")


def vi(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def by_date(end: datetime.date, today: datetime.date) -> str:
    """The key of a task without a report whose timeframe ends on `end`."""
    if today > end:
        return "qua-thoi-han"
    return "den-han-quy-nay" if quarter(end) == quarter(today) else "trong-thoi-han"


def report_of(updates: Iterable[Update], today: datetime.date) -> Update | None:
    """The latest report dated on or before `today` (one dated later is not known yet)."""
    known = [u for u in updates if u.date <= today]
    return max(known, key=lambda u: u.date) if known else None


def timeframe_status(tf: Timeframe, updates: Iterable[Update], today: datetime.date) -> Status:
    report = report_of(updates, today)
    if report is not None:
        key = REPORTED.get(report.status)
        if key is not None:
            detail = f"Theo báo cáo ngày {vi(report.date)} (nguồn: {report.source})"
            return Status(key, TASK_STATUSES[key], today, detail, report=report)
    if tf.end is not None:
        key = by_date(tf.end, today)
        return Status(
            key,
            TASK_STATUSES[key],
            today,
            f"Thời hạn ghi trong văn bản: {tf.text} (đến {vi(tf.end)})",
            due=tf.end,
        )
    key = _UNDATED_KIND.get(tf.kind, "khong-han-cu-the")
    detail = f"Thời gian ghi trong văn bản: {tf.text}" if tf.text else "Văn bản không ghi thời gian"
    return Status(key, TASK_STATUSES[key], today, detail)


def task_status(task: Task, today: datetime.date) -> Status:
    return timeframe_status(task.timeframe, task.updates, today)


def period_status(period: Timeframe, today: datetime.date) -> Status:
    if period.start is None or period.end is None:
        detail = (
            f"Giai đoạn ghi trong văn bản: {period.text}" if period.text else "Văn bản không ghi giai đoạn"
        )
        return Status(
            "khong-ghi-giai-doan", PLAN_STATUSES["khong-ghi-giai-doan"], today, detail, family="plan"
        )
    span = f"Giai đoạn kế hoạch: {period.text} ({vi(period.start)} – {vi(period.end)})"
    key = (
        "chua-den-ky" if today < period.start else "het-giai-doan" if today > period.end else "dang-thuc-hien"
    )
    name = PLAN_STATUSES[key].format(start=vi(period.start), end=vi(period.end))
    return Status(key, name, today, span, due=period.end, start=period.start, family="plan")


def possible_keys(tasks: Iterable[Task]) -> set[str]:
    """Every status these tasks can have on some date: a filter offers them all, whatever the
    visitor's date (a dated task without a report can be in any of the three by-date ones)."""
    out: set[str] = set()
    for task in tasks:
        for u in task.updates:
            if u.status in REPORTED:
                out.add(REPORTED[u.status])
        if task.timeframe.end is not None:
            out.update(TASK_BY_DATE)
        else:  # before its first report, too
            out.add(_UNDATED_KIND.get(task.timeframe.kind, "khong-han-cu-the"))
    return out


def plan_status(plan: Plan, today: datetime.date) -> Status:
    return period_status(plan.period, today)


@dataclass(frozen=True)
class StatusCounts:
    """How many tasks stand where on `on`; `data` lets the browser count again for its date:
    {"co-dinh": {key: n}, "han": {"YYYY-MM-DD": n}} (tasks whose status moves with the date,
    by their end date)."""

    counts: tuple[tuple[str, str, int], ...]  # (key, name, count) in TASK_STATUSES order
    total: int
    on: datetime.date
    data: dict

    @property
    def names(self) -> dict[str, str]:
        return TASK_STATUSES

    @property
    def late(self) -> int:
        return dict((k, n) for k, _, n in self.counts).get("qua-thoi-han", 0)


def count(tasks: Iterable[Task], today: datetime.date) -> StatusCounts:
    keys: dict[str, int] = {}
    fixed: dict[str, int] = {}
    ends: dict[str, int] = {}
    total = 0
    for task in tasks:
        total += 1
        status = task_status(task, today)
        keys[status.key] = keys.get(status.key, 0) + 1
        if status.due is None:
            fixed[status.key] = fixed.get(status.key, 0) + 1
        else:
            ends[status.due.isoformat()] = ends.get(status.due.isoformat(), 0) + 1
    counts = tuple((k, name, keys[k]) for k, name in TASK_STATUSES.items() if k in keys)
    return StatusCounts(
        counts, total, today, {"co-dinh": dict(sorted(fixed.items())), "han": dict(sorted(ends.items()))}
    )


def status_fields(status: Status) -> dict[str, str]:
    """The open-data columns status, status_name, status_date (generator/columns.py)."""
    return {"status": status.key, "status_name": status.name, "status_date": status.on.isoformat()}
