"""Jinja2 environment: StrictUndefined, autoescaping, and the few filters templates need."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .timeframes import Timeframe

TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_inline(text) -> Markup:
    """Text for a Markdown heading or front-matter-free line: HTML- and Markdown-escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(str(text)))).replace("\n", " "))


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


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def lines_html(text: str) -> Markup:
    """A paragraph whose single newlines are line breaks as printed."""
    return Markup("<br>\n").join(escape(line) for line in text.strip().split("\n"))


def yaml_string(text: str) -> Markup:
    """A front-matter value, HTML-escaped: Material prints page.meta.title and .description
    into <title>, the header and <meta content="…"> without escaping them. A JSON string is a
    valid YAML double-quoted scalar."""
    return Markup(json.dumps(str(escape(" ".join(str(text).split()))), ensure_ascii=False))


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="<#--",  # so "{#anchor}" (Markdown attribute lists) stays literal
        comment_end_string="--#>",
    )
    env.filters.update(md=md_inline, fm=yaml_string, date_vi=date_vi, span_vi=span_vi, excerpt=excerpt,
                       paragraphs=paragraphs, lines=lines_html)
    return env
