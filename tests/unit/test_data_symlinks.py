"""Issue 31, point 9 (data/ side): a data file that is a symlink, or lies in a symlinked
folder, or is not a regular file, is refused at its path by `validate` and the build (never
loaded, never published, a named pipe never waited on); `normalize` never writes through a
symlink. The hostile files are made here, in tmp folders."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

from tests.smalldata import ROOT, copy_small
from tests.unit.test_untrusted import refused

HINT = "dữ liệu là tệp thường nằm trong data/: thay liên kết hoặc tệp đặc biệt bằng một tệp có nội dung"
OUTSIDE_AGENCY = (
    '- id: ngoai-kho\n  name: "Cơ quan ngoài kho"\n  province: son-la\n  source: tệp ngoài data/\n'
)


def _run(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_a_data_file_that_is_a_symlink_out_of_the_repository_is_refused(tmp_path):
    data = copy_small(tmp_path)
    outside = tmp_path / "ngoai" / "secret.yml"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE_AGENCY, encoding="utf-8")
    (data / "agencies" / "ngoai.yml").symlink_to(outside)
    assert refused(data) == [f"data/agencies/ngoai.yml:1: tệp là liên kết tượng trưng (symlink) ({HINT})"]
    out = tmp_path / "out"
    result = _run("build", "--data", str(data), "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr and not out.exists()


def test_a_symlink_to_another_data_file_is_refused_too(tmp_path):
    data = copy_small(tmp_path)
    (data / "agencies" / "ban-sao.yml").symlink_to(data / "agencies" / "son-la.yml")
    problems = refused(data)
    assert problems[0].startswith("data/agencies/ban-sao.yml:1: tệp là liên kết tượng trưng"), problems
    assert len(problems) == 1


def test_a_symlinked_folder_is_refused_for_each_file_in_it(tmp_path):
    data = copy_small(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (data / "agencies").rename(elsewhere)
    (data / "agencies").symlink_to(elsewhere, target_is_directory=True)
    problems = refused(data)
    folder = [p for p in problems if "thư mục là liên kết tượng trưng" in p]
    assert len(folder) == len(list(elsewhere.glob("*.yml"))) == 4
    assert folder[0].startswith("data/agencies/central.yml:1: tệp nằm trong agencies/, thư mục")


def test_a_named_pipe_is_refused_at_once(tmp_path):
    data = copy_small(tmp_path)
    os.mkfifo(data / "plans" / "ong.yml")
    assert refused(data) == [f"data/plans/ong.yml:1: tệp là một named pipe, không phải tệp thường ({HINT})"]


def test_normalize_never_writes_through_a_symlink(tmp_path):
    data = copy_small(tmp_path)
    decomposed = unicodedata.normalize("NFD", OUTSIDE_AGENCY).encode("utf-8")
    outside = tmp_path / "ngoai.yml"
    outside.write_bytes(decomposed)
    (data / "agencies" / "ngoai.yml").symlink_to(outside)
    regular = data / "agencies" / "thanh-hoa.yml"
    regular.write_bytes(unicodedata.normalize("NFD", regular.read_text(encoding="utf-8")).encode("utf-8"))
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "normalize", f"DATA={data}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outside.read_bytes() == decomposed  # the target is untouched
    assert (data / "agencies" / "ngoai.yml").is_symlink()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "agencies/ngoai.yml:1: tệp là liên kết tượng trưng (symlink): không sửa" in result.stderr
    assert f"Đã chuẩn hóa NFC: {regular}" in result.stdout  # the regular file is
    assert unicodedata.is_normalized("NFC", regular.read_text(encoding="utf-8"))
    assert not list(data.rglob("*.tmp"))


def test_normalize_keeps_a_files_mode_and_leaves_no_temporary_file(tmp_path):
    data = copy_small(tmp_path)
    regular = data / "agencies" / "thanh-hoa.yml"
    regular.write_bytes(unicodedata.normalize("NFD", regular.read_text(encoding="utf-8")).encode("utf-8"))
    regular.chmod(0o640)
    assert _run("normalize", "--data", str(data)).returncode == 0
    assert regular.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (data / "agencies").iterdir()) == [
        "central.yml",
        "ho-chi-minh.yml",
        "son-la.yml",
        "thanh-hoa.yml",
    ]
