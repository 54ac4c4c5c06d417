"""Checks on a finished draft plan record that keep it valid and say where a person must look:
an empty sub-section becomes a paragraph, timeframes no rule reads are listed, a table row with
no lead is flagged."""

from __future__ import annotations

from ..model import timeframes
from . import documents
from .typedtree import add_note


def fold_empty_sections(sections: list[dict]) -> list[str]:
    """A sub-section with nothing under it (an a)–đ) item that lists, not assigns) would not
    validate: its text becomes a paragraph of the section above, in order; returned."""
    folded: list[str] = []
    for sec in sections:
        folded += fold_empty_sections(sec["sections"])
        keep = []
        for sub in sec["sections"]:
            if sub["tasks"] or sub["sections"] or sub.get("paragraphs"):
                keep.append(sub)
                continue
            text = " ".join(x for x in (sub.get("number"), sub.get("title")) if x)
            if text:
                sec.setdefault("paragraphs", []).append(text)
                folded.append(text)
        sec["sections"] = keep
    return folded


def unread_timeframes(rec: dict) -> list[str]:
    """One review note for the timeframes the portal will show as printed without dates
    (timeframes.py kind 'unread'), listing the tasks: accepted as written, a person may add
    nothing, or note the date in the task."""
    year = rec.get("year") or None
    unread = [
        t.get("id") or t.get("number") or "?"
        for t in documents.all_tasks(rec["sections"])
        if t.get("timeframe") and timeframes.parse(t["timeframe"], year).kind == "unread"
    ]
    if not unread:
        return []
    return [
        f"{len(unread)} nhiệm vụ: thời gian giữ nguyên văn, cổng chưa quy ra ngày "
        f"(hiện ở trang lich/chua-doc/): {', '.join(map(str, unread))}"
    ]


def flag_leadless(sections: list[dict], inherited: bool) -> None:
    """A table row with no lead agency, neither its own nor its section's: the cell was blank
    or its text went elsewhere; the page will say 'Không ghi', so a person checks the source.
    (Prose tasks often name no lead: the seeds' bullets do not, and are not flagged.)"""
    for sec in sections:
        has = inherited or bool(sec.get("lead_text") or sec.get("lead"))
        for task in sec["tasks"]:
            if task.get("_from_table") and not (
                has or task.get("lead") or task.get("lead_text") or task.get("lead_collective")
            ):
                add_note(
                    task,
                    "không có cơ quan chủ trì (ô trống hoặc không đọc được): so với văn bản; để "
                    "trống nếu văn bản không ghi (trang hiện 'Không ghi')",
                )
        flag_leadless(sec["sections"], has)
