"""The file to import, read whole but bounded: only a regular file (not /dev/zero, a named pipe,
a directory or a socket), opened without blocking (a named pipe with no writer would wait
forever), its type checked on the open descriptor (no swap between a check and the open), and
at most MAX_BYTES read whatever its size claims (a file growing while read is refused)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .blocks import ImportFailure
from .limits import MAX_BYTES, mb

_KINDS = [
    (stat.S_ISDIR, "một thư mục / a directory"),
    (stat.S_ISFIFO, "một đường ống (FIFO) / a named pipe"),
    (stat.S_ISCHR, "một thiết bị / a device"),
    (stat.S_ISBLK, "một thiết bị / a device"),
    (stat.S_ISSOCK, "một socket / a socket"),
]


def _not_regular(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "không phải tệp thường / not a regular file")


def read_source(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    too_large = f"tệp quá lớn (tối đa {mb(limit)}): tách văn bản / file too large"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ImportFailure(name, f"không đọc được tệp / cannot read file: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailure(
                name,
                f"không phải tệp văn bản mà là {_not_regular(info.st_mode)}: "
                "chỉ nhập tệp .docx, .pdf hoặc .txt",
            )
        if info.st_size > limit:
            raise ImportFailure(name, f"{too_large} ({info.st_size // (1024 * 1024)} MB)")
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ImportFailure(name, too_large)
        return b"".join(chunks)
    except OSError as exc:
        raise ImportFailure(name, f"không đọc được tệp / cannot read file: {exc.strerror}") from None
    finally:
        os.close(fd)
