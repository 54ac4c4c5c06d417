"""Page specs: which pages exist, their URLs, templates and the models each one receives."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog, group_by_plan
from .errors import Location
from .feeds import build_time
from .models import Plan, Task
from .tablefilters import filter_options
from .visuals import partnership_map, plan_timeline


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@dataclass
class PageSpec:
    url: str                     # directory URL from the site root: "ke-hoach/x/"
    template: str
    title: str
    description: str
    crumbs: list[Crumb]
    context: dict[str, Any] = field(default_factory=dict)
    edit: Location | None = None  # the data file and line the page comes from
    crumb: str = ""               # the page's own name in its breadcrumbs (default: title)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


HOME = Crumb("Trang chủ", "")
PLANS = Crumb("Kế hoạch", "ke-hoach/")
TASKS = Crumb("Nhiệm vụ", "nhiem-vu/")
AGENCIES = Crumb("Cơ quan", "co-quan/")
PROVINCES = Crumb("Tỉnh, thành phố", "tinh-thanh/")
PARTNERSHIPS = Crumb("Quan hệ hợp tác", "hop-tac/")
OPENDATA = Crumb("Dữ liệu mở", "du-lieu-mo/")


@dataclass(frozen=True)
class PlanGroup:
    plan: Plan
    tasks: list[Task]


def _groups(cat: Catalog, tasks: list[Task]) -> list[PlanGroup]:
    by_plan = group_by_plan(tasks)
    return [PlanGroup(p, by_plan[p.id]) for p in cat.sorted_plans() if p.id in by_plan]


def plan_pages(cat: Catalog) -> list[PageSpec]:
    out = []
    for plan in cat.sorted_plans():
        out.append(PageSpec(
            plan.url, "plan.html.j2", plan.short_title,
            f"{plan.type_name} {plan.title or plan.label} — {len(plan.tasks)} nhiệm vụ",
            [HOME, PLANS], {"plan": plan, "filters": filter_options(cat, list(plan.tasks)),
                            "timeline": plan_timeline(plan, plan.url),
                            "summary": status_summary(list(plan.tasks))}, plan.loc))
        for i, task in enumerate(plan.tasks):
            prev_task = plan.tasks[i - 1] if i > 0 else None
            next_task = plan.tasks[i + 1] if i + 1 < len(plan.tasks) else None
            out.append(PageSpec(
                task.url, "task.html.j2", f"Nhiệm vụ {task.label} — {plan.short_title}",
                _task_description(task), [HOME, PLANS, Crumb(plan.short_title, plan.url)],
                {"plan": plan, "task": task, "prev": prev_task, "next": next_task}, task.loc,
                crumb=f"Nhiệm vụ {task.label}"))
    return out


def _task_description(task: Task) -> str:
    text = " ".join(task.content.split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + " …"


def agency_pages(cat: Catalog) -> list[PageSpec]:
    out = []
    for agency in cat.sorted_agencies():
        led, coordinated = cat.tasks_led_by(agency.id), cat.tasks_coordinated_by(agency.id)
        province = cat.provinces.get(agency.province) if agency.province else None
        crumbs = [HOME, AGENCIES] + ([Crumb(province.display_name, province.url)] if province else [])
        issued = [p for p in cat.sorted_plans() if p.issuer == agency.id]
        focal = [p for p in cat.sorted_plans() if p.focal_agency == agency.id]
        out.append(PageSpec(
            agency.url, "agency.html.j2", agency.name,
            f"{agency.name}: chủ trì {len(led)}, phối hợp {len(coordinated)} nhiệm vụ",
            crumbs, {"agency": agency, "province": province, "led": _groups(cat, led),
                     "filters": filter_options(cat, _unique(led + coordinated)),
                     "summary": status_summary(_unique(led + coordinated)),
                     "coordinated": _groups(cat, coordinated), "led_count": len(led),
                     "coordinated_count": len(coordinated), "issued": issued, "focal": focal},
            agency.loc))
    return out


def province_pages(cat: Catalog) -> list[PageSpec]:
    out = []
    for prov in cat.sorted_provinces():
        successor = cat.provinces.get(prov.merged_into) if prov.merged_into else None
        out.append(PageSpec(
            prov.url, "province.html.j2", prov.display_name,
            f"{prov.display_name}: quan hệ hợp tác, kế hoạch và cơ quan",
            [HOME, PROVINCES],
            {"province": prov, "successor": successor, "former": cat.former_of(prov.id),
             "groups": _groups(cat, cat.tasks_of_province(prov.id)),
             "task_count": len(cat.tasks_of_province(prov.id)),
             "filters": filter_options(cat, cat.tasks_of_province(prov.id)),
             "map": partnership_map(cat, prov.url, highlight=prov.merged_into or prov.id),
             "partnerships": cat.partnerships_of_province(prov.id),
             "plans": cat.plans_of_province(prov.id), "agencies": cat.agencies_of(prov.id)},
            prov.loc))
    return out


def partnership_pages(cat: Catalog) -> list[PageSpec]:
    out = []
    for ps in cat.sorted_partnerships():
        tasks = cat.tasks_of_partnership(ps.id)
        parent = cat.partnerships.get(ps.part_of) if ps.part_of else None
        out.append(PageSpec(
            ps.url, "partnership.html.j2", f"Hợp tác {ps.name}",
            f"Quan hệ hợp tác {ps.name}: {len(tasks)} nhiệm vụ", [HOME, PARTNERSHIPS],
            {"partnership": ps, "parent": parent, "children": cat.children_of(ps.id),
             "provinces": [cat.provinces[p] for p in ps.provinces],
             "plans": cat.plans_of_partnership(ps.id), "groups": _groups(cat, tasks),
             "filters": filter_options(cat, tasks),
             "task_count": len(tasks)}, ps.loc))
    return out


def index_pages(cat: Catalog) -> list[PageSpec]:
    agencies_by_province = [(cat.provinces[pid] if pid else None, cat.agencies_of(pid))
                            for pid in _agency_province_order(cat)]
    counts = {a.id: (len(cat.tasks_led_by(a.id)), len(cat.tasks_coordinated_by(a.id)))
              for a in cat.agencies.values()}
    current = [p for p in cat.sorted_provinces() if not p.is_former]
    former = [p for p in cat.sorted_provinces() if p.is_former]
    active = {pid for plan in cat.plans.values() for pid in cat.plan_provinces(plan)}
    return [
        PageSpec("", "home.html.j2", "Cổng kế hoạch hợp tác",
                 "Các kế hoạch hợp tác giữa các tỉnh, thành phố: nhiệm vụ, cơ quan chủ trì, thời hạn",
                 [], {"counts": _counts(cat), "plans": cat.sorted_plans(),
                      "map": partnership_map(cat, ""),
                      "this_quarter": next((q for q in quarter_context(cat)["quarters"]
                                            if q.current), None),
                      "partnerships": [p for p in cat.sorted_partnerships() if not p.part_of]}),
        PageSpec("tim-kiem/", "search.html.j2", "Tìm kiếm",
                 "Tìm kế hoạch, nhiệm vụ, cơ quan, tỉnh thành: gõ có dấu hoặc không dấu", [HOME], {}),
        PageSpec(PLANS.url, "plans_index.html.j2", "Kế hoạch", "Danh sách các kế hoạch, văn bản",
                 [HOME], {"plans": cat.sorted_plans()}),
        PageSpec(TASKS.url, "tasks_index.html.j2", "Nhiệm vụ", "Tất cả nhiệm vụ, theo kế hoạch",
                 [HOME], {"groups": _groups(cat, cat.tasks), "task_count": len(cat.tasks),
                          "filters": filter_options(cat, cat.tasks)}),
        PageSpec("lich/", "calendar.html.j2", "Lịch theo quý",
                 "Nhiệm vụ theo từng quý: việc gì đến hạn trong quý này", [HOME],
                 quarter_context(cat)),
        PageSpec(AGENCIES.url, "agencies_index.html.j2", "Cơ quan",
                 "Các cơ quan chủ trì và phối hợp, theo tỉnh, thành phố", [HOME],
                 {"by_province": agencies_by_province, "counts": counts}),
        PageSpec(PROVINCES.url, "provinces_index.html.j2", "Tỉnh, thành phố",
                 "34 tỉnh, thành phố từ 1/7/2025 và các tỉnh cũ văn bản nêu tên", [HOME],
                 {"current": current, "former": former, "active": active}),
        PageSpec(PARTNERSHIPS.url, "partnerships_index.html.j2", "Quan hệ hợp tác",
                 "Các quan hệ hợp tác giữa các tỉnh, thành phố", [HOME],
                 {"top": [p for p in cat.sorted_partnerships() if not p.part_of]}),
    ]


def _unique(tasks: list[Task]) -> list[Task]:
    seen, out = set(), []
    for t in tasks:
        if t.key not in seen:
            seen.add(t.key)
            out.append(t)
    return out


@dataclass(frozen=True)
class StatusSummary:
    counts: list[tuple[str, int]]   # (status name, count), reported ones first
    unreported: int
    total: int


def status_summary(tasks: list[Task]) -> StatusSummary:
    from .models import Update
    counts = {}
    for t in tasks:
        if t.latest_update:
            counts[t.latest_update.status] = counts.get(t.latest_update.status, 0) + 1
    ordered = [(Update.STATUS_NAMES[k], counts[k]) for k in Update.STATUS_NAMES if k in counts]
    return StatusSummary(ordered, sum(1 for t in tasks if not t.updates), len(tasks))


@dataclass(frozen=True)
class Quarter:
    key: str          # "2026-q3"
    title: str        # "Quý III/2026"
    tasks: list[Task]
    current: bool


def quarter_context(cat: Catalog) -> dict:
    """Tasks by quarter. Tasks spanning more than a year are listed once, apart, so that a
    quarter shows what is specifically scheduled in it."""
    today = build_time().date()
    now = (today.year, (today.month - 1) // 3 + 1)
    short = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) <= 4]
    long = [t for t in cat.tasks if t.timeframe.start and len(t.timeframe.quarters()) > 4]
    keys = sorted({yq for t in short for yq in t.timeframe.quarters()}, reverse=True)
    roman = "I II III IV".split()
    quarters = [Quarter(f"{y}-q{q}", f"Quý {roman[q - 1]}/{y}",
                        [t for t in short if (y, q) in t.timeframe.quarters()], (y, q) == now)
                for y, q in keys]
    return {"quarters": quarters, "long": long,
            "ongoing": [t for t in cat.tasks if t.timeframe.kind == "ongoing"],
            "unscheduled": [t for t in cat.tasks if t.timeframe.kind in ("not-stated", "as-needed")],
            "today": today}


def _agency_province_order(cat: Catalog) -> list[str | None]:
    with_agencies = {a.province for a in cat.agencies.values()}
    ordered: list[str | None] = [p.id for p in cat.sorted_provinces() if p.id in with_agencies]
    return ordered + ([None] if None in with_agencies else [])


def _counts(cat: Catalog) -> dict[str, int]:
    return {"plans": len(cat.plans), "tasks": len(cat.tasks), "agencies": len(cat.agencies),
            "provinces": len({pid for p in cat.plans.values() for pid in cat.plan_provinces(p)}),
            "partnerships": len(cat.partnerships)}


def all_pages(cat: Catalog) -> list[PageSpec]:
    pages = (index_pages(cat) + plan_pages(cat) + agency_pages(cat) + province_pages(cat)
             + partnership_pages(cat))
    return sorted(pages, key=lambda p: p.url)
