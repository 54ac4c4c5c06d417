"""What `import` prints or writes: YAML files (plans, proposed agencies) or one JSON document,
and the summary for stderr. Everything is rendered before anything is written."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ..catalog import Catalog
from ..clock import build_time
from ..columns import Ctx
from ..export import task_record
from ..assemble import collect_problems
from ..planbuild import build_plan
from ..sources import load_text
from ..status import plan_status, status_fields
from .blocks import ImportFailure
from .draft import Draft
from .emit import agencies_yaml, plan_yaml, strip_review

ROOT = Path(__file__).resolve().parents[2]


def yaml_files(draft: Draft, source_name: str) -> dict[str, str]:
    """{path relative to data/: text}: one plan file each, proposed agencies apart."""
    files = {f"plans/{rec['id']}.yml": plan_yaml(rec, source_name) for rec in draft.plans}
    if draft.agencies:
        files[f"agencies/{draft.plans[0]['id']}.de-xuat.yml"] = agencies_yaml(draft.agencies, source_name)
    return files


def _plan_record(plan, cat: Catalog) -> dict:
    tasks = plan.tasks
    provinces = sorted({cat.agencies[a].province for t in tasks for a in (*t.lead, *t.coordinating)
                        if a in cat.agencies and cat.agencies[a].province})
    return {"id": plan.id, "url": plan.url, "title": plan.title, "name": plan.short_title,
            "type": plan.type, "number": plan.number,
            "issued": plan.issued.isoformat() if plan.issued else None, "issuer": plan.issuer,
            "signer": plan.signer.name if plan.signer else None,
            "signer_position": plan.signer.position if plan.signer else None,
            "period_start": plan.period.start.isoformat() if plan.period.start else None,
            "period_end": plan.period.end.isoformat() if plan.period.end else None,
            "partnerships": list(plan.partnerships), "provinces": provinces,
            "focal_agency": plan.focal_agency, "task_count": len(tasks),
            "source_file": plan.source_file,
            "issuer_name": _name(cat, plan.issuer), "focal_agency_name": _name(cat, plan.focal_agency),
            "source_url": plan.source_url, "permalink": None,
            **status_fields(plan_status(plan, build_time().date()))}


def _name(cat: Catalog, agency_id: str | None) -> str | None:
    """An agency's name; None for none, or for one the draft proposes (not yet in data/)."""
    return cat.agencies[agency_id].name if agency_id in cat.agencies else None


def json_text(draft: Draft, source_name: str, cat: Catalog) -> str:
    plans, tasks = [], []
    for rec in draft.plans:
        data, problems = load_text(plan_yaml(rec, source_name), f"plans/{rec['id']}.yml")
        plan, more = build_plan(data, ROOT) if data is not None else (None, [])
        if plan is None or problems or more:
            raise ImportFailure(source_name, "bản nháp không dựng được: "
                                + "; ".join(str(p) for p in problems + more))
        plans.append(_plan_record(plan, cat))
        tasks += [task_record(t, Ctx(cat, "")) for t in plan.tasks]
    agencies = [{"id": a["id"], "url": f"co-quan/{a['id']}/", "name": a["name"],
                 "short_name": a.get("short_name"), "province": a.get("province"),
                 "aliases": list(a.get("aliases") or []),
                 "lead_count": sum(a["id"] in t["lead"] for t in tasks),
                 "coordinating_count": sum(a["id"] in t["coordinating"] for t in tasks),
                 "permalink": None}
                for a in strip_review(draft.agencies)]
    out = {"plans": plans, "tasks": tasks, "agencies": agencies, "review": draft.review}
    return json.dumps(out, ensure_ascii=False, indent=2, default=str) + "\n"


def summary(draft: Draft) -> str:
    s = draft.stats
    plans = ", ".join(p["id"] for p in draft.plans)
    tables = "".join(
        f"Bảng {i}{_at(t['line'])}: {t['rows']} dòng, "
        f"{t['header']} dòng tiêu đề/đánh số cột, {t['read']} dòng nhiệm vụ hoặc mục"
        + (f", {t['merged']} dòng nối trang ghép vào dòng trên" if t["merged"] else "") + ".\n"
        for i, t in enumerate(s.get("tables", []), 1))
    return (tables + f"Đã đọc {s.get('rows', 0)} dòng bảng; viết {s.get('tasks', 0)} nhiệm vụ "
            f"trong {len(draft.plans)} kế hoạch ({plans}).\n"
            f"Cơ quan: {s.get('matched', 0)} khớp, {s.get('proposed', 0)} đề xuất mới, "
            f"{s.get('ambiguous', 0)} cần chọn. Giá trị kế thừa từ tiêu đề mục: {s.get('inherited', 0)}.\n"
            f"{len(draft.review)} điểm cần kiểm tra (dòng '# KIỂM TRA:' trong bản nháp).")


def draft_problems(data_dir: Path, files: dict[str, str]) -> list[str]:
    """What `make validate` would say of data/ with the draft files in it: each problem as
    'data/<file>:<line>: …', the draft's own lines first. Checked on a copy; data/ untouched."""
    with tempfile.TemporaryDirectory(prefix="portal-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, symlinks=True)
        for rel, text in files.items():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
        problems = collect_problems(copy, ROOT)
        prefix = copy.as_posix().rstrip("/") + "/"
    ours = {f"data/{rel}" for rel in files}
    lines = []
    for problem in problems:
        path = problem.location.path
        shown = "data/" + path[len(prefix):] if path.startswith(prefix) else path
        lines.append((shown not in ours, str(problem).replace(path, shown, 1)))
    return [text for _, text in sorted(lines)]


def write_files(data_dir: Path, files: dict[str, str], force: bool) -> list[Path]:
    """All or nothing: refuse before writing anything if a target exists (unless force);
    every file is written to a temporary name first, then all are renamed; a failure
    removes what this call wrote and puts back what it replaced."""
    targets = [(data_dir / rel, text) for rel, text in files.items()]
    existing = [t for t, _ in targets if t.exists()]
    if existing and not force:
        raise ImportFailure(existing[0].as_posix(), "tệp đã có: thêm --force để ghi đè / "
                            "file exists: use --force to overwrite")
    staged: list[tuple[Path, Path]] = []
    done: list[tuple[Path, bytes | None]] = []
    try:
        for target, text in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            staged.append((tmp, target))
            tmp.write_text(text, encoding="utf-8")
        for tmp, target in staged:
            before = target.read_bytes() if target.exists() else None
            tmp.replace(target)
            done.append((target, before))
    except OSError as exc:
        for target, before in reversed(done):
            if before is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(before)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise ImportFailure(data_dir.as_posix(), f"không ghi được bản nháp, không tệp nào được ghi / "
                            f"could not write the draft, nothing written ({exc.strerror})") from None
    return [t for t, _ in targets]


def _at(line: int) -> str:
    return f" (dòng {line})" if line else ""
