"""Reader (b): items followed by labelled lines.

"1.1. Xây dựng …" then "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: …"
(the labels vary: words.LABELS is their vocabulary). The item is the nearest node above the
labelled lines that is not itself one; its content is its "Nội dung:"/"Nhiệm vụ:" label when it
has one (the item's own line is then a heading), else its text and its unlabelled lines. A label
may hold a sentence ("Cơ quan thực hiện: X chủ trì, phối hợp với Y …") or its values on the lines
under it ("b) Cơ quan thực hiện:" + "- Đơn vị chủ trì: …"). Items without labels just before a
labelled one share its block. A labelled line is never a task of its own.
"""

from __future__ import annotations

from . import phrases
from .headed import is_label
from .model import DraftTask, Reading, Review
from .outline import Node


def _label(node: Node) -> tuple[str, str] | None:
    return phrases.label_of(node.text) if is_label(node) or node.style in ("d4", "paren", "pletter") else None


def _value(node: Node, field: str) -> str:
    """A label's value: on its line, or on the lines under it."""
    _, value = _label(node)
    if value or not node.children:
        return value
    lines = [c.text for c in node.children if not _label(c)]
    if field == "content":
        return (
            "\n".join(
                [lines[0]]
                + [c.raw if c.style != "text" else c.text for c in node.children[1:] if not _label(c)]
            )
            if lines
            else ""
        )
    return phrases.clean_value(" ".join(lines))


def _fields(item: Node, own: tuple[str, str] | None) -> dict[str, str]:
    """The labelled values of an item, nested labels included ('b) Cơ quan thực hiện:' + '- Đơn vị
    chủ trì: …')."""
    out: dict[str, str] = {}
    if own and own[1]:
        out[own[0]] = own[1]

    def take(node: Node):
        for child in node.children:
            found = _label(child)
            if not found:
                continue
            field = found[0]
            nested = [g for g in child.children if _label(g)]
            if nested and not found[1]:
                take(child)
                if field == "lead" and "lead" not in out:
                    out["lead"] = ""
                continue
            value = _value(child, field)
            if field == "lead" and (sub := _sentence_lead(value)):
                out.setdefault("lead", sub[0])
                if sub[1]:
                    out.setdefault("coordinating", sub[1])
                continue
            if value:
                out.setdefault(field, value)

    take(item)
    if not out.get("lead"):
        out.pop("lead", None)
    return out


def _sentence_lead(value: str) -> tuple[str, str | None] | None:
    """'Sở Nội vụ chủ trì, phối hợp với các sở …' -> ('Sở Nội vụ', 'các sở …')."""
    first = value.split("\n")[0]
    if " chủ trì" not in first:
        return None
    head, _, rest = first.partition(" chủ trì")
    if not phrases.is_agency_name(head):
        return None
    coord = None
    if "phối hợp" in rest:
        coord = phrases.coordinating(rest) or rest.split("phối hợp", 1)[1].removeprefix(" với").strip(" ,.;")
    return head.strip(" ,"), coord


def _content(item: Node) -> tuple[str, bool]:
    """(content, from a content label)."""
    own = _label(item)
    if own and own[0] == "content":
        rest = [c.raw if c.style != "text" else c.text for c in item.children if not _label(c)]
        return "\n".join([own[1]] + rest), True
    for child in item.children:
        found = _label(child)
        if found and found[0] == "content":
            return _value(child, "content"), True
    lines = [item.text]
    for child in item.children:
        if not _label(child):
            lines += [n.raw if n.style != "text" else n.text for n in child.walk() if not _label(n)]
    return "\n".join(x for x in lines if x), False


class LabelledReader:
    name = "labelled"

    def read(self, root: Node) -> Reading:
        reading = Reading(self.name)
        parents: dict[int, tuple[Node, list[tuple[Node, tuple]]]] = {}
        order: list[Node] = []

        def visit(node: Node, path: list, lead: str | None):
            kids = node.children
            for index, child in enumerate(kids):
                here = path + [(child.number, child.text)]
                if _label(child) and _label(child)[0] != "content":
                    continue
                if any(
                    _label(g) and _label(g)[0] in ("lead", "coordinating", "time") for g in child.children
                ):
                    order.append(child)
                    parents[id(child)] = (child, path, lead, kids, index)
                    continue
                named = (
                    phrases.heading_agency(child.text)
                    if child.style not in ("text", "dash", "plus")
                    else None
                )
                visit(child, here, named or lead)

        visit(root, [], None)
        shared: set[int] = set()
        for item in order:
            _, path, lead, siblings, index = parents[id(item)]
            fields = _fields(item, _label(item))
            if not any(k in fields for k in ("lead", "coordinating", "time")):
                continue
            # unlabelled items just before share this block
            group = [item]
            j = index - 1
            while (
                j >= 0
                and siblings[j].style == item.style
                and not any(_label(n) for n in siblings[j].walk())
                and id(siblings[j]) not in shared
            ):
                group.insert(0, siblings[j])
                j -= 1
            for member in group:
                shared.add(id(member))
                content, labelled = _content(member)
                section = tuple(
                    path + ([(member.number, member.text)] if labelled and _label(member) is None else [])
                )
                task = DraftTask(
                    content,
                    None if labelled and _label(member) is None else member.number,
                    section,
                    member.line,
                    lead_text=fields.get("lead") or lead,
                    coordinating_text=fields.get("coordinating"),
                    time_text=fields.get("time"),
                )
                if member is not item:
                    task.reviews.append(
                        Review(
                            "các dòng nhãn (chủ trì, phối hợp, thời gian) dùng chung với mục ngay sau",
                            member.line,
                        )
                    )
                if not fields.get("lead") and lead:
                    task.reviews.append(Review("cơ quan chủ trì lấy từ tiêu đề mục", member.line))
                reading.tasks.append(task)
                reading.explained += sum(1 for _ in member.walk())
        reading.tasks.sort(key=lambda t: t.line)
        return reading
