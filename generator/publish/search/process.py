"""The search index is made by a second process while MkDocs renders the pages.

The page process sends, on the child's standard input, first the URLs of every page (their
order is the ranking order, index.page_order), then each rendered page as it is written: only
the part from its indexed element on. The child reads the text, counts the keys, and once the
input ends writes the index into its staging folder (child.StagedChild moves it into the site).

    python -m generator.publish.search.process --out DIR

Frames: a 4-byte little-endian length, then that many bytes of UTF-8: the first frame a JSON
list of URLs (or {"urls": […], "facets": facets.facets_of(…)}), each later one `url NUL html`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..child import StagedChild, report_usage, write
from .extract import body_start, page_text
from .index import Index


class SearchIndexer(StagedChild):
    """The page process's end: `add` each rendered page, then `finish` (StagedChild)."""

    def __init__(self, site_dir: Path, urls: list[str], facets: dict | None = None) -> None:
        super().__init__("generator.publish.search.process", [], site_dir, stdin=True)
        self._send(json.dumps({"urls": urls, "facets": facets} if facets else urls, ensure_ascii=False))

    def _send(self, text: str) -> None:
        data = text.encode()
        try:
            self.process.stdin.write(len(data).to_bytes(4, "little") + data)
        except BrokenPipeError:  # the child failed: finish() reports its message
            pass

    def add(self, url: str, page_html: str) -> None:
        start = body_start(page_html)
        if start >= 0:
            end = page_html.find("</article>", start)
            self._send(url + "\0" + page_html[start : end if end > 0 else len(page_html)])


class FrameError(Exception):
    pass


def frames(stream):
    while True:
        head = stream.read(4)
        if not head:
            return
        size = int.from_bytes(head, "little")
        data = stream.read(size)
        if len(head) < 4 or len(data) < size:
            raise FrameError(f"dữ liệu vào bị cắt ({len(data)} trên {size} byte)")
        try:
            yield data.decode()
        except UnicodeDecodeError as exc:
            raise FrameError(f"dữ liệu vào không phải UTF-8 ({exc.reason})") from None


def build(stream, out: Path | None = None) -> Index:
    """The index of the pages read from `stream`; with `out`, each page's result file is
    written there as it comes (not kept), so less is left to write once the input ends."""
    pages = frames(stream)
    first = json.loads(next(pages, "[]"))
    if isinstance(first, dict):  # the URLs and the filters' values (facets.py)
        index = Index(first["urls"], keep_shown=out is None, facets=first.get("facets"))
    else:
        index = Index(first, keep_shown=out is None)
    made = False
    for frame in pages:
        url, _, page_html = frame.partition("\0")
        text = page_text(page_html)
        shown = index.add(url, text) if text is not None else None
        if shown and out is not None:
            if not made:
                (out / shown[0]).parent.mkdir(parents=True, exist_ok=True)
                made = True
            (out / shown[0]).write_bytes(shown[1])
    return index


def main(argv: list[str] | None = None) -> int:
    start = time.perf_counter()
    parser = argparse.ArgumentParser(prog="python -m generator.publish.search.process")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    try:
        out = Path(args.out)
        write(out, build(sys.stdin.buffer, out).files())
    except (FrameError, ValueError, OSError) as exc:  # one line for the build's message
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    report_usage(start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
