"""`python -m generator import`: a signed document (text extracted from a PDF, a .docx, a .pdf
with a text layer) -> a draft plan in the portal's format, with '# KIỂM TRA:' review notes.

read (textread / docxread / pdfread) -> Document (blocks) -> draft (metadata, body, tables,
agencies, tree) -> emit (YAML or JSON). Nothing is written until everything has been read.
"""
from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..textnorm import nfc
from .blocks import Document, ImportFailure, Table
from .draft import Draft, build_draft
from .layout import settle
from .textread import read_text

__all__ = ["Draft", "ImportFailure", "import_file", "read_document", "safe_name"]

# What one import reads at most (README, "Nhập kế hoạch"): a plan is tens of pages; a larger
# input is refused at once instead of running for minutes.
MAX_BYTES = 20 * 1024 * 1024           # a .docx or .pdf
MAX_TEXT_BYTES = 2 * 1024 * 1024       # a text file
MAX_LINES = 20_000                     # lines of a text file
MAX_PAGES = 300                        # pages of a PDF
MAX_ROWS = 5_000                       # table rows, all tables of the file together


def safe_name(name: str) -> str:
    """A file name as the draft may print it: control characters (a newline would add YAML
    keys to the '# Nguồn:' comment) shown as '?'."""
    return "".join("?" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in name)


def read_document(path: Path) -> Document:
    """The file as paragraphs and task tables (layout tables read as paragraphs)."""
    doc = _read(path)
    for block in doc.blocks:               # a Word or PDF file may hold decomposed letters: the
        if isinstance(block, Table):       # draft is NFC, as `make validate` requires
            block.rows = [[nfc(cell) for cell in row] for row in block.rows]
        else:
            block.text = nfc(block.text)
    rows = sum(len(t.rows) for t in doc.tables())
    if rows > MAX_ROWS:
        raise ImportFailure(doc.file, f"bảng quá lớn ({rows:,} dòng; tối đa {MAX_ROWS:,} dòng mọi "
                            "bảng cộng lại): tách văn bản / tables too large".replace(",", "."))
    return settle(doc)


def _read(path: Path) -> Document:
    name = safe_name(path.as_posix())
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailure(name, f"tệp quá lớn ({size // (1024 * 1024)} MB; tối đa "
                                f"{MAX_BYTES // (1024 * 1024)} MB): tách văn bản / file too large")
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(name, f"không đọc được tệp / cannot read file: {exc.strerror}") from None
    if not raw.strip():
        raise ImportFailure(name, "tệp rỗng / empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docxread import read_docx
        return read_docx(raw, name)
    if suffix == ".pdf" or raw.startswith(b"%PDF"):
        from .pdfread import read_pdf
        return read_pdf(raw, name)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure(name, "tệp Word cũ (.doc) hoặc Excel cũ (.xls): mở bằng Word/LibreOffice và "
                            "lưu lại thành .docx rồi nhập tệp .docx / an old .doc file: save it as .docx")
    if raw.startswith(b"PK\x03\x04"):
        raise ImportFailure(name, "tệp nén (zip) không phải .docx: đổi tên cho đúng đuôi / "
                            "a zip archive: name a Word file .docx")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(name, "tệp văn bản không phải UTF-8: lưu lại với mã hóa UTF-8 / "
                            "text file is not UTF-8", line) from None
    if len(raw) > MAX_TEXT_BYTES or raw.count(b"\n") > MAX_LINES:
        raise ImportFailure(name, f"tệp văn bản quá lớn (tối đa {MAX_TEXT_BYTES // (1024 * 1024)} MB, "
                            f"{MAX_LINES:,} dòng): tách văn bản / text file too large".replace(",", "."))
    text = nfc(text.removeprefix("\ufeff"))
    if "\x00" in text:
        raise ImportFailure(name, "tệp nhị phân, không phải văn bản / binary file, not text")
    return read_text(text, name)


def import_file(path: Path, plan_id: str, cat: Catalog) -> Draft:
    return build_draft(read_document(path), cat, plan_id)
