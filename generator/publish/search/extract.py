"""What a built page says, for search: the text of its indexed part, its h1 and its labels.

The templates mark what is indexed (the same marks Pagefind read, renamed): the element with
`data-tim-body` (theme_overrides/main.html wraps every page's article in it, with
`data-tim-filter="loai:<kind>"`), minus every element with `data-tim-ignore`
(breadcrumbs, labels, task tables: a listing page matches by its own name, not by the tasks
it lists). `data-tim-meta="name[data-v]"` elements carry a result's labels (the plan and
section of a task). SVG drawings and scripts are left out.

One regular expression walks the tags (C speed); a Python step runs once a tag, not once a
character. An element left out is jumped over: only tags of its name are counted to find its
end, so an unclosed <p> or <li> inside it cannot end it early, and a task table of a thousand
rows costs one search.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", re.S)
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s"\'=<>`]+)))?')
_BLOCK = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_SKIP = frozenset(("script", "style", "svg", "template", "noscript"))
_SPACE = re.compile(r"\s+")
_SAME: dict[str, re.Pattern] = {}


def _end_of(page_html: str, name: str, pos: int) -> int:
    """Where the element `name` opened just before `pos` ends (after its closing tag): only
    tags of that name are looked at, so a left-out table of a thousand rows is one search."""
    same = _SAME.get(name)
    if same is None:
        same = _SAME[name] = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 1
    for m in same.finditer(page_html, pos):
        if m.group(1):
            depth -= 1
            if depth == 0:
                return m.end()
        elif not m.group(0).endswith("/>"):
            depth += 1
    return len(page_html)


@dataclass
class PageText:
    """The searchable part of one page."""

    title: str = ""  # its first h1
    blocks: list[str] = field(default_factory=list)  # text of each block, in page order
    meta: dict[str, str] = field(default_factory=dict)  # loai (kind), ke_hoach, muc


def attributes(raw: str) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(raw):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        out[m.group(1).lower()] = html.unescape(value or "")
    return out


def body_start(page_html: str) -> int:
    """Where the indexed element's tag starts, or -1 when the page has none."""
    at = page_html.find("data-tim-body")
    return -1 if at < 0 else page_html.rfind("<", 0, at)


def page_text(page_html: str) -> PageText | None:
    """The searchable text of a page, or None when nothing of it is indexed."""
    start = body_start(page_html)
    if start < 0:
        return None
    out = PageText()
    parts: list[str] = []
    body_tag, depth = "", 0  # the indexed element: its name, and how deep we are in it
    in_h1, title_parts = False, []
    pos = start

    def flush() -> None:
        if parts:
            text = _SPACE.sub(" ", html.unescape("".join(parts))).strip()
            if text:
                out.blocks.append(text)
            parts.clear()

    search = _TAG.search
    m = search(page_html, start)
    while m is not None:
        if depth and m.start() > pos:
            chunk = page_html[pos : m.start()]
            parts.append(chunk)
            if in_h1:
                title_parts.append(chunk)
        pos = m.end()
        name = m.group(2)
        if name is None:  # a comment
            m = search(page_html, pos)
            continue
        name = name.lower()
        closing, raw = m.group(1) == "/", m.group(3)
        if not body_tag:  # the first tag is the indexed element itself
            body_tag, depth = name, 1
            kind = attributes(raw).get("data-tim-filter", "")
            if kind.startswith("loai:"):
                out.meta["loai"] = kind[5:]
            m = search(page_html, pos)
            continue
        if (
            not closing
            and not raw.endswith("/")
            and (
                name in _SKIP
                or ("data-tim-ignore" in raw and name not in _VOID and "data-tim-ignore" in attributes(raw))
            )
        ):
            pos = _end_of(page_html, name, pos)  # jump over the element left out
            m = search(page_html, pos)
            continue
        if name == body_tag:
            depth += -1 if closing else 1
            if depth == 0:
                break
        if closing:
            if name == "h1" and in_h1:
                in_h1 = False
                out.title = _SPACE.sub(" ", html.unescape("".join(title_parts))).strip()
            if name in _BLOCK:
                flush()
        else:
            if "data-tim-meta" in raw:
                attrs = attributes(raw)
                out.meta[attrs["data-tim-meta"].split("[", 1)[0]] = attrs.get("data-v", "")
            if name in _BLOCK:
                flush()
            if name == "h1" and not out.title and not in_h1:
                in_h1, title_parts = True, []
        m = search(page_html, pos)
    flush()
    return out
