"""From validated records to the catalog: load → check shapes → check across records →
assemble entities. The one entry point is `read_catalog`; it raises GeneratorError with every
problem found and never returns a partly built catalog."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from .catalog import Catalog
from .crosschecks import check_former_urls, cross_record_problems
from ..errors import GeneratorError, Problem
from .load import RawData, load_all
from .models import Agency, Agreement, Partnership, Position, Province
from .plan_record import plan_from_record
from .validate import check_refs


def _value(value, type_: str):
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, str) and type_.startswith("date"):  # checked by the validator
        return datetime.date.fromisoformat(value)
    return value


def from_record(cls, rec, **given):
    """An entity from its record: each dataclass field takes the record's value of the same
    name (lists as tuples, ISO dates as dates), unless given explicitly."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in given:
            values[f.name] = given[f.name]
        elif f.name == "loc":
            values[f.name] = rec.loc
        else:
            default = () if str(f.type).startswith("tuple") else None
            raw = rec.get(f.name)
            values[f.name] = default if raw is None else _value(raw, str(f.type))
    return cls(**values)


def assemble(raw: RawData) -> tuple[Catalog, list[Problem]]:
    cat = Catalog()
    problems: list[Problem] = []
    for r in raw.records["provinces"]:
        pos = r.get("position")
        cat.provinces[r["id"]] = from_record(
            Province, r, position=from_record(Position, pos) if pos else None
        )
    for r in raw.records["agencies"]:
        cat.agencies[r["id"]] = from_record(Agency, r)
    for r in raw.records["partnerships"]:
        agreements = tuple(from_record(Agreement, a) for a in r.get("agreements") or [])
        cat.partnerships[r["id"]] = from_record(Partnership, r, agreements=agreements)
    for r in raw.records["plans"]:
        plan, plan_problems = plan_from_record(r, raw.root)
        problems.extend(plan_problems)
        if plan is not None:
            cat.plans[plan.id] = plan
    return cat, problems


def read_catalog(
    data_dir: Path, root: Path | None = None, only_plans: frozenset[str] | None = None
) -> Catalog:
    """Load, validate and model everything; raises GeneratorError listing every problem.
    `only_plans`: a preview of those plans (the other plan files are not read)."""
    raw = load_all(data_dir, root, only_plans)
    problems = list(raw.problems)
    ids = {
        kind: {r["id"] for r in raw.records[key] if isinstance(r.get("id"), str)}
        for kind, key in (
            ("province", "provinces"),
            ("agency", "agencies"),
            ("partnership", "partnerships"),
            ("plan", "plans"),
        )
    }
    ids["plan"] |= raw.plans_not_loaded
    problems.extend(check_refs(raw.refs, ids))
    problems.extend(cross_record_problems(raw))
    if problems:
        raise GeneratorError(problems)
    cat, problems = assemble(raw)
    problems.extend(check_former_urls(cat) if not problems else [])
    if problems:
        raise GeneratorError(problems)
    return cat


def collect_problems(data_dir: Path, root: Path | None = None) -> list[Problem]:
    try:
        read_catalog(data_dir, root)
    except GeneratorError as exc:
        return exc.problems
    return []
