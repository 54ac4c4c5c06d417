"""The source-document page, and how other pages name and link a document."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model.catalog import Catalog
from ..citeterms import capital, place_of
from ..render import excerpt
from ...model.models import Plan, Signer, Task
from ..source_documents import SourceDocument, Line
from .common import Link, agency_link


@dataclass(frozen=True)
class SourceRef:
    """A plan's document as another page names it: by number and date (or by its title when no
    number is printed), linking to the place in the transcribed text."""

    name: str  # "Kế hoạch số 4778/KH-UBND"
    issued: datetime.date | None
    url: str  # the document page, with the line's anchor when placed
    placed: bool  # the anchor points at the exact line
    within: str | None  # the covering document when the plan is attached to one


@dataclass(frozen=True)
class DocPlan:
    plan: Plan
    link: Link
    issuer: Link
    signer: Signer | None
    starts: str | None  # anchor of the line the plan starts on (second plans)


@dataclass(frozen=True)
class TextLine:
    line: Line
    tasks: tuple[Link, ...]  # the tasks printed from this line


@dataclass(frozen=True)
class TextPart:
    """A run of lines shown folded on a long document's page: it starts at a heading or when the
    part before it holds PART_CHARS characters; a link to one of its lines opens it."""

    first: int  # line numbers
    last: int
    name: str  # its heading, or the start of its first line
    lines: tuple[TextLine, ...]
    tasks: int  # task links in it


@dataclass(frozen=True)
class DocumentPage:
    doc_id: str
    plans: tuple[DocPlan, ...]
    lines: tuple[TextLine, ...]
    task_count: int
    placed_count: int
    parts: tuple[TextPart, ...] = ()  # the text folded in parts (long documents), else empty


FOLD_CHARS = 10_000  # a text longer than this is folded in parts (a phone holds ≤ 15,000 px)
PART_CHARS = 4_000  # about 3,000 px at 360 px


def text_parts(lines: tuple[TextLine, ...]) -> tuple[TextPart, ...]:
    """The text in parts, when it is long enough to need them (FOLD_CHARS)."""
    if sum(len(tl.line.text) for tl in lines) <= FOLD_CHARS:
        return ()
    groups: list[list[TextLine]] = []
    size = 0
    for tl in lines:
        if not groups or tl.line.heading or size >= PART_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(tl)
        size += len(tl.line.text)
    return tuple(
        TextPart(
            g[0].line.number,
            g[-1].line.number,
            excerpt(g[0].line.text, 70),
            tuple(g),
            sum(len(tl.tasks) for tl in g),
        )
        for g in groups
    )


def doc_name(plan: Plan) -> str:
    return f"{plan.type_name} số {plan.number}" if plan.number else plan.short_title


def source_ref(doc: SourceDocument, plan: Plan, task: Task | None = None) -> SourceRef:
    if task is not None:
        url, placed = doc.place(task), task.key in doc.places
    else:
        start = doc.plan_starts.get(plan.id)
        url, placed = (f"{doc.url}#dong-{start}", True) if start else (doc.url, False)
    opening = doc.plans[0]
    within = doc_name(opening) if opening.id != plan.id else None
    return SourceRef(doc_name(plan), plan.issued, url, placed, within)


def document_page(cat: Catalog, doc: SourceDocument) -> DocumentPage:
    tasks_at: dict[int, list[Link]] = {}
    for plan in doc.plans:
        for task in plan.tasks:
            if task.key in doc.places:
                tasks_at.setdefault(doc.places[task.key], []).append(
                    Link(capital(place_of(plan, task.id)), task.url)
                )
    plans = tuple(
        DocPlan(
            p,
            Link(p.short_title, p.url),
            agency_link(cat, p.issuer),
            p.signer,
            f"dong-{doc.plan_starts[p.id]}" if p.id in doc.plan_starts else None,
        )
        for p in doc.plans
    )
    lines = tuple(TextLine(line, tuple(tasks_at.get(line.number, ()))) for line in doc.lines)
    return DocumentPage(
        doc_id=doc.id,
        plans=plans,
        lines=lines,
        task_count=sum(len(p.tasks) for p in doc.plans),
        placed_count=len(doc.places),
        parts=text_parts(lines),
    )
