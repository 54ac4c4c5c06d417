"""Plan and task pages."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.catalog import Catalog
from ..citeterms import capital, place_of
from ...clock import build_time
from ...model.models import Appendix, Plan, Related, Task
from ..officialdoc import OfficialDoc, official
from ..render import excerpt
from ...model.status import Status, StatusCounts, count, plan_status, task_status
from ..tablefilters import FilterOptions, filter_options
from ..visuals import TimelineData, plan_timeline
from .document import SourceRef
from .common import (
    AgencyList,
    Link,
    Rows,
    StatusSummary,
    TaskRow,
    agency_link,
    agency_list,
    plan_link,
    status_summary,
)


SUMMARY_AGENCIES = 3  # coordinating agencies named in a task's summary


@dataclass(frozen=True)
class SectionView:
    heading: str
    anchor: str
    level: int  # heading level, 3 to 6
    paragraphs: tuple[str, ...]
    lead_text: str | None
    timeframe: str | None
    rows: tuple[TaskRow, ...]
    sections: tuple["SectionView", ...]


@dataclass(frozen=True)
class DeadlineView:
    text: str
    date: object
    to: Link | None


@dataclass(frozen=True)
class RelatedView:
    doc: Related
    link: Link | None  # the document's page when it is on the portal


@dataclass(frozen=True)
class PlanPage:
    plan: Plan
    issuer: Link
    focal: Link | None
    partnerships: tuple[Link, ...]
    provinces: tuple[Link, ...]
    task_count: int
    summary: StatusSummary
    timeline: TimelineData
    filters: FilterOptions
    sections: tuple[SectionView, ...]
    deadlines: tuple[DeadlineView, ...]
    appendices: tuple[Appendix, ...]
    related: tuple[RelatedView, ...]
    referenced_by: tuple[Plan, ...]
    source: SourceRef | None  # the source document (None when none is known)
    status: Status  # where the plan stands, from its period
    counts: StatusCounts  # its tasks by status
    official: OfficialDoc | None  # the official file (source.url), when one is recorded
    folded: frozenset[str] = frozenset()  # parts shown folded (see `folded_parts`)
    toc: tuple[tuple[str, str, int], ...] = ()  # (anchor, name, depth): a long page's contents


@dataclass(frozen=True)
class TaskPage:
    plan: Plan
    task: Task
    label: str  # "Mục II.1.2, gạch đầu dòng thứ 1 · Kế hoạch số 4778/KH-UBND"
    place: str  # where the document prints it, in its own numbering
    lead: AgencyList
    coordinating: AgencyList
    coordinating_first: AgencyList  # the summary names a few, then says how many more
    coordinating_more: int
    partnership: Link | None
    section: Link | None  # the section the task is printed under (its last heading)
    section_trail: str  # every heading from the top, for the link's tooltip
    citation: str  # the whole reference (citation_lead + the address)
    citation_lead: str
    permalink: str | None  # the task's absolute URL when the site URL is known
    source: SourceRef | None
    prev: Link | None
    next: Link | None
    status: Status  # where the task stands: a report, or its end date
    official: OfficialDoc | None  # its plan's official file


def _section(s, rows: Rows) -> SectionView:
    return SectionView(
        s.heading,
        s.anchor,
        min(s.depth + 3, 6),
        s.paragraphs,
        s.lead_text,
        s.timeframe,
        rows.rows(s.tasks),
        tuple(_section(c, rows) for c in s.sections),
    )


FOLD_TASKS = 30  # a plan of more tasks than this folds its parts: a phone can hold its page
FOLD_TEXT = 600  # characters: a text part longer than this is folded in such a plan
FOLD_ROWS = 5  # rows: a table of related documents longer than this is folded


def folded_parts(plan: Plan) -> frozenset[str]:
    """The parts of a long plan's page shown folded (<details>, open on a click, on a link to
    its heading, or when a filter finds a task in it): every section's tasks ("nhiem-vu"), the
    timeline, and each text part longer than FOLD_TEXT. A plan of at most FOLD_TASKS tasks
    shows everything open, as before. At 360 px the largest plan (173 tasks in all on the
    portal, 75 in one plan) went from 40,000 px to under 15,000."""
    if len(plan.tasks) <= FOLD_TASKS:
        return frozenset()
    parts = {"nhiem-vu", "dong-thoi-gian"}
    texts = {
        "can-cu": plan.legal_bases,
        "mo-dau": plan.preamble,
        "muc-dich": plan.purpose,
        "yeu-cau": plan.requirements,
        "muc-tieu": plan.targets,
        "kinh-phi": plan.budget_sources,
        "to-chuc-thuc-hien": plan.organisation,
        "ket-luan": plan.closing,
        "noi-nhan": plan.recipients,
    }
    texts.update({f"phu-luc-{i}": a.paragraphs for i, a in enumerate(plan.appendices, 1)})
    parts.update(k for k, paras in texts.items() if sum(len(p) for p in paras or ()) > FOLD_TEXT)
    if len(plan.related_documents) > FOLD_ROWS:
        parts.add("van-ban-lien-quan")
    if len(plan.reporting_deadlines) > FOLD_ROWS:
        parts.add("han-bao-cao")
    return frozenset(parts)


def page_toc(plan: Plan) -> tuple[tuple[str, str, int], ...]:
    """The parts of a folded plan page, in the order plan.html.j2 writes them, for the list of
    contents at its top (a phone has no sidebar for pages outside the navigation)."""
    parts = [
        ("can-cu", "Căn cứ", plan.legal_bases),
        ("mo-dau", "Mở đầu", plan.preamble),
        ("muc-dich", "Mục đích, yêu cầu" if not plan.requirements else "Mục đích", plan.purpose),
        ("yeu-cau", "Yêu cầu", plan.requirements),
        ("muc-tieu", "Mục tiêu cụ thể", plan.targets),
    ]
    toc = [(a, n, 0) for a, n, there in parts if there]
    toc.append(("nhiem-vu", f"Nhiệm vụ ({len(plan.tasks)})", 0))
    toc.extend((s.anchor, s.heading, 1) for s in plan.sections)
    parts = [
        ("kinh-phi", "Kinh phí", plan.budget_sources),
        ("to-chuc-thuc-hien", "Tổ chức thực hiện", plan.organisation),
        ("han-bao-cao", "Hạn báo cáo", plan.reporting_deadlines),
        ("ket-luan", "Kết luận", plan.closing),
        ("noi-nhan", "Nơi nhận", plan.recipients),
    ]
    toc.extend((a, n, 0) for a, n, there in parts if there)
    toc.extend((f"phu-luc-{i}", a.title, 0) for i, a in enumerate(plan.appendices, 1))
    if plan.related_documents:
        toc.append(("van-ban-lien-quan", "Văn bản liên quan", 0))
    toc.append(("nguon", "Nguồn", 0))
    return tuple(toc)


def plan_page(cat: Catalog, plan: Plan, rows: Rows, source: SourceRef | None = None) -> PlanPage:
    folded = folded_parts(plan)
    return PlanPage(
        plan=plan,
        issuer=agency_link(cat, plan.issuer),
        focal=agency_link(cat, plan.focal_agency) if plan.focal_agency else None,
        partnerships=tuple(
            Link(cat.partnerships[p].name, cat.partnerships[p].url) for p in cat.plan_partnerships(plan)
        ),
        provinces=tuple(Link(cat.provinces[p].name, cat.provinces[p].url) for p in cat.plan_provinces(plan)),
        task_count=len(plan.tasks),
        summary=status_summary(list(plan.tasks)),
        timeline=plan_timeline(plan),
        filters=filter_options(cat, list(plan.tasks)),
        sections=tuple(_section(s, rows) for s in plan.sections),
        deadlines=tuple(
            DeadlineView(d.text, d.date, agency_link(cat, d.to) if d.to else None)
            for d in plan.reporting_deadlines
        ),
        appendices=plan.appendices,
        related=tuple(
            RelatedView(r, plan_link(cat.plans[r.plan]) if r.plan in cat.plans else None)
            for r in plan.related_documents
        ),
        referenced_by=tuple(cat.referenced_by(plan.id)),
        source=source,
        status=plan_status(plan, rows.today),
        counts=count(plan.tasks, rows.today),
        official=official(plan.source_url),
        folded=folded,
        toc=page_toc(plan) if folded else (),
    )


ADDRESS_ON_PUBLISHED_SITE = "Đường dẫn trên cổng: {path} (địa chỉ đầy đủ có trên trang đã xuất bản)"


def citation_lead(cat: Catalog, plan: Plan, task: Task) -> str:
    """The reference of a task, up to its address: the document, then the task's place in the
    document's own numbering (generator/citeterms.py), then its title."""
    about = f" ({plan.title})" if plan.number and plan.title else ""
    issued = f", ngày {plan.issued.strftime('%d/%m/%Y')}" if plan.issued else ", ngày ban hành: không ghi"
    return (
        f"{plan.short_title}{about}, {cat.agencies[plan.issuer].name}{issued}, "
        f"{place_of(plan, task.id)}: “{task.title}”."
    )


def citation(cat: Catalog, plan: Plan, task: Task, site_url: str) -> str:
    """The ready-to-paste reference of a task: with the site URL its permanent link, without
    one the page's path (assets/portal.js puts the address it is served at in its place)."""
    where = f"{site_url}{task.url}" if site_url else ADDRESS_ON_PUBLISHED_SITE.format(path=task.url)
    return f"{citation_lead(cat, plan, task)} {where}"


def task_page(
    cat: Catalog, plan: Plan, index: int, site_url: str, source: SourceRef | None = None, today=None
) -> TaskPage:
    """`today`: the day its status is computed for (the build's date)."""
    task = plan.tasks[index]
    prev = plan.tasks[index - 1] if index > 0 else None
    nxt = plan.tasks[index + 1] if index + 1 < len(plan.tasks) else None
    ps = cat.partnerships[task.partnership] if task.partnership else None
    coordinating = agency_list(cat, task.coordinating, task.coordinating_collective)
    total = len(coordinating.links) + len(coordinating.collective)
    shown = total if total <= SUMMARY_AGENCIES + 1 else SUMMARY_AGENCIES  # never "and 1 more"
    first, more = coordinating.links[:shown], total - shown
    return TaskPage(
        plan=plan,
        task=task,
        place=place_of(plan, task.id),
        label=f"{capital(place_of(plan, task.id))} · {excerpt(plan.short_title, 60)}",
        lead=agency_list(cat, task.lead, task.lead_collective),
        coordinating=coordinating,
        coordinating_first=AgencyList(first, coordinating.collective[: shown - len(first)]),
        coordinating_more=more,
        partnership=Link(ps.name, ps.url) if ps else None,
        section=(
            Link(excerpt(task.section_trail[-1], 80), f"{plan.url}#{task.section_anchor}")
            if task.section_trail
            else None
        ),
        section_trail=" › ".join(task.section_trail),
        citation=citation(cat, plan, task, site_url),
        citation_lead=citation_lead(cat, plan, task),
        permalink=site_url + task.url if site_url else None,
        source=source,
        prev=Link(capital(place_of(plan, prev.id)), prev.url) if prev else None,
        next=Link(capital(place_of(plan, nxt.id)), nxt.url) if nxt else None,
        status=task_status(task, today or build_time().date()),
        official=official(plan.source_url),
    )
