"""What one import reads at most (README, "The importer", Limits), and the time budget.

Each limit is checked where the input is read, before the work it bounds: a file's bytes
before they are read, a .docx member's bytes while it is unpacked, a PDF's pages before any
page is laid out, a page's ruling lines before its tables are searched. What the limits do
not bound, the time budget does: a document read for longer than MAX_SECONDS is stopped with
one line (SIGALRM in the main thread, and a check between pages everywhere)."""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager

from .blocks import ImportFailure

MB = 1024 * 1024
MAX_BYTES = 20 * MB  # a .docx or .pdf as sent
MAX_TEXT_BYTES = 2 * MB  # a text file
MAX_LINES = 20_000  # lines of a text file
MAX_PAGES = 300  # pages of a PDF
MAX_ROWS = 5_000  # table rows, all tables of the file together
MAX_SECONDS = 30  # reading one document (PORTAL_IMPORT_SECONDS to change)
MAX_XML_BYTES = 32 * MB  # a .docx: the XML parts unpacked, all together
MAX_XML_ELEMENTS = 1_000_000  # ... their elements, all together
MAX_PARAGRAPHS = 100_000  # ... paragraphs, in cells too
MAX_RUNS = 100_000  # ... runs of text (python-docx: 0.1 ms each; a real plan: 800)
MAX_CELLS = 60_000  # ... table cells (python-docx: 0.2 ms each)
MAX_COLUMNS = 64  # ... cells of one table row
MAX_MEMBERS = 2_000  # ... members of the zip archive
MAX_STREAM_BYTES = 8 * MB  # a PDF stream unpacked
MAX_STREAMS_BYTES = 64 * MB  # ... all streams of the file together
MAX_PAGE_OBJECTS = 10_000  # characters, lines, rectangles and curves of a page (a real one: 2,500)
MAX_CROSSINGS = 2_500  # ruling lines across x along a page: about 50 x 50 cells


def mb(n: int) -> str:
    return f"{n // MB} MB"


def count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Overtime(BaseException):
    """The time budget ran out. A BaseException: a library's `except Exception` (pdfminer
    has many) cannot swallow it."""


class Budget:
    """MAX_SECONDS for one document: `check()` between pages; `alarm()` interrupts the rest."""

    def __init__(self, file: str, seconds: float | None = None):
        if seconds is None:
            try:
                seconds = float(os.environ.get("PORTAL_IMPORT_SECONDS", MAX_SECONDS))
            except ValueError:
                seconds = MAX_SECONDS
        self.file, self.seconds = file, seconds
        self.deadline = time.monotonic() + seconds

    def failure(self) -> ImportFailure:
        return ImportFailure(
            self.file,
            f"đọc văn bản quá {self.seconds:g} giây (tối đa cho một văn bản): "
            "tách văn bản hoặc lưu lại thành .docx / reading took too long",
        )

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise Overtime()

    @contextmanager
    def alarm(self):
        """Overtime raised wherever the reader is when the budget runs out (main thread only;
        elsewhere the checks between pages stand alone). Turned into one ImportFailure."""
        armed = threading.current_thread() is threading.main_thread()
        ringing = [armed]  # off first thing on the way out: no Overtime after it
        if armed:

            def ring(signum, frame):
                if ringing[0]:
                    raise Overtime()

            previous = signal.signal(signal.SIGALRM, ring)
            signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 0.001))
        try:
            yield self
        except Overtime:
            raise self.failure() from None
        finally:
            ringing[0] = False
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
