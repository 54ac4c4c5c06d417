"""The common shape every reader produces: a document is paragraphs and tables, in order.

A text extraction, a Word file and a PDF all become a `Document`; the parsers after it never
look at the file format. A `Table` is rows of cells; a cell's paragraphs are joined by a blank
line. `ImportFailure` carries the one message the command prints for input it cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailure(Exception):
    """Input the importer refuses: one message naming the file (and line when there is one)."""

    def __init__(self, file: str, message: str, line: int | None = None):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


@dataclass
class Para:
    text: str
    line: int = 0  # 1-based line in the source, 0 when the format has none
    emphasis: str = ""  # "bold" / "italic" when the whole paragraph is (a heading often is)


@dataclass
class Table:
    rows: list[list[str]]
    line: int = 0
    header_rows: int = 1  # rows at the top that name the columns
    row_lines: list[int] = field(default_factory=list)  # each row's first line, when known


@dataclass
class Document:
    file: str
    blocks: list[Para | Table] = field(default_factory=list)
    kind: str = "text"  # text | docx | pdf
    notes: list[str] = field(default_factory=list)  # what the reader could not read for sure

    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
