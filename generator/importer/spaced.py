"""A task table laid out with spaces (the text `pdftotext -layout` makes of a PDF) -> Tables.

The table starts at a header row ('STT' / 'TT' first, then 'Nội dung' or 'Tên nhiệm vụ',
'chủ trì', 'phối hợp' … its cells wrapped over lines), perhaps followed by the numbering row
'(1) (2) … (n)', which gives where the columns start; otherwise the header's words do. A row
starts at a line whose first column holds a task number ('1', '1.1', 'II', '-'); the lines
after it, indented, are its cells wrapped; a line '1. Tên nhóm' across the table before a
numbered row is a group row. pdftotext ends a page with a form feed: the header the next
page repeats is dropped (its words must be the first header's), the columns are found again
on that page (each page has its own spacing), and the lines before the page's first number
are the row broken over the page: one Table a page, as a PDF gives, so tables.py drops the
repeated header and merges the broken row (with its review note) the same way. The table ends
at a blank line not followed by a row, at a part heading ('III. TỔ CHỨC THỰC HIỆN') or at a
line outside the columns; what follows is read as text again.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import Table
from .spacedcols import TOL, assign, clusters, hard_starts, match, spans, widths, words
from .tables import STT, column_of, header_fields
from .textread import wrapped_cell

_NUMBERING = re.compile(r"^\(\d{1,2}\)$")
_GROUP = re.compile(r"^\d+(?:\.\d+)*\.$")
_PART = re.compile(r"^[IVX]+\.\s")

Line = tuple[int, int, str]  # (line number, page, text)


def pages(text: str) -> list[Line]:
    """Lines numbered as in the file ('\\n'), each with the page it is on. A form feed starts a
    page: pdftotext puts it before the first line of each page; one inside a line parts it
    (its two sides are never glued into one word)."""
    out, page = [], 0
    for number, raw in enumerate(text.split("\n"), 1):
        parts = raw.rstrip("\r").split("\f")
        for k, part in enumerate(parts):
            page += k > 0
            if part.strip() or len(parts) == 1:
                out.append((number, page, part))
    return out


def _is_header(text: str) -> bool:
    ws = words(text)
    return len(ws) >= 3 and ws[0].start <= TOL and column_of(ws[0].text) == "number"


def _header_block(lines: list[Line], i: int) -> int:
    """The end of the header that starts at line i: its wrapped lines are indented."""
    j = i + 1
    while j < len(lines) and j - i < 6 and lines[j][1] == lines[i][1] and lines[j][2].strip():
        ws = words(lines[j][2])
        if ws[0].start <= TOL or all(_NUMBERING.match(w.text) for w in ws):
            break
        j += 1
    return j


def _cells(
    texts: list[str],
    starts: list[int],
    notes: list[str],
    numbers: list[int],
    width: dict[int, int] | None = None,
) -> list[str]:
    per_line, cut = assign(texts, starts, width)
    notes += [f"dòng {numbers[k]}: {c}" for k, c in cut]
    return [wrapped_cell([ln[c] for ln in per_line]) for c in range(len(starts))]


def _row_start(text: str, starts: list[int]) -> bool:
    ws = words(text)
    return (
        bool(ws)
        and ws[0].start < starts[1] - TOL
        and STT.match(ws[0].text) is not None
        and (len(ws) == 1 or ws[1].hard or ws[1].start >= starts[1] - TOL)
    )


def _group_line(text: str, starts: list[int]) -> bool:
    ws = words(text)
    return (
        len(ws) >= 2
        and ws[0].start <= TOL
        and _GROUP.match(ws[0].text) is not None
        and not ws[1].hard
        and ws[1].start < starts[1] - TOL
    )


def _repeated_header(lines: list[Line], i: int, wanted: Counter) -> int:
    """The end of the header a new page repeats from line i (all its letters, no others), or i."""
    left, j = Counter(wanted), i
    while j < len(lines) and sum(left.values()) and lines[j][2].strip():
        got = Counter(lines[j][2].replace(" ", ""))
        if got - left:
            break
        left -= got
        j += 1
    return j if not sum(left.values()) else i


class _Reader:
    def __init__(self, lines: list[Line], i: int, notes: list[str]):
        self.lines, self.notes = lines, notes
        end = _header_block(lines, i)
        head = [t for _, _, t in lines[i:end]]
        numbering = (
            end < len(lines)
            and all(_NUMBERING.match(w.text) for w in words(lines[end][2]))
            and len(words(lines[end][2])) >= 3
        )
        if numbering:
            self.starts = [w.start for w in words(lines[end][2])]
        else:
            self.starts = [s for s, _ in clusters(hard_starts(head))]
        self.header = (
            _cells(head, self.starts, notes, [n for n, _, _ in lines[i:end]]) if len(self.starts) >= 3 else []
        )
        self.words = Counter("".join(head).replace(" ", ""))  # letters: words may be glued
        self.first, self.body = i, end + (1 if numbering else 0)
        self.numbering = [w.text for w in words(lines[end][2])] if numbering else None

    def ok(self) -> bool:
        return bool(self.header) and header_fields(self.header) is not None

    def _page_starts(self, j: int, head_end: int) -> list[int]:
        """Columns of the page from line j: its repeated header's when its rows start there
        too (a centred header does not show where columns start), else its rows'."""
        rows = clusters(hard_starts(self._page_body(head_end)))
        if head_end > j:
            head = [s for s, _ in clusters(hard_starts([t for _, _, t in self.lines[j:head_end]]))]
            if len(head) == len(self.starts) and all(min(abs(s - h) for h in head) <= TOL for s, _ in rows):
                return head
        return match(rows, self.starts)

    def _page_body(self, j: int) -> list[str]:
        body = []
        for _, p, text in self.lines[j:]:
            if p != self.lines[j][1] or _PART.match(text):
                break
            body.append(text)
        return body

    def read(self) -> tuple[list[Table], int]:
        lines, n = self.lines, len(self.starts)
        tables = [Table([self.header] + ([self.numbering] if self.numbering else []), lines[self.first][0])]
        rows: list[tuple[list[int], list[str], bool]] = []  # (lines, texts, group)
        page, j = lines[self.first][1], self.body
        if not (j < len(lines) and lines[j][1] == page and self.body_line(lines[j][2])):
            return [], self.first
        page_starts, top = self.starts, False
        width = widths(self._page_body(j), page_starts)

        def close():
            for numbers, texts, group in rows:
                if group:
                    cells = [" ".join(" ".join(t.split()) for t in texts)] + [""] * (n - 1)
                elif spans(texts, page_starts):
                    first = next(w for t in texts for w in words(t) if w.start >= page_starts[1] - TOL)
                    col = min(range(n), key=lambda c: abs(first.start - page_starts[c]))
                    lead = [w.text for w in words(texts[0]) if w.start < page_starts[1] - TOL]
                    body = [
                        " ".join(w.text for w in words(t) if w.start >= page_starts[1] - TOL or k)
                        for k, t in enumerate(texts)
                    ]
                    cells = [" ".join(lead)] + [""] * (n - 1)
                    cells[col] = wrapped_cell(body)
                else:
                    cells = _cells(texts, page_starts, self.notes, numbers, width)
                tables[-1].rows.append(cells)
            rows.clear()

        while j < len(lines):
            number, p, text = lines[j]
            if p != page:  # a new page: its header, its columns
                close()
                page, top = p, True
                head_end = _repeated_header(lines, j, self.words) if _is_header(text) else j
                page_starts = self._page_starts(j, head_end)
                width = widths(self._page_body(head_end), page_starts)
                tables.append(Table([self.header] if head_end > j else [], number))
                if head_end > j:
                    j = head_end
                    continue
            if not text.strip():
                k = next((k for k in range(j + 1, len(lines)) if lines[k][2].strip()), len(lines))
                if k < len(lines) and (lines[k][1] != page or _row_start(lines[k][2], page_starts)):
                    j += 1
                    continue
                break
            if _PART.match(text):
                break
            top = top and not rows
            if _row_start(text, page_starts):
                rows.append(([number], [text], False))
            elif (
                _group_line(text, page_starts)
                and j + 1 < len(lines)
                and _row_start(lines[j + 1][2], page_starts)
            ):
                rows.append(([number], [text], True))
            elif words(text)[0].start >= page_starts[1] - TOL and (rows or top):
                if not rows:  # the row broken over the page: its second half
                    rows.append(([], [], False))
                rows[-1][0].append(number)
                rows[-1][1].append(text)
            else:
                self.notes.append(
                    f"dòng {number}: bảng dàn bằng dấu cách dừng ở dòng '{text.strip()[:60]}' "
                    "(không thuộc cột nào của bảng): kiểm tra xem bảng còn dòng nào sau đó"
                )
                break
            j += 1
        close()
        return [t for t in tables if t.rows], j

    def body_line(self, text: str) -> bool:
        return _row_start(text, self.starts) or _group_line(text, self.starts)


def find(lines: list[Line], notes: list[str], file: str) -> list[tuple[int, int, list[Table]]]:
    """(first line index, end index, tables) of each space-laid table of the lines; what the
    reader is unsure of is added to `notes` as 'file:line: …'."""
    out, i = [], 0
    while i < len(lines):
        if _is_header(lines[i][2]):
            mine: list[str] = []
            reader = _Reader(lines, i, mine)
            tables, end = reader.read() if reader.ok() else ([], i)
            if tables:
                out.append((i, end, tables))
                notes += [f"{file}:{note[5:]}" for note in mine]  # 'dòng N: …' -> 'file:N: …'
                i = end
                continue
        i += 1
    return out
