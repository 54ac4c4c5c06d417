"""Issue 31, point 2: review for what ships code. .github/CODEOWNERS gives the code owners every
path that ships code to visitors or runs in CI, and the data reviewers data/ alone; README's
contributor notes say so. Read with GitHub's rule: the last pattern that matches a file wins."""

from __future__ import annotations

import fnmatch
import subprocess

from tests.smalldata import ROOT

CODE, DATA = "@cong-ke-hoach-hop-tac/ma-nguon", "@cong-ke-hoach-hop-tac/du-lieu"


def rules() -> list[tuple[str, list[str]]]:
    out = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            out.append((words[0], words[1:]))
    return out


def _matches(pattern: str, path: str) -> bool:
    """The subset of CODEOWNERS patterns the file uses: '*', '/dir/', '/file', '/glob*'."""
    if pattern == "*":
        return True
    anchored = pattern.lstrip("/")
    if anchored.endswith("/"):
        return path.startswith(anchored)
    return fnmatch.fnmatchcase(path, anchored) or path.startswith(anchored + "/")


def owners(path: str) -> list[str]:
    found: list[str] = []
    for pattern, who in rules():
        if _matches(pattern, path):
            found = who
    return found


def test_every_path_that_ships_code_or_runs_in_ci_needs_a_code_owner():
    for path in (
        "content/gioi-thieu.md",
        "content/assets/portal.js",
        "content/trang-moi.md",
        "theme_overrides/main.html",
        "theme_overrides/partials/report.html",
        "generator/build.py",
        "generator/mkdocs_hook.py",
        "generator/templates/task.html.j2",
        "Makefile",
        "mkdocs.yml",
        "requirements.txt",
        "requirements.in",
        ".github/workflows/ci.yml",
        ".github/CODEOWNERS",
        ".ci/run",
        "tests/conftest.py",
        "a-new-file.py",
    ):
        assert owners(path) == [CODE], path


def test_data_files_need_a_data_reviewer():
    for path in (
        "data/plans/son-la-thanh-hoa-2026.yml",
        "data/agencies/son-la.yml",
        "data/provinces.yml",
        "data/sources/000_04c0ae7f8209bebc.txt",
    ):
        assert owners(path) == [DATA], path


def test_every_tracked_file_has_exactly_one_kind_of_owner():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(tracked) > 100
    for path in tracked:
        assert owners(path) == ([DATA] if path.startswith("data/") else [CODE]), path


def test_readme_says_who_reviews_what():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "A **data-only** pull request (files under `data/` alone) needs a **data reviewer**" in readme
    assert "A pull request that touches **anything else** needs a **code owner**" in readme
    assert "Require review from Code" in readme
