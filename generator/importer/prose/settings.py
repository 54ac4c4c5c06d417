"""Every tolerance of the prose readers in one place (as pdfplumber's TableSettings)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProseSettings:
    heading_max_chars: int = 250        # a numbered paragraph longer than this is text, not a heading
    emphasis_heading_max_chars: int = 160   # an unnumbered bold/italic paragraph up to this opens a part
    agency_name_max_words: int = 40     # an agency heading ("1. Sở Tài chính", "a) Các bộ, các tỉnh:")
    inline_agency_max_words: int = 25   # the "X" of "X: task" on one line
    lead_in_max_chars: int = 400        # a sentence ending in ':' that introduces items
    min_explained: int = 1              # a reader that explains fewer paragraphs drafts nothing
    task_list_share: float = 0.5        # when at least this share of a part's items name their performer
                                        # in their sentence, every item of the part is a task


SETTINGS = ProseSettings()
