"""The test dataset (tests/fixtures/data-small) and one-change copies of it.

Tests that need broken, hostile or extended data copy this fixture and change one thing in it,
so a fix to the real data/ never breaks them. Tests of facts of the real data stay on data/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "data-small"
PLAN = "plans/son-la-kiem-thu-2026.yml"  # the plan with every field filled
DISPATCH = "plans/thanh-hoa-chuyen-tiep.yml"  # the dispatch with nothing stated


def copy_small(tmp_path: Path) -> Path:
    """A fresh copy of the fixture at tmp_path/data (the path problems are reported under)."""
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    return data


def edit(data: Path, rel: str, old: str | None, new: str | bytes, count: int = 1) -> None:
    """Replace `old` (which must be in the file) by `new` in data/rel; old=None writes `new` as
    the whole file."""
    target = data / rel
    if old is None:
        target.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
        return
    text = target.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    target.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(rel: str, needle: str, data: Path = SMALL) -> int:
    """1-based line of the first line of data/rel that contains needle."""
    for n, line in enumerate((data / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {rel}")


def mutated(tmp_path: Path, *edits: tuple) -> Path:
    """copy_small + every (rel, old, new) edit."""
    data = copy_small(tmp_path)
    for rel, old, new in edits:
        edit(data, rel, old, new)
    return data
