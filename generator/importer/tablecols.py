"""The columns of a task table and what its cells hold.

`column_of` reads a column's name as officials write it (vocabulary.TASK_COLUMNS, footnote
marks '[1]' aside); `header_fields` tells a header row from a row of tasks; `align` places the
cells of a row shorter than the header (a web page writes a vertically merged cell once, so a
row that shares its STT, lead and coordinating cells with the row above prints only the
others) by where they stand and what they hold: a number, a time, an agency. Every tolerance
is in `TableSettings` (settings.py, with every other tolerance of the importer).
"""

from __future__ import annotations

import re
from itertools import combinations, islice, pairwise

from ..textnorm import fold
from .settings import TABLE as SETTINGS, TableSettings  # noqa: F401  (TableSettings: tables.py re-exports it)
from .vocabulary import (
    AGENCY_STARTS,
    NUMBER_HEADERS,
    RESPONSIBLE_FIELDS,
    TASK_COLUMNS,
    TIME_PATTERNS,
)


STT = re.compile(r"^(?:[A-Z]\.?|[a-zđ]\)?|[IVXL]+\.?|\d+(?:\.\d+)*\.?|[-+•])$")
_MARKS = re.compile(r"\[\d+\]|\(\d+\)|[*]")  # footnote marks: 'Cơ quan chủ trì[1]'
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TIME = re.compile("|".join(TIME_PATTERNS))


def label(header: str) -> str:
    """A column's name as printed, without footnote marks and wrapping."""
    return " ".join(_MARKS.sub(" ", header).split())


def column_of(header: str) -> str | None:
    """The task field a column header names ('STT', 'Cơ quan chủ trì' …), 'note:' for a known
    column the portal has no field for, or None."""
    key = fold(_MARKS.sub(" ", header)).strip(" .:*")
    key = " ".join(key.split())
    if key in NUMBER_HEADERS:
        return "number"
    if len(key) > SETTINGS.header_max_chars:
        return None
    words = f" {re.sub(r'[^a-z0-9]+', ' ', key)} "
    for name, field in TASK_COLUMNS:
        if f" {name} " in words:
            return field
    return None


def header_fields(row: list[str]) -> list[str | None] | None:
    """The fields a header row names, or None when the row is not a header. A header names the
    task (a content column) and either numbers the rows (STT) or names every one of its columns
    (a header repeated under a section without its STT). The first content column is the task;
    a later one ('Nội dung chính' beside 'Tên dự án') and a known column without a portal field
    are 'note:<name>'; an unknown column is '?<name>' (both go into the task's note)."""
    fields = [column_of(c) if c.strip() else None for c in row]
    if "content" not in fields:
        return None
    if "number" not in fields:
        named = [f for c, f in zip(row, fields) if c.strip()]
        if len(named) < SETTINGS.header_min_cells or None in named:
            return None
    out: list[str | None] = []
    for cell, field in zip(row, fields):
        if not cell.strip():
            out.append(None)
        elif field is None:
            out.append("?" + label(cell))
        elif field == "content" and "content" in out or field == "note:":
            out.append("note:" + label(cell))
        else:
            out.append(field)
    return out


def names_responsible(fields: list[str | None]) -> bool:
    return any(f in RESPONSIBLE_FIELDS for f in fields)


def looks_like_agency(text: str) -> bool:
    key = fold(text).lstrip("-+• ").strip()
    return key.startswith(AGENCY_STARTS)


def looks_like_time(text: str) -> bool:
    if not text or len(text) > SETTINGS.time_cell_chars:
        return False
    return bool(_YEAR.search(text) or _TIME.search(fold(text)))


def _fit(cell: str, field: str | None) -> float:
    """How well a cell's text suits a column (a short row's cells are placed by it)."""
    text = cell.strip()
    if not text or field is None:
        return 0.0
    if field == "number":
        return 3.0 if STT.match(text) else -3.0
    if STT.match(text):
        return -2.0
    if field == "timeframe":
        return 2.0 if looks_like_time(text) else -1.0
    if field in RESPONSIBLE_FIELDS:
        return 1.5 if looks_like_agency(text) else -1.0
    if field == "content":
        short = len(text) <= SETTINGS.short_cell_chars
        return -0.5 if short and (looks_like_agency(text) or looks_like_time(text)) else 0.5
    if field in ("product", "form"):
        return 0.25  # a named column before a note column
    return 0.0


def align(cells: list[str], fields: list[str | None]) -> tuple[list[int], list[int]]:
    """Where the cells of a row shorter than the header stand: (the column of each cell, the
    columns merged with the row above). The missing cells are the merged ones, usually the
    leading columns (STT, lead, coordinating); a cell that reads as a number, a time or an
    agency pulls the row to the column that holds such cells. A column left out between two
    cells is a cell spanning it (a lead spanning the coordinating column): empty, not merged."""
    width, k = len(fields), len(cells)
    best, best_score = list(range(width - k, width)), None
    for cols in islice(combinations(range(width), k), SETTINGS.merged_alignments):
        score = sum(_fit(c, fields[i]) for c, i in zip(cells, cols))
        score -= 0.25 * sum(1 for a, b in pairwise(cols) if b - a > 1)  # gaps inside
        score -= 0.1 * (width - 1 - cols[-1])  # trailing gap
        score += 0.01 * cols[0]  # rather the leading cells merged
        if best_score is None or score > best_score:
            best, best_score = list(cols), score
    return best, list(range(best[0]))


def sub_header(row: list[str], fields: list[str | None]) -> list[str | None] | None:
    """A second header row under a column split in two ('Đơn vị thực hiện' over 'Chủ trì' and
    'Phối hợp'; every cell of it names a column and none names the task): the columns in force
    with the split column replaced, or None. A Word table gives the row at full width (blank
    under the columns not split); a web page gives only the cells under the split column."""
    named = [(i, column_of(c)) for i, c in enumerate(row) if c.strip()]
    if (
        not named
        or any(f in (None, "number", "content") for _, f in named)
        or any(len(c.split()) > SETTINGS.sub_header_words or c.rstrip().endswith((".", ";")) for c in row)
    ):
        return None
    if len(named) < 2:
        return None  # a column split in one is no split
    if len(row) == len(fields):
        if any(fields[i] in ("number", "content") for i, _ in named):
            return None  # the text of a cell broken over a page
        out = list(fields)
        for i, field in named:
            out[i] = field if field != "note:" else "note:" + label(row[i])
        return out
    subs = [f if f != "note:" else "note:" + label(row[i]) for i, f in named]
    kinds = {f for f in subs if f}
    parent = next(
        (
            i
            for i, f in enumerate(fields)
            if f in kinds or (f in RESPONSIBLE_FIELDS and kinds <= RESPONSIBLE_FIELDS)
        ),
        None,
    )
    if parent is None:
        return None
    if fields[parent : parent + len(subs)] == subs:
        return list(fields)  # split already (a header repeated with it)
    return fields[:parent] + subs + fields[parent + 1 :]


def agency_column(fields: list[str | None], rows: list[list[str]]) -> list[str | None]:
    """A header that names no one who does the task ('Cơ quan, đơn vị' is no column name the
    vocabulary knows): an unknown column whose cells are mostly agencies is the lead. Returns
    the fields, that column made 'lead_text' when there is one."""
    if names_responsible(fields):
        return fields
    body = [r for r in rows if len(r) == len(fields) and any(c.strip() for c in r)]
    for col, field in enumerate(fields):
        if field and field.startswith("?") and body:
            share = sum(1 for r in body if looks_like_agency(r[col])) / len(body)
            if share >= SETTINGS.agency_column_share:
                return fields[:col] + ["lead_text"] + fields[col + 1 :]
    return fields
