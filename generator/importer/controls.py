"""Terminal control bytes out of everything the importer prints.

A document's text is cleaned where it is read (`clean_document`): a control character that
stands for space (tab, CR, vertical tab, form feed, NEL, the Unicode line and paragraph
separators) becomes a space; any other C0 or C1 control or DEL (ESC, BEL, CSI …: a terminal
runs them, `make validate` refuses them in data) becomes U+FFFD '�', and the draft gets one
'# KIỂM TRA:' line counting them, so the reader sees where text was lost. What is printed
goes through `terminal_safe` as well (the draft, the summary): a control left shows as '\\u001b'.
"""

from __future__ import annotations

import re

from .blocks import Document, Para, Table

_SPACE = re.compile("[\t\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_PRINTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # \n and \t print as they are


def terminal_safe(text: str) -> str:
    """`text` with each control character but newline and tab written as its escape '\\u001b':
    JSON's own escape (json.dumps leaves C1, DEL and U+2028 as they are; they occur only inside
    strings, so the text stays the same JSON), and YAML's in a quoted string."""
    return _PRINTED.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _clean(text: str, found: list[str]) -> str:
    text = _SPACE.sub(" ", text)
    if _CONTROL.search(text):
        found.extend(_CONTROL.findall(text))
        text = _CONTROL.sub("\ufffd", text)
    return text


def clean_document(doc: Document) -> Document:
    found: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            block.text = _clean(block.text, found)
        elif isinstance(block, Table):
            block.rows = [[_clean(cell, found) for cell in row] for row in block.rows]
    doc.notes = [_clean(note, found) for note in doc.notes]
    if found:
        kinds = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in found}))
        doc.notes.append(
            f"{len(found)} ký tự điều khiển ({kinds}) trong văn bản được thay bằng '\ufffd': "
            "đối chiếu với văn bản gốc / control characters replaced"
        )
    return doc
