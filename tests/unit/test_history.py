"""generator/history.py: the commits of each data file, from one `git log` of the data folder."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.model.history import Change, parse_log, read_changes

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def test_parse_log_gives_each_file_its_commits_newest_first(tmp_path):
    text = (
        "\x1eaaa1111\x1f2026-12-05\x1fPlan: a task's timeframe\n\ndata/plans/a.yml\n"
        "\x1ebbb2222\x1f2026-11-30\x1fMerge branch 'x'\n\n"  # a merge that changed nothing
        "\x1eccc3333\x1f2026-11-23\x1fFirst data\n\ndata/plans/a.yml\ndata/provinces.yml\n"
    )
    changes = parse_log(text, tmp_path)
    assert changes.of("data/plans/a.yml", tmp_path) == (
        Change("aaa1111", datetime.date(2026, 12, 5), "Plan: a task's timeframe"),
        Change("ccc3333", datetime.date(2026, 11, 23), "First data"),
    )
    assert [c.commit for c in changes.of(tmp_path / "data/provinces.yml")] == ["ccc3333"]
    assert changes.of("data/plans/b.yml", tmp_path) == ()


def _git(cwd, *args, date="2026-01-02T03:04:05+00:00"):
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "data" / "plans").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "data/plans/a.yml").write_text("id: a\n")
    (repo / "data/provinces.yml").write_text("[]\n")
    (repo / "README.md").write_text("x\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Dữ liệu đầu tiên", date="2026-11-23T10:00:00+07:00")
    (repo / "data/plans/a.yml").write_text("id: a\ntitle: b\n")
    (repo / "README.md").write_text("y\n")
    _git(repo, "commit", "-qam", "Kế hoạch a: trích yếu", date="2026-12-05T23:30:00+00:00")
    return repo


@needs_git
def test_each_files_last_change_is_git_log_1_of_that_file(tmp_path):
    repo = _repo(tmp_path)
    changes = read_changes(repo / "data")
    for rel in ("data/plans/a.yml", "data/provinces.yml"):
        want = _git(repo, "log", "-1", "--format=%h %cs %s", "--", rel).strip()
        last = changes.of(rel, repo)[0]
        assert f"{last.commit} {last.date.isoformat()} {last.message}" == want
    assert [c.message for c in changes.of("data/plans/a.yml", repo)] == [
        "Kế hoạch a: trích yếu",
        "Dữ liệu đầu tiên",
    ]
    assert changes.of("README.md", repo) == ()  # outside data/: not read


@needs_git
def test_a_shallow_clone_or_no_repository_has_no_history(tmp_path):
    repo = _repo(tmp_path)
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert read_changes(shallow / "data") is None
    plain = tmp_path / "plain" / "data"
    plain.mkdir(parents=True)
    (plain / "provinces.yml").write_text("[]\n")
    env_ceiling = os.environ.get("GIT_CEILING_DIRECTORIES")
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        assert read_changes(plain) is None
    finally:
        if env_ceiling is None:
            del os.environ["GIT_CEILING_DIRECTORIES"]
        else:
            os.environ["GIT_CEILING_DIRECTORIES"] = env_ceiling


def test_without_git_there_is_no_history(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on the PATH
    assert read_changes(Path(__file__).parent) is None


def test_both_workflows_check_out_the_whole_history():
    """A shallow clone has one commit: every page would date from it. fetch-depth: 0."""
    import yaml

    root = Path(__file__).resolve().parents[2]
    for name in ("ci.yml", "deploy.yml"):
        flow = yaml.safe_load((root / ".github/workflows" / name).read_text(encoding="utf-8"))
        checkouts = [
            s
            for job in flow["jobs"].values()
            for s in job.get("steps", [])
            if str(s.get("uses", "")).startswith("actions/checkout@")
        ]
        assert checkouts and all(s.get("with", {}).get("fetch-depth") == 0 for s in checkouts), name
