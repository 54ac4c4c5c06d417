"""What `import` prints or writes: YAML files (plans, proposed agencies) or one JSON document,
and the summary for stderr. Everything is rendered before anything is written."""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
from pathlib import Path

import yaml

from ..model.read import collect_problems
from .blocks import ImportFailure
from .draftrecords import Draft
from .emit import agencies_yaml, plan_yaml

ROOT = Path(__file__).resolve().parents[2]


def yaml_files(draft: Draft, source_name: str) -> dict[str, str]:
    """{path relative to data/: text}: one plan file each, proposed agencies apart."""
    files = {f"plans/{plan.id}.yml": plan_yaml(plan, source_name) for plan in draft.plans}
    if draft.agencies:
        files[f"agencies/{draft.plans[0].id}.de-xuat.yml"] = agencies_yaml(draft.agencies, source_name)
    return files


def json_text(draft: Draft, source_name: str) -> str:
    """The same draft as the YAML, as JSON: each plan file read back from the very text the
    YAML prints (the full plan record: place, legal bases, sections, signer), the proposed
    agencies, and the review notes ("review": where and what). Nothing is refused that the
    YAML prints: validation is `--write`'s and `make validate`'s."""
    files = yaml_files(draft, source_name)
    plans = [_plain_data(yaml.safe_load(files[f"plans/{plan.id}.yml"])) for plan in draft.plans]
    agencies = [_plain_data(a.to_record()) for a in draft.agencies]
    out = {
        "plans": plans,
        "agencies": agencies,
        "files": [f"data/{rel}" for rel in files],
        "review": draft.review,
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _plain_data(value):
    """YAML's dates as ISO text, everything else as it is."""
    if isinstance(value, dict):
        return {k: _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def summary(draft: Draft) -> str:
    s = draft.stats
    plans = ", ".join(p.id for p in draft.plans)
    tables = "".join(
        f"Bảng {i}{_at(t['line'])}: {t['rows']} dòng, "
        f"{t['header']} dòng tiêu đề/đánh số cột, {t['read']} dòng nhiệm vụ hoặc mục"
        + (f", {t['merged']} dòng nối trang ghép vào dòng trên" if t["merged"] else "")
        + ".\n"
        for i, t in enumerate(s.get("tables", []), 1)
    )
    return (
        tables + f"Đã đọc {s.get('rows', 0)} dòng bảng; viết {s.get('tasks', 0)} nhiệm vụ "
        f"trong {len(draft.plans)} kế hoạch ({plans}).\n"
        f"Cơ quan: {s.get('matched', 0)} khớp, {s.get('proposed', 0)} đề xuất mới, "
        f"{s.get('ambiguous', 0)} cần chọn. Giá trị kế thừa từ tiêu đề mục: {s.get('inherited', 0)}.\n"
        f"{len(draft.review)} điểm cần kiểm tra (dòng '# KIỂM TRA:' trong bản nháp)."
    )


def draft_problems(data_dir: Path, files: dict[str, str]) -> list[str]:
    """What `make validate` would say of data/ with the draft files in it: each problem as
    'data/<file>:<line>: …', the draft's own lines first. Checked on a copy; data/ untouched."""
    with tempfile.TemporaryDirectory(prefix="portal-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, symlinks=True)
        for rel, text in files.items():
            _no_symlink(copy, rel, data_dir)  # copied as symlinks: never written through
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
        problems = collect_problems(copy, ROOT)
        prefix = copy.as_posix().rstrip("/") + "/"
    ours = {f"data/{rel}" for rel in files}
    lines = []
    for problem in problems:
        path = problem.location.path
        shown = "data/" + path[len(prefix) :] if path.startswith(prefix) else path
        lines.append((shown not in ours, str(problem).replace(path, shown, 1)))
    return [text for _, text in sorted(lines)]


def _no_symlink(copy: Path, rel: str, data_dir: Path) -> None:
    here = copy
    for part in rel.split("/"):
        here = here / part
        if here.is_symlink():
            shown = f"{data_dir.as_posix()}/{here.relative_to(copy).as_posix()}"
            raise ImportFailure(
                shown,
                "là liên kết tượng trưng (symlink): bản nháp không ghi qua nó; "
                "không tệp nào được ghi / a symlink: nothing written",
            )


def write_files(data_dir: Path, files: dict[str, str], force: bool) -> list[Path]:
    """All or nothing, never through a symlink, whole under SIGINT/SIGTERM: safewrite.py."""
    from .safewrite import write_files as write

    return write(data_dir, files, force)


def _at(line: int) -> str:
    return f" (dòng {line})" if line else ""
