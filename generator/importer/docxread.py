"""A Word file (.docx) -> a Document, read with python-docx: body paragraphs and tables in
document order. A cell merged across the row (a section row) is read once; Word's repeated
header rows come back as rows and are dropped by tables.py like a page-broken text header.
python-docx gets the archive as docxzip.py rebuilds it: XML parts only, checked against the
limits, without DTD entities."""

from __future__ import annotations

import io
import zipfile

from .blocks import Document, ImportFailure, Para, Table
from .docxzip import bounded_docx


def _cells(row) -> list[str]:
    out, seen = [], set()  # lxml elements hash by identity
    for cell in row.cells:
        if cell._tc in seen:  # a merged cell repeats: read it once
            out.append("")
            continue
        seen.add(cell._tc)
        out.append("\n\n".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip()))
    return out


def _auto_numbered(para) -> bool:
    """Numbered by Word itself: on the paragraph or through its style."""
    if para._p.xpath("./w:pPr/w:numPr"):
        return True
    style = para.style
    while style is not None:
        if style.element.xpath("./w:pPr/w:numPr"):
            return True
        style = style.base_style
    return False


def _emphasis(para) -> str:
    """ "bold" / "italic" when every run that holds text is (directly or through its style)."""
    runs = [r for r in para.runs if r.text.strip()]
    if not runs:
        return ""
    for kind in ("bold", "italic"):
        if all(_run_has(r, kind) for r in runs):
            return kind
    return ""


def _run_has(run, kind: str) -> bool:
    value = getattr(run, kind)
    if value is None:
        value = getattr(run.style.font, kind) if run.style is not None else None
    if value is None:
        style = run._parent.style if hasattr(run._parent, "style") else None
        while value is None and style is not None:
            value = getattr(style.font, kind)
            style = style.base_style
    return bool(value)


def read_docx(raw: bytes, file: str) -> Document:
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ImportFailure(
            file,
            "tệp .docx không phải tệp Word hợp lệ (không phải zip) / "
            "not a Word file: a .docx is a zip archive",
        )
    notes: list[str] = []
    raw = bounded_docx(raw, file, notes)  # within limits, no DTD entity left
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds
        raise ImportFailure(file, f"không đọc được tệp Word / cannot read the Word file ({exc})") from None
    doc = Document(file, kind="docx", notes=notes)
    numbered = []
    # A Word paragraph is a paragraph (never joined to the next); its "line" is its index
    # among the body's paragraphs and tables (1-based), so review notes can say where it is.
    for index, child in enumerate(document.element.body.iterchildren(), 1):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = " ".join(para.text.split())
            if text and _auto_numbered(para):
                numbered.append(text)  # Word's automatic number is not in the text
            if text:
                doc.blocks.append(Para(text, index, emphasis=_emphasis(para)))
        elif tag == "tbl":
            table = DocxTable(child, document)
            doc.blocks.append(Table([_cells(r) for r in table.rows], line=index))
    if numbered:
        doc.notes.append(
            f"{len(numbered)} đoạn dùng số/gạch đầu dòng tự động của Word (không có trong chữ), "
            f"ví dụ '{numbered[0][:50]}': kiểm tra số thứ tự và cách chia mục, nhiệm vụ"
        )
    return doc
