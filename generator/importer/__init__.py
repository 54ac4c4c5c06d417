"""`python -m generator import`: a signed document (text extracted from a PDF, a .docx, a .pdf
with a text layer) -> a draft plan in the portal's format, with '# KIỂM TRA:' review notes.

read (textread / docxread / pdfread) -> Document (blocks) -> draft (metadata, body, tables,
agencies, tree) -> emit (YAML or JSON). Nothing is written until everything has been read.
"""

from __future__ import annotations

from pathlib import Path

from ..model.catalog import Catalog
from ..textnorm import nfc
from .blocks import Document, ImportFailure, Table
from .controls import clean_document
from .draft import Draft, build_draft
from .layout import settle

# What one import reads at most: limits.py (README, "The importer", Limits).
from .limits import (
    MAX_BYTES,
    MAX_LINES,
    MAX_PAGES,
    MAX_ROWS,
    MAX_TEXT_BYTES,
    Budget,
    count,
)
from .sourcefile import read_source
from .textfile import read_text

__all__ = [
    "MAX_BYTES",
    "MAX_PAGES",
    "Draft",
    "ImportFailure",
    "import_file",
    "read_document",
    "safe_name",
]


def safe_name(name: str) -> str:
    """A file name as the draft may print it: control characters, C1 included (a newline would
    add YAML keys to the '# Nguồn:' comment, an ESC would drive the terminal), shown as '?'."""
    return "".join("?" if ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u2028\u2029" else ch for ch in name)


def read_document(path: Path, budget: Budget | None = None) -> Document:
    """The file as paragraphs and task tables (layout tables read as paragraphs), within the
    limits and the time budget of limits.py; control characters out of its text (controls.py);
    NFC (a Word or PDF file may hold decomposed letters: the draft is NFC, as `make validate`
    requires)."""
    if budget is None:
        budget = Budget(safe_name(path.as_posix()))
        with budget.alarm():
            return read_document(path, budget)
    doc = clean_document(_read(path, budget))
    for block in doc.blocks:
        if isinstance(block, Table):
            block.rows = [[nfc(cell) for cell in row] for row in block.rows]
        else:
            block.text = nfc(block.text)
    rows = sum(len(t.rows) for t in doc.tables())
    if rows > MAX_ROWS:
        raise ImportFailure(
            doc.file,
            f"bảng quá lớn ({count(rows)} dòng; tối đa {count(MAX_ROWS)} "
            "dòng mọi bảng cộng lại): tách văn bản / tables too large",
        )
    return settle(doc)


def _read(path: Path, budget: Budget) -> Document:
    name = budget.file
    raw = read_source(path, name)
    if not raw.strip():
        raise ImportFailure(name, "tệp rỗng / empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docxread import read_docx

        return read_docx(raw, name)
    if suffix == ".pdf" or raw.startswith(b"%PDF"):
        from .pdfread import read_pdf

        return read_pdf(raw, name, budget)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure(
            name,
            "tệp Word cũ (.doc) hoặc Excel cũ (.xls): mở bằng Word/LibreOffice và "
            "lưu lại thành .docx rồi nhập tệp .docx / an old .doc file: save it as .docx",
        )
    if raw.startswith(b"PK\x03\x04"):
        raise ImportFailure(
            name,
            "tệp nén (zip) không phải .docx: đổi tên cho đúng đuôi / a zip archive: name a Word file .docx",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(
            name, "tệp văn bản không phải UTF-8: lưu lại với mã hóa UTF-8 / text file is not UTF-8", line
        ) from None
    if len(raw) > MAX_TEXT_BYTES or raw.count(b"\n") > MAX_LINES:
        raise ImportFailure(
            name,
            f"tệp văn bản quá lớn (tối đa {MAX_TEXT_BYTES // (1024 * 1024)} MB, "
            f"{count(MAX_LINES)} dòng): tách văn bản / text file too large",
        )
    text = nfc(text.removeprefix("\ufeff"))
    if "\x00" in text:
        raise ImportFailure(name, "tệp nhị phân, không phải văn bản / binary file, not text")
    return read_text(text, name)


def import_file(path: Path, plan_id: str, cat: Catalog) -> Draft:
    """The draft of one document, read and drafted within one time budget."""
    budget = Budget(safe_name(path.as_posix()))
    with budget.alarm():
        return build_draft(read_document(path, budget), cat, plan_id)
