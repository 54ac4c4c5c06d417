"""Follow the portal: an Atom feed of plans, iCalendar files of task spans (per plan and all)."""
from __future__ import annotations

import datetime
import os
from xml.sax.saxutils import escape as xml_escape

from .catalog import Catalog
from .models import Plan, Task

PRODID = "-//Cong ke hoach hop tac//VI"


def build_time() -> datetime.datetime:
    """The build's timestamp: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(microsecond=0)


def _iso(d: datetime.date | datetime.datetime) -> str:
    if isinstance(d, datetime.datetime):
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{d.isoformat()}T00:00:00Z"


def atom_feed(cat: Catalog, site_url: str) -> str:
    """Plans, newest first (by date of issue; undated ones last, by year)."""
    now = build_time()
    plans = sorted(cat.plans.values(),
                   key=lambda p: (p.issued or datetime.date(p.year, 1, 1), p.id), reverse=True)
    base = site_url or "https://example.invalid/"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
           "<title>Cổng kế hoạch hợp tác — kế hoạch mới</title>",
           f'<link rel="self" href="{xml_escape(base)}feeds/ke-hoach.xml"/>',
           f'<link rel="alternate" type="text/html" href="{xml_escape(base)}"/>',
           f"<id>{xml_escape(base)}feeds/ke-hoach.xml</id>",
           f"<updated>{_iso(now)}</updated>",
           "<author><name>Cổng kế hoạch hợp tác</name></author>"]
    for p in plans:
        issuer = cat.agencies[p.issuer].name
        date_text = p.issued.strftime("%d/%m/%Y") if p.issued else "không ghi"
        summary = (f"{p.type_name} {p.title or p.label}. Cơ quan ban hành: {issuer}. "
                   f"Ngày ban hành: {date_text}. {len(p.tasks)} nhiệm vụ.")
        out += ["<entry>", f"<title>{xml_escape(p.short_title)}</title>",
                f'<link rel="alternate" type="text/html" href="{xml_escape(base + p.url)}"/>',
                f"<id>{xml_escape(base + p.url)}</id>",
                f"<updated>{_iso(p.issued or now)}</updated>"]
        if p.issued:
            out.append(f"<published>{_iso(p.issued)}</published>")
        out += [f"<summary>{xml_escape(summary)}</summary>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _ics_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """RFC 5545: lines of at most 75 octets, continued with CRLF + space."""
    if len(line.encode("utf-8")) <= 75:
        return line
    out, start, size = [], 0, 0
    for i, ch in enumerate(line):
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(line[start:i])
            start, size = i, 0
        size += width
    out.append(line[start:])
    return "\r\n ".join(out)


def _event(task: Task, plan: Plan, cat: Catalog, site_url: str, stamp: str) -> list[str]:
    tf = task.timeframe
    assert tf.start and tf.end
    lead = "; ".join([cat.agencies[a].name for a in task.lead] + list(task.lead_collective)) \
        or "không ghi"
    url = (site_url or "https://example.invalid/") + task.url
    description = (f"{task.content}\n\nCơ quan chủ trì: {lead}\nThời gian (văn bản ghi): {tf.text}\n"
                   f"{plan.short_title}\n{url}")
    return ["BEGIN:VEVENT",
            f"UID:{task.plan}/{task.id}@cong-ke-hoach-hop-tac",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{tf.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(tf.end + datetime.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(f'{task.title} · Nhiệm vụ {task.label}')}",
            f"DESCRIPTION:{_ics_text(description)}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT"]


def calendar(name: str, tasks: list[tuple[Task, Plan]], cat: Catalog, site_url: str) -> str:
    """All-day events for tasks with a span; ongoing and undated tasks are left out (said in
    X-WR-CALDESC)."""
    stamp = build_time().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(name)}",
             "X-WR-CALDESC:" + _ics_text("Thời gian thực hiện các nhiệm vụ, chép từ văn bản. Nhiệm vụ "
                                         "thường xuyên hoặc không ghi thời gian không có trong lịch.")]
    for task, plan in tasks:
        if task.timeframe.start:
            lines += _event(task, plan, cat, site_url, stamp)
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def feed_files(cat: Catalog, site_url: str) -> dict[str, bytes]:
    files = {"feeds/ke-hoach.xml": atom_feed(cat, site_url).encode("utf-8")}
    everything = []
    for plan in cat.sorted_plans():
        pairs = [(t, plan) for t in plan.tasks]
        everything += pairs
        files[f"ke-hoach/{plan.id}/lich.ics"] = calendar(plan.short_title, pairs, cat,
                                                         site_url).encode("utf-8")
    files["lich/nhiem-vu.ics"] = calendar("Cổng kế hoạch hợp tác — mọi nhiệm vụ", everything, cat,
                                          site_url).encode("utf-8")
    return files
