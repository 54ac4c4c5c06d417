"""Page specs: which pages exist, their URLs, titles, templates and typed contexts."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.catalog import Catalog
from .citeterms import capital, place_of, short
from .contexts.common import Rows
from .contexts.document import document_page, doc_name, source_ref
from .contexts.entities import agency_page, partnership_page, province_page
from .contexts.indexes import (
    SearchPage,
    agencies_index_page,
    home_page,
    partnerships_index_page,
    plans_index_page,
    provinces_index_page,
)
from .contexts.paging import ListingPage
from .contexts.task_indexes import calendar_page, tasks_index_page
from .contexts.plan import plan_page, task_page
from ..errors import Location
from ..textnorm import natural_key
from ..model import urls
from ..model.urls import CALENDAR_FILE, FEED_FILE
from .source_documents import SourceDocument, by_plan
from .visuals import MapData, MapView, map_data


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@dataclass
class PageSpec:
    url: str  # directory URL from the site root: "ke-hoach/x/"
    template: str
    title: str
    description: str
    crumbs: list[Crumb]
    context: object  # the page kind's dataclass (generator.pages.contexts)
    edit: Location | None = None  # the data file and line the page comes from
    crumb: str = ""  # the page's own name in its breadcrumbs (default: title)
    alternates: tuple[tuple[str, str, str], ...] = ()  # its feeds: (path, MIME type, title)
    changes: tuple = ()  # commits that changed its data file, newest first
    # (generator.model.history.Change; empty without git history)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


HOME = Crumb("Trang chủ", "")
PLANS = Crumb("Kế hoạch", urls.PLANS)
TASKS = Crumb("Nhiệm vụ", urls.TASKS)
AGENCIES = Crumb("Cơ quan", urls.AGENCIES)
PROVINCES = Crumb("Tỉnh, thành phố", urls.PROVINCES)
PARTNERSHIPS = Crumb("Quan hệ hợp tác", urls.PARTNERSHIPS)
OPENDATA = Crumb("Dữ liệu mở", urls.OPENDATA)
CALENDAR = Crumb("Lịch theo quý", urls.CALENDAR)
BY_PLAN = "theo kế hoạch và thứ tự trong văn bản"  # an entity's task pages, in descriptions


def follow(url: str, name: str) -> tuple[tuple[str, str, str], ...]:
    """The Atom feed and the calendar beside an agency's or province's page."""
    return (
        (url + FEED_FILE, "application/atom+xml", f"Nhiệm vụ của {name} (Atom)"),
        (url + CALENDAR_FILE, "text/calendar", f"Lịch nhiệm vụ của {name} (iCalendar)"),
    )


def task_description(content: str) -> str:
    text = " ".join(content.split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + " …"


def plan_pages(cat: Catalog, rows: Rows, site_url: str, docs: dict[str, SourceDocument]) -> list[PageSpec]:
    out = []
    of_plan = by_plan(docs)
    for plan in cat.sorted_plans():
        doc = of_plan.get(plan.id)
        out.append(
            PageSpec(
                plan.url,
                "plan.html.j2",
                plan.short_title,
                f"{plan.long_name} — {len(plan.tasks)} nhiệm vụ",
                [HOME, PLANS],
                plan_page(cat, plan, rows, source_ref(doc, plan) if doc else None),
                plan.loc,
            )
        )
        for i, task in enumerate(plan.tasks):
            out.append(
                PageSpec(
                    task.url,
                    "task.html.j2",
                    task.title,
                    task_description(task.content),
                    [HOME, PLANS, Crumb(plan.short_title, plan.url)],
                    task_page(
                        cat, plan, i, site_url, source_ref(doc, plan, task) if doc else None, rows.today
                    ),
                    task.loc,
                    crumb=capital(short(place_of(plan, task.id))),
                )
            )
    return out


def document_pages(cat: Catalog, docs: dict[str, SourceDocument]) -> list[PageSpec]:
    out = []
    for doc in docs.values():
        opening = doc.plans[0]
        out.append(
            PageSpec(
                doc.url,
                "document.html.j2",
                f"Toàn văn {doc_name(opening)}",
                f"Văn bản nguồn {opening.short_title}: thông tin văn bản và toàn văn, từng dòng",
                [HOME, PLANS, Crumb(opening.short_title, opening.url)],
                document_page(cat, doc),
                crumb="Toàn văn",
            )
        )
    return out


def agency_pages(
    cat: Catalog, rows: Rows, docs: dict[str, SourceDocument], bound: int | None = None
) -> list[PageSpec]:
    out, of_plan = [], by_plan(docs)
    for agency in cat.sorted_agencies():
        ctx = agency_page(cat, agency, rows, docs, of_plan, bound)
        crumbs = [HOME, AGENCIES] + (
            [Crumb(ctx.province.display_name, ctx.province.url)] if ctx.province else []
        )
        out.append(
            PageSpec(
                agency.url,
                "agency.html.j2",
                agency.name,
                f"{agency.name}: chủ trì {ctx.led_count}, phối hợp {ctx.coordinated_count} nhiệm vụ",
                crumbs,
                ctx,
                agency.loc,
                alternates=follow(agency.url, agency.name),
            )
        )
        out += listing_pages(ctx.tasks.pages, crumbs + [Crumb(agency.name, agency.url)], BY_PLAN)
    return out


def province_pages(cat: Catalog, rows: Rows, drawn: MapData, bound: int | None = None) -> list[PageSpec]:
    out = []
    for prov in cat.sorted_provinces():
        ctx = province_page(cat, prov, rows, MapView(drawn, prov.merged_into or prov.id), bound)
        out.append(
            PageSpec(
                prov.url,
                "province.html.j2",
                prov.display_name,
                f"{prov.display_name}: quan hệ hợp tác, kế hoạch và cơ quan",
                [HOME, PROVINCES],
                ctx,
                prov.loc,
                alternates=follow(prov.url, prov.display_name),
            )
        )
        out += listing_pages(ctx.tasks.pages, [HOME, PROVINCES, Crumb(prov.display_name, prov.url)], BY_PLAN)
    return out


def partnership_pages(cat: Catalog, rows: Rows, bound: int | None = None) -> list[PageSpec]:
    out = []
    for ps in cat.sorted_partnerships():
        ctx = partnership_page(cat, ps, rows, bound)
        out.append(
            PageSpec(
                ps.url,
                "partnership.html.j2",
                f"Hợp tác {ps.name}",
                f"Quan hệ hợp tác {ps.name}: {ctx.task_count} nhiệm vụ",
                [HOME, PARTNERSHIPS],
                ctx,
                ps.loc,
            )
        )
        out += listing_pages(
            ctx.tasks.pages, [HOME, PARTNERSHIPS, Crumb(f"Hợp tác {ps.name}", ps.url)], BY_PLAN
        )
    return out


def listing_pages(pages: Sequence[ListingPage], up: list[Crumb], what: str) -> list[PageSpec]:
    """The pages of a listing (lich/, nhiem-vu/, an entity's task tables), each under the
    crumbs `up`: a group's first page, then its numbered ones."""
    out = []
    for p in pages:
        n, count = p.pager.number, len(p.pager.pages)
        crumbs = up + ([Crumb(p.group, p.pager.pages[0])] if n > 1 else [])
        paged = f" (trang {n}/{count})" if count > 1 else ""
        out.append(
            PageSpec(
                p.url,
                "listing.html.j2",
                f"{p.heading}{paged}",
                f"{p.heading}: {p.pager.total} nhiệm vụ{paged}, {what}",
                crumbs,
                p,
                crumb=f"Trang {n}" if n > 1 else p.group,
            )
        )
    return out


def index_pages(
    cat: Catalog, rows: Rows, today: datetime.date, drawn: MapData, bound: int | None = None
) -> list[PageSpec]:
    calendar, calendar_parts = calendar_page(cat, rows, today, bound)
    tasks, tasks_parts = tasks_index_page(cat, rows, bound)
    return (
        listing_pages(calendar_parts, [HOME, CALENDAR], "trong lịch theo quý")
        + listing_pages(tasks_parts, [HOME, TASKS], "theo thứ tự trong từng văn bản")
        + [
            PageSpec(
                "",
                "home.html.j2",
                "Cổng kế hoạch hợp tác",
                "Các kế hoạch hợp tác giữa các tỉnh, thành phố: nhiệm vụ, cơ quan chủ trì, thời hạn",
                [],
                home_page(cat, calendar, MapView(drawn, None)),
            ),
            PageSpec(
                urls.SEARCH,
                "search.html.j2",
                "Tìm kiếm",
                "Tìm kế hoạch, nhiệm vụ, cơ quan, tỉnh thành: gõ có dấu hoặc không dấu",
                [HOME],
                SearchPage(),
            ),
            PageSpec(
                PLANS.url,
                "plans_index.html.j2",
                "Kế hoạch",
                "Danh sách các kế hoạch, văn bản",
                [HOME],
                plans_index_page(cat),
            ),
            PageSpec(
                TASKS.url,
                "tasks_index.html.j2",
                "Nhiệm vụ",
                "Tất cả nhiệm vụ, theo địa phương ban hành văn bản",
                [HOME],
                tasks,
            ),
            PageSpec(
                CALENDAR.url,
                "calendar.html.j2",
                CALENDAR.title,
                "Nhiệm vụ theo từng quý: việc gì đến hạn trong quý này",
                [HOME],
                calendar,
            ),
            PageSpec(
                AGENCIES.url,
                "agencies_index.html.j2",
                "Cơ quan",
                "Các cơ quan chủ trì và phối hợp, theo tỉnh, thành phố",
                [HOME],
                agencies_index_page(cat),
            ),
            PageSpec(
                PROVINCES.url,
                "provinces_index.html.j2",
                "Tỉnh, thành phố",
                "34 tỉnh, thành phố từ 1/7/2025 và các tỉnh cũ văn bản nêu tên",
                [HOME],
                provinces_index_page(cat),
            ),
            PageSpec(
                PARTNERSHIPS.url,
                "partnerships_index.html.j2",
                "Quan hệ hợp tác",
                "Các quan hệ hợp tác giữa các tỉnh, thành phố",
                [HOME],
                partnerships_index_page(cat),
            ),
        ]
    )


def all_pages(
    cat: Catalog,
    today: datetime.date,
    site_url: str = "",
    docs: dict[str, SourceDocument] | None = None,
    bound: int | None = None,
) -> list[PageSpec]:
    """Every generated page but the open-data one; `today` places the current quarter;
    `docs` are the source documents (generator.pages.source_documents.documents); `bound` the
    task rows a listing page holds at most (default paging.BOUND)."""
    rows, drawn = Rows(cat, today), map_data(cat)  # each task row and the map made once
    docs = docs if docs is not None else {}
    pages = (
        index_pages(cat, rows, today, drawn, bound)
        + plan_pages(cat, rows, site_url, docs)
        + document_pages(cat, docs)
        + agency_pages(cat, rows, docs, bound)
        + province_pages(cat, rows, drawn, bound)
        + partnership_pages(cat, rows, bound)
    )
    return sorted(pages, key=lambda p: natural_key(p.url))  # ke-hoach/x/2/ before …/10/
