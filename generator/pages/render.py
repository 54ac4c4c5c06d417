"""Jinja2 environment (StrictUndefined, autoescaping, standard delimiters) and a rendered page
body as MkDocs receives it: front matter, the HTML (never parsed by Markdown) and its headings
(for the table of contents)."""

from __future__ import annotations

import datetime
import json
import re
import zlib
from html import unescape as html_unescape
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from ..model.fields import URL
from ..model.timeframes import Timeframe

TEMPLATES = Path(__file__).parent / "templates"
# A heading on lines of its own, as the templates write it: attributes quoted, text only.
_HEADING = re.compile(r'^<h([1-6])((?: [\w-]+="[^"]*")*)>(.*?)</h\1>$', re.M | re.S)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_TAGS = re.compile(r"<[^>]*>")


def date_vi(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "Không ghi"


def span_vi(tf: Timeframe) -> str:
    if tf.kind == "ongoing":
        return "Thường xuyên (không có ngày kết thúc)"
    if tf.kind == "as-needed":
        return "Theo nhu cầu (không có mốc thời gian)"
    if tf.kind == "recurring":
        return "Định kỳ (trong giai đoạn kế hoạch)"
    if tf.kind == "unread":
        return "Chưa quy ra ngày (xem thời gian ghi trong văn bản)"
    if tf.kind == "not-stated" or tf.start is None:
        return "Không ghi"
    if tf.start == tf.end:
        return date_vi(tf.start)
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


def http_url(value: str | None) -> str:
    """`value | http_url` in templates: the address when it is http(s)://, else "" (no link).
    The validator refuses any other; this guard keeps a javascript: or data: value that got
    past it from ever becoming a link."""
    return value if isinstance(value, str) and URL.fullmatch(value) else ""


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
    env.filters.update(date_vi=date_vi, span_vi=span_vi, excerpt=excerpt, lines=lines_html, http_url=http_url)
    env.globals["task_rows"] = TaskRowsHtml(env)
    return env


_ROOT_MARK = "\x00"  # before a URL from the site root in a cached row
# After each row of a batch: markup, so no text from data can hold it (text is escaped, "<" is
# "&lt;"); a character such as "\x01" could be in a title and cut a row in two.
_ROW_END = Markup("<!--portal-row-end-->")
_ROOT_HREF = re.compile('href="\x00([^"]*)"')


class TaskRowsHtml:
    """`task_rows(rows, show_plan, link)` in templates: the <tr> of each task row, rendered
    once a build however many tables show it (a task is in the tables of its plan, its
    agencies, provinces, partnerships and the calendar). A row is kept with its links from the
    site root; each page only makes them relative to itself."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.template = env.get_template("_task_row.html.j2")
        self._html: dict[tuple[str, bool], str] = {}

    def __call__(self, rows, show_plan: bool, link) -> Markup:
        missing = [r for r in rows if (r.url, show_plan) not in self._html]
        if missing:  # one render for the rows this table shows first, cut after each row
            out = self.template.render(
                rows=missing, show_plan=show_plan, row_end=_ROW_END, link=lambda url: _ROOT_MARK + url
            ).split(_ROW_END)[:-1]
            if len(out) != len(missing):  # a defect of the template, never of the data
                raise AssertionError(f"_task_row.html.j2: {len(out)} rows for {len(missing)} tasks")
            for row, html in zip(missing, out):
                self._html[(row.url, show_plan)] = html.strip("\n") + "\n"
        html = "".join(self._html[(r.url, show_plan)] for r in rows)
        links: dict[str, str] = {}

        def relative_href(m: re.Match) -> str:
            if m[1] not in links:
                links[m[1]] = f'href="{escape(link(html_unescape(m[1])))}"'
            return links[m[1]]

        return Markup(_ROOT_HREF.sub(relative_href, html))


@dataclass(frozen=True)
class Heading:
    """A heading of a page body, for MkDocs' table of contents."""

    level: int
    id: str
    name: str  # its text as HTML (escaped), no tags


_PACK_ABOVE = 16_384  # bytes: larger bodies (listing pages) wait compressed


@dataclass(frozen=True)
class PageBody:
    """A generated page as MkDocs receives it: `markdown` is front matter alone; the body is
    HTML from the templates, which Markdown never parses (mkdocs_hook puts it in place of
    Markdown's rendering), and `headings` make the table of contents. Every page's body waits
    in memory until MkDocs writes the page, so it is kept as UTF-8 (a str with one Vietnamese
    letter takes two bytes a character), and a large one zlib-compressed (at 25,000 tasks the
    bodies are 460 MB as UTF-8, 100 MB compressed; listing pages are most of it)."""

    markdown: str
    packed: bytes
    headings: tuple[Heading, ...]
    compressed: bool = False

    @classmethod
    def of(cls, markdown: str, html: str, headings: tuple[Heading, ...]) -> "PageBody":
        raw = html.encode("utf-8")
        if len(raw) > _PACK_ABOVE:
            return cls(markdown, zlib.compress(raw, 1), headings, True)
        return cls(markdown, raw, headings)

    @property
    def body(self) -> str:
        return (zlib.decompress(self.packed) if self.compressed else self.packed).decode("utf-8")

    def document(self) -> str:
        """Front matter and body in one Markdown file (`python -m generator build --out`)."""
        return self.markdown + "\n" + self.body


def page_body(front: str, html: str) -> PageBody:
    """The body and its headings. A heading without an id gets the one Python-Markdown's toc
    extension would give it (the slug of its text, made unique on the page), so that anchors
    do not depend on who renders the page."""
    used = {v for h in _HEADING.finditer(html) for k, v in _ATTR.findall(h[2]) if k == "id"}
    counters: dict[str, int] = {}
    headings: list[Heading] = []

    def heading(m: re.Match) -> str:
        attrs = dict(_ATTR.findall(m[2]))
        name = " ".join(_TAGS.sub("", m[3]).split())
        if "id" not in attrs:
            attrs["id"] = unique(slugify(html_unescape(name), "-"), used, counters)
        headings.append(Heading(int(m[1]), html_unescape(attrs["id"]), name))
        pairs = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return f"<h{m[1]}{pairs}>{' '.join(m[3].split())}</h{m[1]}>"

    body = _HEADING.sub(heading, html)
    return PageBody.of(front, body, tuple(headings))


def front_matter(
    title: str | None, description: str, alternates: tuple[tuple[str, str, str], ...] = ()
) -> str:
    """YAML front matter. Values are HTML-escaped: Material prints page.meta.title and
    .description into <title> and <meta content="…"> without escaping them. A JSON string is a
    valid YAML double-quoted scalar. `alternates` are (path from the site root, MIME type,
    title) of the page's feeds, for theme_overrides/main.html (as a JSON list, valid YAML)."""

    def value(text: str) -> str:
        return json.dumps(str(escape(" ".join(text.split()))), ensure_ascii=False)

    head = f"title: {value(title)}\n" if title is not None else ""
    feeds = (
        f"alternates: {json.dumps([list(a) for a in alternates], ensure_ascii=False)}\n" if alternates else ""
    )
    return f"---\n{head}description: {value(description)}\n{feeds}---\n"
