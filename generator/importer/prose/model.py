"""What the prose readers produce: draft tasks and review notes as values, and a reading
(tasks + how many paragraphs of the part the reader explains)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Review:
    kind: str  # one kind of doubt ("thời gian giữ nguyên văn"): notes of a kind are listed together
    line: int


@dataclass
class DraftTask:
    content: str
    number: str | None
    section: tuple[tuple[str | None, str], ...]  # the headings above it: (number, title), outermost first
    line: int
    lead_text: str | None = None
    coordinating_text: str | None = None
    time_text: str | None = None
    reviews: list[Review] = field(default_factory=list)


@dataclass
class Reading:
    reader: str
    tasks: list[DraftTask] = field(default_factory=list)
    explained: int = 0  # paragraphs of the part this reading accounts for
    share: float = 0.0  # sentences: the share of the part's items that name their performer
