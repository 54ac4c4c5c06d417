"""A part's paragraphs -> an outline: each paragraph a node under the one that heads it.

The level of a paragraph comes from its numbering style ("1.", "1.1.", "a)", "(1)", "-", "+",
"*") and from emphasis (an unnumbered bold or italic line heads what follows). Styles nest in the
order the document first uses them, as in Markdown lists: a style already open closes everything
opened after it and continues at its level; a new style opens one level deeper. A paragraph
without numbering is the text of the node above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Para
from .phrases import label_of
from ..settings import PROSE as SETTINGS, ProseSettings

_BULLETS = ("dash", "plus", "star")

_NUMBERED = re.compile(
    r"^(?P<num>[IVX]+\.|\d+(?:\.\d+)+\.?|\d+\.|\d+\)|[a-zđ]\)|\(\d+\)|\([a-zđ]\))\s*(?P<rest>.*)$", re.DOTALL
)
_MARKED_NUMBER = re.compile(r"^\*{1,3}\s*([IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\))\s*\*{1,3}\s*")
_MARK = re.compile(r"^(?P<num>[-–—•+*])\s+(?P<rest>.*)$", re.DOTALL)


@dataclass
class Node:
    text: str  # the paragraph without its number or mark
    number: str | None  # "1.2", "a", "IV", "(1)"; None for marks and plain text
    style: str  # roman, d1, d2 …, paren, letter, pletter, dash, plus, star, bold, italic, text
    line: int
    emphasis: str = ""
    raw: str = ""  # the paragraph as printed
    children: list[Node] = field(default_factory=list)

    @property
    def mark(self) -> str | None:
        return {"dash": "-", "plus": "+", "star": "*"}.get(self.style)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def classify(para: Para, settings: ProseSettings = SETTINGS) -> Node:
    text = para.text.strip()
    if para.emphasis and text.startswith("*") and text.endswith("*"):
        text = text.strip("*").strip()  # "*3.1. Tham gia …*": the marks of an italic line
    text = _MARKED_NUMBER.sub(r"\1 ", text)  # "*a) *Tổ chức …": an italic number
    if m := _NUMBERED.match(text):
        num = m.group("num")
        rest = m.group("rest").strip()
        if num.endswith(")") and num[0] == "(":
            style = "paren" if num[1].isdigit() else "pletter"
        elif num.endswith(")"):
            style = "letter" if num[0].isalpha() else "dparen"
        elif num[0] in "IVX":
            style = "roman"
        else:
            style = f"d{num.rstrip('.').count('.') + 1}"
        if rest:
            return Node(
                rest, num.strip("().") if style != "paren" else num, style, para.line, para.emphasis, text
            )
    if m := _MARK.match(text):
        style = {"+": "plus", "*": "star"}.get(m.group("num"), "dash")
        return Node(m.group("rest").strip(), None, style, para.line, para.emphasis, text)
    if para.emphasis and len(text) <= settings.emphasis_heading_max_chars and not text.endswith((".", ";")):
        return Node(text, None, para.emphasis, para.line, para.emphasis, text)
    return Node(text, None, "text", para.line, para.emphasis, text)


def build(paras: list[Para], settings: ProseSettings = SETTINGS) -> Node:
    """The outline of a part's paragraphs, under one root node."""
    root = Node("", None, "root", 0)
    stack: list[Node] = [root]
    for para in paras:
        if not para.text.strip():
            continue
        node = classify(para, settings)
        if node.style == "text":
            stack[-1].children.append(node)
            continue
        styles = [n.style for n in stack]
        if node.style in styles:
            del stack[styles.index(node.style) :]
        elif node.style in _BULLETS and stack[-1].style in _BULLETS and label_of(node.text):
            # a labelled line marked otherwise than the bullets above it closes them:
            # "* Thời gian thực hiện: …" after an item's "-" points belongs to the item
            while len(stack) > 1 and stack[-1].style in _BULLETS:
                stack.pop()
        elif node.style in ("bold", "italic"):
            # an emphasised line under a numbered heading of the same emphasis is its sub-heading;
            # a heading never sits under a bullet: close the bullets first
            while len(stack) > 1 and stack[-1].style in ("dash", "plus", "star"):
                stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    return root


def full_text(node: Node, skip=lambda n: False) -> str:
    """A node's text and its descendants', one line each, bullets keeping their marks."""
    lines = [node.text]
    for child in node.children:
        if not skip(child):
            lines += _lines(child, skip)
    return "\n".join(x for x in lines if x)


def _lines(node: Node, skip) -> list[str]:
    head = node.raw if node.style != "text" else node.text
    out = [head]
    for child in node.children:
        if not skip(child):
            out += _lines(child, skip)
    return out
