"""The validated whole: every entity by id, and the queries pages need (query-only: it is
assembled in read.py and does not change afterwards, so its indexes are built once)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .models import Agency, Partnership, Plan, Province, Task
from ..textnorm import fold, vi_sort_key


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
        return {
            "plans": tuple(sorted(self.plans.values(), key=lambda p: (-(p.year), p.id))),
            "agencies": tuple(sorted(self.agencies.values(), key=by_name)),
            "provinces": tuple(sorted(self.provinces.values(), key=by_name)),
            "partnerships": tuple(sorted(self.partnerships.values(), key=by_name)),
        }

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
        index: dict[str, dict[str, list[Task]]] = {
            "led": defaultdict(list),
            "coordinated": defaultdict(list),
            "partnership": defaultdict(list),
            "province": defaultdict(list),
        }
        for t in self.tasks:
            for a in dict.fromkeys(t.lead):
                index["led"][a].append(t)
            for a in dict.fromkeys(t.coordinating):
                index["coordinated"][a].append(t)
            if t.partnership:
                index["partnership"][t.partnership].append(t)
            for p in self.task_provinces(t):
                index["province"][p].append(t)
        return index

    def task_provinces(self, task: Task) -> list[str]:
        """Provinces a task concerns: those of its agencies and of its partnership."""
        ids = {self.agencies[a].province for a in task.lead + task.coordinating} - {None}
        if task.partnership:
            ids |= set(self.partnerships[task.partnership].provinces)
        return sorted(ids)

    def tasks_led_by(self, agency_id: str) -> list[Task]:
        return list(self._index["led"].get(agency_id, []))

    def tasks_coordinated_by(self, agency_id: str) -> list[Task]:
        return list(self._index["coordinated"].get(agency_id, []))

    def agencies_of(self, province_id: str | None) -> list[Agency]:
        return [a for a in self.sorted_agencies() if a.province == province_id]

    def plan_provinces(self, plan: Plan) -> list[str]:
        return list(self._plan_links[plan.id][1])

    def plan_partnerships(self, plan: Plan) -> list[str]:
        return list(self._plan_links[plan.id][0])

    @cached_property
    def _plan_links(self) -> dict[str, tuple[list[str], list[str]]]:
        """Each plan's partnerships and provinces, worked out once (pages ask for them per
        partnership and per province: asking each plan again made that quadratic)."""
        out = {}
        for plan in self.plans.values():
            pids = set(plan.partnerships) | {t.partnership for t in plan.tasks if t.partnership}
            partnerships = sorted(pids, key=self._rank["partnerships"].__getitem__)
            ids = {self.agencies[plan.issuer].province} - {None}
            for pid in partnerships:
                ids.update(self.partnerships[pid].provinces)
            out[plan.id] = (partnerships, sorted(ids, key=self._rank["provinces"].__getitem__))
        return out

    @cached_property
    def _plans_by(self) -> dict[str, dict[str, list[Plan]]]:
        """Plans by partnership, by province and by the plan their related documents name."""
        index: dict[str, dict[str, list[Plan]]] = {
            "partnership": defaultdict(list),
            "province": defaultdict(list),
            "named": defaultdict(list),
            "issuer": defaultdict(list),
            "focal": defaultdict(list),
        }
        for plan in self.sorted_plans():
            if plan.issuer:
                index["issuer"][plan.issuer].append(plan)
            if plan.focal_agency:
                index["focal"][plan.focal_agency].append(plan)
            partnerships, provinces = self._plan_links[plan.id]
            for pid in partnerships:
                index["partnership"][pid].append(plan)
            for prov in provinces:
                index["province"][prov].append(plan)
            for named in dict.fromkeys(r.plan for r in plan.related_documents if r.plan):
                index["named"][named].append(plan)
        return index

    def plans_issued_by(self, agency_id: str) -> list[Plan]:
        return list(self._plans_by["issuer"].get(agency_id, []))

    def plans_with_focal(self, agency_id: str) -> list[Plan]:
        return list(self._plans_by["focal"].get(agency_id, []))

    def plan_order(self, plan_id: str) -> int:
        """The plan's place in sorted_plans()."""
        return self._rank["plans"][plan_id]

    def tasks_of_partnership(self, pid: str) -> list[Task]:
        return list(self._index["partnership"].get(pid, []))

    def plans_of_partnership(self, pid: str) -> list[Plan]:
        return list(self._plans_by["partnership"].get(pid, []))

    def children_of(self, pid: str) -> list[Partnership]:
        return [p for p in self.sorted_partnerships() if p.part_of == pid]

    def partnerships_of_province(self, province_id: str) -> list[Partnership]:
        return [p for p in self.sorted_partnerships() if province_id in p.provinces]

    def plans_of_province(self, province_id: str) -> list[Plan]:
        return list(self._plans_by["province"].get(province_id, []))

    def referenced_by(self, plan_id: str) -> list[Plan]:
        """Documents on the portal whose related documents name this plan."""
        return list(self._plans_by["named"].get(plan_id, []))

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


def count_records(cat: Catalog) -> dict[str, int]:
    return {
        "plans": len(cat.plans),
        "tasks": len(cat.tasks),
        "agencies": len(cat.agencies),
        "provinces": len(cat.provinces),
        "partnerships": len(cat.partnerships),
    }


def group_by_plan(tasks: list[Task]) -> dict[str, list[Task]]:
    out: dict[str, list[Task]] = defaultdict(list)
    for t in tasks:
        out[t.plan].append(t)
    return dict(out)
