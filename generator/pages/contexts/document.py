"""The source-document page, and how other pages name and link a document."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model.catalog import Catalog
from ...model.models import Plan, Signer, Task
from ..source_documents import SourceDocument, Line
from .common import Link, agency_link


@dataclass(frozen=True)
class SourceRef:
    """A plan's document as another page names it: by number and date (or by its title when no
    number is printed), linking to the place in the transcribed text."""
    name: str                     # "Kế hoạch số 4778/KH-UBND"
    issued: datetime.date | None
    url: str                      # the document page, with the line's anchor when placed
    placed: bool                  # the anchor points at the exact line
    within: str | None            # the covering document when the plan is attached to one


@dataclass(frozen=True)
class DocPlan:
    plan: Plan
    link: Link
    issuer: Link
    signer: Signer | None
    starts: str | None            # anchor of the line the plan starts on (second plans)


@dataclass(frozen=True)
class TextLine:
    line: Line
    tasks: tuple[Link, ...]       # the tasks printed from this line


@dataclass(frozen=True)
class DocumentPage:
    doc_id: str
    plans: tuple[DocPlan, ...]
    lines: tuple[TextLine, ...]
    task_count: int
    placed_count: int


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
                    Link(f"Nhiệm vụ {task.label}", task.url))
    plans = tuple(
        DocPlan(p, Link(p.short_title, p.url), agency_link(cat, p.issuer), p.signer,
                f"dong-{doc.plan_starts[p.id]}" if p.id in doc.plan_starts else None)
        for p in doc.plans)
    return DocumentPage(
        doc_id=doc.id, plans=plans,
        lines=tuple(TextLine(line, tuple(tasks_at.get(line.number, ()))) for line in doc.lines),
        task_count=sum(len(p.tasks) for p in doc.plans), placed_count=len(doc.places))
