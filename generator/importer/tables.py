"""Task tables -> sections and tasks: column names, repeated headers, merged cells, group rows.

A table's header row names its columns ("STT", "Nội dung", "Cơ quan chủ trì" …, as officials
write them: vocabulary.TASK_COLUMNS); a header repeated under a section, with or without its
STT, is dropped; a row whose STT cell is empty continues the row above (a cell broken over a
page); a row with only a number and a title ("A", "I", "5.1 … Thương mại" whose other cells
are empty) is a group row. A row with fewer cells than the header lost the cells merged with
the rows above it (a web page writes a vertically merged cell once): it is a task of its own
that takes the merged cells from the row above; which columns it has is read from where its
cells stand and what they hold (a number, a time, an agency): tablecols.py. The rows become
sections and tasks in tabletree.py.
"""

from __future__ import annotations

import re

from .blocks import ImportFailure, Table
from .tablecols import (  # noqa: F401
    SETTINGS,
    STT,
    TableSettings,
    agency_column,
    align,
    column_of,
    header_fields,
    label,
    looks_like_agency,
    looks_like_time,
    names_responsible,
    sub_header,
)
from .tabletree import build_tree, count_tasks, is_section_row, rank  # noqa: F401

_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")  # "(1) (2) (3)" under the header
_GROUP_NUMBER = re.compile(r"^(\d+(?:\.\d+)*|[IVXL]+|[A-Z])[.)]?\s+(\S.*)$", re.DOTALL)
_ENDS = (".", ":", ";", "!", "?")
_ITEM = re.compile(r"- [^\W\d_]")


def is_numbering_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) >= 3 and all(_NUMBERING.match(c) for c in cells)


def group_cells(cells: list[str], file: str, line: int) -> list[list[str]]:
    """A one-cell-a-block table (the '|' layout) -> rows, using the header's width."""
    width = 0
    while width < len(cells) and column_of(cells[width]) and not STT.match(cells[width]):
        width += 1
    if width < 2:
        raise ImportFailure(
            file, "bảng không có dòng tiêu đề (STT, Nội dung, …) / table without a header row", line
        )
    rows = [cells[:width]]
    i = width
    while i < len(cells):
        if STT.match(cells[i]) and i + 2 < len(cells) and STT.match(cells[i + 2]) and cells[i + 1]:
            rows.append(cells[i : i + 2] + [""] * (width - 2))  # a section row: number, title
            i += 2
            continue
        rows.append((cells[i : i + width] + [""] * width)[:width])
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
        return before + "\n" + after  # the next item of a '- ' list
    return before + ("\n\n" if before.rstrip().endswith(_ENDS) else " ") + after


def _group_row(raw: list[str]) -> dict | None:
    """A row holding a number and a title only (the rest empty or '** **'): a group row."""
    cells = [c.strip() for c in raw if c.strip()]
    if len(cells) == 2 and STT.match(cells[0]) and not STT.match(cells[1]):
        return {"number": cells[0], "content": cells[1], "_group": True}
    return None


def _cells_to_row(cells: list[str], fields: list[str | None]) -> dict:
    row: dict = {}
    for cell, field in zip(cells, fields):
        if not field:
            continue
        if field.startswith(("?", "note:")):
            if cell.strip():
                key, name = ("_extra", field[1:]) if field[0] == "?" else ("_known", field[5:])
                row.setdefault(key, []).append((name, cell.strip()))
        else:
            row[field] = _join(row.get(field, ""), cell.strip())
    return row


def _leading_merged(cells: list[str], fields: list, row: dict, above: dict) -> list[str]:
    """A full-width row whose leading cells are blank inside a table (not at a page's top): the
    cells of a vertical merge (a PDF prints a merged cell once, in its first row). Takes them
    from the row above; returns the fields taken."""
    lead = next((i for i, c in enumerate(cells) if c.strip()), len(cells))
    taken = [f for f in fields[:lead] if f and not f.startswith(("?", "note:")) and above.get(f)]
    for field in taken:
        row[field] = above[field]
    return taken


def table_rows(
    table: Table,
    file: str,
    out: list[dict] | None = None,
    fields: list | None = None,
    count: dict | None = None,
) -> tuple[list[dict], list]:
    """Rows of a table as {field: text} (header rows dropped, continued rows merged, merged
    cells taken from the row above), added to `out`: a table broken over pages continues the
    one before, with its columns when Word did not repeat the header. Returns (rows, the
    columns in force). `count` gets 'header', 'merged' (continued rows) and 'spanned' (short
    rows that took merged cells from the row above)."""
    rows = table.rows
    if table.header_rows == 0 and len(rows) == 1:
        rows = group_cells(rows[0], file, table.line)
    out = [] if out is None else out
    count = {} if count is None else count
    above: dict | None = None  # the last task row, for merged cells
    after_header = False
    first_data = True  # a page's first row may continue the last
    for index, raw in enumerate(rows):
        found = header_fields(raw)
        if found:
            found = agency_column(found, rows[index + 1 :])
        split = sub_header(raw, fields) if after_header and not found else None
        after_header = bool(found)
        if split:
            fields = split
            count["header"] = count.get("header", 0) + 1
            continue  # 'Chủ trì | Phối hợp' under 'Đơn vị thực hiện'
        if found:
            repeated = (
                fields is not None
                and len(found) < len(fields)
                and {f for f in found if f} <= {f for f in fields if f}
            )
            if not repeated:
                fields = found
            first_data = True  # after a header repeated on a new page
            count["header"] = count.get("header", 0) + 1
            continue  # a header, first or repeated
        if fields is not None and is_numbering_row(raw):
            count["header"] = count.get("header", 0) + 1
            continue  # "(1) (2) (3) …" numbers the columns
        if fields is None:  # text above the header: kept as a paragraph
            text = " ".join(c.strip() for c in raw if c.strip())
            if text:
                out.append({"_paragraph": text})
            continue
        group = _group_row(raw)
        if group and len(raw) != len(fields):
            out.append(group)  # 'A | title', '5.1 | ** ** | Thương mại | ** **'
            above = None
            continue
        cells, inherited = list(raw), []
        short = len(raw) < len(fields) and sum(1 for c in raw if c.strip()) > 1
        if short:
            cols, inherited = align(raw, fields)
            cells = [""] * len(fields)
            for cell, col in zip(raw, cols):
                cells[col] = cell
        row = _cells_to_row(cells, fields)
        if (
            short
            and not row.get("content")
            and out
            and not out[-1].get("_group")
            and "_paragraph" not in out[-1]
            and "content" in fields
        ):
            prev = out[-1]  # no task of its own: the rest of the row
            for key, value in row.items():  # above, cut at a blank cell ('| |')
                if key in ("_extra", "_known"):
                    prev.setdefault(key, []).extend(value)
                elif value:
                    prev[key] = _join(prev.get(key, ""), value)
            prev["_filled"] = True
            continue
        if short:
            taken = [
                fields[c]
                for c in inherited
                if above is not None
                and fields[c]
                and not fields[c].startswith(("?", "note:"))
                and above.get(fields[c])
            ]
            for field in taken:
                row[field] = above[field]
            if taken:
                row["_spanned"] = True
                count["spanned"] = count.get("spanned", 0) + 1
            if any(v for k, v in row.items() if not k.startswith("_")):
                out.append(row)
                above = above if taken else row
            continue
        if not any(v for k, v in row.items() if not k.startswith("_")) and not row.get("_extra"):
            continue
        number = row.get("number", "")
        if (
            number
            and not STT.match(number)
            and not any(v for k, v in row.items() if k not in {"number", "content"} and not k.startswith("_"))
        ):
            # a group row merged across the table: its title stands in the first column
            title = _join(number, row.get("content", ""))
            m = _GROUP_NUMBER.match(title)
            out.append(
                {"number": m.group(1) if m else "", "content": m.group(2) if m else title, "_group": True}
            )
            above = None
            continue
        first, first_data = first_data, False
        if not row.get("number") and not first and above is not None:
            taken = _leading_merged(cells, fields, row, above)
            if taken:  # a vertically merged STT (and lead …) cell
                row["_spanned"] = True
                count["spanned"] = count.get("spanned", 0) + 1
                out.append(row)
                continue
        if (
            not row.get("number")
            and first
            and out
            and "_paragraph" not in out[-1]
            and not out[-1].get("_group")
            and len(raw) >= len(fields)
        ):
            prev = out[-1]
            for key, value in row.items():
                if key in ("_extra", "_known"):
                    prev.setdefault(key, []).extend(value)
                elif value:
                    prev[key] = _join(prev.get(key, ""), value)
            count["merged"] = count.get("merged", 0) + 1
            prev["_joined"] = True  # the table's one review line lists it
            continue
        out.append(row)
        above = row
    for row in out:
        lists_kept(row)
    if fields is None:
        raise ImportFailure(
            file, "bảng không có dòng tiêu đề (STT, Nội dung, …) / table without a header row", table.line
        )
    return out, fields
