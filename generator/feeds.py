"""Follow the portal: an Atom feed of plans (an autoescaped template), iCalendar files of task
spans, per plan and for all (written by the `icalendar` library)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import icalendar

from .catalog import Catalog
from .models import Plan, Task

PRODID = "-//Cong ke hoach hop tac//VI"
FALLBACK_BASE = "https://example.invalid/"


def _iso(d: datetime.date | datetime.datetime) -> str:
    if isinstance(d, datetime.datetime):
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{d.isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    updated: str
    published: str | None
    summary: str


def atom_feed(env, cat: Catalog, site_url: str, now: datetime.datetime) -> str:
    """Plans, newest first (by date of issue; undated ones last, by year)."""
    plans = sorted(cat.plans.values(),
                   key=lambda p: (p.issued or datetime.date(p.year, 1, 1), p.id), reverse=True)
    base = site_url or FALLBACK_BASE
    entries = []
    for p in plans:
        date_text = p.issued.strftime("%d/%m/%Y") if p.issued else "không ghi"
        summary = (f"{p.type_name} {p.title or p.label}. Cơ quan ban hành: "
                   f"{cat.agencies[p.issuer].name}. Ngày ban hành: {date_text}. "
                   f"{len(p.tasks)} nhiệm vụ.")
        entries.append(Entry(p.short_title, base + p.url, _iso(p.issued or now),
                             _iso(p.issued) if p.issued else None, summary))
    return env.get_template("feed.xml.j2").render(base=base, updated=_iso(now), entries=entries)


def _event(task: Task, plan: Plan, cat: Catalog, site_url: str,
           now: datetime.datetime) -> icalendar.Event:
    tf = task.timeframe
    assert tf.start and tf.end
    lead = "; ".join([cat.agencies[a].name for a in task.lead] + list(task.lead_collective)) \
        or "không ghi"
    url = (site_url or FALLBACK_BASE) + task.url
    event = icalendar.Event()
    event.add("uid", f"{task.plan}/{task.id}@cong-ke-hoach-hop-tac")
    event.add("dtstamp", now)
    event.add("dtstart", tf.start)
    event.add("dtend", tf.end + datetime.timedelta(days=1))
    event.add("summary", f"{task.title} · Nhiệm vụ {task.label}")
    event.add("description", f"{task.content}\n\nCơ quan chủ trì: {lead}\n"
                             f"Thời gian (văn bản ghi): {tf.text}\n{plan.short_title}\n{url}")
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


def calendar(name: str, tasks: list[tuple[Task, Plan]], cat: Catalog, site_url: str,
             now: datetime.datetime) -> bytes:
    """All-day events for tasks with a span; ongoing and undated tasks are left out (said in
    X-WR-CALDESC)."""
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", "Thời gian thực hiện các nhiệm vụ, chép từ văn bản. Nhiệm vụ thường "
                            "xuyên hoặc không ghi thời gian không có trong lịch.")
    for task, plan in tasks:
        if task.timeframe.start:
            cal.add_component(_event(task, plan, cat, site_url, now))
    return cal.to_ical()


def feed_files(env, cat: Catalog, site_url: str, now: datetime.datetime) -> dict[str, bytes]:
    files = {"feeds/ke-hoach.xml": atom_feed(env, cat, site_url, now).encode("utf-8")}
    everything = []
    for plan in cat.sorted_plans():
        pairs = [(t, plan) for t in plan.tasks]
        everything += pairs
        files[f"ke-hoach/{plan.id}/lich.ics"] = calendar(plan.short_title, pairs, cat, site_url, now)
    files["lich/nhiem-vu.ics"] = calendar("Cổng kế hoạch hợp tác — mọi nhiệm vụ", everything, cat,
                                          site_url, now)
    return files
