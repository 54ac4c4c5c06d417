"""Reading and rewriting the files of data/ without following a symlink.

A pull request can add a symlink where a data file goes: data/agencies/x.yml -> /etc/…, or a
folder data/plans -> somewhere else. Loaded, its target would be published; rewritten by
`make normalize`, the target (outside data/, outside the repository) would be changed. So a
data file must be a regular file reached without any symlink below data/: anything else is
refused at its path, and is never opened (a named pipe would block the reader for ever).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

SYMLINK = "là liên kết tượng trưng (symlink)"
HINT = "dữ liệu là tệp thường nằm trong data/: thay liên kết hoặc tệp đặc biệt bằng một tệp có nội dung"


class Refused(Exception):
    """The file is not a regular file reached without a symlink: str() says what it is."""


def symlink_below(path: Path, base: Path) -> Path | None:
    """The first symlink on the way from `base` (not included) to `path` (included), or None."""
    try:
        rel = path.relative_to(base)
    except ValueError:
        return None
    current = base
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "là một thư mục"
    if stat.S_ISFIFO(mode):
        return "là một named pipe, không phải tệp thường"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "là một thiết bị, không phải tệp thường"
    if stat.S_ISSOCK(mode):
        return "là một socket, không phải tệp thường"
    return "không phải tệp thường"


def read_regular(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of `path`, which must be a regular file and not a symlink (the
    last component is opened with O_NOFOLLOW and O_NONBLOCK: neither followed nor waited on).
    Raises Refused, or OSError when it cannot be read."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        raise Refused(SYMLINK)
    if not stat.S_ISREG(mode):
        raise Refused(_kind(mode))
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(f.fileno()).st_mode
        if not stat.S_ISREG(mode):  # swapped since lstat
            raise Refused(_kind(mode))
        return f.read(limit + 1)


def replace_contents(path: Path, data: bytes) -> None:
    """Write `data` as the new contents of the regular file `path`: into a new temporary file
    beside it (created exclusively: never an existing file or link), then renamed over it.
    The rename replaces the directory entry, so even a symlink put there meanwhile is replaced,
    never followed; an interruption leaves the old file whole."""
    mode = stat.S_IMODE(os.lstat(path).st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
