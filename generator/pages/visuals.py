"""What the SVG figures show, computed in Python; `map.svg.j2` and `timeline.svg.j2` draw them.

The partnership map is laid out once per build (`map_data`); each page only says which province
to highlight. A plan's timeline is one row per task with a span or "ongoing"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.catalog import Catalog
from ..model.models import Plan, Province, Task

# ---- map ------------------------------------------------------------------------------------
LON0, LON1, LAT0, LAT1 = 101.8, 113.4, 8.2, 23.6
SCALE = 36.0


@dataclass(frozen=True)
class MapLine:
    name: str
    url: str
    provinces: tuple[str, ...]
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class MapPoint:
    id: str
    url: str
    title: str  # the tooltip: name, and the former provinces it includes
    x: float
    y: float
    active: bool  # has a partnership
    label: str | None  # printed beside active points


@dataclass(frozen=True)
class MapData:
    width: int
    height: int
    lines: tuple[MapLine, ...]
    points: tuple[MapPoint, ...]


@dataclass(frozen=True)
class MapView:
    data: MapData
    highlight: str | None  # province id drawn in red, with its partnerships


def _xy(p: Province) -> tuple[float, float]:
    assert p.position is not None
    return (round((p.position.lon - LON0) * SCALE, 1), round((LAT1 - p.position.lat) * SCALE, 1))


def map_data(cat: Catalog) -> MapData:
    """Provinces at their administrative centres; a line for each bilateral partnership. A
    former province is drawn at its successor's position."""

    def located(pid: str) -> Province:
        prov = cat.provinces[pid]
        return cat.provinces[prov.merged_into] if prov.merged_into else prov

    active = {pid for ps in cat.partnerships.values() for pid in ps.provinces}
    lines = []
    for ps in cat.sorted_partnerships():
        if len(ps.provinces) != 2:
            continue
        a, b = (located(pid) for pid in ps.provinces)
        if a.position is None or b.position is None:
            continue
        (x1, y1), (x2, y2) = _xy(a), _xy(b)
        lines.append(MapLine(ps.name, ps.url, tuple(ps.provinces), x1, y1, x2, y2))
    former_of: dict[str, list[Province]] = {}
    for prov in cat.sorted_provinces():
        if prov.merged_into and prov.id in active:
            former_of.setdefault(prov.merged_into, []).append(prov)
    points = []
    for prov in cat.sorted_provinces():
        if prov.is_former or prov.position is None:
            continue
        former = former_of.get(prov.id, [])
        on = prov.id in active or bool(former)
        label = None
        if on:
            label = prov.name.removeprefix("Thành phố ") + (
                f" ({', '.join(f.name for f in former)} cũ)" if former else ""
            )
        x, y = _xy(prov)
        points.append(
            MapPoint(
                prov.id,
                prov.url,
                prov.name + "".join(f" (gồm cả {f.name} cũ)" for f in former),
                x,
                y,
                on,
                label,
            )
        )
    return MapData(round((LON1 - LON0) * SCALE), round((LAT1 - LAT0) * SCALE), tuple(lines), tuple(points))


# ---- timeline -------------------------------------------------------------------------------
ROW, LABEL_W, Q_W, TOP = 24, 96, 34, 34  # a row is a link: 24 px tall (WCAG 2.5.8)


@dataclass(frozen=True)
class TimelineColumn:
    x: int
    name: str  # "Q3"
    year: int | None  # printed above the first quarter of a year
    shade: str  # alternating background by year


@dataclass(frozen=True)
class TimelineRow:
    url: str
    title: str  # tooltip
    label: str  # the task's label, short
    y: int
    x0: int
    x1: int
    ongoing: bool


@dataclass(frozen=True)
class TimelineData:
    width: int
    height: int
    first: str  # "1/2023": the first quarter drawn
    last: str
    columns: tuple[TimelineColumn, ...]
    rows: tuple[TimelineRow, ...]
    unscheduled: tuple[Task, ...]  # no timeframe, or "as needed"
    top: int = TOP  # geometry the template draws with
    row: int = ROW
    label_w: int = LABEL_W
    q_w: int = Q_W


def _quarter_index(d: date) -> int:
    return d.year * 4 + (d.month - 1) // 3


def plan_timeline(plan: Plan) -> TimelineData:
    drawn = [t for t in plan.tasks if t.timeframe.start or t.timeframe.ongoing]
    apart = tuple(t for t in plan.tasks if t not in drawn)
    spans = [t.timeframe for t in drawn if t.timeframe.start]
    if not drawn:
        return TimelineData(0, 0, "", "", (), (), apart)
    first = min(
        [_quarter_index(s.start) for s in spans]
        + ([_quarter_index(plan.period.start)] if plan.period.start else [])
    )
    last = max(
        [_quarter_index(s.end) for s in spans]
        + ([_quarter_index(plan.period.end)] if plan.period.end else [])
    )
    quarters = list(range(first, last + 1))
    height = TOP + ROW * len(drawn) + 8
    columns = tuple(
        TimelineColumn(
            LABEL_W + i * Q_W,
            f"Q{q % 4 + 1}",
            q // 4 if q % 4 == 0 or i == 0 else None,
            "nen-nam" if (q // 4) % 2 else "nen-nam-2",
        )
        for i, q in enumerate(quarters)
    )
    rows = []
    for row, task in enumerate(drawn):
        tf = task.timeframe
        if tf.start:
            x0 = LABEL_W + (_quarter_index(tf.start) - first) * Q_W
            x1 = LABEL_W + (_quarter_index(tf.end) - first + 1) * Q_W
            note = tf.text
        else:
            x0, x1, note = LABEL_W, LABEL_W + len(quarters) * Q_W, "Thường xuyên"
        rows.append(
            TimelineRow(
                task.url,
                f"Nhiệm vụ {task.label}: {note}",
                task.label if len(task.label) <= 14 else task.label[:13] + "…",
                TOP + row * ROW,
                x0,
                x1,
                not tf.start,
            )
        )
    return TimelineData(
        LABEL_W + Q_W * len(quarters) + 8,
        height,
        f"{first % 4 + 1}/{first // 4}",
        f"{last % 4 + 1}/{last // 4}",
        columns,
        tuple(rows),
        apart,
    )
