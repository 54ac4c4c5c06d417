"""Follow the portal: Atom feeds (an autoescaped template) of plans, and of the tasks of each
agency and province; iCalendar files (the `icalendar` library) of task spans for each plan,
agency and province and for all.

Without a site URL nothing absolute is written: links are relative to the feed's own address,
Atom ids are stable `urn:uuid:` names, and calendar events carry the page's path and say that
the full address is on the published site.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

import icalendar

from ..model.catalog import Catalog
from ..pages.contexts.common import unique
from ..pages.links import relative
from ..model.models import Plan, Task
from ..model.urls import CALENDAR_FILE, FEED_FILE, FEEDS, PLANS_FEED
from ..pages.render import excerpt

PRODID = "-//Cong ke hoach hop tac//VI"
ON_PUBLISHED_SITE = "địa chỉ đầy đủ có trên trang đã xuất bản"


def _iso(d: datetime.date | datetime.datetime) -> str:
    if isinstance(d, datetime.datetime):
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{d.isoformat()}T00:00:00Z"


class Addresses:
    """URLs written into feeds: absolute with a site URL, else relative to the file's folder."""

    def __init__(self, site_url: str) -> None:
        self.site_url = site_url

    def href(self, file_dir: str, url: str) -> str:
        return self.site_url + url if self.site_url else relative(file_dir, url)

    def ident(self, url: str) -> str:
        if self.site_url:
            return self.site_url + url
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'cong-ke-hoach-hop-tac/' + url)}"

    def absolute(self, url: str) -> str | None:
        return self.site_url + url if self.site_url else None


@dataclass(frozen=True)
class Entry:
    title: str
    href: str
    id: str
    updated: str
    published: str | None
    summary: str


@dataclass(frozen=True)
class Feed:
    title: str
    self_href: str
    page_href: str
    id: str
    updated: str
    entries: tuple[Entry, ...]


def _render(env, feed: Feed) -> bytes:
    return env.get_template("feed.xml.j2").render(feed=feed).encode("utf-8")


def _newest_first(plans) -> list[Plan]:
    return sorted(plans, key=lambda p: (p.issued or datetime.date(p.year, 1, 1), p.id), reverse=True)


def plans_feed(env, cat: Catalog, at: Addresses, now: datetime.datetime) -> bytes:
    """Plans, newest first (by date of issue; undated ones by year)."""
    entries = []
    for p in _newest_first(cat.plans.values()):
        date_text = p.issued.strftime("%d/%m/%Y") if p.issued else "không ghi"
        summary = (
            f"{p.type_name} {p.title or p.label}. Cơ quan ban hành: "
            f"{cat.agencies[p.issuer].name}. Ngày ban hành: {date_text}. "
            f"{len(p.tasks)} nhiệm vụ."
        )
        entries.append(
            Entry(
                p.short_title,
                at.href(FEEDS, p.url),
                at.ident(p.url),
                _iso(p.issued or now),
                _iso(p.issued) if p.issued else None,
                summary,
            )
        )
    path = PLANS_FEED
    return _render(
        env,
        Feed(
            "Cổng kế hoạch hợp tác — kế hoạch mới",
            at.href(FEEDS, path),
            at.href(FEEDS, ""),
            at.ident(path),
            _iso(now),
            tuple(entries),
        ),
    )


def _lead_names(cat: Catalog, task: Task) -> str:
    return "; ".join([cat.agencies[a].name for a in task.lead] + list(task.lead_collective)) or "không ghi"


def tasks_feed(
    env, cat: Catalog, at: Addresses, now: datetime.datetime, page_url: str, name: str, tasks: list[Task]
) -> bytes:
    """The tasks of one agency or province: newest plan first, then in the plan's order."""
    rank = {p.id: i for i, p in enumerate(_newest_first(cat.plans.values()))}
    entries = []
    for t in sorted(tasks, key=lambda t: (rank[t.plan], t.position)):
        plan = cat.plans[t.plan]
        summary = (
            f"{excerpt(t.content, 400)} Chủ trì: {_lead_names(cat, t)}. Thời gian: "
            f"{t.timeframe.text or 'không ghi'}. {plan.short_title}."
        )
        entries.append(
            Entry(
                f"Nhiệm vụ {t.label}: {t.title}",
                at.href(page_url, t.url),
                at.ident(t.url),
                _iso(plan.issued or now),
                _iso(plan.issued) if plan.issued else None,
                summary,
            )
        )
    path = page_url + FEED_FILE
    return _render(
        env,
        Feed(
            f"{name} — nhiệm vụ",
            at.href(page_url, path),
            at.href(page_url, page_url),
            at.ident(path),
            _iso(now),
            tuple(entries),
        ),
    )


def _event(task: Task, plan: Plan, cat: Catalog, at: Addresses, now: datetime.datetime) -> icalendar.Event:
    tf = task.timeframe
    assert tf.start and tf.end
    url = at.absolute(task.url)
    event = icalendar.Event()
    event.add("uid", f"{task.plan}/{task.id}@cong-ke-hoach-hop-tac")
    event.add("dtstamp", now)
    event.add("dtstart", tf.start)
    event.add("dtend", tf.end + datetime.timedelta(days=1))
    event.add("summary", f"{task.title} · Nhiệm vụ {task.label}")
    event.add(
        "description",
        f"{task.content}\n\nCơ quan chủ trì: {_lead_names(cat, task)}\n"
        f"Thời gian (văn bản ghi): {tf.text}\n{plan.short_title}\n"
        f"{url or f'Đường dẫn trên cổng: {task.url} ({ON_PUBLISHED_SITE})'}",
    )
    if url:
        event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


END = b"END:VCALENDAR\r\n"


class Events:
    """Each task's VEVENT serialised once per build: a task is in its plan's calendar, the
    portal's, and those of each agency and province it concerns, and folding its lines is most
    of what a calendar costs. A calendar is its own lines, then its events' lines, then END —
    what icalendar writes for a calendar holding those events, byte for byte."""

    def __init__(self, cat: Catalog, at: Addresses, now: datetime.datetime) -> None:
        self.cat, self.at, self.now = cat, at, now
        self._done: dict[tuple[str, str], bytes] = {}

    def of(self, task: Task) -> bytes:
        key = (task.plan, task.id)
        if key not in self._done:
            self._done[key] = _event(task, self.cat.plans[task.plan], self.cat, self.at, self.now).to_ical()
        return self._done[key]


def calendar(name: str, tasks: list[Task], events: Events) -> bytes:
    """All-day events for tasks with a span; ongoing and undated tasks are left out (said in
    X-WR-CALDESC)."""
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add(
        "x-wr-caldesc",
        "Thời gian thực hiện các nhiệm vụ, chép từ văn bản. Nhiệm vụ thường "
        "xuyên hoặc không ghi thời gian không có trong lịch.",
    )
    head = cal.to_ical()
    assert head.endswith(END)
    body = b"".join(events.of(task) for task in tasks if task.timeframe.start)
    return head[: -len(END)] + body + END


def _in_plan_order(cat: Catalog, tasks: list[Task]) -> list[Task]:
    order = {p.id: i for i, p in enumerate(cat.sorted_plans())}
    return sorted(unique(tasks), key=lambda t: (order[t.plan], t.position))


def followed(cat: Catalog) -> list[tuple[str, str, list[Task]]]:
    """(page URL, name, tasks) of every agency and province that has a feed and a calendar."""
    out = [
        (a.url, a.name, _in_plan_order(cat, cat.tasks_led_by(a.id) + cat.tasks_coordinated_by(a.id)))
        for a in cat.sorted_agencies()
    ]
    out += [
        (p.url, p.display_name, _in_plan_order(cat, cat.tasks_of_province(p.id)))
        for p in cat.sorted_provinces()
    ]
    return out


def feed_items(env, cat: Catalog, site_url: str, now: datetime.datetime):
    """Every feed and calendar: (path, bytes), one file at a time."""
    at = Addresses(site_url)
    events = Events(cat, at, now)
    yield PLANS_FEED, plans_feed(env, cat, at, now)
    everything = []
    for plan in cat.sorted_plans():
        everything += plan.tasks
        yield f"{plan.url}{CALENDAR_FILE}", calendar(plan.short_title, list(plan.tasks), events)
    yield "lich/nhiem-vu.ics", calendar("Cổng kế hoạch hợp tác — mọi nhiệm vụ", everything, events)
    for url, name, tasks in followed(cat):
        yield url + FEED_FILE, tasks_feed(env, cat, at, now, url, name, tasks)
        yield url + CALENDAR_FILE, calendar(f"{name} — nhiệm vụ", tasks, events)
