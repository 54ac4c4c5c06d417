"""Hostile attachments for the importer's limits, made here in a few lines (nothing downloaded):
a PDF written by hand as bytes (many pages, a ruled grid, a compressed content stream that
unpacks to hundreds of MB), and .docx files made by python-docx whose document.xml is then
replaced (a zip bomb, millions of empty paragraphs, thousands of rows, a DTD entity).

`python tests/hostile.py KIND OUT` writes one of them, for measuring by hand
(`/usr/bin/time -v python -m generator import OUT --plan x-y-2026`)."""
from __future__ import annotations

import io
import sys
import zipfile
import zlib
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def pdf(contents: list[bytes], flate: bool = False, shared: bool = False, size: int = 792) -> bytes:
    """A PDF of one page a content stream (Helvetica); `shared`: every page draws the first
    stream (100,000 pages in a few MB); `flate`: streams FlateDecode-compressed."""
    streams = contents[:1] if shared else contents
    n_pages = len(contents)
    font, first_stream, first_page = 3, 4, 4 + len(streams)
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (first_page + i)
                                                                for i in range(n_pages))
                         + b"] /Count %d >>" % n_pages,
                         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for body in streams:
        data = zlib.compress(body, 1) if flate else body
        objs.append(b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if flate else b"")
                    + data + b"\nendstream")
    for i in range(n_pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>" % (size, size, first_stream + (0 if shared else i)))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def text_stream(lines: list[str]) -> bytes:
    return b"BT /F1 10 Tf 40 760 Td 12 TL " + b" ".join(
        b"(" + ln.encode("latin-1") + b") Tj T*" for ln in lines) + b" ET"


WORDS = [f"Dong {i} trao doi kinh nghiem giua hai tinh ve hop tac phat trien" for i in range(40)]


def grid_pdf(n: int) -> bytes:
    """One page ruled with n x n cells 5 pt wide (n + 1 lines each way), words above it."""
    end = 20 + 5 * n
    lines = [b"20 %d m %d %d l" % (20 + 5 * i, end, 20 + 5 * i) for i in range(n + 1)]
    lines += [b"%d 20 m %d %d l" % (20 + 5 * i, 20 + 5 * i, end) for i in range(n + 1)]
    return pdf([b"0.2 w " + b" ".join(lines) + b" S " + text_stream(WORDS[:10]).replace(b"40 760", b"40 %d" % (end + 200))],
               size=end + 400)


def many_pages_pdf(n: int) -> bytes:
    return pdf([text_stream(WORDS)] * n, shared=True)


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream is `megabytes` MB of spaces compressed to a few hundred KB."""
    comp = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    base = pdf([text_stream(WORDS)])
    # the same PDF with the stream object (4 0 obj) replaced: rebuild with the raw body
    return _replace_stream(base, body)


def _replace_stream(base: bytes, body: bytes) -> bytes:
    head, rest = base.split(b"4 0 obj\n", 1)
    rest = rest.split(b"\nendobj\n", 1)[1]
    objs = []
    text = head + b"4 0 obj\n" + body + b"\nendobj\n" + rest.split(b"xref\n", 1)[0]
    pos = 0
    while True:
        i = text.find(b" 0 obj\n", pos)
        if i < 0:
            break
        start = text.rfind(b"\n", 0, i) + 1
        objs.append(start)
        pos = i + 1
    xref = len(text)
    tail = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in objs)
    return text + tail + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def docx_with(body_xml: bytes | None = None, extra: dict[str, bytes] | None = None,
              document_xml: bytes | None = None) -> bytes:
    """A .docx made by python-docx whose word/document.xml body is replaced."""
    import docx
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = document_xml or (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                        b"<w:document " + W.encode() + b"><w:body>" + body_xml
                                        + b"</w:body></w:document>")
            z.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def para(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def table(rows: list[list[str]]) -> bytes:
    return b"<w:tbl>" + b"".join(b"<w:tr>" + b"".join(b"<w:tc>" + para(c) + b"</w:tc>" for c in row)
                                 + b"</w:tr>" for row in rows) + b"</w:tbl>"


def empty_paragraphs_docx(n: int) -> bytes:
    return docx_with(para("KẾ HOẠCH") + b"<w:p/>" * n)


def bomb_docx(megabytes: int) -> bytes:
    """One paragraph of `megabytes` MB of spaces: a few hundred KB zipped."""
    return docx_with(b"<w:p><w:r><w:t>" + b" " * (megabytes << 20) + b"</w:t></w:r></w:p>")


def rows_docx(n: int) -> bytes:
    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]]
    rows += [[str(i), f"Nhiệm vụ thứ {i} về hợp tác", "Sở Công Thương", "Năm 2027"] for i in range(1, n + 1)]
    return docx_with(para("KẾ HOẠCH") + para("Hợp tác thử nghiệm") + table(rows))


KINDS = {"grid": lambda: grid_pdf(400), "pages": lambda: many_pages_pdf(100_000),
         "pages300": lambda: pdf([text_stream(WORDS)] * 300), "flate": lambda: flate_bomb_pdf(1024),
         "paragraphs": lambda: empty_paragraphs_docx(3_500_000), "bomb": lambda: bomb_docx(1024),
         "rows": lambda: rows_docx(6000)}

if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(KINDS[sys.argv[1]]())
