"""Rewrite data files in Unicode NFC, changing nothing else.

NFC never touches YAML syntax (ASCII), so normalising the text keeps comments, order, quoting
and layout byte for byte; only decomposed letters ("u" + combining grave) become composed ("ù").
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from .fields import FILE_KINDS


def normalize_files(data_dir: Path) -> list[Path]:
    """NFC every data file that is not; returns the files rewritten."""
    changed = []
    for pattern, _, _ in FILE_KINDS.values():
        for file in sorted(data_dir.glob(pattern)):
            try:
                text = file.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue  # the validator reports it with its line
            fixed = unicodedata.normalize("NFC", text)
            if fixed != text:
                file.write_bytes(fixed.encode("utf-8"))
                changed.append(file)
    return changed
