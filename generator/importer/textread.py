"""Text extracted from a PDF -> a Document of paragraphs and tables.

Three layouts are read (all found in shared/seeds/): rows of tab-separated cells whose
paragraphs are `<p>` elements; tables written one cell per line group with a line holding
only `|` between cells (words wrapped over several lines); and running text where a PDF line
break, even a blank line, may fall in the middle of a sentence. Markdown residue of the
extraction (`#` headings, `**bold**`) is dropped; nothing else of the text is changed.
"""
from __future__ import annotations

import re

from ..textnorm import fold
from .blocks import Document, Para, Table

_TAGS = re.compile(r"</?(?:b|strong|i|em|u|span)[^>]*>", re.I)
_P = re.compile(r"<p[^>]*>(.*?)</p>", re.I | re.S)
# a line that begins a paragraph of its own: a list marker, a numbered heading, a formula
MARKER = re.compile(r"^(?:[-+•–]\s|[a-zđ]\)\s|\(\d+\)\s?|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)+\s|"
                    r"[IVX]+\.\s|[A-Z]\.\s)")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|\(\d+\))\s")   # "10. Về hỗ trợ …" heading
_DATE_LINE = re.compile(r"^[^,]{2,40}, ngày \d{1,2} tháng \d{1,2} năm \d{4}")
_OPENERS = ("căn cứ", "thực hiện ", "theo đề nghị", "xét ", "trên đây", "nơi nhận", "kính gửi",
            "số:", "tm.", "kt.", "tl.", "v/v", "phụ lục", "(đính kèm", "(kèm theo")
_ENDS = (".", ":", "!", "?", "./.")     # not ';' nor ',': a wrapped line often ends on one


def clean_markup(line: str) -> str:
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = line.replace("****", "\n")
    line = re.sub(r"(?<=\S)\*\*(?=[^\s*])", "\n", line)   # "PHỤ LỤC I**Tổ công tác" -> two lines
    return line.replace("**", "")


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and text.upper() == text


def cell_text(raw: str) -> str:
    """A tab-layout cell: `<p>` paragraphs joined by a blank line, tags dropped."""
    parts = _P.findall(raw)
    if parts:
        return "\n\n".join(" ".join(_TAGS.sub("", p).split()) for p in parts if p.strip())
    return " ".join(_TAGS.sub("", raw).split())


def wrapped_cell(lines: list[str]) -> str:
    """A pipe-layout cell: wrapped words joined; a '- ' list keeps one item a line."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if not lines:
        return ""
    listed = lines[0].startswith("- ")
    out: list[str] = []
    for ln in lines:
        if listed and ln.startswith("- ") and out:
            out.append("\n" + ln)
        else:
            out.append((" " if out else "") + ln)
    return "".join(out).replace(" \n", "\n")


def _starts_paragraph(prev: str, line: str, ends: tuple[str, ...] = _ENDS) -> bool:
    low = line.lower()
    return (MARKER.match(line) is not None or (line.lstrip("(")[:1].isupper() and low.startswith(_OPENERS))
            or is_caps(line) or is_caps(prev) or prev.endswith(ends) or _DATE_LINE.search(line) is not None
            or prev.startswith(("Số:", "Số :", "V/v"))
            or (_NUMBERED.match(prev) is not None and len(prev) < 100 and line[:1].isupper()))


def join_lines(units: list[tuple[int, str]]) -> list[Para]:
    """Non-empty lines -> paragraphs: a line continues the one before unless it starts anew.

    Text wrapped at the page width (lines of ~80 characters) joins a line that ends on ',' or
    ';'; text with one paragraph a line (longer lines) does not, and joins only a line cut
    where no punctuation ends it (a page break). A short line ending in ';' before a capital
    ends a paragraph either way (a full line rarely does)."""
    long_lines = sum(1 for _, line in units if len(line) > 100)
    one_a_line = bool(units) and long_lines > 0.2 * len(units)      # wrapped text never exceeds ~90
    ends = _ENDS + (",", ";") if one_a_line else _ENDS
    paras: list[Para] = []
    last = ""
    for number, line in units:
        short_end = last.endswith(";") and len(last) < 60 and line[:1].isupper()
        if paras and not short_end and not _starts_paragraph(paras[-1].text, line, ends):
            paras[-1].text += " " + line
        else:
            paras.append(Para(line, number))
        last = line
    return paras


def _pipe_cells(lines: list[tuple[int, str]]) -> list[str]:
    cells, current = [], []
    for _, line in lines:
        if line.strip() == "|":
            cells.append(wrapped_cell(current))
            current = []
        else:
            current.append(line)
    if any(ln.strip() for ln in current):
        cells.append(wrapped_cell(current))
    return cells


def _tab_table(lines: list[tuple[int, str]], i: int) -> tuple[Table, int]:
    """Consecutive tab-separated rows (blank lines between them allowed) from line i."""
    rows, start = [], lines[i][0]
    while i < len(lines) and ("\t" in lines[i][1] or not lines[i][1].strip()):
        if "\t" in lines[i][1]:
            rows.append([cell_text(c) for c in lines[i][1].split("\t")])
        i += 1
    return Table(rows, start), i


def _pipe_start(lines: list[tuple[int, str]], i: int) -> int | None:
    """Where a '|' table starts (its 'STT' line), when line i is one of its first lines."""
    if lines[i][1].strip() != "|" and not (fold(lines[i][1]) == "stt" and i + 1 < len(lines)
                                           and lines[i + 1][1].strip() == "|"):
        return None
    for start in range(i, max(i - 3, -1), -1):
        if fold(lines[start][1]) == "stt":
            return start
    return i


def _pipe_table(lines: list[tuple[int, str]], start: int) -> tuple[Table, int]:
    """Cells separated by '|' lines, from the 'STT' line to the last cell (a blank line ends
    the table unless a '|' follows it: an empty cell)."""
    end = start
    while end < len(lines) and (lines[end][1].strip() or
                                (end + 1 < len(lines) and lines[end + 1][1].strip() == "|")):
        end += 1
    stop = max(k for k in range(start, end) if lines[k][1].strip() == "|") + 1
    while stop < end and lines[stop][1].strip():
        stop += 1
    return Table([_pipe_cells(lines[start:stop])], lines[start][0], header_rows=0), stop


def read_text(text: str, file: str) -> Document:
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        for part in clean_markup(raw).split("\n") if "\t" not in raw else [raw]:
            lines.append((number, part))
    doc = Document(file)
    pending: list[tuple[int, str]] = []

    def flush():
        doc.blocks.extend(join_lines([(n, " ".join(s.split())) for n, s in pending if s.strip()]))
        pending.clear()

    i = 0
    while i < len(lines):
        if "\t" in lines[i][1]:
            flush()
            table, i = _tab_table(lines, i)
            doc.blocks.append(table)
            continue
        start = _pipe_start(lines, i)
        if start is not None:
            del pending[len(pending) - (i - start):]      # those lines were its first cells
            flush()
            table, i = _pipe_table(lines, start)
            doc.blocks.append(table)
            continue
        pending.append(lines[i])
        i += 1
    flush()
    return doc
