"""Agency, province and partnership pages."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import urls
from ...model.catalog import Catalog
from ...model.models import Agency, Agreement, Partnership, Plan, Province
from ..tablefilters import FilterOptions, filter_options
from ..visuals import MapView
from ..source_documents import SourceDocument, by_plan
from ...model.status import StatusCounts, count
from .common import Link, Rows, StatusSummary, TaskGroup, status_summary, unique
from .document import SourceRef, source_ref
from .entitytasks import EntityTables, TableSpec, entity_tables


@dataclass(frozen=True)
class AgencyPage:
    agency: Agency
    province: Province | None
    led: tuple[TaskGroup, ...]
    coordinated: tuple[TaskGroup, ...]
    led_count: int
    coordinated_count: int
    filters: FilterOptions
    summary: StatusSummary
    issued: tuple[Plan, ...]
    focal: tuple[Plan, ...]
    tasks: EntityTables  # chu-tri, phoi-hop; led and coordinated are empty past the bound
    states: StatusCounts  # its tasks (led or coordinated) by status
    sources: tuple[SourceRef, ...] = ()  # documents naming the agency, at its first task
    fold: bool = False  # the task groups folded (see `folds`)


@dataclass(frozen=True)
class ProvincePage:
    province: Province
    successor: Province | None
    former: tuple[Province, ...]
    partnerships: tuple[Partnership, ...]
    map: MapView
    plans: tuple[Plan, ...]
    groups: tuple[TaskGroup, ...]  # empty past the bound: the rows are on tasks.pages
    task_count: int
    filters: FilterOptions
    agencies: tuple[Agency, ...]
    tasks: EntityTables  # nhiem-vu
    states: StatusCounts  # its tasks by status
    fold: bool = False  # the task groups folded (see `folds`)


@dataclass(frozen=True)
class PartnerProvince:
    link: Link
    now_in: str | None  # a former province: the name of the one it merged into


@dataclass(frozen=True)
class PartnershipPage:
    partnership: Partnership
    provinces: tuple[PartnerProvince, ...]
    parent: Partnership | None
    children: tuple[Partnership, ...]
    agreements: tuple[Agreement, ...]  # its own, or its parent's when it has none
    agreements_inherited: bool
    plans: tuple[Plan, ...]
    groups: tuple[TaskGroup, ...]  # empty past the bound: the rows are on tasks.pages
    task_count: int
    filters: FilterOptions
    tasks: EntityTables  # nhiem-vu
    states: StatusCounts  # its tasks by status
    fold: bool = False  # the task groups folded (see `folds`)


FOLD_TASKS = 30  # an entity with more task rows than this shows each plan's group folded


def folds(rows: int) -> bool:
    """A page of more than FOLD_TASKS task rows shows each plan's group folded under its heading
    (a click, a link to the heading or a filter that finds a task opens it): the Hồ Chí Minh
    province page was 20,000 px tall at 360 px with them open."""
    return rows > FOLD_TASKS


def agency_sources(
    cat: Catalog,
    agency: Agency,
    tasks,
    docs: dict[str, SourceDocument],
    of_plan: dict[str, SourceDocument] | None = None,
) -> tuple[SourceRef, ...]:
    """Each document that names the agency (in a task, as issuer or focal point), linked at
    the first task it is named in; plans in display order. `of_plan`: by_plan(docs), when
    the caller has it."""
    of_plan = by_plan(docs) if of_plan is None else of_plan
    first: dict[str, object] = {}
    for t in tasks:
        if t.plan not in first or t.position < first[t.plan].position:
            first[t.plan] = t
    named = {
        *first,
        *(p.id for p in cat.plans_issued_by(agency.id)),
        *(p.id for p in cat.plans_with_focal(agency.id)),
    }
    return tuple(
        source_ref(of_plan[pid], cat.plans[pid], first.get(pid))
        for pid in sorted(named, key=cat.plan_order)
        if pid in of_plan
    )


def agency_page(
    cat: Catalog,
    agency: Agency,
    rows: Rows,
    docs: dict[str, SourceDocument] | None = None,
    of_plan: dict[str, SourceDocument] | None = None,
    bound: int | None = None,
) -> AgencyPage:
    led, coordinated = cat.tasks_led_by(agency.id), cat.tasks_coordinated_by(agency.id)
    both = unique(led + coordinated)
    tables = entity_tables(
        cat,
        rows,
        Link(agency.name, agency.url),
        [
            TableSpec(
                urls.LED,
                "Chủ trì",
                f"Nhiệm vụ {agency.name} chủ trì",
                f"Nhiệm vụ do {agency.name} chủ trì, theo kế hoạch và thứ tự trong văn bản.",
                tuple(led),
            ),
            TableSpec(
                urls.COORDINATED,
                "Phối hợp",
                f"Nhiệm vụ {agency.name} phối hợp",
                f"Nhiệm vụ {agency.name} được ghi là cơ quan phối hợp, theo kế hoạch và thứ tự "
                "trong văn bản.",
                tuple(coordinated),
            ),
        ],
        bound,
    )
    chu_tri, phoi_hop = tables.tables
    return AgencyPage(
        agency=agency,
        province=cat.provinces.get(agency.province) if agency.province else None,
        led=chu_tri.groups,
        coordinated=phoi_hop.groups,
        led_count=len(led),
        coordinated_count=len(coordinated),
        filters=filter_options(cat, both),
        summary=status_summary(both),
        issued=tuple(cat.plans_issued_by(agency.id)),
        focal=tuple(cat.plans_with_focal(agency.id)),
        tasks=tables,
        states=count(both, rows.today),
        sources=agency_sources(cat, agency, both, docs or {}, of_plan),
        fold=folds(len(led) + len(coordinated)),
    )


def one_table(
    cat: Catalog, rows: Rows, up: Link, heading: str, about: str, tasks: list, bound: int | None
) -> EntityTables:
    """A province's or partnership's one table, nhiem-vu."""
    return entity_tables(
        cat, rows, up, [TableSpec(urls.ENTITY_TASKS, "Nhiệm vụ", heading, about, tuple(tasks))], bound
    )


def province_page(
    cat: Catalog, prov: Province, rows: Rows, map_view: MapView, bound: int | None = None
) -> ProvincePage:
    tasks = cat.tasks_of_province(prov.id)
    tables = one_table(
        cat,
        rows,
        Link(prov.display_name, prov.url),
        f"Nhiệm vụ liên quan đến {prov.display_name}",
        f"Nhiệm vụ do cơ quan của {prov.name} chủ trì hoặc phối hợp, hoặc thuộc quan "
        f"hệ hợp tác có {prov.name}, theo kế hoạch và thứ tự trong văn bản.",
        tasks,
        bound,
    )
    return ProvincePage(
        province=prov,
        successor=cat.provinces.get(prov.merged_into) if prov.merged_into else None,
        former=tuple(cat.former_of(prov.id)),
        partnerships=tuple(cat.partnerships_of_province(prov.id)),
        map=map_view,
        plans=tuple(cat.plans_of_province(prov.id)),
        groups=tables.tables[0].groups,
        task_count=len(tasks),
        filters=filter_options(cat, tasks),
        agencies=tuple(cat.agencies_of(prov.id)),
        tasks=tables,
        states=count(tasks, rows.today),
        fold=folds(len(tasks)),
    )


def partnership_page(cat: Catalog, ps: Partnership, rows: Rows, bound: int | None = None) -> PartnershipPage:
    tasks = cat.tasks_of_partnership(ps.id)
    tables = one_table(
        cat,
        rows,
        Link(f"Hợp tác {ps.name}", ps.url),
        f"Nhiệm vụ của quan hệ hợp tác {ps.name}",
        f"Nhiệm vụ thuộc quan hệ hợp tác {ps.name}, theo kế hoạch và thứ tự trong văn bản.",
        tasks,
        bound,
    )
    parent = cat.partnerships.get(ps.part_of) if ps.part_of else None
    provinces = []
    for pid in ps.provinces:
        p = cat.provinces[pid]
        provinces.append(
            PartnerProvince(Link(p.name, p.url), cat.provinces[p.merged_into].name if p.is_former else None)
        )
    inherited = not ps.agreements and parent is not None
    return PartnershipPage(
        partnership=ps,
        provinces=tuple(provinces),
        parent=parent,
        children=tuple(cat.children_of(ps.id)),
        agreements=tuple(parent.agreements if inherited else ps.agreements),
        agreements_inherited=inherited,
        plans=tuple(cat.plans_of_partnership(ps.id)),
        groups=tables.tables[0].groups,
        task_count=len(tasks),
        filters=filter_options(cat, tasks),
        tasks=tables,
        states=count(tasks, rows.today),
        fold=folds(len(tasks)),
    )
