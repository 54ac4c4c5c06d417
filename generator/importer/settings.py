"""Every tolerance the importer reads documents with, in one frozen object (as pdfplumber's
TableSettings): counts, lengths and shares, never scattered literals. `SETTINGS.read` for the
header and signature, `SETTINGS.table` for the table readers, `SETTINGS.prose` for the prose
readers; tests may pass other instances. (The limits that bound memory and time are
limits.py's: they refuse a file, these only read it.)"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadSettings:
    # the header (docheader.py)
    chrome_paragraphs: int = 120  # paragraphs a site may print before the letterhead
    header_window: int = 6  # paragraphs from a letterhead line to its 'Số:' line
    header_paragraphs: int = 30  # paragraphs from the letterhead to the end of the title
    title_lines: int = 5  # paragraphs a title (trích yếu) runs over at most
    title_chars: int = 400  # a longer paragraph is content, not title
    # the signature block (signature.py)
    signer_name_words: int = 6  # words of a signer's name at most


@dataclass(frozen=True)
class TableSettings:
    """Every tolerance of the table readers (as pdfplumber's TableSettings)."""

    header_max_chars: int = 70  # a header cell is a name, not a sentence
    header_rows_searched: int = 6  # a header stands in the first rows (a title row may come first)
    header_min_cells: int = 3  # a header without its STT names this many columns at least
    agency_column_share: float = 0.6  # an unnamed column whose cells are agencies is the lead
    time_cell_chars: int = 200  # a longer cell is not a time
    short_cell_chars: int = 40  # a cell this short that reads as a time or agency is no task
    max_cell_lines: int = 60  # site text: a longer 'cell' is text outside the grid
    min_blank_share: float = 0.005  # site text with fewer blank lines has no blank-line paragraphs
    merged_alignments: int = 5000  # alignments of a short row tried at most
    sub_header_words: int = 5  # a second header row's names are this short
    data_cell_chars: int = 200  # a table that is no task list: a row of cells this short is one line


@dataclass(frozen=True)
class ProseSettings:
    heading_max_chars: int = 250  # a numbered paragraph longer than this is text, not a heading
    emphasis_heading_max_chars: int = 160  # an unnumbered bold/italic paragraph up to this opens a part
    agency_name_max_words: int = 40  # an agency heading ("1. Sở Tài chính", "a) Các bộ, các tỉnh:")
    inline_agency_max_words: int = 25  # the "X" of "X: task" on one line
    lead_in_max_chars: int = 400  # a sentence ending in ':' that introduces items
    min_explained: int = 1  # a reader that explains fewer paragraphs drafts nothing
    task_list_share: float = 0.5  # when at least this share of a part's items name their performer
    # in their sentence, every item of the part is a task


@dataclass(frozen=True)
class ImportSettings:
    read: ReadSettings = field(default_factory=ReadSettings)
    table: TableSettings = field(default_factory=TableSettings)
    prose: ProseSettings = field(default_factory=ProseSettings)


SETTINGS = ImportSettings()
READ, TABLE, PROSE = SETTINGS.read, SETTINGS.table, SETTINGS.prose
