"""Rewrite data files in Unicode NFC, changing nothing else.

NFC never touches YAML syntax (ASCII), so normalising the text keeps comments, order, quoting
and layout byte for byte; only decomposed letters ("u" + combining grave) become composed ("ù").
A symlink (or a file in a symlinked folder) and anything but a regular file is never read nor
written: it is reported, and its target stays as it was (generator/safefiles.py).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import Location, Problem
from .fields import FILE_KINDS
from ..safefiles import HINT, SYMLINK, Refused, read_regular, replace_contents, symlink_below
from .datafiles import MAX_BYTES


def normalize(data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """NFC every data file that is not: (the files rewritten, the files refused)."""
    changed, refused = [], []
    for pattern, _, _ in FILE_KINDS.values():
        for file in sorted(data_dir.glob(pattern)):
            link = symlink_below(file, data_dir)
            if link is not None:
                what = SYMLINK if link == file else f"nằm trong {link.name}/, thư mục {SYMLINK}"
                refused.append(Problem(Location(file.as_posix(), 1), f"tệp {what}: không sửa", HINT))
                continue
            try:
                raw = read_regular(file, MAX_BYTES)
                text = raw.decode("utf-8")
            except Refused as exc:
                refused.append(Problem(Location(file.as_posix(), 1), f"tệp {exc}: không sửa", HINT))
                continue
            except (OSError, UnicodeDecodeError):
                continue  # the validator reports it with its line
            if len(raw) > MAX_BYTES:
                continue  # likewise
            fixed = unicodedata.normalize("NFC", text)
            if fixed != text:
                replace_contents(file, fixed.encode("utf-8"))
                changed.append(file)
    return changed, refused


def normalize_files(data_dir: Path) -> list[Path]:
    """NFC every data file that is not; returns the files rewritten."""
    return normalize(data_dir)[0]
