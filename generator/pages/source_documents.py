"""Source documents: the transcribed text each plan was copied from (data/sources/<file>), split
into numbered lines a reader can link to, and the line where each task is printed.

A source file may hold more than one plan (Nghệ An's dispatch forwards Hồ Chí Minh City's plan):
the document is named after the plan that no other plan in the same file forwards (the one that
opens it), its id gives the page URL `van-ban/<id>/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model.catalog import Catalog
from ..model.models import Plan, Task
from ..model.datafiles import read_source_text
from ..textnorm import fold, nfc
from ..model.urls import SOURCES_DIR, document_url

_TAG = re.compile(r"</?(?:p|b|i|strong|em|br)\s*/?>", re.I)
_PARA = re.compile(r"</p>\s*<p>", re.I)
_WORD = re.compile(r"\w+")
_HEADING = re.compile(r"(#{1,6})\s*(.+)", re.S)
_SECTION = re.compile(r"(?:[IVX]+|[A-Z])\.\s+\S.*", re.S)  # "I. MỤC ĐÍCH", "B. NHIỆM VỤ …"
NEEDLE_WORDS = (12, 8, 5)  # words of a task's content looked for, longest first


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the file
    cells: tuple[tuple[str, ...], ...]  # table cells (tab-separated), each one or more paragraphs
    heading: bool  # a section heading ("# …" or "I. …" in capitals)

    @property
    def anchor(self) -> str:
        return f"dong-{self.number}"

    @property
    def text(self) -> str:
        return " ".join(p for cell in self.cells for p in cell)


@dataclass(frozen=True)
class SourceDocument:
    id: str  # the opening plan's id
    file: str  # name under data/sources/ (never shown to readers)
    plans: tuple[Plan, ...]  # the opening plan first, then the others in id order
    lines: tuple[Line, ...]  # empty when the text is not in the repository
    places: dict[str, int]  # task key -> line number where it is printed
    plan_starts: dict[str, int]  # plan id -> line of its number, for a plan after the first

    @property
    def url(self) -> str:
        return document_url(self.id)

    def place(self, task: Task) -> str:
        """The URL of the line a task is printed on, or of the page when it was not found."""
        line = self.places.get(task.key)
        return f"{self.url}#dong-{line}" if line else self.url


def parse_line(number: int, raw: str) -> Line | None:
    """One line of an extracted text as a reader sees it: markup of the extraction (<p>, **,
    leading #) removed, tabs as table cells. Blank lines and lone '|' separators are dropped."""
    text = nfc(raw).strip()
    if not text or text == "|":
        return None
    m = _HEADING.fullmatch(text)
    heading = bool(m) or (bool(_SECTION.fullmatch(text)) and text.upper() == text)
    if m:
        text = m[2]
    cells = []
    for cell in text.split("\t"):
        paras = [" ".join(_TAG.sub("", p).replace("**", "").split()) for p in _PARA.split(cell)]
        cells.append(tuple(p for p in paras if p))
    if not any(cells):
        return None
    return Line(number, tuple(c for c in cells if c) if len(cells) == 1 else tuple(cells), heading)


def parse_text(text: str) -> tuple[Line, ...]:
    lines = (parse_line(i, raw) for i, raw in enumerate(text.splitlines(), start=1))
    return tuple(line for line in lines if line is not None)


class _Index:
    """The folded words of a text, each with the line it is on, to find a passage in it."""

    def __init__(self, lines: tuple[Line, ...]) -> None:
        self.words: list[str] = []
        self.line_of: list[int] = []
        self.unit_starts: set[int] = set()  # first word of each paragraph of each cell
        for line in lines:
            for para in (p for cell in line.cells for p in cell):
                self.unit_starts.add(len(self.words))
                for w in _WORD.findall(fold(para)):
                    self.words.append(w)
                    self.line_of.append(line.number)
        self.joined = " " + " ".join(self.words) + " "
        self.starts = []  # char offset of each word in `joined`
        pos = 1
        for w in self.words:
            self.starts.append(pos)
            pos += len(w) + 1

    def _matches(self, needle: str) -> list[int]:
        out, at = [], self.joined.find(needle)
        while at >= 0:
            out.append(self._word_at(at + 1))
            at = self.joined.find(needle, at + 1)
        return out

    def find(self, text: str, after: int = 0) -> int | None:
        """Index of the first word of `text` (folded), preferring a match that starts a
        paragraph or cell, then one at or after word `after`; None when it is not there."""
        words = _WORD.findall(fold(text))
        for n in NEEDLE_WORDS:
            if len(words) < min(n, 3):
                continue
            found = self._matches(" " + " ".join(words[:n]) + " ")
            if found:
                return min(found, key=lambda w: (w not in self.unit_starts, w < after, w))
        return None

    def _word_at(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def place_tasks(lines: tuple[Line, ...], plans: tuple[Plan, ...]) -> dict[str, int]:
    """The line each task's content starts on, searched in source order (a task is looked for
    after the previous one first). Tasks whose content is not found are left out."""
    index = _Index(lines)
    places: dict[str, int] = {}
    for plan in plans:
        after = 0
        for task in plan.tasks:
            word = index.find(task.content, after)
            if word is not None:
                places[task.key] = index.line_of[word]
                after = word + 1
    return places


def place_plans(lines: tuple[Line, ...], plans: tuple[Plan, ...]) -> dict[str, int]:
    """Where each plan after the first starts: the line that prints its number."""
    index = _Index(lines)
    out = {}
    for plan in plans[1:]:
        word = index.find(f"Số: {plan.number}") if plan.number else None
        if word is not None:
            out[plan.id] = index.line_of[word]
    return out


def _opening_plan(plans: list[Plan]) -> Plan:
    forwarded = {r.plan for p in plans for r in p.related_documents if r.plan}
    opening = [p for p in plans if p.id not in forwarded]
    return min(opening or plans, key=lambda p: p.id)


def documents(cat: Catalog, data_dir: Path) -> dict[str, SourceDocument]:
    """Every source document by the id of the plan that opens it; the text is read from
    data/sources/<source file> when the repository has it."""
    by_file: dict[str, list[Plan]] = {}
    for plan in cat.plans.values():
        by_file.setdefault(plan.source_file, []).append(plan)
    docs = {}
    for file, plans in sorted(by_file.items()):
        first = _opening_plan(plans)
        ordered = (first, *sorted((p for p in plans if p is not first), key=lambda p: p.id))
        text, _ = read_source_text(data_dir / SOURCES_DIR, file)  # refused ones: by the validator
        lines = parse_text(text) if text is not None else ()
        docs[first.id] = SourceDocument(
            first.id, file, ordered, lines, place_tasks(lines, ordered), place_plans(lines, ordered)
        )
    return docs


def by_plan(docs: dict[str, SourceDocument]) -> dict[str, SourceDocument]:
    return {plan.id: doc for doc in docs.values() for plan in doc.plans}
