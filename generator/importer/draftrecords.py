"""The draft as typed values: a plan, its sections and tasks, the proposed agencies, each with
its review notes (a note's text and the source line it concerns), and the one conversion to the
portal's record that the emitter writes (`fields()` one level, `to_record()` all the way down).

The readers' values are typed the same way (prose/model.py); what they say is doubtful is a
`Review` of a kind on one line, gathered into one `Note` a kind on the record it concerns.
A record reads like the portal record it becomes (`task["content"]`, `plan.get("label")`), so a
check or a test asks for a field by its portal name; a review note is never one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class Note:
    """One '# KIỂM TRA:' line: what a person must check, and the source line it concerns when
    the reader knows it (the line is for people and tools; the YAML prints the text)."""

    text: str
    line: int | None = None


class Record:
    """A draft record: its portal fields (PORTAL, in the portal's order) read by name, as in
    the record the emitter writes (a plan's, a section's and a task's notes are beside them)."""

    PORTAL: ClassVar[tuple[str, ...]] = ()

    def __getitem__(self, key: str):
        if key not in self.PORTAL:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default=None):
        value = getattr(self, key) if key in self.PORTAL else None
        return default if value is None else value

    def items(self):
        return self.fields().items()

    def fields(self) -> dict:
        """The portal record one level deep (sections and tasks stay typed: the emitter writes
        each with its notes above it)."""
        return {name: getattr(self, name) for name in self.PORTAL}

    def to_record(self) -> dict:
        """The portal record all the way down, without notes."""
        return {name: _plain(value) for name, value in self.fields().items()}


def _plain(value):
    if isinstance(value, Record):
        return value.to_record()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class PlanTask(Record):
    """A task of the draft, with the portal's fields (None: not read)."""

    PORTAL = (
        "id",
        "number",
        "content",
        "title",
        "form",
        "lead",
        "lead_collective",
        "lead_text",
        "coordinating",
        "coordinating_collective",
        "coordinating_text",
        "timeframe",
        "product",
        "contact",
        "note",
        "partnership",
        "former_ids",
        "updates",
    )
    content: str | None = None
    id: str | None = None
    number: str | None = None
    title: str | None = None
    form: str | None = None
    lead: list[str] | None = None
    lead_collective: list[str] | None = None
    lead_text: str | None = None
    coordinating: list[str] | None = None
    coordinating_collective: list[str] | None = None
    coordinating_text: str | None = None
    timeframe: str | None = None
    product: str | None = None
    contact: str | None = None
    note: str | None = None
    partnership: str | None = None
    former_ids: list[str] | None = None
    updates: list | None = None
    line: int | None = None  # the source line, when the reader knows it
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class PlanSection(Record):
    """A section of the draft: its own fields, tasks and sub-sections."""

    PORTAL = (
        "number",
        "title",
        "paragraphs",
        "partnership",
        "lead",
        "lead_collective",
        "lead_text",
        "timeframe",
        "source",
        "tasks",
        "sections",
    )
    number: str | None = None
    title: str | None = None
    paragraphs: list[str] | None = None
    partnership: str | None = None
    lead: list[str] | None = None
    lead_collective: list[str] | None = None
    lead_text: str | None = None
    timeframe: str | None = None
    source: str | None = None
    tasks: list[PlanTask] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class DraftPlan(Record):
    """A drafted plan. `label` is written only when set (a plan without trích yếu);
    signer, related documents, deadlines, appendices and source are the portal's sub-records."""

    PORTAL = tuple(
        (
            "id type title label number issued place issuer year period signer partnerships "
            "focal_agency legal_bases related_documents preamble purpose requirements targets "
            "budget_sources organisation reporting_deadlines closing recipients appendices "
            "sections source"
        ).split()
    )
    id: str
    type: str = "ke-hoach"
    title: str | None = None
    label: str | None = None
    number: str | None = None
    issued: object = None  # datetime.date
    place: str | None = None
    issuer: str | None = None
    year: int = 0
    period: str | None = None
    signer: dict | None = None
    partnerships: list[str] = field(default_factory=list)
    focal_agency: str | None = None
    legal_bases: list[str] = field(default_factory=list)
    related_documents: list[dict] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    purpose: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    budget_sources: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    reporting_deadlines: list[dict] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    appendices: list[dict] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    source: dict | None = None
    notes: tuple[Note, ...] = ()

    def fields(self) -> dict:
        out = super().fields()
        if self.label is None:
            del out["label"]
        return out


@dataclass(frozen=True)
class ProposedAgency(Record):
    """An agency the document names that data/agencies does not hold yet: the record to review
    and move to data/agencies/<province>.yml. Every field is written, None included (JSON)."""

    PORTAL = ("id", "name", "short_name", "province", "aliases", "note", "source")
    id: str
    name: str
    short_name: str | None = None
    province: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Draft:
    """Every plan of one document, the agencies it proposes, every review note listed with
    where it is ("plan › section › nhiệm vụ id: text", the document's own notes first), and
    the counts the summary prints."""

    plans: list[DraftPlan] = field(default_factory=list)
    agencies: list[ProposedAgency] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def review_lines(plans: list[DraftPlan]) -> list[str]:
    """Each plan's notes, its sections' and its tasks', with where they are."""
    out: list[str] = []

    def walk(node, where: str) -> None:
        out.extend(f"{where}: {note.text}" for note in node.notes)
        for sec in getattr(node, "sections", ()):
            label = " ".join(x for x in (sec.number, (sec.title or "")[:40]) if x)
            walk(sec, f"{where} › {label}" if label else where)
        for task in getattr(node, "tasks", ()):
            walk(task, f"{where} › nhiệm vụ {task.id}")

    for plan in plans:
        walk(plan, plan.id)
    return out
