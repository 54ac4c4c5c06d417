"""The two steps of the import workflow (.github/workflows/nhap-ke-hoach.yml) as functions:
`prepare` reads an issue event into a draft folder, `apply` puts a draft folder's files into
data/. See import_request.py for the request itself and why the steps are apart."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

from .import_request import RequestRefused, Request, branch_name, code, download, parse_event, show

# What a draft folder may hold, relative to data/: a plan, the agencies it proposes, the text.
_SAFE = re.compile(r"(?:plans/[a-z0-9-]+\.yml|agencies/[a-z0-9-]+\.de-xuat\.yml|sources/[a-z0-9-]+\.txt)")
SOURCE_LIMIT = 1024 * 1024  # data/sources/ files are read up to 1 MB


def document_text(doc) -> str:
    """The document as text for data/sources/: paragraphs, and table rows as cells between ' | '."""
    from .importer.blocks import Table

    out = []
    for block in doc.blocks:
        if isinstance(block, Table):
            out.extend(" | ".join(" ".join(c.split()) for c in row) for row in block.rows)
            out.append("")
        else:
            out += [block.text, ""]
    return "\n".join(out).strip() + "\n"


def _checklist(review: list[str]) -> str:
    if not review:
        return "Công cụ không có điểm nào cần kiểm tra; vẫn so bản nháp với văn bản trước khi hợp nhất.\n"
    return "".join(f"- [ ] {show(line, 400)}\n" for line in review)


def _pr_body(req: Request, plan_ids: list[str], review: list[str], problems: list[str]) -> str:
    check = (
        "`make validate`: **đạt** với bản nháp."
        if not problems
        else f"`make validate`: **{len(problems)} lỗi** — sửa trong pull request này trước khi hợp nhất:\n\n"
        + "".join(f"- {show(p, 300)}\n" for p in problems[:50])
    )
    notes = "".join(f"- {show(p, 300)}\n" for p in req.problems)
    return (
        f"Bản nháp do công cụ nhập tạo từ tệp `{code(req.file_name)}` gửi ở #{req.issue} "
        f"(người gửi: @{re.sub(r'[^A-Za-z0-9-]', '', req.author)[:39]}).\n\n"
        f"Kế hoạch: {', '.join(f'`{p}`' for p in plan_ids)}.\n\n{check}\n\n"
        + (f"Lưu ý về yêu cầu:\n\n{notes}\n" if notes else "")
        + "## Cần kiểm tra (so với văn bản đã ký)\n\n"
        "Mỗi dòng là một dòng `# KIỂM TRA:` trong bản nháp. Sửa tệp ngay trên GitHub "
        "(nút bút chì ở tab *Files changed*), xóa dòng `# KIỂM TRA:` khi đã kiểm tra, đánh dấu ô.\n\n"
        + _checklist(review)
        + f"\nCloses #{req.issue}\n"
    )


def _write_result(out: Path, result: dict, comment: str, body: str | None = None) -> dict:
    (out / "result.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out / "comment.md").write_text(comment, encoding="utf-8")
    if body is not None:
        (out / "pr-body.md").write_text(body, encoding="utf-8")
    return result


def prepare(event: dict, out: Path, data_dir: Path, opener=None) -> dict:
    """Read the request of an issue event into `out`. Returns result.json's content; its
    "status" is "draft" (files to commit), "refused" (tell the issue why) or "ignored"
    (an event this workflow does not answer: nothing said)."""
    from .model.read import read_catalog
    from .errors import GeneratorError
    from .importer import MAX_BYTES, ImportFailure, read_document
    from .importer.draft import build_draft
    from .importer.output import draft_problems, yaml_files

    out.mkdir(parents=True, exist_ok=True)
    issue = (event.get("issue") or {}).get("number")
    try:
        req = parse_event(event)
    except RequestRefused as exc:
        status = "ignored" if exc.silent else "refused"
        return _write_result(
            out, {"status": status, "issue": issue, "reason": str(exc)}, f"Không tạo được bản nháp: {exc}.\n"
        )
    suffix = Path(req.file_name.lower()).suffix
    path = out / f"van-ban{suffix}"  # the attachment's own name is never a path
    try:
        download(req.url, path, MAX_BYTES, opener)
        cat = read_catalog(data_dir)
        doc = read_document(path)
        draft = build_draft(doc, cat, req.plan_id)
    except (RequestRefused, ImportFailure) as exc:
        why = exc.message if isinstance(exc, ImportFailure) else str(exc)
        return _write_result(
            out,
            {"status": "refused", "issue": req.issue, "reason": show(why, 500)},
            f"Không tạo được bản nháp từ tệp `{code(req.file_name)}`: {show(why, 500)}\n\n"
            "Sửa theo hướng dẫn trên rồi mở một issue mới (hoặc gửi lại tệp trong issue "
            "mới); cần giúp, hỏi người quản trị cổng.\n",
        )
    except GeneratorError:
        return _write_result(
            out,
            {"status": "refused", "issue": req.issue, "reason": "data"},
            "Dữ liệu hiện có của cổng đang có lỗi (`make validate`): người quản trị sửa "
            "trước, rồi gắn lại nhãn để chạy lại.\n",
        )
    except OSError as exc:
        return _write_result(
            out,
            {"status": "refused", "issue": req.issue, "reason": "download"},
            f"Không tải được tệp đính kèm ({show(str(exc.strerror or exc))}): thử gửi lại.\n",
        )
    first = draft.plans[0].id
    text = document_text(doc)
    source = f"sources/{first}.txt"
    if len(text.encode("utf-8")) <= SOURCE_LIMIT:  # every plan cites the text kept beside it
        kept = [replace(plan, source={**plan.source, "file": f"{first}.txt"}) for plan in draft.plans]
        draft = replace(draft, plans=kept)
    files = yaml_files(draft, code(req.file_name))
    if len(text.encode("utf-8")) <= SOURCE_LIMIT:
        files[source] = text
    unsafe = [rel for rel in files if not _SAFE.fullmatch(rel)]
    if unsafe:
        return _write_result(
            out,
            {"status": "refused", "issue": req.issue, "reason": "tên tệp"},
            f"Bản nháp có tên tệp không hợp lệ ({show(unsafe[0])}).\n",
        )
    existing = [rel for rel in files if (data_dir / rel).exists()]
    if existing:
        return _write_result(
            out,
            {"status": "refused", "issue": req.issue, "reason": "đã có"},
            f"Dữ liệu đã có `{code(existing[0])}`: ghi mã kế hoạch khác vào ô "
            f"'Mã kế hoạch' và mở issue mới, hoặc sửa kế hoạch đã có bằng pull request.\n",
        )
    problems = draft_problems(data_dir, files)
    for rel, body in files.items():
        (out / "files" / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / "files" / rel).write_text(body, encoding="utf-8")
    plan_ids = [plan.id for plan in draft.plans]
    result = {
        "status": "draft",
        "issue": req.issue,
        "plans": plan_ids,
        "files": sorted(files),
        "branch": branch_name(req, first),
        "review": len(draft.review),
        "problems": len(problems),
        "title": f"Nhập kế hoạch {first} (từ #{req.issue})",
    }
    comment = (
        f"Đã đọc tệp `{code(req.file_name)}`: {len(plan_ids)} kế hoạch, "
        f"{len(draft.review)} điểm cần kiểm tra"
        + (f", {len(problems)} lỗi kiểm tra dữ liệu" if problems else "")
        + ". Bản nháp: "
    )
    return _write_result(out, result, comment, _pr_body(req, plan_ids, draft.review, problems))


def apply(draft_dir: Path, data_dir: Path) -> str:
    """Copy a draft folder's files into data/ (names checked again: the folder came from the
    job that read the hostile document). Returns the branch name to commit on."""
    result = json.loads((draft_dir / "result.json").read_text(encoding="utf-8"))
    if result.get("status") != "draft":
        raise RequestRefused("không có bản nháp để ghi")
    branch = str(result.get("branch", ""))
    if not re.fullmatch(r"nhap-ke-hoach/issue-\d+-[a-z0-9-]+", branch):
        raise RequestRefused("tên nhánh không hợp lệ")
    files = [str(rel) for rel in result.get("files") or []]
    for rel in files:
        src = draft_dir / "files" / rel
        if not _SAFE.fullmatch(rel) or src.is_symlink() or not src.is_file():
            raise RequestRefused(f"tệp không hợp lệ trong bản nháp: {show(rel)}")
        if (data_dir / rel).exists():
            raise RequestRefused(f"dữ liệu đã có {show(rel)}")
    for rel in files:
        (data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(draft_dir / "files" / rel, data_dir / rel)
    return branch
