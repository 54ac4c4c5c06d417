"""Reader (a): tasks under headings that name who does them.

A heading that is an agency's or a person's name ("1. Công an thành phố", a bold "Sở Y tế:",
"Đề nghị Ủy ban MTTQ …", "Trách nhiệm của …"), or a heading sentence whose subject is one
("Sở X chủ trì, phối hợp với Y …:"), leads every item under it: each lettered, numbered or '-'
item is a task; a heading with only unbulleted paragraphs has each as a task; a paragraph that
introduces items (ending in ':') is not one; '+' points stay inside their item. "X: task" on one
line is one task led by X. An item whose own sentence names its subject ("Sở Y chủ trì, phối
hợp với Z …") is led by that subject.
"""

from __future__ import annotations

from . import phrases
from .model import DraftTask, Reading, Review
from .outline import Node, full_text
from ..settings import PROSE as SETTINGS

_ITEM_STYLES = (
    "d1",
    "d2",
    "d3",
    "d4",
    "letter",
    "pletter",
    "paren",
    "dparen",
    "dash",
    "star",
    "bold",
    "italic",
)


def is_label(node: Node) -> bool:
    return node.style in ("text", "dash", "star", "plus", "letter", "d1", "d2", "d3") and bool(
        phrases.label_of(node.text)
    )


def labels(node: Node) -> dict[str, str]:
    """Labelled lines under a node (time, lead, coordinating), the first of each kind."""
    out: dict[str, str] = {}
    # a labelled line closing an item's '+' points lands under the last of them
    tail = [g for c in node.children if c.style == "plus" for g in c.children][-1:]
    for child in node.children + tail:
        found = phrases.label_of(child.text) if is_label(child) else None
        if found and found[0] != "other" and found[1]:
            out.setdefault(found[0], found[1])
    return out


def task_of(
    node: Node,
    lead: str | None,
    coord: str | None,
    path,
    content: str | None = None,
    how: str = "cơ quan chủ trì lấy từ tiêu đề mục",
) -> DraftTask:
    """One item -> a task: its text and the text under it (labelled lines apart)."""
    text = content if content is not None else full_text(node, skip=is_label)
    found = labels(node)
    time = found.get("time")
    if time is None and (cut := phrases.inline_time(text)):
        text, time = cut
    guessed = time is None and (time := phrases.sentence_time(node.text)) is not None
    if not (found.get("coordinating") or coord) and (own := phrases.coordinating(node.text)):
        coord = own  # "Chủ trì, phối hợp với Y …" in the item's own sentence
    task = DraftTask(
        text,
        node.number,
        tuple(path),
        node.line,
        lead_text=found.get("lead") or lead,
        coordinating_text=found.get("coordinating") or coord,
        time_text=time,
    )
    if lead and not found.get("lead"):
        task.reviews.append(Review(how, node.line))
    if guessed:
        task.reviews.append(Review("thời gian đọc từ câu của nhiệm vụ (giữ nguyên văn)", node.line))
    return task


def _is_lead_in(node: Node, following: list[Node]) -> bool:
    return (
        node.text.rstrip().endswith(":")
        and len(node.text) <= SETTINGS.lead_in_max_chars
        and any(n.style in _ITEM_STYLES for n in following)
    )


def _named(node: Node) -> tuple[str, str | None, bool] | None:
    """(agency, coordinating, is a sentence) when the node's own text names who acts."""
    if node.style in ("plus",):
        return None
    if inline := phrases.inline_agency(node.text):
        return phrases.drop_apposition(inline[0]), None, False
    sub = phrases.subject(node.text)
    heading = node.style != "text" and not node.text.rstrip().endswith(".")
    if (
        heading
        and node.children
        and not node.text.rstrip().endswith(":")
        and len(node.text.split()) <= SETTINGS.agency_name_max_words
        and phrases.is_agency_name(phrases.strip_duty(node.text))
    ):
        # a heading over items that does not end in ':' is a name as a whole ("Các cơ quan tham
        # mưu quản lý ngành, lĩnh vực (gồm …)"), even when a word in it is also a verb
        return phrases.drop_apposition(phrases.strip_duty(node.text)), None, False
    if heading and (name := phrases.heading_agency(node.text)):
        return name, phrases.coordinating(node.text), bool(sub)
    if sub:
        return sub[0], sub[1], True
    return None


class HeadedReader:
    name = "agency-headed"

    def read(self, root: Node) -> Reading:
        reading = Reading(self.name)
        self._container(root.children, None, None, [], reading)
        return reading

    def _container(self, children: list[Node], lead, coord, path, reading: Reading) -> None:
        items = [c for c in children if c.style != "text" and not is_label(c)]
        for index, child in enumerate(children):
            if is_label(child):
                continue
            named = _named(child)
            here = path + [(child.number, child.text)]
            if named and (inline := phrases.inline_agency(child.text)):
                reading.tasks.append(
                    task_of(
                        child,
                        named[0],
                        None,
                        path,
                        full_text(
                            Node(inline[1], None, "text", child.line, children=child.children), skip=is_label
                        ),
                        how="cơ quan chủ trì là phần trước dấu ':'",
                    )
                )
                reading.explained += 1 + sum(1 for _ in child.walk()) - 1
                continue
            sub_items = [c for c in child.children if not is_label(c)]
            if named and child.text.rstrip().endswith(":") and sub_items:
                reading.explained += 1
                self._container(child.children, named[0], named[1], here, reading)
                continue
            if named and not named[2] and sub_items:  # a heading that is a name
                reading.explained += 1
                self._container(child.children, named[0], None, here, reading)
                continue
            if named and named[2]:  # a sentence naming its subject
                reading.tasks.append(
                    task_of(child, named[0], named[1], path, how="cơ quan chủ trì đọc từ chủ ngữ của câu")
                )
                reading.explained += sum(1 for _ in child.walk())
                continue
            if lead is None:
                if child.children:
                    self._container(child.children, None, None, here, reading)
                continue
            # inside a named heading
            if child.style == "text" and items:
                if _is_lead_in(child, children[index + 1 :]):
                    reading.explained += 1
                    coord = phrases.coordinating(child.text) or coord
                continue  # text beside items: not a task
            if any(_named(g) and not _named(g)[2] for g in child.children if not is_label(g)):
                self._container(child.children, lead, coord, here, reading)
                continue
            if child.style == "plus":
                continue
            reading.tasks.append(task_of(child, lead, coord, path))
            reading.explained += sum(1 for _ in child.walk())
