"""The validated whole: every entity by id, and the queries pages need."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import GeneratorError, Location, Problem
from .load import RawData, load_all
from .models import Agency, Agreement, Partnership, Plan, Position, Province, Task
from .planbuild import build_plan
from .textnorm import fold, vi_sort_key
from .validate import check_refs


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class Catalog:
    provinces: dict[str, Province] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    partnerships: dict[str, Partnership] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)

    # ---- queries (indexes are computed once: the catalog does not change after it is built) ---
    @cached_property
    def tasks(self) -> list[Task]:
        return [t for p in self.sorted_plans() for t in p.tasks]

    @cached_property
    def _sorted(self) -> dict[str, tuple]:
        """Each kind in display order, sorted once (Vietnamese order by name, then id)."""
        by_name = lambda r: (vi_sort_key(r.name), r.id)  # noqa: E731
        return {"plans": tuple(sorted(self.plans.values(), key=lambda p: (-(p.year), p.id))),
                "agencies": tuple(sorted(self.agencies.values(), key=by_name)),
                "provinces": tuple(sorted(self.provinces.values(), key=by_name)),
                "partnerships": tuple(sorted(self.partnerships.values(), key=by_name))}

    @cached_property
    def _rank(self) -> dict[str, dict[str, int]]:
        return {kind: {r.id: i for i, r in enumerate(recs)} for kind, recs in self._sorted.items()}

    def sorted_plans(self) -> list[Plan]:
        return list(self._sorted["plans"])

    def sorted_agencies(self) -> list[Agency]:
        return list(self._sorted["agencies"])

    def sorted_provinces(self) -> list[Province]:
        return list(self._sorted["provinces"])

    def sorted_partnerships(self) -> list[Partnership]:
        return list(self._sorted["partnerships"])

    @cached_property
    def _index(self) -> dict[str, dict[str, list[Task]]]:
        from .tablefilters import task_provinces
        index: dict[str, dict[str, list[Task]]] = {
            "led": defaultdict(list), "coordinated": defaultdict(list),
            "partnership": defaultdict(list), "province": defaultdict(list)}
        for t in self.tasks:
            for a in dict.fromkeys(t.lead):
                index["led"][a].append(t)
            for a in dict.fromkeys(t.coordinating):
                index["coordinated"][a].append(t)
            if t.partnership:
                index["partnership"][t.partnership].append(t)
            for p in task_provinces(self, t):
                index["province"][p].append(t)
        return index

    def tasks_led_by(self, agency_id: str) -> list[Task]:
        return list(self._index["led"].get(agency_id, []))

    def tasks_coordinated_by(self, agency_id: str) -> list[Task]:
        return list(self._index["coordinated"].get(agency_id, []))

    def agencies_of(self, province_id: str | None) -> list[Agency]:
        return [a for a in self.sorted_agencies() if a.province == province_id]

    def plan_provinces(self, plan: Plan) -> list[str]:
        ids = []
        issuer = self.agencies[plan.issuer]
        if issuer.province:
            ids.append(issuer.province)
        for pid in self.plan_partnerships(plan):
            ids.extend(self.partnerships[pid].provinces)
        return sorted(set(ids), key=self._rank["provinces"].__getitem__)

    def plan_partnerships(self, plan: Plan) -> list[str]:
        ids = set(plan.partnerships) | {t.partnership for t in plan.tasks if t.partnership}
        return sorted(ids, key=self._rank["partnerships"].__getitem__)

    def tasks_of_partnership(self, pid: str) -> list[Task]:
        return list(self._index["partnership"].get(pid, []))

    def plans_of_partnership(self, pid: str) -> list[Plan]:
        return [p for p in self.sorted_plans() if pid in self.plan_partnerships(p)]

    def children_of(self, pid: str) -> list[Partnership]:
        return [p for p in self.sorted_partnerships() if p.part_of == pid]

    def partnerships_of_province(self, province_id: str) -> list[Partnership]:
        return [p for p in self.sorted_partnerships() if province_id in p.provinces]

    def plans_of_province(self, province_id: str) -> list[Plan]:
        return [p for p in self.sorted_plans() if province_id in self.plan_provinces(p)]

    def referenced_by(self, plan_id: str) -> list[Plan]:
        """Documents on the portal whose related documents name this plan."""
        return [p for p in self.sorted_plans()
                if any(r.plan == plan_id for r in p.related_documents)]

    def former_of(self, province_id: str) -> list[Province]:
        return [p for p in self.sorted_provinces() if p.merged_into == province_id]

    def tasks_of_province(self, province_id: str) -> list[Task]:
        """Tasks an agency of the province leads or coordinates, or that serve a partnership of it."""
        return list(self._index["province"].get(province_id, []))

    def resolve_agency(self, name: str, province_id: str | None) -> str | None:
        """The id of the agency a printed name means, within a province (None if unknown).

        Case, accents, tone placement and a trailing province name ("… tỉnh Thanh Hóa") do not
        matter; a name two agencies of the province share resolves to neither.
        """
        key = self._name_key(name, province_id)
        hits = []
        for agency in self.agencies.values():
            if agency.province != province_id:
                continue
            names = [agency.name, agency.short_name or "", *agency.aliases]
            if key in {self._name_key(n, province_id) for n in names if n}:
                hits.append(agency.id)
        return hits[0] if len(hits) == 1 else None

    def _name_key(self, name: str, province_id: str | None) -> str:
        key = fold(name).rstrip(" .;,")
        if province_id:
            prov = fold(self.provinces[province_id].name).removeprefix("thanh pho ")
            for suffix in (f" tinh {prov}", f" thanh pho {prov}", f" {prov}"):
                if key.endswith(suffix):
                    return key[: -len(suffix)]
        return key


def _tuple(value) -> tuple:
    return tuple(value or ())


def _check_duplicates(raw: RawData, problems: list[Problem]) -> None:
    for kind, records in raw.records.items():
        seen: dict[str, Location] = {}
        for rec in records:
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            where = rec.value_locs.get("id", rec.loc)
            if rid in seen:
                problems.append(Problem(where, f"mã '{rid}' trùng (đã dùng ở {seen[rid]})",
                                        "mỗi bản ghi một mã riêng"))
            else:
                seen[rid] = where
        for rec in records:
            for old in rec.get("former_ids") or []:
                if old in seen:
                    problems.append(Problem(rec.value_locs["former_ids"],
                                            f"mã cũ '{old}' đang là mã của bản ghi khác ({seen[old]})",
                                            "mã cũ không được trùng mã đang dùng"))


def _build_entities(raw: RawData, cat: Catalog, problems: list[Problem]) -> None:
    for r in raw.records["provinces"]:
        pos = r.get("position")
        position = Position(pos["lat"], pos["lon"], pos["place"], pos["source"], pos.get("note")) \
            if pos else None
        cat.provinces[r["id"]] = Province(
            r["id"], r["name"], r["kind"], r.get("code"), r.get("merged_into"),
            _date(r.get("merged_on")), r.get("change_note"), _tuple(r.get("former_ids")), position,
            r.loc)
    for p in cat.provinces.values():
        if p.merged_into and cat.provinces[p.merged_into].merged_into:
            problems.append(Problem(p.loc, f"tỉnh '{p.id}' sáp nhập vào một tỉnh cũ",
                                    "merged_into phải là tỉnh/thành hiện hành"))
        if p.merged_into == p.id:
            problems.append(Problem(p.loc, f"tỉnh '{p.id}' sáp nhập vào chính nó"))
    for r in raw.records["agencies"]:
        cat.agencies[r["id"]] = Agency(
            r["id"], r["name"], r.get("short_name"), r.get("province"), _tuple(r.get("aliases")),
            r.get("source"), r.get("note"), _tuple(r.get("former_ids")), r.loc)
    _check_aliases(cat, problems)
    for r in raw.records["partnerships"]:
        agreements = tuple(Agreement(a["title"], a["kind"], _date(a.get("signed")), a.get("place"),
                                     a.get("source")) for a in r.get("agreements") or [])
        provinces = _tuple(r.get("provinces"))
        if len(set(provinces)) < 2:
            problems.append(Problem(r.value_locs.get("provinces", r.loc),
                                    "quan hệ hợp tác cần ít nhất hai tỉnh/thành khác nhau"))
        cat.partnerships[r["id"]] = Partnership(
            r["id"], r["name"], provinces, r.get("part_of"), agreements, r.get("note"),
            _tuple(r.get("former_ids")), r.loc)
    for r in raw.records["plans"]:
        plan, plan_problems = build_plan(r, raw.root)
        problems.extend(plan_problems)
        if plan is not None:
            cat.plans[plan.id] = plan


def _check_aliases(cat: Catalog, problems: list[Problem]) -> None:
    seen: dict[tuple[str | None, str], str] = {}
    for agency in sorted(cat.agencies.values(), key=lambda a: a.id):
        for name in {fold(n) for n in (agency.name, agency.short_name, *agency.aliases) if n}:
            other = seen.setdefault((agency.province, name), agency.id)
            if other != agency.id:
                problems.append(Problem(agency.loc, f"tên '{name}' của '{agency.id}' trùng với "
                                                    f"cơ quan '{other}' cùng tỉnh",
                                        "mỗi cách viết chỉ chỉ một cơ quan"))


def build_catalog(data_dir: Path, root: Path | None = None) -> Catalog:
    """Load, validate and model everything; raises GeneratorError listing every problem."""
    raw = load_all(data_dir, root)
    problems = list(raw.problems)
    _check_duplicates(raw, problems)
    ids = {kind: {r["id"] for r in raw.records[key] if isinstance(r.get("id"), str)}
           for kind, key in (("province", "provinces"), ("agency", "agencies"),
                             ("partnership", "partnerships"), ("plan", "plans"))}
    problems.extend(check_refs(raw.refs, ids))
    if problems:
        raise GeneratorError(problems)
    cat = Catalog()
    _build_entities(raw, cat, problems)
    if problems:
        raise GeneratorError(problems)
    return cat


def collect_problems(data_dir: Path, root: Path | None = None) -> list[Problem]:
    try:
        build_catalog(data_dir, root)
    except GeneratorError as exc:
        return exc.problems
    return []


def count_records(cat: Catalog) -> dict[str, int]:
    return {"plans": len(cat.plans), "tasks": len(cat.tasks), "agencies": len(cat.agencies),
            "provinces": len(cat.provinces), "partnerships": len(cat.partnerships)}


def group_by_plan(tasks: list[Task]) -> dict[str, list[Task]]:
    out: dict[str, list[Task]] = defaultdict(list)
    for t in tasks:
        out[t.plan].append(t)
    return dict(out)
