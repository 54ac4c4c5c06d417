"""Jinja2 environment (StrictUndefined, autoescaping, standard delimiters) and the split of a
rendered page body into what Markdown needs (headings, for the table of contents) and HTML
blocks that Markdown never parses."""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .timeframes import Timeframe

TEMPLATES = Path(__file__).parent / "templates"
TOKEN = "PORTALBLOCK"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
# A heading on lines of its own, as the templates write it: attributes quoted, text only.
_HEADING = re.compile(r'^<h([1-6])((?: [\w-]+="[^"]*")*)>(.*?)</h\1>$', re.M | re.S)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def date_vi(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "Không ghi"


def span_vi(tf: Timeframe) -> str:
    if tf.kind == "ongoing":
        return "Thường xuyên (không có ngày kết thúc)"
    if tf.kind == "as-needed":
        return "Theo nhu cầu (không có mốc thời gian)"
    if tf.kind == "not-stated" or tf.start is None:
        return "Không ghi"
    return f"{date_vi(tf.start)} – {date_vi(tf.end)}"


def excerpt(text: str, limit: int = 180) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def lines_html(text: str) -> Markup:
    """A paragraph whose single newlines are line breaks as printed."""
    return Markup("<br>\n").join(escape(line) for line in text.strip().split("\n"))


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: no stat() of every template per page
    )
    env.filters.update(date_vi=date_vi, span_vi=span_vi, excerpt=excerpt, lines=lines_html)
    return env


@dataclass(frozen=True)
class PageBody:
    """A page as MkDocs receives it: Markdown holding front matter, headings and one token
    paragraph per HTML block; `blocks[i]` replaces the paragraph `PORTALBLOCK<i>`. The blocks
    are kept as UTF-8 until used: a str with one Vietnamese letter takes two bytes a character,
    and every page's blocks wait in memory until MkDocs writes the page."""
    markdown: str
    packed: tuple[bytes, ...]

    @classmethod
    def of(cls, markdown: str, blocks) -> "PageBody":
        return cls(markdown, tuple(b.encode("utf-8") for b in blocks))

    @property
    def blocks(self) -> tuple[str, ...]:
        return tuple(b.decode("utf-8") for b in self.packed)

    def html(self, rendered_markdown: str) -> str:
        """Put the blocks back into the HTML Markdown made of `markdown`."""
        return re.sub(rf"<p>{TOKEN}(\d+)</p>", lambda m: self.packed[int(m[1])].decode("utf-8"),
                      rendered_markdown)


def front_matter(title: str | None, description: str,
                 alternates: tuple[tuple[str, str, str], ...] = ()) -> str:
    """YAML front matter. Values are HTML-escaped: Material prints page.meta.title and
    .description into <title> and <meta content="…"> without escaping them. A JSON string is a
    valid YAML double-quoted scalar. `alternates` are (path from the site root, MIME type,
    title) of the page's feeds, for theme_overrides/main.html (as a JSON list, valid YAML)."""
    def value(text: str) -> str:
        return json.dumps(str(escape(" ".join(text.split()))), ensure_ascii=False)
    head = f"title: {value(title)}\n" if title is not None else ""
    feeds = (f"alternates: {json.dumps([list(a) for a in alternates], ensure_ascii=False)}\n"
             if alternates else "")
    return f"---\n{head}description: {value(description)}\n{feeds}---\n"


def _md_heading(level: str, attrs: str, text: str) -> str:
    """An HTML heading (escaped text) as a Markdown heading with an attribute list."""
    flat = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    pairs = [f"#{v}" if k == "id" else f'{k}="{v}"' for k, v in _ATTR.findall(attrs)]
    return "#" * int(level) + " " + flat + (" {" + " ".join(pairs) + "}" if pairs else "")


def split_body(front: str, html: str) -> PageBody:
    """Headings become Markdown (MkDocs builds the table of contents from them); everything
    between two headings becomes one HTML block behind a token paragraph."""
    parts, blocks, pos = [front], [], 0
    for m in [*_HEADING.finditer(html), None]:
        chunk = html[pos:m.start() if m else len(html)].strip()
        if chunk:
            parts.append(f"{TOKEN}{len(blocks)}")
            blocks.append(chunk)
        if m:
            parts.append(_md_heading(m[1], m[2], m[3]))
            pos = m.end()
    return PageBody.of("\n\n".join(parts) + "\n", blocks)
