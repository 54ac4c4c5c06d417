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
MARKER = re.compile(
    r"^(?:[-+•–]\s|[a-zđ]\)\s|\(\d+\)\s?|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)+\s|"
    r"[IVX]+\.\s|[A-Z]\.\s)"
)
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|\(\d+\))\s")  # "10. Về hỗ trợ …" heading
_DATE_LINE = re.compile(r"^[^,]{2,40}, ngày \d{1,2} tháng \d{1,2} năm \d{4}")
_OPENERS = (
    "căn cứ",
    "thực hiện ",
    "theo đề nghị",
    "xét ",
    "trên đây",
    "nơi nhận",
    "kính gửi",
    "số:",
    "tm.",
    "kt.",
    "tl.",
    "v/v",
    "phụ lục",
    "(đính kèm",
    "(kèm theo",
)
_ENDS = (".", ":", "!", "?", "./.")  # not ';' nor ',': a wrapped line often ends on one


_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?![\s*_])([^*_\n]+?)(?<![\s*_])\1(?![\w*])")
_COLUMNS = re.compile(r"\S(?: {4,}|\t)(?=\S)")  # two columns of a letterhead on one line


def clean_markup(line: str) -> str:
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line) and "-" not in line:
        return ""  # a Markdown rule '***'
    line = line.replace("****", "\n")
    line = re.sub(r"(?<=\S)\*\*(?=[^\s*])", "\n", line)  # "PHỤ LỤC I**Tổ công tác" -> two lines
    line = line.replace("**", "").replace("__", "")
    return _EMPHASIS.sub(r"\2", line)  # '*Lào Cai, ngày …*', '*Căn cứ …;*'


def _parts(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the columns of a line laid out with spaces."""
    return [(m.start(), m.group(0).strip()) for m in re.finditer(r"\S+(?: {1,3}\S+)*", line)]


def _column_order(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, text) in reading order. A two-column letterhead or signature block laid
    out with spaces ('Số: 134 /KH-UBND        Lào Cai, ngày 26 …', 'Nơi nhận:      TM. ỦY BAN
    NHÂN DÂN') is read left column first, then the right; a line of the run that stands in
    one column only (an indented name, a '- ' recipient) goes to its column."""
    raw = [line for _, line in numbered]
    out: list[tuple[int, str]] = []
    i = 0
    two = lambda ln: "\t" not in ln and not _MD_ROW.match(ln) and _COLUMNS.search(ln.strip())
    while i < len(raw):
        if not two(raw[i]):
            out.append(numbered[i])
            i += 1
            continue
        bound = _parts(raw[i])[1][0]
        j = i
        while j < len(raw) and raw[j].strip() and "\t" not in raw[j]:
            parts = _parts(raw[j])
            if len(parts) >= 2 and two(raw[j]):
                bound = min(bound, parts[1][0])
            elif not (
                parts[0][0] >= bound - 2
                or parts[0][1].startswith(("- ", "+ "))
                or not any(c.isalnum() for c in parts[0][1])
            ):
                break
            j += 1
        left = [(numbered[k][0], t) for k in range(i, j) for off, t in _parts(raw[k]) if off < bound - 2]
        right = [(numbered[k][0], t) for k in range(i, j) for off, t in _parts(raw[k]) if off >= bound - 2]
        out += left + right
        i = j
    return out


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and text.upper() == text


def cell_text(raw: str) -> str:
    """A tab-layout cell: `<p>` paragraphs joined by a blank line, tags dropped."""
    parts = _P.findall(raw)
    if parts:
        return "\n\n".join(" ".join(_TAGS.sub("", p).split()) for p in parts if p.strip())
    return " ".join(_TAGS.sub("", raw).split())


_ITEM = re.compile(r"- [^\W\d_]")  # '- Sở …': a list item ('- 2025' is a wrapped range)


def wrapped_cell(lines: list[str]) -> str:
    """A pipe-layout cell: wrapped words joined; a line '- X' starts a line, kept when the
    cell is a '- ' list (tables.lists_kept decides once a row broken over pages is merged:
    its first item may be on the page before)."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if not lines:
        return ""
    out: list[str] = []
    for ln in lines:
        if out and re.search(r"\w-$", out[-1]) and ln[:1].isalnum():
            out.append(ln)  # '2021-' + '2030': a line broken at a hyphen
        elif _ITEM.match(ln) and out:
            out.append("\n" + ln)
        else:
            out.append((" " if out else "") + ln)
    return "".join(out).replace(" \n", "\n")


def _starts_paragraph(prev: str, line: str, ends: tuple[str, ...] = _ENDS) -> bool:
    low = line.lower()
    return (
        MARKER.match(line) is not None
        or (line.lstrip("(")[:1].isupper() and low.startswith(_OPENERS))
        or is_caps(line)
        or is_caps(prev)
        or prev.endswith(ends)
        or _DATE_LINE.search(line) is not None
        or prev.startswith(("Số:", "Số :", "V/v"))
        or (_NUMBERED.match(prev) is not None and len(prev) < 100 and line[:1].isupper())
    )


def join_lines(units: list[tuple[int, str]]) -> list[Para]:
    """Non-empty lines -> paragraphs: a line continues the one before unless it starts anew.

    Text wrapped at the page width (lines of ~80 characters) joins a line that ends on ',' or
    ';'; text with one paragraph a line (longer lines) does not, and joins only a line cut
    where no punctuation ends it (a page break). A short line ending in ';' before a capital
    ends a paragraph either way (a full line rarely does)."""
    long_lines = sum(1 for _, line in units if len(line) > 100)
    one_a_line = bool(units) and long_lines > 0.2 * len(units)  # wrapped text never exceeds ~90
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
    if lines[i][1].strip() != "|" and not (
        fold(lines[i][1]) == "stt" and i + 1 < len(lines) and lines[i + 1][1].strip() == "|"
    ):
        return None
    for start in range(i, max(i - 3, -1), -1):
        if fold(lines[start][1]) == "stt":
            return start
    return i


def _pipe_table(lines: list[tuple[int, str]], start: int) -> tuple[Table, int]:
    """Cells separated by '|' lines, from the 'STT' line to the last cell (a blank line ends
    the table unless a '|' follows it: an empty cell)."""
    end = start
    while end < len(lines) and (
        lines[end][1].strip() or (end + 1 < len(lines) and lines[end + 1][1].strip() == "|")
    ):
        end += 1
    stop = max(k for k in range(start, end) if lines[k][1].strip() == "|") + 1
    while stop < end and lines[stop][1].strip():
        stop += 1
    return Table([_pipe_cells(lines[start:stop])], lines[start][0], header_rows=0), stop


_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _md_cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    cells = re.split(r"(?<!\\)\|", inner)
    return [re.sub(r"<br\s*/?>", "\n", c.replace("\\|", "|"), flags=re.I).strip() for c in cells]


def _md_table(lines: list[tuple[int, str]], i: int) -> tuple[Table, int]:
    """A Markdown pipe table: '| STT | Nội dung | … |', its '|---|' rule dropped."""
    rows, start = [], lines[i][0]
    while i < len(lines) and (_MD_ROW.match(lines[i][1]) or _MD_RULE.match(lines[i][1])):
        if not _MD_RULE.match(lines[i][1]):
            rows.append(_md_cells(lines[i][1]))
        i += 1
    return Table(rows, start), i


def _cell_lines_header(lines: list[tuple[int, str]], i: int) -> int:
    """The width of a one-cell-a-line table whose header starts at line i ('TT', 'Nội dung',
    'Cơ quan chủ trì' … one a line), or 0."""
    from .tables import column_of

    width = 0
    while (
        i + width < len(lines)
        and len(lines[i + width][1].strip()) < 60
        and column_of(lines[i + width][1])
        and (width == 0 or column_of(lines[i + width][1]) != "number")
    ):
        width += 1
    fields = [column_of(lines[k][1]) for k in range(i, i + width)]
    return width if width >= 3 and fields[0] == "number" and "content" in fields else 0


def _cell_lines_table(lines: list[tuple[int, str]], i: int, width: int) -> tuple[Table, int]:
    """Cells one a line after the header; a row starts at a task number once the row before
    has two cells or more; the table ends at a blank line or the next part ('III. …')."""
    from .tables import STT

    header = [lines[k][1].strip() for k in range(i, i + width)]
    start, i = lines[i][0], i + width
    rows: list[list[str]] = []
    while i < len(lines) and lines[i][1].strip() and not re.match(r"^[IVX]+\.\s", lines[i][1].strip()):
        cell = lines[i][1].strip()
        if STT.match(cell) and (not rows or len(rows[-1]) >= 2):
            rows.append([cell])
        elif rows and len(rows[-1]) < width:
            rows[-1].append(cell)
        elif rows:
            rows[-1][-1] += " " + cell
        else:
            break
        i += 1
    return Table([header] + [r + [""] * (width - len(r)) for r in rows], start), i


def read_lines(numbered: list[tuple[int, str]], doc: Document) -> None:
    lines: list[tuple[int, str]] = []
    for number, raw in _column_order(numbered):
        if re.fullmatch(r"\t[^\t]*\S[^\t]*", raw):  # a paragraph indented with one Tab
            raw = raw.strip()
        if "\t" in raw or _MD_ROW.match(raw):
            lines.append((number, raw))
            continue
        for part in clean_markup(raw).split("\n"):
            lines.append((number, part))
    pending: list[tuple[int, str]] = []

    def flush():
        doc.blocks.extend(join_lines([(n, " ".join(s.split())) for n, s in pending if s.strip()]))
        pending.clear()

    i = 0
    while i < len(lines):
        if _MD_ROW.match(lines[i][1]) and lines[i][1].count("|") >= 3:
            flush()
            table, i = _md_table(lines, i)
            doc.blocks.append(table)
            continue
        if width := _cell_lines_header(lines, i):
            flush()
            table, i = _cell_lines_table(lines, i, width)
            doc.blocks.append(table)
            continue
        if "\t" in lines[i][1]:
            flush()
            table, i = _tab_table(lines, i)
            doc.blocks.append(table)
            continue
        start = _pipe_start(lines, i)
        if start is not None:
            del pending[len(pending) - (i - start) :]  # those lines were its first cells
            flush()
            table, i = _pipe_table(lines, start)
            doc.blocks.append(table)
            continue
        pending.append(lines[i])
        i += 1
    flush()
