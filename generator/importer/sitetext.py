"""Text copied from a legal-document web site -> paragraphs and grids, with their lines.

Such sites give a document as Markdown: paragraphs separated by a blank line and hard-wrapped
inside; `**bold**` and `*italic*` marks; and every table — letterhead, signature, task list —
written one cell a line group, a line holding only `|` between two cells and two such lines
(`|` then `|`) between two rows. This module only recognises the layout: a grid becomes a
`Table` of its rows (each row's first line kept), a paragraph a `Para` whose emphasis says
whether the whole of it was bold or italic (a heading naming an agency often is). Which grid
holds tasks, and what a paragraph means, is for the readers after it.
"""

from __future__ import annotations

import re

from ..textnorm import fold
from .blocks import Document, Para, Table
from .tablecols import SETTINGS
from .textread import MARKER, is_caps, join_lines
from .vocabulary import NUMBER_HEADERS

_PIPE = "|"
_ANNEX = re.compile(r"^PHỤ LỤC\b")  # an annex heading never stands in a cell
_HEADING = re.compile(r"^#{1,6}\s+\S")  # a Markdown heading with text: outside the grid


def is_site_text(lines: list[str]) -> bool:
    """The layout of legal-document sites: grids of lines holding only '|' (their letterhead
    at least). Text extracted from a PDF has none; text whose table is one stream of cells
    is read by textread."""
    pipes = sum(1 for ln in lines if ln.strip() == _PIPE)
    if _cell_stream(lines):
        return False
    return pipes >= 4


def _cell_stream(lines: list[str]) -> bool:
    """A table written as one stream of cells (its first cell before the first '|', no row
    breaks): the older one-cell-a-line layout, read by textread."""
    for k, ln in enumerate(lines):
        if ln.strip() == _PIPE and k and lines[k - 1].strip() and lines[k - 1].strip() != _PIPE:
            before = lines[k - 2].strip() if k >= 2 else ""
            if not before and len(lines[k - 1].strip()) <= 5:  # 'STT' / 'TT' opening a table
                return True
    return False


def _emphasis(raw: str) -> str:
    text = raw.strip()
    if text.startswith("**") and text.rstrip(":").endswith("**") and len(text) > 4:
        return "bold"
    if text.startswith("*") and not text.startswith("**") and text.rstrip(":").endswith("*"):
        return "italic"
    return ""


def clean(text: str) -> str:
    """One paragraph's text: Markdown marks dropped, wrapped lines joined by one space."""
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    return (
        " ".join(text.replace("*", " ").split()) if re.fullmatch(r"[\s*]*", text) else " ".join(text.split())
    )


def _cell(lines: list[str]) -> str:
    """A cell's lines: wrapped words joined; a '- ' or '+ ' item keeps its own line."""
    segments: list[list[str]] = []
    for ln in lines:
        bare = ln.strip().lstrip("*").lstrip()
        if not ln.strip():
            continue
        if not segments or (re.match(r"[-+•]\s", bare) and segments[-1]):
            segments.append([])
        segments[-1].append(ln)
    return "\n".join(t for t in (clean(" ".join(seg)) for seg in segments) if t)


def _outside(text: str, row: list[str]) -> bool:
    """A line that starts a cell but is text after the grid (a page without blank lines gives
    no other sign): an annex heading, a Markdown heading, or a table's 'STT' in the middle of a
    row (the next table's header)."""
    bare = clean(text)
    return bool(_ANNEX.match(bare) or _HEADING.match(text.strip()) or (row and fold(bare) in NUMBER_HEADERS))


def _block(lines: list[tuple[int, str]], i: int) -> int:
    """Lines of text from line i to the next '|' line."""
    j = i
    while j < len(lines) and lines[j][1].strip() != _PIPE:
        j += 1
    return j - i


def _grid(lines: list[tuple[int, str]], i: int, run_together: bool = False) -> tuple[Table, int]:
    """The grid whose first '|' is at line i; returns it and the index after it. A row ends at
    two '|' lines in a row; the grid ends at a blank line after a closing '|' when no '|'
    follows, at a cell that is text outside the grid (`_outside`), or before a 'cell' longer
    than any cell (the document's body between two grids on a page without blank lines). On
    such a page a row as wide as the widest row before it ends the grid when the text after
    its closing '|' runs longer than any cell of the grid (the body, footnotes; a row never
    gets a cell more than the grid has columns, and a label such as 'Nơi ban hành:' of a
    grid of varying width is short)."""
    rows: list[list[str]] = []
    row_lines: list[int] = []
    row: list[str] = []
    cell: list[str] = []
    first_line = 0
    cell_start = i
    longest = 0  # lines of the longest cell so far
    n = len(lines)
    while i < n:
        number, text = lines[i]
        if text.strip() == _PIPE:
            if any(x.strip() for x in cell):
                if sum(1 for x in cell if x.strip()) > SETTINGS.max_cell_lines:
                    i = cell_start  # not a cell: the text after the grid
                    break
                row.append(_cell(cell))
                longest = max(longest, sum(1 for x in cell if x.strip()))
                cell = []
            elif row:  # '|' '|': the row ends
                rows.append(row)
                row_lines.append(first_line)
                row = []
            i += 1
            continue
        full = (
            run_together
            and rows
            and len(row) >= max(len(r) for r in rows)
            and i
            and lines[i - 1][1].strip() == _PIPE
            and _block(lines, i) > longest
        )
        if (
            not any(x.strip() for x in cell)
            and text.strip()
            and (rows or row)
            and (full or _outside(text, row))
        ):
            if row and fold(clean(text)) in NUMBER_HEADERS:
                i -= 1  # the '|' before it opens the next table
            break
        if not text.strip():
            if not any(x.strip() for x in cell):  # after a closing '|'
                j = i
                while j < n and not lines[j][1].strip():
                    j += 1
                if j >= n or lines[j][1].strip() != _PIPE:
                    break
                i = j
                continue
            cell.append("")  # a blank line inside a cell
            i += 1
            continue
        if not row and not any(x.strip() for x in cell):
            first_line = number
        if not any(x.strip() for x in cell):
            cell_start = i
        cell.append(text)
        i += 1
    if any(x.strip() for x in cell) and i >= n:
        row.append(_cell(cell))
    if row:
        rows.append(row)
        row_lines.append(first_line)
    start = row_lines[0] if row_lines else (lines[i - 1][0] if i else 0)
    return Table(rows, start, row_lines=row_lines), i


def _joined(para: list[tuple[int, str]]) -> list[Para]:
    """Text without blank lines between paragraphs: each line cleaned, lines joined into
    paragraphs as a PDF's text is (textread.join_lines); a paragraph whose lines were all
    bold or all italic keeps that emphasis."""
    units: list[tuple[int, str]] = []
    last_raw = ""
    for n, raw in para:
        text = clean(raw).strip("*_ ")
        if not text:
            continue
        if (
            units
            and is_caps(text)
            and is_caps(units[-1][1])
            and not MARKER.match(text)
            and not units[-1][1].endswith((".", ":"))
            and _emphasis(raw) == _emphasis(last_raw)
        ):
            units[-1] = (units[-1][0], units[-1][1] + " " + text)  # a title wrapped over lines
        else:
            units.append((n, text))
        last_raw = raw
    paras = join_lines(units)
    starts = [p.line for p in paras] + [None]
    for p, end in zip(paras, starts[1:]):
        raw = [t for n, t in para if n >= p.line and (end is None or n < end) and clean(t).strip("*_ ")]
        p.emphasis = _emphasis("\n".join(raw))
    return paras


_MOTTO = "cong hoa xa hoi chu nghia viet nam"  # the quốc hiệu every document opens with


def _block_text(block: Para | Table) -> str:
    return " ".join(" ".join(r) for r in block.rows) if isinstance(block, Table) else block.text


def drop_site_chrome(doc: Document, first: int = 0) -> None:
    """The site's own text before the document (its menus, a grid of the document's data, an
    editorial summary): every administrative document opens with the national motto (Nghị
    định 30/2020/NĐ-CP), so blocks before the first block holding it are the site's, not the
    document's. They leave the document with one note saying what was left out."""
    blocks = doc.blocks[first:]
    k = next((i for i, b in enumerate(blocks) if _MOTTO in fold(_block_text(b))), None)
    if not k:
        return
    shown = " / ".join(_block_text(b)[:50] for b in blocks[: min(k, 3)])
    line = next((b.line for b in blocks[:k] if b.line), 0)
    where = f" (từ dòng {line})" if line else ""
    doc.notes.append(
        f"{k} đoạn/bảng trước quốc hiệu{where} là chữ của trang web, không thuộc văn bản: "
        f"đã bỏ ('{shown}' …), kiểm tra"
    )
    del doc.blocks[first : first + k]


def read_site_text(numbered: list[tuple[int, str]], doc: Document) -> None:
    """Lines (number, text) -> the document's blocks, in order. A page saved without blank
    lines (every paragraph hard-wrapped and run together) is read line by line instead."""
    i, n = 0, len(numbered)
    para: list[tuple[int, str]] = []
    blanks = sum(1 for _, t in numbered if not t.strip())
    run_together = blanks < SETTINGS.min_blank_share * max(n, 1)

    def flush() -> None:
        if not para:
            return
        if run_together:
            doc.blocks.extend(_joined(para))
            para.clear()
            return
        raw = "\n".join(t for _, t in para)
        text = clean(raw)
        if text:
            doc.blocks.append(Para(text, para[0][0], emphasis=_emphasis(raw)))
        para.clear()

    while i < n:
        number, text = numbered[i]
        if text.strip() == _PIPE:
            flush()
            table, i = _grid(numbered, i, run_together)
            if table.rows:
                doc.blocks.append(table)
            continue
        if not text.strip():
            flush()
        else:
            para.append((number, text))
        i += 1
    flush()
    drop_site_chrome(doc)
