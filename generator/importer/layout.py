"""Which tables hold tasks: the others are layout, read back as paragraphs.

Real Word plans put the letterhead (issuer, 'Số:', place and date) and the 'Nơi nhận' /
signature block in borderless tables; a paragraph indented with a Tab becomes a one-cell row
in a text extraction. A table is a task table when one of its first rows names the columns
(STT and Nội dung at least), or when it continues the task table before it (a table broken
over pages without its header repeated: same width, first cell a task number). Every other
table is read as the paragraphs of its cells, so its text is never lost; when it looks like
task rows nobody could name, a review note says so.
"""

from __future__ import annotations

from .blocks import Document, Para, Table
from .tables import SETTINGS, STT, agency_column, header_fields, names_responsible


def _width(table: Table) -> int:
    return max((len(r) for r in table.rows), default=0)


def is_task_table(table: Table) -> bool:
    """A header that names the task (a content column) and who does it (a lead or coordinating
    column); or, when no column names who, a column whose cells are agencies (the rows' shape).
    A table of places, parameters, coordinates or units to inspect names no task and no one
    who does it: it stays text."""
    if table.header_rows == 0:  # the text reader's one-cell-a-block layout
        return True
    for index, row in enumerate(table.rows[: SETTINGS.header_rows_searched]):
        fields = header_fields(row)
        if fields is not None and names_responsible(agency_column(fields, table.rows[index + 1 :])):
            return True
    return False


def continues(table: Table, width: int | None) -> bool:
    if width is None or _width(table) != width or not table.rows:
        return False
    first = table.rows[0][0].strip() if table.rows[0] else ""
    return not first or STT.match(first) is not None


def looks_like_rows(table: Table) -> bool:
    """Three or more rows of several cells that begin with a task number."""
    numbered = [
        r
        for r in table.rows
        if len([c for c in r if c.strip()]) >= 3 and r[0].strip() and STT.match(r[0].strip())
    ]
    return len(numbered) >= 3


def paragraphs(table: Table) -> list[Para]:
    """A layout table's text: a small table (letterhead, signature) column by column, so the
    left column's 'ỦY BAN NHÂN DÂN / Số: …' stays together; a larger one (a schedule, sites,
    coordinates: a table that is no task list) row by row, a row of short cells as one line
    'STT | Đơn vị được kiểm tra | Thời gian kiểm tra' so it still reads as the table it was."""
    rows = table.rows
    width = _width(table)
    if width <= 3 and len(rows) <= 8:
        cells = [(r[c], table.line) for c in range(width) for r in rows if c < len(r)]
    else:
        cells = []
        for index, row in enumerate(rows):
            line = table.row_lines[index] if index < len(table.row_lines) else table.line
            filled = [" ".join(c.split()) for c in row if c.strip()]
            if len(filled) >= 2 and all(
                "\n\n" not in c and len(c) <= SETTINGS.data_cell_chars for c in row if c.strip()
            ):
                cells.append((" | ".join(filled), line))
            else:
                cells += [(c, line) for c in row]
    out = []
    for cell, line in cells:
        for part in cell.split("\n\n"):
            if part.strip():
                out.append(Para(part.strip(), line))
    return out


def settle(doc: Document) -> Document:
    """Replace layout tables by their paragraphs (in place) and note tables that look like
    tasks without a header."""
    blocks: list[Para | Table] = []
    width = None
    for block in doc.blocks:
        if not isinstance(block, Table):
            blocks.append(block)
            continue
        if is_task_table(block) or continues(block, width):
            blocks.append(block)
            width = _width(block)
            continue
        if looks_like_rows(block):
            where = f" (dòng {block.line})" if block.line else ""
            doc.notes.append(
                f"một bảng{where} có {len(block.rows)} dòng đánh số nhưng không có dòng "
                "tiêu đề cột (STT, Nội dung, …): đã đọc thành đoạn văn, kiểm tra và "
                "thêm dòng tiêu đề nếu đó là bảng nhiệm vụ"
            )
        blocks.extend(paragraphs(block))
        width = None
    doc.blocks = blocks
    return doc
