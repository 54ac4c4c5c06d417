"""A PDF with a text layer -> a Document, read from the page layout with pdfplumber.

A plan exported from Word, LibreOffice or a browser keeps its table only as ruled cells and
positioned words: plain text extraction loses it. pdfplumber (maintained, pure Python over
pdfminer.six) finds each page's ruled tables and their cells; the words outside them become
lines, and a line with a wide gap (a two-column letterhead or signature block: 'ỦY BAN NHÂN
DÂN … CỘNG HÒA XÃ HỘI …') is read column by column. A table continued on the next page is
put after the one before it, its repeated header dropped and a row broken over the page
merged by tables.py, as in a Word file. A PDF without text (a scan, or only a signing stamp)
is refused with the OCR step.
"""

from __future__ import annotations

import io
import logging
import re

from ..textnorm import fold, nfc
from .blocks import Document, ImportFailure, Table
from .limits import MAX_ROWS, Budget, count
from .pdfbounds import bounded, page_objects, pages, tables_allowed
from .textread import join_lines, wrapped_cell

OCR_HINT = (
    "PDF không có lớp chữ (bản quét, hoặc chỉ có dấu chữ ký số): nhận dạng chữ trước, ví dụ "
    "'ocrmypdf -l vie vao.pdf ra.pdf', rồi nhập ra.pdf / scanned PDF without text: "
    "run 'ocrmypdf -l vie in.pdf out.pdf' first"
)
_STAMP = re.compile(r"(ky boi|nguoi ky|thoi gian ky|co quan:|email:|ngay ky|signed by|signature)")
_GAP = 14.0  # points between two words that split a line into columns
_MARGIN = 0.07  # a page number alone in the top or bottom 7 % of the page is dropped


def _lines(words: list[dict]) -> list[tuple[float, float, list[tuple[float, float, str]]]]:
    """Words -> (top, bottom, [(x0, x1, column text)]) lines, top to bottom, left to right."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segments, last = [[row[0]["x0"], row[0]["x1"], [row[0]["text"]]]], row[0]
        for word in row[1:]:
            if word["x0"] - last["x1"] > _GAP:
                segments.append([word["x0"], word["x1"], []])
            segments[-1][1] = word["x1"]
            segments[-1][2].append(word["text"])
            last = word
        out.append(
            (
                row[0]["top"],
                max(w["bottom"] for w in row),
                [(x0, x1, " ".join(ws)) for x0, x1, ws in segments],
            )
        )
    return out


def _columns(lines: list) -> list[str]:
    """A run of lines split in two columns (a letterhead, a signature block) is read left
    column first, then the right. A line of one column just below or between them (the last
    recipients, the signer's name) belongs to the run when it stays on its side of the gap;
    a line across the page (a centred title) ends the run."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if len(lines[i][2]) < 2:
            out.append(lines[i][2][0][2])
            i += 1
            continue
        bound = lines[i][2][1][0]
        j, bottom = i + 1, lines[i][1]
        while j < len(lines):
            top, low, segs = lines[j]
            if len(segs) >= 2:
                bound = min(bound, segs[1][0])
            elif top - bottom > 3 * max(low - top, 6) or segs[0][0] < bound - 1 < segs[0][1]:
                break
            bottom = low
            j += 1
        left = [t for _, _, segs in lines[i:j] for x0, _, t in segs if x0 < bound - 1]
        right = [t for _, _, segs in lines[i:j] for x0, _, t in segs if x0 >= bound - 1]
        out += left + right
        i = j
    return out


def _inside(word: dict, boxes) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page(page, number: int, notes: list[str]) -> list[tuple[float, str, object]]:
    """('text', line) and ('table', rows) items of one page, top to bottom."""
    # A row broken over a page has no rule where the page breaks: close it at the end of the
    # column rules, so its first or last half is a row of the table, not loose words.
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    ends = (
        sorted({round(min(e["top"] for e in vertical), 1), round(max(e["bottom"] for e in vertical), 1)})
        if vertical
        else []
    )
    tables = (
        page.find_tables({"explicit_horizontal_lines": ends} if ends else {})
        if tables_allowed(page, notes)
        else []
    )
    boxes = [t.bbox for t in tables]
    words = [w for w in page.extract_words(keep_blank_chars=False) if not _inside(w, boxes)]
    items: list[tuple[float, str, object]] = []
    height = float(page.height)
    lines = [
        (top, bottom, segs)
        for top, bottom, segs in _lines(words)
        if not (
            len(segs) == 1
            and re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", segs[0][2])
            and (top < height * _MARGIN or top > height * (1 - _MARGIN))
        )
    ]
    run: list = []
    table_tops = sorted(((t.bbox[1], n, t) for n, t in enumerate(tables)), key=lambda x: x[:2])
    for top, bottom, segs in lines + [(float("inf"), float("inf"), [])]:
        while table_tops and table_tops[0][0] < top:
            t_top, _, table = table_tops.pop(0)
            for text in _columns(run):
                items.append((0, "text", text))
            run = []
            rows = [[wrapped_cell((c or "").split("\n")) for c in row] for row in table.extract()]
            items.append((t_top, "table", Table(rows, number)))
        if segs:
            run.append((top, bottom, segs))
    for text in _columns(run):
        items.append((0, "text", text))
    return items


def read_pdf(raw: bytes, file: str, budget: Budget | None = None) -> Document:
    """Within the limits of pdfbounds.py and the time budget (checked between pages)."""
    budget = budget or Budget(file)
    logging.disable(logging.CRITICAL)  # pdfminer's log lines are not our message
    notes: list[str] = []
    try:
        import pdfplumber

        with bounded(file) as counter:
            pdf = pdfplumber.open(io.BytesIO(raw))  # not closed: its close() lays out every page
            items, rows = [], 0
            for page in pages(pdf, file, budget, counter):
                page_objects(page, file)
                items += _page(page, page.page_number, notes)
                rows = sum(len(v.rows) for _, kind, v in items if kind == "table")
                if rows > MAX_ROWS:  # refused on the page that passes it
                    raise ImportFailure(
                        file,
                        f"bảng quá lớn (hơn {count(MAX_ROWS)} dòng mọi bảng cộng "
                        f"lại, đến trang {page.page_number}): tách văn bản / tables too large",
                    )
    except ImportFailure:
        raise
    except Exception as exc:  # pdfminer raises many kinds
        raise ImportFailure(file, f"không đọc được tệp PDF / unreadable PDF ({type(exc).__name__})") from None
    finally:
        logging.disable(logging.NOTSET)
    if not _has_words(items):
        raise ImportFailure(file, OCR_HINT)
    doc = Document(file, kind="pdf", notes=notes)
    pending: list[tuple[int, str]] = []
    for _, kind, value in items:
        if kind == "text":
            pending.append((0, " ".join(nfc(value).split())))
            continue
        doc.blocks.extend(join_lines(pending))
        pending = []
        value.rows = [[nfc(c) for c in row] for row in value.rows]
        doc.blocks.append(value)
    doc.blocks.extend(join_lines(pending))
    return doc


def _has_words(items) -> bool:
    """Text beyond a signing stamp: at least 30 words of running text or any table."""
    words = [
        w
        for _, kind, v in items
        if kind == "text" and not _STAMP.search(fold(str(v)))
        for w in str(v).split()
    ]
    return len(words) >= 30 or any(kind == "table" for _, kind, _v in items)
