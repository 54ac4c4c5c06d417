"""Hostile attachments for the importer's limits, made here in a few lines (nothing downloaded):
a PDF written by hand as bytes (many pages, a ruled grid, a compressed content stream that
unpacks to hundreds of MB), and .docx files made by python-docx whose document.xml is then
replaced (a zip bomb, millions of empty paragraphs, thousands of rows, a DTD entity).

`python tests/hostile.py KIND OUT` writes one of them, for measuring by hand
(`/usr/bin/time -v python -m generator import OUT --plan x-y-2026`)."""

from __future__ import annotations

import io
import struct
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
    first_stream, first_page = 4, 4 + len(streams)  # 3 0 obj: the font
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (first_page + i) for i in range(n_pages))
        + b"] /Count %d >>" % n_pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for body in streams:
        data = zlib.compress(body, 1) if flate else body
        objs.append(
            b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if flate else b"")
            + data
            + b"\nendstream"
        )
    for i in range(n_pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (size, size, first_stream + (0 if shared else i))
        )
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
    return (
        b"BT /F1 10 Tf 40 760 Td 12 TL "
        + b" ".join(b"(" + ln.encode("latin-1") + b") Tj T*" for ln in lines)
        + b" ET"
    )


WORDS = [f"Dong {i} trao doi kinh nghiem giua hai tinh ve hop tac phat trien" for i in range(40)]


def grid_pdf(n: int) -> bytes:
    """One page ruled with n x n cells 5 pt wide (n + 1 lines each way), words above it."""
    end = 20 + 5 * n
    lines = [b"20 %d m %d %d l" % (20 + 5 * i, end, 20 + 5 * i) for i in range(n + 1)]
    lines += [b"%d 20 m %d %d l" % (20 + 5 * i, 20 + 5 * i, end) for i in range(n + 1)]
    return pdf(
        [
            b"0.2 w "
            + b" ".join(lines)
            + b" S "
            + text_stream(WORDS[:10]).replace(b"40 760", b"40 %d" % (end + 200))
        ],
        size=end + 400,
    )


def many_pages_pdf(n: int) -> bytes:
    return pdf([text_stream(WORDS)] * n, shared=True)


def deflated(
    head: bytes, megabytes: int, tail: bytes, wrap: bool = True, check: bool = True
) -> tuple[bytes, int]:
    """head + `megabytes` MB of spaces + tail, deflated in well under a second: one MB of
    spaces is compressed once, flushed to a byte boundary, and its bytes repeated. Returns the
    stream (zlib-wrapped for a PDF, raw for a zip) and the CRC-32 of what it unpacks to
    (`check=False`: 0 for both checksums, a second saved a GB, for a reader that must stop
    long before it reaches them)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    mb = b" " * (1 << 20)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(mb) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(tail) + comp.flush()
    crc, adler = zlib.crc32(head), zlib.adler32(head)
    for _ in range(megabytes if check else 0):
        crc, adler = zlib.crc32(mb, crc), zlib.adler32(mb, adler)
    crc, adler = zlib.crc32(tail, crc), zlib.adler32(tail, adler)
    raw = first + block * megabytes + last
    return (b"\x78\xda" + raw + adler.to_bytes(4, "big") if wrap else raw), crc


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream is `megabytes` MB of spaces compressed to about 1 KB a MB."""
    data, _ = deflated(b"", megabytes, b"")
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
    tail = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(
        b"%010d 00000 n \n" % o for o in objs
    )
    return (
        text + tail + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    )


def docx_with(
    body_xml: bytes | None = None, extra: dict[str, bytes] | None = None, document_xml: bytes | None = None
) -> bytes:
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
                data = document_xml or (
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    b"<w:document " + W.encode() + b"><w:body>" + body_xml + b"</w:body></w:document>"
                )
            z.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def para(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def table(rows: list[list[str]]) -> bytes:
    return (
        b"<w:tbl>"
        + b"".join(
            b"<w:tr>" + b"".join(b"<w:tc>" + para(c) + b"</w:tc>" for c in row) + b"</w:tr>" for row in rows
        )
        + b"</w:tbl>"
    )


def empty_paragraphs_docx(n: int) -> bytes:
    return docx_with(para("KẾ HOẠCH") + b"<w:p/>" * n)


def bomb_docx(megabytes: int, declared: int | None = None) -> bytes:
    """A .docx whose document.xml is one paragraph of `megabytes` MB of spaces (about 1 KB
    zipped a MB); `declared`: the size its zip headers claim instead of the true one. Its
    CRC is right up to 256 MB (python-docx reads it whole then), else 0."""
    base = zipfile.ZipFile(io.BytesIO(docx_with(para("x"))))
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
        + W.encode()
        + b"><w:body><w:p><w:r><w:t>"
    )
    data, crc = deflated(
        head,
        megabytes,
        b"</w:t></w:r></w:p></w:body></w:document>",
        wrap=False,
        check=declared is None and megabytes <= 256,
    )
    size = len(head) + (megabytes << 20) + 41
    out, central = io.BytesIO(), []
    for info in base.infolist():
        if info.filename == "word/document.xml":
            raw, this_crc, this_size = data, crc, declared if declared is not None else size
        else:
            plain = base.read(info.filename)
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw, this_crc, this_size = comp.compress(plain) + comp.flush(), zlib.crc32(plain), len(plain)
        name = info.filename.encode()
        central.append((name, out.tell(), raw, this_crc, this_size))
        out.write(
            b"PK\x03\x04"
            + struct.pack(
                "<HHHHHIIIHH", 20, 0, 8, 0, 0, this_crc, len(raw), this_size & 0xFFFFFFFF, len(name), 0
            )
            + name
            + raw
        )
    start = out.tell()
    for name, offset, raw, this_crc, this_size in central:
        out.write(
            b"PK\x01\x02"
            + struct.pack(
                "<HHHHHHIIIHHHHHII",
                20,
                20,
                0,
                8,
                0,
                0,
                this_crc,
                len(raw),
                this_size & 0xFFFFFFFF,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    end = out.tell()
    out.write(
        b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), end - start, start, 0)
    )
    return out.getvalue()


def rows_docx(n: int) -> bytes:
    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]]
    rows += [[str(i), f"Nhiệm vụ thứ {i} về hợp tác", "Sở Công Thương", "Năm 2027"] for i in range(1, n + 1)]
    return docx_with(para("KẾ HOẠCH") + para("Hợp tác thử nghiệm") + table(rows))


KINDS = {
    "grid": lambda: grid_pdf(400),
    "pages": lambda: many_pages_pdf(100_000),
    "pages300": lambda: pdf([text_stream(WORDS)] * 300),
    "flate": lambda: flate_bomb_pdf(1024),
    "paragraphs": lambda: empty_paragraphs_docx(3_500_000),
    "bomb": lambda: bomb_docx(1024),
    "rows": lambda: rows_docx(6000),
}

if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(KINDS[sys.argv[1]]())
