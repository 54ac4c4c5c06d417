"""pdfminer (under pdfplumber) held to the limits of limits.py.

- Streams: pdfminer unpacks a compressed stream whole (`zlib.decompress`), so a 2 MB file
  became 4 GB. While a PDF is read, its module's zlib, LZW and run-length decoders are
  replaced by ones that stop at MAX_STREAM_BYTES a stream and MAX_STREAMS_BYTES the file
  (`bounded`); the replacement is undone after.
- Pages: their number is read from the page tree's /Count before any page is touched, and
  pages are then taken one at a time (`pages`), so the 301st refuses the file even when
  /Count lies; each is let go once read.
- A page's objects: more than MAX_PAGE_OBJECTS characters and drawings refuse the file, as
  pdfminer lays them out (a page of 360,000 strokes took 30 s); more
  ruling lines than MAX_CROSSINGS crossings skip its table finding (which grows with the
  fourth power of a grid's side) with a note: its words are read as lines.
"""

from __future__ import annotations

import re
import zlib
from contextlib import contextmanager

from .blocks import ImportFailure
from .limits import MAX_CROSSINGS, MAX_PAGE_OBJECTS, MAX_PAGES, MAX_STREAM_BYTES, MAX_STREAMS_BYTES, count, mb


class TooLarge(BaseException):
    """A stream past the limit, raised through pdfminer's own `except Exception`."""


class TooDense(BaseException):
    """A page past MAX_PAGE_OBJECTS, raised while pdfminer lays it out."""


class _Counter:
    def __init__(self):
        self.total = 0
        self.objects = 0  # laid out on the page being read

    def take(self, n: int, stream: int) -> None:
        self.total += n
        if stream > MAX_STREAM_BYTES or self.total > MAX_STREAMS_BYTES:
            raise TooLarge()


class _Decompressor:
    """zlib.decompressobj that counts what it gives."""

    def __init__(self, counter: _Counter):
        self._d, self._counter, self._size = zlib.decompressobj(), counter, 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_STREAM_BYTES + 1 - self._size)
        self._size += len(out)
        self._counter.take(len(out), self._size)
        return out

    def flush(self) -> bytes:
        return self._d.flush()


class _Zlib:
    """The part of the zlib module pdfminer.pdftypes uses, bounded."""

    error = zlib.error

    def __init__(self, counter: _Counter):
        self._counter = counter

    def decompressobj(self) -> _Decompressor:
        return _Decompressor(self._counter)

    def decompress(self, data: bytes) -> bytes:
        """What the stream holds, a truncated one too (pdfminer would retry it a byte at a
        time, copying what it has at each byte: minutes for a few MB)."""
        return _Decompressor(self._counter).decompress(data)


def _lzw(counter: _Counter):
    def decode(data: bytes) -> bytes:
        from io import BytesIO
        from pdfminer.lzw import LZWDecoder

        out, size = [], 0
        try:
            for piece in LZWDecoder(BytesIO(data)).run():
                size += len(piece)
                counter.take(len(piece), size)
                out.append(piece)
        except (EOFError, ValueError):
            pass
        return b"".join(out)

    return decode


def _runlength(counter: _Counter):
    def decode(data: bytes) -> bytes:
        out, i, size = bytearray(), 0, 0
        while i < len(data):
            n = data[i]
            if n == 128:
                break
            piece = data[i + 1 : i + 2 + n] if n < 128 else data[i + 1 : i + 2] * (257 - n)
            i += 2 + n if n < 128 else 2
            size += len(piece)
            counter.take(len(piece), size)
            out += piece
        return bytes(out)

    return decode


@contextmanager
def bounded(file: str):
    """pdfminer bounded while the PDF is read: its stream decoders, and what it lays out on a
    page (LTContainer.add counted; `pages` starts each page at 0)."""
    import pdfminer.layout as layout
    import pdfminer.pdftypes as pdftypes

    counter = _Counter()
    saved = pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode, layout.LTContainer.add
    add = layout.LTContainer.add

    def counted(container, obj):
        counter.objects += 1
        if counter.objects > MAX_PAGE_OBJECTS:
            raise TooDense()
        add(container, obj)

    pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode = _Zlib(counter), _lzw(counter), _runlength(counter)
    layout.LTContainer.add = counted
    try:
        yield counter
    except TooDense:
        raise ImportFailure(
            file,
            f"một trang có hơn {count(MAX_PAGE_OBJECTS)} ký tự và nét vẽ: không phải "
            "trang văn bản / page too dense",
        ) from None
    except TooLarge:
        raise ImportFailure(
            file,
            f"PDF có luồng dữ liệu nén quá lớn khi giải nén (tối đa {mb(MAX_STREAM_BYTES)} "
            f"một luồng, {mb(MAX_STREAMS_BYTES)} cả tệp): in lại thành PDF / "
            "compressed streams too large",
        ) from None
    finally:
        pdftypes.zlib, pdftypes.lzwdecode, pdftypes.rldecode, layout.LTContainer.add = saved


# /Count in a page tree node (an outline's /Count counts bookmarks): /Type /Pages before or after
_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d{1,12})|/Count\s+(\d{1,12})[^>]*?/Type\s*/Pages\b")


def _too_many(file: str, n) -> ImportFailure:
    return ImportFailure(file, f"PDF có {n} trang (tối đa {MAX_PAGES}): tách văn bản / too many pages")


def pages(pdf, file: str, budget, counter: _Counter):
    """pdfplumber's pages one at a time, the page count checked first; each closed after use."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1
    from pdfplumber.page import Page

    # The page tree's /Count as written (a flat /Kids of 100,000 pages takes pdfminer seconds
    # to parse), else as pdfminer reads it (a tree in a compressed object stream)
    written = [int(m[1] or m[2]) for m in _COUNT.finditer(pdf.stream.getvalue())]
    if written and max(written) > MAX_PAGES:
        raise _too_many(file, count(max(written)))
    try:
        declared = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:
        declared = None
    if isinstance(declared, int) and declared > MAX_PAGES:
        raise _too_many(file, count(declared))
    doctop = 0
    for n, obj in enumerate(PDFPage.create_pages(pdf.doc), 1):
        budget.check()
        if n > MAX_PAGES:
            raise _too_many(file, f"hơn {MAX_PAGES}")
        counter.objects = 0
        page = Page(pdf, obj, page_number=n, initial_doctop=doctop)
        doctop += page.height
        try:
            yield page
        finally:
            page.close()


def page_objects(page, file: str) -> None:
    objects = page.objects
    n = sum(len(objects.get(k, ())) for k in ("char", "line", "rect", "curve"))
    if n > MAX_PAGE_OBJECTS:
        raise ImportFailure(
            file,
            f"trang {page.page_number} có {count(n)} ký tự và nét vẽ (tối đa "
            f"{count(MAX_PAGE_OBJECTS)}): không phải trang văn bản / page too dense",
        )


def tables_allowed(page, notes: list[str]) -> bool:
    """Whether finding the page's ruled tables stays cheap: crossings of its ruling lines,
    merged as pdfplumber merges them, at most MAX_CROSSINGS."""
    from pdfplumber.table import merge_edges

    edges = merge_edges(page.edges, 3, 3, 3, 3)
    across = sum(1 for e in edges if e["orientation"] == "h")
    crossings = across * (len(edges) - across)
    if crossings <= MAX_CROSSINGS:
        return True
    notes.append(
        f"trang {page.page_number}: {count(across)} đường kẻ ngang × {count(len(edges) - across)} "
        f"đường kẻ dọc (quá {count(MAX_CROSSINGS)} giao điểm): không tìm bảng, chữ của trang đọc "
        "thành dòng: kiểm tra với văn bản gốc / too many ruling lines, tables not read"
    )
    return False
