"""SVG drawn at build time: the partnership map and a plan's timeline. Readable without JavaScript;
every shape that means something is a link with a <title>, and each SVG has a <title>/<desc>."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from .catalog import Catalog
from .links import relative
from .models import Plan, Province, Task

# ---- map ------------------------------------------------------------------------------------
LON0, LON1, LAT0, LAT1 = 101.8, 113.4, 8.2, 23.6
SCALE = 36.0


def _xy(p: Province) -> tuple[float, float]:
    assert p.position is not None
    return (round((p.position.lon - LON0) * SCALE, 1), round((LAT1 - p.position.lat) * SCALE, 1))


def _located(cat: Catalog, pid: str) -> Province:
    """A former province is drawn at its successor's position."""
    prov = cat.provinces[pid]
    return cat.provinces[prov.merged_into] if prov.merged_into else prov


def partnership_map(cat: Catalog, page_url: str, highlight: str | None = None) -> Markup:
    """Provinces at their administrative centres; a line for each bilateral partnership."""
    width, height = round((LON1 - LON0) * SCALE), round((LAT1 - LAT0) * SCALE)
    active = {pid for ps in cat.partnerships.values() for pid in ps.provinces}
    parts = [f'<svg class="ban-do" viewBox="0 0 {width} {height}" role="group" '
             f'aria-labelledby="ban-do-tieu-de" aria-describedby="ban-do-mo-ta" xmlns="http://www.w3.org/2000/svg">',
             '<title id="ban-do-tieu-de">Bản đồ các quan hệ hợp tác</title>',
             '<desc id="ban-do-mo-ta">Mỗi chấm là trung tâm hành chính của một tỉnh, thành phố; mỗi '
             'đường nối hai địa phương có quan hệ hợp tác. Tỉnh cũ được vẽ tại tỉnh kế thừa. Danh '
             'sách đầy đủ ở dưới bản đồ.</desc>']
    lines = [ps for ps in cat.sorted_partnerships() if len(ps.provinces) == 2]
    for ps in lines:
        a, b = (_located(cat, pid) for pid in ps.provinces)
        if a.position is None or b.position is None:
            continue
        (x1, y1), (x2, y2) = _xy(a), _xy(b)
        cls = "duong" + (" duong--chon" if highlight and highlight in ps.provinces else "")
        parts.append(f'<a href="{escape(relative(page_url, ps.url))}"><title>Hợp tác {escape(ps.name)}'
                     f'</title><line class="{cls}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/></a>')
    for prov in cat.sorted_provinces():
        if prov.is_former or prov.position is None:
            continue
        x, y = _xy(prov)
        former = [f for f in cat.former_of(prov.id) if f.id in active]
        name = prov.name + "".join(f" (gồm cả {f.name} cũ)" for f in former)
        on = prov.id in active or former
        cls = "tinh" + (" tinh--hop-tac" if on else "") + (" tinh--chon" if prov.id == highlight else "")
        label = ""
        if on:
            short = prov.name.removeprefix("Thành phố ")
            label = (f'<text x="{x + 6}" y="{y + 4}" class="nhan">{escape(short)}'
                     + (f" ({escape(', '.join(f.name for f in former))} cũ)" if former else "")
                     + "</text>")
        parts.append(f'<a href="{escape(relative(page_url, prov.url))}"><title>{escape(name)}</title>'
                     f'<circle class="{cls}" cx="{x}" cy="{y}" r="{5 if on else 3}"/>{label}</a>')
    parts.append("</svg>")
    return Markup("\n".join(parts))


# ---- timeline -------------------------------------------------------------------------------
ROW, LABEL_W, Q_W, TOP = 18, 96, 34, 34


@dataclass(frozen=True)
class TimelineData:
    svg: Markup | None
    unscheduled: list[Task]   # no timeframe, or "as needed"


def _quarter_index(d: date) -> int:
    return d.year * 4 + (d.month - 1) // 3


def plan_timeline(plan: Plan, page_url: str) -> TimelineData:
    drawn = [t for t in plan.tasks if t.timeframe.start or t.timeframe.ongoing]
    apart = [t for t in plan.tasks if t not in drawn]
    spans = [t.timeframe for t in drawn if t.timeframe.start]
    if not drawn:
        return TimelineData(None, apart)
    first = min([_quarter_index(s.start) for s in spans] + ([_quarter_index(plan.period.start)]
                                                          if plan.period.start else []))
    last = max([_quarter_index(s.end) for s in spans] + ([_quarter_index(plan.period.end)]
                                                       if plan.period.end else []))
    quarters = list(range(first, last + 1))
    width = LABEL_W + Q_W * len(quarters) + 8
    height = TOP + ROW * len(drawn) + 8
    out = [f'<svg class="dong-thoi-gian" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="group" aria-labelledby="tg-tieu-de" aria-describedby="tg-mo-ta" '
           'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="tg-tieu-de">Dòng thời gian: {len(drawn)} nhiệm vụ theo quý</title>',
           f'<desc id="tg-mo-ta">Mỗi hàng là một nhiệm vụ, thanh ngang là thời gian thực hiện theo '
           f'quý, từ quý {first % 4 + 1}/{first // 4} đến quý {last % 4 + 1}/{last // 4}. Nhiệm vụ '
           'thường xuyên được vẽ bằng nét đứt kéo hết giai đoạn. Thời gian ghi trong văn bản có ở '
           'bảng nhiệm vụ.</desc>']
    for i, q in enumerate(quarters):
        x = LABEL_W + i * Q_W
        out.append(f'<rect class="{"nen-nam" if (q // 4) % 2 else "nen-nam-2"}" x="{x}" y="{TOP - 4}" '
                   f'width="{Q_W}" height="{height - TOP}"/>')
        out.append(f'<text class="quy" x="{x + Q_W / 2}" y="{TOP - 10}" text-anchor="middle">'
                   f'Q{q % 4 + 1}</text>')
        if q % 4 == 0 or i == 0:
            out.append(f'<text class="nam" x="{x + 2}" y="12">{q // 4}</text>')
    for row, task in enumerate(drawn):
        y = TOP + row * ROW
        tf = task.timeframe
        if tf.start:
            x0 = LABEL_W + (_quarter_index(tf.start) - first) * Q_W
            x1 = LABEL_W + (_quarter_index(tf.end) - first + 1) * Q_W
            cls, note = "thanh", tf.text
        else:
            x0, x1 = LABEL_W, LABEL_W + len(quarters) * Q_W
            cls, note = "thanh thanh--thuong-xuyen", "Thường xuyên"
        label = escape(task.label if len(task.label) <= 14 else task.label[:13] + "…")
        out.append(f'<a href="{escape(relative(page_url, task.url))}"><title>Nhiệm vụ '
                   f'{escape(task.label)}: {escape(note)}</title>'
                   f'<text class="nhan-hang" x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end">{label}</text>'
                   f'<rect class="{cls}" x="{x0 + 1}" y="{y + 3}" width="{x1 - x0 - 2}" height="{ROW - 6}" '
                   'rx="3"/></a>')
    out.append("</svg>")
    return TimelineData(Markup("\n".join(out)), apart)
