"""Rows of a task table -> the task tree: group and section rows open sections nested by their
numbering (letters, then roman numerals, then 1, 1.1, 1.1.1, then bullets), task rows become
tasks; what the reader is unsure of is one review line a kind, on the table's first section.
"""

from __future__ import annotations

import re

from .typedtree import add_note

_ROMAN = re.compile(r"^[IVXL]+$")


def rank(number: str) -> int:
    number = number.rstrip(".")
    if number in {"-", "+", "•"}:
        return 99
    if _ROMAN.match(number):
        return 1
    if re.match(r"^[A-Z]$", number):
        return 0
    if re.match(r"^[a-zđ]\)?$", number):
        return 10
    return 2 + number.count(".")


def is_section_row(row: dict, following: dict | None) -> bool:
    if row.get("_group"):
        return True
    if (
        row.get("_extra")
        or row.get("_known")
        or row.get("_spanned")
        or any(v for k, v in row.items() if k not in {"number", "content"} and not k.startswith("_"))
    ):
        return False
    number = row.get("number", "").rstrip(".")
    if rank(number) < 2:
        return True
    if following is None:
        return False
    nxt = following.get("number", "").rstrip(".")
    return nxt in {"-", "+", "•"} or nxt.startswith(number + ".")


def _holder(source: str | None) -> dict:
    return {"number": None, "title": None, "paragraphs": [], "source": source, "tasks": [], "sections": []}


def _task(row: dict) -> dict:
    task = {k: (v or None) for k, v in row.items() if not k.startswith("_")}
    task["number"] = row.get("number") or None
    task["_from_table"] = True
    if row.get("_spanned"):
        task["_merged_row"] = True  # its number is the row above's: one review line a table
    notes = [f"{name}: {value}" for name, value in row.get("_known", []) + row.get("_extra", [])]
    if notes:
        task["note"] = "\n\n".join(([task["note"]] if task.get("note") else []) + notes)
    return task


def build_tree(rows: list[dict], source: str | None) -> list[dict]:
    """Rows -> sections holding tasks, nested by numbering. Tasks before any section row go
    into one section without number. What the reader is unsure of is one review line a kind,
    on the first section: the unknown columns, the rows that took merged cells, the rows joined
    over a page break."""
    top: list[dict] = []
    stack: list[tuple[int, dict]] = []
    loose: dict | None = None
    unknown: dict[str, None] = {}
    spanned: list[str] = []
    joined: list[str] = []
    filled: list[str] = []
    for index, row in enumerate(rows):
        if "_paragraph" in row:
            if loose is None and not stack:
                loose = _holder(source)
                top.append(loose)
            holder = stack[-1][1] if stack else loose
            holder["paragraphs"].append(row["_paragraph"])
            add_note(
                holder,
                f"dòng '{row['_paragraph'][:60]}' đứng trên dòng tiêu đề bảng: giữ làm đoạn văn, kiểm tra",
            )
            continue
        following = rows[index + 1] if index + 1 < len(rows) else None
        number = row.get("number", "")
        if is_section_row(row, following):
            r = rank(number)
            while stack and stack[-1][0] >= r:
                stack.pop()
            section = _holder(source)
            section.update(number=number.rstrip(".") or None, title=row.get("content") or None)
            (stack[-1][1]["sections"] if stack else top).append(section)
            stack.append((r, section))
            continue
        task = _task(row)
        unknown.update((name, None) for name, _ in row.get("_extra", []))
        name = " ".join(((row.get("number") or "") + " " + (row.get("content") or "")[:30]).split())
        if row.get("_spanned"):
            spanned.append(name)
        if row.get("_joined"):
            joined.append(name)
        if row.get("_filled"):
            filled.append(name)
        if stack:
            stack[-1][1]["tasks"].append(task)
        else:
            if loose is None:
                loose = _holder(source)
                top.append(loose)
            loose["tasks"].append(task)
    if top and unknown:
        add_note(
            top[0],
            "cột " + ", ".join(f"'{n}'" for n in unknown) + " không có trong mẫu của cổng: chép vào "
            "'note' của từng nhiệm vụ, chuyển sang trường đúng nếu có",
        )
    if top and spanned:
        add_note(
            top[0],
            f"{len(spanned)} hàng in thiếu ô (ô gộp với hàng trên: STT, cơ quan chủ trì, phối hợp …), "
            "mỗi hàng là một nhiệm vụ lấy các ô đó từ hàng trên — kiểm tra: " + _some(spanned),
        )
    if top and joined:
        add_note(
            top[0],
            f"{len(joined)} hàng nối với dòng không có STT ở đầu trang sau (trang bị ngắt giữa ô): "
            "kiểm tra chỗ nối: " + _some(joined),
        )
    if top and filled:
        add_note(
            top[0],
            f"{len(filled)} hàng bị cắt ở một ô trống (trang web in ô trống như hết hàng), phần sau "
            "được ghép lại: kiểm tra cột của từng ô: " + _some(filled),
        )
    return top


def count_tasks(sections: list[dict]) -> int:
    """Task rows of a table's tree (what the choice between readers asks the table reader)."""
    return sum(len(s["tasks"]) + count_tasks(s["sections"]) for s in sections)


def _some(places: list[str], most: int = 8) -> str:
    """The first places of a review note's list, "…" when there are more."""
    return "; ".join(places[:most]) + (" …" if len(places) > most else "")
