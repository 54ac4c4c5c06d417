"""A deterministic synthetic dataset in the real data format, for benchmarks and previews.

    python -m generator synth --tasks 25000 --seed 1 --out /tmp/national

All 34 current provinces and the former ones (data/provinces.yml as is), agencies per province,
partnerships (pairs and multi-province programmes), plans with sections and tasks whose text is
made from the real data's words (synth/words.py), every timeframe form the parser reads,
collective entries and progress reports. Same data/ and seed -> the same bytes. Everything is
made in memory first; nothing is written unless all of it was made.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model.read import read_catalog
from .entities import agencies, current_provinces, partnerships
from .plans import PlanMaker, World
from .words import build_chain

MARKER = ".synthetic"  # a folder with this file was written here and may be replaced
_SCHEMA = "# yaml-language-server: $schema={}schemas/{}.schema.json\n# Dữ liệu tổng hợp (python -m generator synth): không phải dữ liệu thật.\n"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class SynthError(ValueError):
    """The output folder cannot be written (it holds something that is not a synthetic set)."""


@dataclass(frozen=True)
class Sizes:
    tasks: int
    plans: int
    pairs: int
    programmes: int
    agencies_per_province: int

    @classmethod
    def for_tasks(cls, tasks: int) -> "Sizes":
        # about 25 tasks a plan and an agency for every 300 tasks (25,000 tasks: ~1,000 plans,
        # ~300 partnerships, ~2,800 agencies), so the mix of pages stays alike at every size
        plans = max(1, round(tasks / 25))
        return cls(
            tasks,
            plans,
            min(400, max(12, plans // 4)),
            min(6, max(1, plans // 150)),
            min(90, max(6, round(tasks / 300))),
        )


def _dump(data, header: str) -> str:
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def dataset(real_data: Path, tasks: int, seed: int) -> dict[str, str]:
    """relative path -> file text of a synthetic dataset with `tasks` tasks."""
    cat = read_catalog(real_data)
    rng = random.Random(seed)
    sizes = Sizes.for_tasks(tasks)
    chain = build_chain(cat)
    agency_recs = agencies(cat, rng, sizes.agencies_per_province)
    ps_recs = partnerships(cat, rng, sizes.pairs, sizes.programmes)
    world = World(chain, agency_recs, {p.id: p for p in current_provinces(cat)}, rng)
    maker = PlanMaker(world)
    by_id = {p["id"]: p for p in ps_recs}
    children = {pid: [c for c in ps_recs if c.get("part_of") == pid] for pid in by_id}
    files = {"provinces.yml": (real_data / "provinces.yml").read_text(encoding="utf-8")}
    for pid, recs in agency_recs.items():
        files[f"agencies/{pid}.yml"] = _dump(recs, _SCHEMA.format("../../", "agencies"))
    files["partnerships.yml"] = _dump(ps_recs, _SCHEMA.format("../", "partnerships"))
    left, seq = tasks, 0
    while left > 0:
        ps = ps_recs[seq % len(ps_recs)]
        seq += 1
        kids = children[ps["id"]]
        count = min(left, rng.randint(30, 60) if kids else rng.randint(8, 42))
        parent = by_id.get(ps.get("part_of") or "")
        agreement = (ps.get("agreements") or (parent or {}).get("agreements") or [None])[0]
        if agreement is None:
            continue
        plan = maker.plan(seq, ps, agreement, kids, count)
        files[f"plans/{plan['id']}.yml"] = _dump(plan, _SCHEMA.format("../../", "plans"))
        left -= count
    files[MARKER] = f"tasks={tasks} seed={seed}\n"
    return files


def write_dataset(files: dict[str, str], out: Path) -> None:
    """Replace `out` with the files; refuses a non-empty folder that is not a synthetic set."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SynthError(f"{out}: thư mục không rỗng và không phải dữ liệu tổng hợp; chọn thư mục khác")
    if out.exists():
        shutil.rmtree(out)
    for rel, text in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
