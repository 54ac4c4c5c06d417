"""Round trip of the importer on the seed documents: import, build the draft the way the
portal builds data/, and list every field where it differs from what data/ publishes today."""
from __future__ import annotations

import difflib
from pathlib import Path

from generator.catalog import Catalog
from generator.importer import import_file
from generator.importer.emit import plan_yaml
from generator.planbuild import build_plan
from generator.sources import load_text
from generator.textnorm import collapse

SEEDS = Path("/work/shared/seeds")
ROOT = Path(__file__).resolve().parents[2]


def built_plans(seed: Path, plan_id: str, cat: Catalog):
    draft = import_file(seed, plan_id, cat)
    plans = []
    for rec in draft.plans:
        text = plan_yaml(rec, seed.name)
        data, problems = load_text(text, f"data/plans/{rec['id']}.yml")
        assert not problems, problems
        plan, problems = build_plan(data, ROOT)
        assert not problems, [str(p) for p in problems]
        plans.append(plan)
    return draft, plans


def _task_fields(t) -> dict:
    tf = t.timeframe
    return {"id": t.id, "number": t.number, "content": collapse(t.content),
            "lead": list(t.lead), "coordinating": list(t.coordinating),
            "timeframe": (tf.kind, tf.start, tf.end)}


def differences(imported, published) -> list[tuple[str, str, str]]:
    """(plan id / task id, field, 'imported … | data …') for every field that differs."""
    out = []
    for key in ("number", "issued"):
        if getattr(imported, key) != getattr(published, key):
            out.append((published.id, key, f"{getattr(imported, key)!r} | {getattr(published, key)!r}"))
    sign_i = imported.signer and (imported.signer.name, imported.signer.position)
    sign_p = published.signer and (published.signer.name, published.signer.position)
    if sign_i != sign_p:
        out.append((published.id, "signer", f"{sign_i!r} | {sign_p!r}"))
    a = [collapse(t.content)[:80] for t in imported.tasks]
    b = [collapse(t.content)[:80] for t in published.tasks]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2))) if op in {"equal", "replace"} else []
        for i, j in pairs:
            fi, fp = _task_fields(imported.tasks[i]), _task_fields(published.tasks[j])
            for field in fi:
                if fi[field] != fp[field]:
                    out.append((f"{published.id}/{fp['id']}", field, f"{fi[field]!r} | {fp[field]!r}"))
        if op in {"replace", "insert"}:
            for j in range(j1 + len(pairs), j2):
                out.append((f"{published.id}/{published.tasks[j].id}", "task", "missing from import"))
        if op in {"replace", "delete"}:
            for i in range(i1 + len(pairs), i2):
                out.append((f"{published.id}/+{imported.tasks[i].id}", "task",
                            "imported, not in data: " + collapse(imported.tasks[i].content)[:60]))
    return out
