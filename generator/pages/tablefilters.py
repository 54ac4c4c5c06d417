"""What the task-table filters need: per-row data attributes and the options a page offers.

The full table is always in the HTML; portal.js only hides and reorders rows, reading these
attributes, and keeps the chosen filters in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.catalog import Catalog
from ..model.models import Task
from ..model.status import possible_keys, TASK_STATUSES
from ..textnorm import vi_sort_key
from ..model.timeframes import KINDS


def task_periods(task: Task) -> list[str]:
    tf = task.timeframe
    years = sorted({y for y, _ in tf.quarters()})
    return [str(y) for y in years] + [f"{y}-q{q}" for y, q in tf.quarters()]


@dataclass(frozen=True)
class FilterOptions:
    leads: list[tuple[str, str]]
    provinces: list[tuple[str, str]]
    periods: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    count: int
    states: list[tuple[str, str]] = ()  # (status key, name): every status a row can have on
    # any date (generator/status.py), in its order


def filter_options(cat: Catalog, tasks: list[Task]) -> FilterOptions:
    leads = {a for t in tasks for a in t.lead}
    provinces = {p for t in tasks for p in cat.task_provinces(t)}
    quarters = sorted({yq for t in tasks for yq in t.timeframe.quarters()})
    periods: list[tuple[str, str]] = []
    for year in sorted({y for y, _ in quarters}):
        periods.append((str(year), f"Năm {year}"))
        periods += [
            (f"{y}-q{q}", f"  Quý {'I II III IV'.split()[q - 1]}/{y}") for y, q in quarters if y == year
        ]
    statuses = sorted({t.timeframe.kind for t in tasks}, key=list(KINDS).index)
    return FilterOptions(
        leads=sorted(((a, cat.agencies[a].name) for a in leads), key=lambda x: vi_sort_key(x[1])),
        provinces=sorted(((p, cat.provinces[p].name) for p in provinces), key=lambda x: vi_sort_key(x[1])),
        periods=periods,
        statuses=[(s, KINDS[s]) for s in statuses],
        count=len(tasks),
        states=[(k, n) for k, n in TASK_STATUSES.items() if k in possible_keys(tasks)],
    )
