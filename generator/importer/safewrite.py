"""`import --write`: the draft's files into data/, all or nothing, never through a symlink.

Every folder below data/ is opened without following a symlink (O_NOFOLLOW, then each file
is named relative to that open folder: nothing swapped in between is followed); a target that
is a symlink or not a regular file is refused; each file is first written to
'.<name>.<pid>.tmp' created exclusively (O_EXCL | O_NOFOLLOW: a planted file or symlink of that
name is refused, never written through), then all are renamed over their targets. SIGINT,
SIGTERM and SIGHUP are held for that window: a signal that comes while the files are written
takes effect once every file is in place; a failure puts back what was there and removes the
temporary files. `stopping()` makes SIGTERM and SIGHUP end the command like Ctrl-C (one line,
temporary folders removed) outside that window."""

from __future__ import annotations

import os
import signal
import stat
from contextlib import contextmanager
from pathlib import Path

from .blocks import ImportFailure

HELD = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, ending the command as Ctrl-C does."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stopping():
    def stop(signum, frame):
        raise Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _refuse(path: str, message: str) -> ImportFailure:
    return ImportFailure(path, message + ": không tệp nào được ghi / nothing written")


def _folder(data_dir: Path, rel: str, fds: dict[str, int]) -> int:
    """The open folder of data/<rel>'s parent, each level opened without following a symlink."""
    parts = rel.split("/")[:-1]
    key = ""
    for part in parts:
        parent, key = fds[key], f"{key}/{part}" if key else part
        if key in fds:
            continue
        try:
            os.mkdir(part, 0o777, dir_fd=parent)
        except FileExistsError:
            pass
        try:
            fds[key] = os.open(part, _DIR, dir_fd=parent)
        except OSError as exc:
            raise _refuse(
                f"{data_dir.as_posix()}/{key}",
                f"không phải thư mục thật (liên kết tượng trưng?) / not a real folder ({exc.strerror})",
            ) from None
    return fds[key]


def _existing(dfd: int, name: str, shown: str, force: bool) -> bool:
    try:
        info = os.stat(name, dir_fd=dfd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(shown, "tệp đích là liên kết tượng trưng (symlink) / the target is a symlink")
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(shown, "tệp đích không phải tệp thường / the target is not a regular file")
    if not force:
        raise ImportFailure(
            shown, "tệp đã có: thêm --force để ghi đè / file exists: use --force to overwrite"
        )
    return True


def _create(dfd: int, name: str, data: bytes, shown: str) -> None:
    try:
        fd = os.open(name, _NEW, 0o666, dir_fd=dfd)
    except FileExistsError:
        raise _refuse(
            shown,
            "tệp tạm đã có (có thể là liên kết tượng trưng do ai đó đặt vào): xóa nó rồi "
            "chạy lại / a temporary file of this name exists",
        ) from None
    try:
        with os.fdopen(fd, "wb", closefd=True) as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        os.unlink(name, dir_fd=dfd)
        raise


def _read(dfd: int, name: str) -> bytes:
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dfd)
    with os.fdopen(fd, "rb") as f:
        return f.read()


def write_files(data_dir: Path, files: dict[str, str], force: bool) -> list[Path]:
    fds = {"": os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    staged: list[tuple[int, str, str]] = []  # (folder, tmp, name)
    done: list[tuple[int, str, bytes | None]] = []
    targets = [data_dir / rel for rel in files]
    try:
        plan = []
        for rel, text in files.items():
            dfd, name = _folder(data_dir, rel, fds), rel.rsplit("/", 1)[-1]
            shown = f"{data_dir.as_posix()}/{rel}"
            plan.append((dfd, name, shown, text.encode("utf-8"), _existing(dfd, name, shown, force)))
        try:
            for dfd, name, shown, data, _ in plan:
                tmp = f".{name}.{os.getpid()}.tmp"
                _create(dfd, tmp, data, shown.rsplit("/", 1)[0] + "/" + tmp)
                staged.append((dfd, tmp, name))
            _pause("staged")
            for (dfd, tmp, name), (*_, existed) in zip(staged, plan):
                before = _read(dfd, name) if existed else None
                os.replace(tmp, name, src_dir_fd=dfd, dst_dir_fd=dfd)
                done.append((dfd, name, before))
                _pause("renamed")
        except OSError as exc:
            _undo(done, staged)
            raise _refuse(data_dir.as_posix(), f"không ghi được bản nháp ({exc.strerror})") from None
        except BaseException:
            _undo(done, staged)
            raise
    finally:
        for fd in fds.values():
            os.close(fd)
        _release(old, targets if len(done) == len(files) else [])
    return targets


def _undo(done, staged) -> None:
    for dfd, name, before in reversed(done):
        if before is None:
            os.unlink(name, dir_fd=dfd)
        else:
            tmp = f".{name}.{os.getpid()}.undo"
            _create(dfd, tmp, before, tmp)
            os.replace(tmp, name, src_dir_fd=dfd, dst_dir_fd=dfd)
    for dfd, tmp, _ in staged:
        try:
            os.unlink(tmp, dir_fd=dfd)
        except FileNotFoundError:
            pass


def _release(old, written: list[Path]) -> None:
    """Signals back as they were; one that came during the write is delivered here, its
    exception carrying what was written (all the files, or none)."""
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
    except BaseException as exc:
        exc.written = written
        raise


def _pause(stage: str) -> None:
    """For the interruption tests only: PORTAL_IMPORT_PAUSE=<seconds> waits inside the write
    window (signals held) after telling stderr where it is."""
    seconds = os.environ.get("PORTAL_IMPORT_PAUSE")
    if seconds:
        import sys
        import time

        print(f"PAUSE {stage}", file=sys.stderr, flush=True)
        time.sleep(float(seconds))
