"""The command line: thin over the library, messages not tracebacks, exit codes."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


def test_validate_ok():
    result = run("validate")
    assert result.returncode == 0
    assert result.stdout.startswith("Dữ liệu hợp lệ: 5 plans, 173 tasks")


def test_validate_prints_every_problem_and_exits_1(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / "data/plans/son-la-thanh-hoa-2026.yml"
    plan.write_text(plan.read_text("utf-8").replace("year: 2026", "year: x")
                    .replace("type: ke-hoach", "type: kh"), encoding="utf-8")
    result = run("validate", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'year' phải là số nguyên" in result.stderr and "'type' = 'kh' không hợp lệ" in result.stderr
    assert result.stderr.strip().endswith("2 lỗi.")


def test_annotations_for_github(tmp_path):
    import os
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / "data/plans/son-la-thanh-hoa-2026.yml"
    plan.write_text(plan.read_text("utf-8").replace("year: 2026", "year: x"), encoding="utf-8")
    result = run("validate", str(tmp_path / "data"), env=dict(os.environ, GITHUB_ACTIONS="true"))
    assert "::error file=" in result.stdout and ",line=" in result.stdout


def test_export_and_build_write_files(tmp_path):
    assert run("export", "--out", str(tmp_path / "od")).returncode == 0
    assert (tmp_path / "od/tasks.json").is_file() and (tmp_path / "od/ke-hoach").is_dir()
    assert run("build", "--out", str(tmp_path / "md")).returncode == 0
    assert (tmp_path / "md/ke-hoach/son-la-thanh-hoa-2026/9/index.md").is_file()
