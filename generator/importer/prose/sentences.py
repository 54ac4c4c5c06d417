"""Reader (c): items whose own sentence names who leads: "Giao X …", "X chủ trì, phối hợp với
Y …", "X phối hợp với Y …", "… (X chủ trì)." The reading also says which share of the part's
items name their performer this way (`share`): when most do, the part is a list of tasks whose
few unnamed items are tasks too (see choose)."""

from __future__ import annotations

import re

from .. import body
from . import phrases
from .headed import is_label, task_of
from .model import Reading
from .outline import Node

_ITEMS = ("d1", "d2", "d3", "d4", "letter", "pletter", "paren", "dparen", "dash", "star", "text")


def named_in_sentence(text: str) -> tuple[str, str | None] | None:
    """(lead, coordinating) printed in the item's own sentence, or None."""
    sub = phrases.subject(text)
    if sub and re.search(r"\b(chủ trì|phối hợp|là cơ quan|có trách nhiệm|chịu trách nhiệm)\b", text):
        return sub
    if text.lstrip().lower().startswith(("giao ", "đề nghị ")) and sub:
        return sub
    if lead := body.task_lead(text):
        return lead, phrases.coordinating(text)
    return None


class SentenceReader:
    name = "sentences"

    def read(self, root: Node) -> Reading:
        reading = Reading(self.name)
        items = 0

        def visit(node: Node, path: list, lead: str | None):
            nonlocal items
            for child in node.children:
                if is_label(child) or child.style == "plus":
                    continue
                here = path + [(child.number, child.text)]
                subs = [g for g in child.children if g.style in _ITEMS and not is_label(g)]
                if subs and child.style not in ("text",):
                    # a heading: its items are the candidates ("(1) Các hoạt động do X chủ trì:")
                    visit(child, here, body.heading_lead(child.text) or lead)
                    continue
                if child.style == "text" and child.text.rstrip().endswith(":"):
                    continue  # a lead-in
                items += 1
                if named := named_in_sentence(child.text):
                    reading.tasks.append(
                        task_of(
                            child, named[0], named[1], path, how="cơ quan chủ trì đọc từ câu của nhiệm vụ"
                        )
                    )
                    reading.explained += sum(1 for _ in child.walk())
                elif lead:
                    reading.tasks.append(
                        task_of(child, lead, None, path, how="cơ quan chủ trì đọc từ câu tiêu đề mục")
                    )
                    reading.explained += sum(1 for _ in child.walk())

        visit(root, [], None)
        reading.share = len(reading.tasks) / items if items else 0.0
        return reading
