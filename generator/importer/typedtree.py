"""The task tree the table and prose readers build (sections and tasks as dicts while they are
read, nested, merged and numbered) -> the typed draft's sections and tasks (draftrecords.py),
once, when the tree is finished.

A node's review notes are typed `Note`s from the start: a builder adds one with `add_note`,
and this module alone knows where a node keeps them until it becomes typed.
"""

from __future__ import annotations

from .draftrecords import DraftPlan, Note, PlanSection, PlanTask

_NOTES = "_notes"  # the node's notes while the tree is built (a list of Note), never written
_TASK = frozenset(PlanTask.PORTAL)
_SECTION = frozenset(PlanSection.PORTAL) - {"tasks", "sections"}


def add_note(node: dict, text: str, *, first: bool = False, line: int | None = None) -> None:
    """A review note on a section or task of the tree (`first`: before the notes it has)."""
    notes = node.setdefault(_NOTES, [])
    notes.insert(0 if first else len(notes), Note(text, line))


def notes_of(node: dict) -> tuple[Note, ...]:
    """A tree node's notes, in the order they were added; a task's carry its source line."""
    line = node.get("_line")
    return tuple(note if note.line is not None else Note(note.text, line) for note in node.get(_NOTES, ()))


def typed_task(node: dict) -> PlanTask:
    values = {k: v for k, v in node.items() if k in _TASK}
    return PlanTask(**values, line=node.get("_line"), notes=notes_of(node))


def typed_section(node: dict) -> PlanSection:
    return PlanSection(
        **{k: v for k, v in node.items() if k in _SECTION},
        tasks=[typed_task(t) for t in node["tasks"]],
        sections=[typed_section(s) for s in node["sections"]],
        notes=notes_of(node),
    )


def typed_sections(sections: list[dict]) -> list[PlanSection]:
    return [typed_section(s) for s in sections]


def typed_plan(rec: dict, notes: list[str]) -> DraftPlan:
    """A plan's fields (its sections a tree of dicts) and its own notes -> the typed plan."""
    return DraftPlan(
        **{k: v for k, v in rec.items() if k in DraftPlan.PORTAL and k != "sections"},
        sections=typed_sections(rec["sections"]),
        notes=tuple(Note(text) for text in notes),
    )
