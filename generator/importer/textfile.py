"""A text file -> a Document: which of the text layouts it is, each read by its module.

Text copied from a legal-document web site (grids of '|' lines: sitetext.py), text whose task
table is laid out with spaces as `pdftotext -layout` writes it (spaced.py: found first, on the
lines as the file numbers them), and running text with tab, Markdown or one-cell-a-line tables
(textread.py) around it. This module only chooses; the readers do not import it.
"""

from __future__ import annotations

from .blocks import Document
from .sitetext import is_site_text, read_site_text
from .spaced import find, pages
from .textread import read_lines


def read_text(text: str, file: str) -> Document:
    """Text -> paragraphs and tables, each block with the line the file gives it."""
    doc, numbered = Document(file), pages(text)
    if is_site_text([t for _, _, t in numbered]):
        read_site_text([(n, t) for n, _, t in numbered], doc)
        return doc
    found = find(numbered, doc.notes, file)
    done = 0
    for first, end, tables in found:
        read_lines([(n, t) for n, _, t in numbered[done:first]], doc)
        doc.blocks.extend(tables)
        done = end
    read_lines([(n, t) for n, _, t in numbered[done:]], doc)
    return doc
