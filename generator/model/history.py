"""When each data file last changed, and how: from the git history of data/, read once per build.

One `git log` over the whole data folder, parsed into the commits that touched each file
(newest first), so that a page says "Cập nhật lần cuối" from the last commit that changed its
record's file, never from the build time. Deterministic for a given commit. Without git, outside
a repository, or in a shallow clone (whose one commit would date every file alike) there is no
history: `read_changes` returns None and the pages leave the line out rather than invent it.

The log format, one record per commit: "\\x1e<short hash>\\x1f<committer date YYYY-MM-DD>
\\x1f<subject>" then the names of the files it changed, one a line, from the repository's top
(`--cc`: a merge lists the files it changed against every parent, as `git log -- <file>` shows
such a merge).
"""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD, FIELD = "\x1e", "\x1f"
LOG_FORMAT = f"{RECORD}%h{FIELD}%cs{FIELD}%s"
TIMEOUT = 120  # seconds: a large history is read once, in well under this


@dataclass(frozen=True)
class Change:
    commit: str  # short hash
    date: datetime.date  # committer date
    message: str  # subject line


@dataclass(frozen=True)
class Changes:
    by_file: dict[str, tuple[Change, ...]]  # absolute path -> commits, newest first

    def of(self, path: str | Path, root: Path | None = None) -> tuple[Change, ...]:
        """The commits that changed `path` (relative to `root`, or absolute), newest first."""
        p = Path(path)
        if not p.is_absolute() and root is not None:
            p = root / p
        return self.by_file.get(os.path.normpath(p.absolute()), ())


def parse_log(text: str, top: Path) -> Changes:
    """`git log --format=LOG_FORMAT --name-only` output -> the commits of each file."""
    found: dict[str, list[Change]] = {}
    for record in text.split(RECORD)[1:]:
        head, _, names = record.partition("\n")
        commit, date, message = head.split(FIELD, 2)
        change = Change(commit, datetime.date.fromisoformat(date), message.strip())
        for name in dict.fromkeys(n for n in names.splitlines() if n.strip()):
            found.setdefault(os.path.normpath(top / name), []).append(change)
    return Changes({k: tuple(v) for k, v in found.items()})


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        run = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def read_changes(data_dir: Path) -> Changes | None:
    """The history of every file under data_dir, or None when there is none to read."""
    data_dir = data_dir.absolute()
    if not data_dir.is_dir():
        return None
    info = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], data_dir)
    if info is None or len(info.split("\n")) < 2:
        return None
    top, shallow = info.split("\n")[:2]
    if shallow.strip() != "false":
        return None
    log = _git(["log", "--cc", "--name-only", f"--format={LOG_FORMAT}", "--", str(data_dir)], data_dir)
    return parse_log(log, Path(top)) if log is not None else None
