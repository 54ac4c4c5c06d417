"""The choice between the prose readers, part by part, and the draft's sections they make.

Each reader reads the part's outline and says how many paragraphs it explains; the best
reading of each part wins (so one document can hold labelled items in II and agency headings
in IV). A part that no reader explains holds no tasks: its text is kept as text.
"""

from __future__ import annotations

from collections import defaultdict

from ...textnorm import fold
from .. import body
from ..blocks import Para
from .. import vocabulary as words
from .headed import HeadedReader, is_label
from .labelled import LabelledReader
from .model import DraftTask, Reading
from .outline import Node, build
from .sentences import SentenceReader
from ..settings import PROSE as SETTINGS
from ..typedtree import add_note

READERS = (LabelledReader(), HeadedReader(), SentenceReader())
_SHOWN = {
    "labelled": "các dòng nhãn (chủ trì, phối hợp, thời gian)",
    "agency-headed": "tiêu đề nêu cơ quan",
    "sentences": "câu nêu cơ quan chủ trì",
}


def _not_task(node: Node) -> bool:
    """A numbered heading about purposes, targets, funding, methods … (and nothing labelled
    under it) holds no tasks."""
    if node.style in ("text", "dash", "plus", "star") or len(node.text) > 120:
        return False
    key = fold(node.text)
    return key.startswith(words.NOT_TASK_TITLES) and not any(is_label(n) for n in node.walk())


def _prune(node: Node) -> Node:
    node.children = [_prune(c) for c in node.children if not _not_task(c)]
    return node


def best_reading(paras: list[Para]) -> Reading | None:
    root = _prune(build(paras))
    readings = [r.read(root) for r in READERS]
    best = max(readings, key=lambda r: (r.explained, len(r.tasks)))
    if best.explained < SETTINGS.min_explained or not best.tasks:
        return None
    return best


def part_section(number: str, title: str, paras: list[Para]) -> dict | None:
    """A roman part -> its section with the tasks the best reader found, or None."""
    reading = best_reading(paras)
    if reading is None:
        return None
    if reading.reader == SentenceReader.name and reading.share >= SETTINGS.task_list_share:
        # most items say who leads them: the part is a task list, every item a task
        sec = body.parse_task_part(number, title, paras)
        sec["_task_list"] = True  # the plan's own list of tasks, kept beside a task table
        add_note(
            sec,
            f"{len(reading.tasks)} nhiệm vụ ghi cơ quan chủ trì trong câu; các mục còn lại của phần cũng "
            "được coi là nhiệm vụ: kiểm tra",
            first=True,
        )
        return sec
    root = {"number": number, "title": title, "paragraphs": [], "tasks": [], "sections": []}
    index: dict[tuple, dict] = {(): root}
    for task in reading.tasks:
        holder = root
        for depth in range(1, len(task.section) + 1):
            key = task.section[:depth]
            if key not in index:
                num, text = key[-1]
                sec = {
                    "number": num,
                    "title": text.rstrip(":").strip(),
                    "paragraphs": [],
                    "tasks": [],
                    "sections": [],
                }
                index[key[:-1]]["sections"].append(sec)
                index[key] = sec
            holder = index[key]
        holder["tasks"].append(_task_dict(task))
    for text in _reviews(reading):
        add_note(root, text)
    root["_reader"] = reading.reader
    return root


def _task_dict(task: DraftTask) -> dict:
    out = {"number": task.number, "content": task.content, "_line": task.line}
    if task.lead_text:
        out["lead_text"] = task.lead_text
    if task.coordinating_text:
        out["coordinating_text"] = task.coordinating_text
    if task.time_text:
        out["timeframe"] = task.time_text
    return out


def _reviews(reading: Reading) -> list[str]:
    """One line per kind of doubt, with the source lines of the tasks it concerns."""
    kinds: dict[str, list[int]] = defaultdict(list)
    for task in reading.tasks:
        for review in task.reviews:
            kinds[review.kind].append(review.line)
    out = [
        (
            f"{len(reading.tasks)} nhiệm vụ đọc theo {_SHOWN[reading.reader]} (dòng "
            f"{reading.tasks[0].line}–{reading.tasks[-1].line}): kiểm tra cách chia nhiệm vụ"
        )
    ]
    for kind, lines in kinds.items():
        shown = ", ".join(str(x) for x in lines[:12]) + (" …" if len(lines) > 12 else "")
        out.append(f"{len(lines)} nhiệm vụ: {kind} (dòng {shown})")
    return out
