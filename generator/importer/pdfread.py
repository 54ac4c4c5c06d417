"""A PDF with a text layer -> its text -> the text reader. pypdf (pure Python, no native
dependency) extracts the text; a PDF without text (a scan) is refused with the OCR step."""
from __future__ import annotations

import io
import logging

from ..textnorm import nfc
from .blocks import Document, ImportFailure
from .textread import read_text

OCR_HINT = ("PDF không có lớp chữ (bản quét): nhận dạng chữ trước, ví dụ "
            "'ocrmypdf -l vie vao.pdf ra.pdf', rồi nhập ra.pdf / scanned PDF without text: "
            "run 'ocrmypdf -l vie in.pdf out.pdf' first")


def read_pdf(raw: bytes, file: str) -> Document:
    logging.disable(logging.CRITICAL)                   # pypdf's log lines are not our message
    try:
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:                              # pypdf raises many kinds
        raise ImportFailure(file, f"không đọc được tệp PDF / unreadable PDF ({type(exc).__name__})") from None
    finally:
        logging.disable(logging.NOTSET)
    text = nfc("\n\n".join(pages))
    if len("".join(text.split())) < 20:
        raise ImportFailure(file, OCR_HINT)
    doc = read_text(text, file)
    doc.kind = "pdf"
    return doc
