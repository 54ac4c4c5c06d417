"""Every tolerance the importer reads documents with, in one frozen object (as pdfplumber's
TableSettings): counts and lengths, never scattered literals. Tests may pass another instance."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadSettings:
    # the header (docheader.py)
    chrome_paragraphs: int = 120    # paragraphs a site may print before the letterhead
    header_window: int = 6          # paragraphs from a letterhead line to its 'Số:' line
    header_paragraphs: int = 30     # paragraphs from the letterhead to the end of the title
    title_lines: int = 5            # paragraphs a title (trích yếu) runs over at most
    title_chars: int = 400          # a longer paragraph is content, not title
    # the signature block (signature.py)
    signer_name_words: int = 6      # words of a signer's name at most


SETTINGS = ReadSettings()
