"""MkDocs hook: a code block is reachable by keyboard (axe scrollable-region-focusable, WCAG
2.1.1). A <pre> of a Markdown page scrolls sideways on a phone; without tabindex a keyboard user
cannot scroll it. Every <pre> of the page's content gets tabindex="0" (it is read as one text, so
a stop per block is what a screen reader user expects), before the page is written: the page
works the same without JavaScript.

Registered in mkdocs.yml under `hooks:`; the generated pages (generator/templates) hold no <pre>.
"""

from __future__ import annotations

import re

_PRE = re.compile(r"<pre(?![^>]*\btabindex=)(\s[^>]*)?>")


def focusable_code(html: str) -> str:
    """Every <pre> start tag without a tabindex gets tabindex="0"."""
    return _PRE.sub(lambda m: f'<pre tabindex="0"{m.group(1) or ""}>', html)


def on_page_content(html: str, page, config, files) -> str:
    return focusable_code(html)
