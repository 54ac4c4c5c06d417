"""A second process that writes part of the site into a staging folder while MkDocs renders
the pages on the other core; `finish` moves its files into the built site.

Used for the side files (sidefiles.py: open data, feeds, calendars) and the search index
(search/process.py, which reads the rendered pages from its standard input).
"""

from __future__ import annotations

import atexit
import ctypes
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class ChildError(Exception):
    pass


_running: set["StagedChild"] = set()  # children not yet finished or cancelled


@atexit.register
def cancel_all() -> None:
    """On any exit of the build process (an error, Ctrl-C, SIGTERM turned into SystemExit by
    stop_on_signals): stop the children and remove their staging folders."""
    for child in sorted(_running, key=lambda c: str(c.staging)):
        child.cancel()


_STOPPING = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP end the build as an exception would (its atexit clean-up runs),
    not at once as by default: the staging folders would stay and the children run on."""

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, stop)


def _die_with_parent() -> None:
    """In the child before it starts (Linux): killed when the build process dies, even by
    SIGKILL, instead of writing on into a folder nobody will move; the signals the parent held
    while forking are the child's again."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class StagedChild:
    """`python -m <module> <args> --out <staging>`, the staging folder beside the site."""

    def __init__(self, module: str, args: list[str], site_dir: Path, stdin: bool = False) -> None:
        site_dir = Path(site_dir).resolve()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        # Beside the site, on its file system (files are moved, not copied); MkDocs empties
        # the site folder itself before writing the pages.
        self.staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-files-", dir=site_dir.parent))
        self.process: subprocess.Popen | None = None
        _running.add(self)  # before the child starts: a signal from here on still cleans up
        self._stderr = tempfile.TemporaryFile()
        # A SIGTERM that lands while Python forks runs its handler in an at-fork hook, where
        # the SystemExit it raises is ignored and the build went on (seen 1 in 3 runs): the
        # signals wait until the child is started, then stop the build as anywhere else.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", module, *args, "--out", str(self.staging)],
                cwd=ROOT,
                stdin=subprocess.PIPE if stdin else None,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
                env=dict(os.environ, PYTHONPATH=str(ROOT)),
                preexec_fn=_die_with_parent,
            )
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        self.seconds: float | None = None  # the child's wall time, its CPU time and its peak
        self.cpu: float | None = None  # memory (bytes), for the benchmark
        self.maxrss: int | None = None

    def cancel(self) -> None:
        _running.discard(self)
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, site_dir: Path) -> int:
        """Wait for the child, then move its files into `site_dir`; the number of files.
        Raises ChildError with the child's message if it failed."""
        if self.process.stdin:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        code = self.process.wait()
        _running.discard(self)
        self._stderr.seek(0)
        err = self._stderr.read().decode("utf-8", "replace")
        self._stderr.close()
        try:
            if code != 0:
                raise ChildError(err.strip() or f"mã thoát {code}")
            for line in err.splitlines():
                if line.startswith("seconds="):
                    self.seconds = float(line.split("=", 1)[1])
                if line.startswith("cpu="):
                    self.cpu = float(line.split("=", 1)[1])
                if line.startswith("maxrss="):
                    self.maxrss = int(line.split("=", 1)[1])
            count = 0
            for path in sorted(self.staging.rglob("*")):
                if path.is_file():
                    target = Path(site_dir) / path.relative_to(self.staging)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
                    count += 1
            return count
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)


def write(out: Path, items) -> None:
    """Write (path, bytes) pairs as they come: the child never holds all the files."""
    made: set[Path] = set()
    for rel, content in items:
        target = out / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)


def report_usage(start: float) -> None:
    """The child's seconds (wall and CPU) and peak memory, on stderr for StagedChild.finish."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"seconds={time.perf_counter() - start:.3f}", file=sys.stderr)
    print(f"cpu={usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
    print(f"maxrss={own_peak() or usage.ru_maxrss * 1024}", file=sys.stderr)


def own_peak() -> int | None:
    """This process's own peak memory in bytes (Linux: VmHWM). getrusage's ru_maxrss is not:
    Linux carries over into it the memory of the process that forked this one, at the fork
    (a child started late in a build would report the build's size)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None
