"""Tasks written in prose: an outline of the body's paragraphs, readers of the kinds of layout
officials use (agency headings, labelled items, sentences naming who leads), and the choice
between them part by part. See choose.part_section."""

from .choose import best_reading, part_section
from ..settings import PROSE as SETTINGS

__all__ = ["SETTINGS", "best_reading", "part_section"]
