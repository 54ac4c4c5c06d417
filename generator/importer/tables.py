"""Task tables -> sections and tasks: column names, repeated headers, continued rows, section rows.

A table's header row names its columns ("STT", "Nội dung", "Cơ quan chủ trì" ...); a header
repeated after a page break is dropped; a row whose STT cell is empty continues the row above
(a cell broken over a page); a row with only a number and a title ("A", "I", "1 Hợp tác phát
triển du lịch", "1.1 ..." followed by its "-" items) is a section. Sections nest by their
numbering: letters, then roman numerals, then 1, 1.1, 1.1.1, then bullets.
"""
from __future__ import annotations

import re

from ..textnorm import fold
from .blocks import ImportFailure, Table

# words a folded header holds -> task field, tried in order ("Sở, ngành chủ trì tham mưu" is the
# lead, "Đơn vị phối hợp thực hiện" the coordinating agencies, "Tên nhiệm vụ" the content)
COLUMNS = [
    ("phoi hop", "coordinating_text"), ("chu tri", "lead_text"),
    ("thoi gian", "timeframe"), ("thoi han", "timeframe"), ("tien do", "timeframe"),
    ("hinh thuc", "form"), ("dau moi", "contact"), ("lien he", "contact"),
    ("san pham", "product"), ("ket qua", "product"), ("ghi chu", "note"),
    ("noi dung", "content"), ("nhiem vu", "content"), ("hoat dong", "content"),
    ("ten cong viec", "content"), ("cong viec", "content"), ("danh muc", "content"),
    ("co quan thuc hien", "lead_text"), ("don vi thuc hien", "lead_text"),
]
_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu", "s tt", "thu tu"}
STT = re.compile(r"^(?:[A-Z]|[a-zđ]\)?|[IVXL]+\.?|\d+(?:\.\d+)*\.?|[-+•])$")
_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")      # "(1) (2) (3)" under the header
_ROMAN = re.compile(r"^[IVXL]+$")
_GROUP_NUMBER = re.compile(r"^(\d+(?:\.\d+)*|[IVXL]+|[A-Z])[.)]?\s+(\S.*)$", re.S)
_ENDS = (".", ":", ";", "!", "?")
_ITEM = re.compile(r"- [^\W\d_]")


def column_of(header: str) -> str | None:
    """The task field a column header names ('STT', 'Cơ quan chủ trì' …), or None."""
    key = fold(header).strip(" .:*")
    if key in _NUMBER_HEADERS:
        return "number"
    if len(key) > 70:
        return None
    words = f" {re.sub(r'[^a-z0-9]+', ' ', key)} "
    for name, field in COLUMNS:
        if f" {name} " in words:
            return field
    return None


def header_fields(row: list[str]) -> list[str | None] | None:
    """The fields a header row names, or None when the row is not a header. A column the
    portal has no field for is kept as '?<its header>' (it goes into the task's note)."""
    fields = [column_of(c) if c.strip() else None for c in row]
    if "number" not in fields or "content" not in fields:
        return None
    return [f if f or not c.strip() else "?" + " ".join(c.split()) for c, f in zip(row, fields)]


def is_numbering_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) >= 3 and all(_NUMBERING.match(c) for c in cells)


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


def group_cells(cells: list[str], file: str, line: int) -> list[list[str]]:
    """A one-cell-a-block table (the '|' layout) -> rows, using the header's width."""
    width = 0
    while width < len(cells) and column_of(cells[width]) and not STT.match(cells[width]):
        width += 1
    if width < 2:
        raise ImportFailure(file, "bảng không có dòng tiêu đề (STT, Nội dung, …) / "
                            "table without a header row", line)
    rows = [cells[:width]]
    i = width
    while i < len(cells):
        if STT.match(cells[i]) and i + 2 < len(cells) and STT.match(cells[i + 2]) and cells[i + 1]:
            rows.append(cells[i:i + 2] + [""] * (width - 2))     # a section row: number, title
            i += 2
            continue
        rows.append((cells[i:i + width] + [""] * width)[:width])
        i += width
    return rows


_SOFT = re.compile(r"(?<!\n)\n(?=- [^\W\d_])")


def lists_kept(row: dict) -> dict:
    """A cell's '\n- X' is the next item of a list when the cell begins with '- '; otherwise
    a wrapped 'Sở Lao động - Thương binh …' joined back."""
    for key, value in row.items():
        if isinstance(value, str) and not value.startswith("- "):
            row[key] = _SOFT.sub(" ", value)
    return row


def _join(before: str, after: str) -> str:
    if not before:
        return after
    if not after:
        return before
    if _ITEM.match(after) and (before.startswith("- ") or "\n- " in before):
        return before + "\n" + after                  # the next item of a '- ' list
    return before + ("\n\n" if before.rstrip().endswith(_ENDS) else " ") + after


def table_rows(table: Table, file: str, out: list[dict] | None = None,
               fields: list | None = None, count: dict | None = None) -> tuple[list[dict], list]:
    """Rows of a table as {field: text} (header rows dropped, continued rows merged), added to
    `out`: a table broken over pages continues the one before, with its columns when Word
    did not repeat the header. Returns (rows, the columns in force)."""
    rows = table.rows
    if table.header_rows == 0 and len(rows) == 1:
        rows = group_cells(rows[0], file, table.line)
    out = [] if out is None else out
    count = {} if count is None else count
    for raw in rows:
        found = header_fields(raw)
        if found:
            fields = found
            count["header"] = count.get("header", 0) + 1
            continue                                   # a header, first or repeated
        if fields is not None and is_numbering_row(raw):
            count["header"] = count.get("header", 0) + 1
            continue                                   # "(1) (2) (3) …" numbers the columns
        if fields is None:                             # text above the header: kept as a paragraph
            text = " ".join(c.strip() for c in raw if c.strip())
            if text:
                out.append({"_paragraph": text})
            continue
        row = {}
        for cell, field in zip(raw, fields):
            if field and field.startswith("?"):
                if cell.strip():
                    row.setdefault("_extra", []).append((field[1:], cell.strip()))
            elif field:
                row[field] = _join(row.get(field, ""), cell.strip())
        if not any(v for k, v in row.items() if not k.startswith("_")) and not row.get("_extra"):
            continue
        number = row.get("number", "")
        if number and not STT.match(number) and not any(
                v for k, v in row.items() if k not in {"number", "content"} and not k.startswith("_")):
            # a group row merged across the table: its title stands in the first column
            title = _join(number, row.get("content", ""))
            m = _GROUP_NUMBER.match(title)
            row = {"number": m.group(1) if m else "", "content": m.group(2) if m else title,
                   "_group": True}
        if not row.get("number") and not row.get("_group") and out and "_paragraph" not in out[-1]:
            prev = out[-1]
            for key, value in row.items():
                if key == "_extra":
                    prev.setdefault("_extra", []).extend(value)
                elif value:
                    prev[key] = _join(prev.get(key, ""), value)
            count["merged"] = count.get("merged", 0) + 1
            prev.setdefault("_review", []).append(
                "dòng không có STT được ghép vào dòng trên (trang bị ngắt giữa ô): kiểm tra chỗ nối")
            continue
        out.append(row)
    for row in out:
        lists_kept(row)
    if fields is None:
        raise ImportFailure(file, "bảng không có dòng tiêu đề (STT, Nội dung, …) / "
                            "table without a header row", table.line)
    return out, fields


def is_section_row(row: dict, following: dict | None) -> bool:
    if row.get("_group"):
        return True
    if row.get("_extra") or any(v for k, v in row.items()
                                if k not in {"number", "content"} and not k.startswith("_")):
        return False
    number = row.get("number", "").rstrip(".")
    if rank(number) < 2:
        return True
    if following is None:
        return False
    nxt = following.get("number", "").rstrip(".")
    return nxt in {"-", "+", "•"} or nxt.startswith(number + ".")


def build_tree(rows: list[dict], source: str | None) -> list[dict]:
    """Rows -> sections holding tasks, nested by numbering. Tasks before any section row go
    into one section without number."""
    top: list[dict] = []
    stack: list[tuple[int, dict]] = []
    loose: dict | None = None
    for index, row in enumerate(rows):
        if "_paragraph" in row:
            if loose is None and not stack:
                loose = {"number": None, "title": None, "paragraphs": [], "source": source,
                         "tasks": [], "sections": []}
                top.append(loose)
            holder = stack[-1][1] if stack else loose
            holder["paragraphs"].append(row["_paragraph"])
            holder.setdefault("_review", []).append(
                f"dòng '{row['_paragraph'][:60]}' đứng trên dòng tiêu đề bảng: giữ làm đoạn văn, kiểm tra")
            continue
        following = rows[index + 1] if index + 1 < len(rows) else None
        number = row.get("number", "")
        if is_section_row(row, following):
            r = rank(number)
            while stack and stack[-1][0] >= r:
                stack.pop()
            section = {"number": number.rstrip(".") or None, "title": row.get("content") or None,
                       "paragraphs": [], "source": source, "tasks": [], "sections": []}
            (stack[-1][1]["sections"] if stack else top).append(section)
            stack.append((r, section))
            continue
        task = {k: (v or None) for k, v in row.items() if not k.startswith("_")}
        task["number"] = number or None
        task["_from_table"] = True
        if row.get("_review"):
            task["_review"] = list(row["_review"])
        if row.get("_extra"):
            extra = [f"{name}: {value}" for name, value in row["_extra"]]
            task["note"] = "\n\n".join(([task["note"]] if task.get("note") else []) + extra)
            task.setdefault("_review", []).append(
                "cột " + ", ".join(f"'{n}'" for n in dict(row["_extra"])) +
                " không có trong mẫu của cổng: chép vào 'note', chuyển sang trường đúng nếu có")
        if stack:
            stack[-1][1]["tasks"].append(task)
        else:
            if loose is None:
                loose = {"number": None, "title": None, "paragraphs": [], "source": source,
                         "tasks": [], "sections": []}
                top.append(loose)
            loose["tasks"].append(task)
    return top
