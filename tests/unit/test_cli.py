"""The command line: thin over the library, messages not tracebacks, exit codes."""

import os
import subprocess
import sys

from tests.smalldata import PLAN, ROOT, SMALL, copy_small, edit, line_of


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, env=env
    )


def test_validate_ok():
    result = run("validate")
    assert result.returncode == 0
    assert result.stdout.startswith("Dữ liệu hợp lệ: 5 plans, 173 tasks")


def test_validate_the_test_dataset():
    result = run("validate", str(SMALL))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ("Dữ liệu hợp lệ: 3 plans, 18 tasks, 9 agencies, 6 provinces, 3 partnerships.\n")


def test_validate_prints_every_problem_and_exits_1(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "year: 2026", "year: x")
    edit(data, PLAN, "type: ke-hoach", "type: kh")
    result = run("validate", str(data))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{data.as_posix()}/{PLAN}:{line_of(PLAN, 'type: kh', data)}:7: 'type' = 'kh' không hợp lệ "
        "(một trong: ke-hoach, cong-van)",
        f"{data.as_posix()}/{PLAN}:{line_of(PLAN, 'year: x', data)}:7: 'year' phải là số nguyên, "
        "đang là 'x' (ví dụ 2026)",
        "2 lỗi.",
    ]


def test_annotations_for_github(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "year: 2026", "year: x")
    result = run("validate", str(data), env=dict(os.environ, GITHUB_ACTIONS="true"))
    assert result.returncode == 1
    assert result.stdout == (
        f"::error file={data.as_posix()}/{PLAN},line={line_of(PLAN, 'year: x', data)},"
        "col=7::'year' phải là số nguyên, đang là 'x' (ví dụ 2026)\n"
    )


def test_export_and_build_write_files(tmp_path):
    assert run("export", "--data", str(SMALL), "--out", str(tmp_path / "od")).returncode == 0
    assert (tmp_path / "od/tasks.json").is_file() and (tmp_path / "od/ke-hoach").is_dir()
    assert not (tmp_path / "od/opendata").exists()
    result = run("build", "--data", str(SMALL), "--out", str(tmp_path / "md"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "md/ke-hoach/son-la-kiem-thu-2026/i-1/index.md").is_file()
    assert (tmp_path / "md/ke-hoach/sl-kiem-thu-2026/index.html").is_file()  # a redirect


def test_build_of_broken_data_writes_nothing(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "year: 2026", "year: x")
    result = run("build", "--data", str(data), "--out", str(tmp_path / "md"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'year' phải là số nguyên" in result.stderr
    assert not (tmp_path / "md").exists()
