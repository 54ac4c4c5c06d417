"""The task tree the table and prose readers build (sections and tasks as dicts, their doubts
under '_review') -> the typed draft's sections and tasks (draftrecords.py), once, when the
tree is finished. The only reader of '_review' outside the tree builders."""

from __future__ import annotations

from .draftrecords import DraftPlan, Note, PlanSection, PlanTask

_TASK = frozenset(PlanTask._PORTAL)
_SECTION = frozenset(PlanSection._PORTAL) - {"tasks", "sections"}


def notes_of(node: dict, line: int | None = None) -> tuple[Note, ...]:
    return tuple(Note(text, line) for text in node.get("_review", []))


def typed_task(node: dict) -> PlanTask:
    line = node.get("_line")
    values = {k: v for k, v in node.items() if k in _TASK}
    return PlanTask(**values, line=line, notes=notes_of(node, line))


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
        **{k: v for k, v in rec.items() if k in DraftPlan._PORTAL and k != "sections"},
        sections=typed_sections(rec["sections"]),
        notes=tuple(Note(text) for text in notes),
    )
