"""`import --write` through the command: never through a symlink, all or nothing when stopped
by SIGTERM, SIGINT (Ctrl-C) or SIGHUP in the write window; and no terminal control byte from
the document in anything the command prints."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests/fixtures/import/ke-hoach-thu-nghiem.txt"  # a plan and a proposed agency
PLAN = "son-la-thu-nghiem-2027"
SEED = ROOT / "data/sources/000_04c0ae7f8209bebc.txt"
FILES = [f"plans/{PLAN}.yml", f"agencies/{PLAN}.de-xuat.yml"]


def command(data: Path, *extra) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "import",
        str(SOURCE),
        "--plan",
        PLAN,
        "--write",
        "--data",
        str(data),
        *extra,
    ]


@pytest.fixture()
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def state(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def test_a_planted_temporary_symlink_is_not_followed(data, tmp_path):
    """The temporary name holds the process id: the command is started by a process that
    plants the symlink for its own id, then becomes the import (exec keeps the id)."""
    victim = tmp_path / "ngoai.txt"
    victim.write_text("không được ghi đè\n")
    plant = (
        "import os, sys; d = sys.argv[1]; os.makedirs(d + '/agencies', exist_ok=True); "
        f'[os.symlink(sys.argv[2], f\'{{d}}/{{rel.rsplit("/", 1)[0]}}/.{{rel.rsplit("/", 1)[1]}}.{{os.getpid()}}.tmp\') '
        f"for rel in {FILES!r}]; os.execv(sys.executable, sys.argv[3:])"
    )
    result = subprocess.run(
        [sys.executable, "-c", plant, str(data), str(victim), *command(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert victim.read_text() == "không được ghi đè\n"
    assert result.returncode == 1 and "tệp tạm đã có" in result.stderr, result.stderr
    assert not (data / FILES[0]).exists() and "Traceback" not in result.stderr


def test_a_target_that_is_a_symlink_is_refused(data, tmp_path):
    """The seed plan's file moved out of data/ and linked back: --force must not write through."""
    target = data / "plans/son-la-thanh-hoa-2026.yml"
    victim = tmp_path / "ngoai.yml"
    shutil.move(target, victim)
    target.symlink_to(victim)
    kept, before = victim.read_bytes(), state(data)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "import",
            str(SEED),
            "--plan",
            "son-la-thanh-hoa-2026",
            "--write",
            "--force",
            "--data",
            str(data),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "liên kết tượng trưng" in result.stderr or "symlink" in result.stderr, result.stderr
    assert victim.read_bytes() == kept and target.is_symlink()
    assert state(data) == before


def test_a_folder_that_is_a_symlink_is_refused(data, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    shutil.rmtree(data / "agencies")
    shutil.copytree(ROOT / "data/agencies", outside / "agencies")
    (data / "agencies").symlink_to(outside / "agencies")
    result = subprocess.run(command(data), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "liên kết tượng trưng" in result.stderr, result.stderr
    assert not (outside / FILES[1]).exists() and not (data / FILES[0]).exists()


@pytest.mark.parametrize("stage", ["staged", "renamed"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_in_the_write_window_leaves_all_or_nothing(data, stage, signum):
    """PORTAL_IMPORT_PAUSE holds the command in the write window (after the temporary files
    are written, or after the first of them is renamed) and says so on stderr."""
    before = state(data)
    proc = subprocess.Popen(
        command(data),
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PORTAL_IMPORT_PAUSE": "0.7"},
    )
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith(f"PAUSE {stage}"):
            proc.send_signal(signum)
            break
    lines += proc.stderr.readlines()
    code = proc.wait(timeout=60)
    after = state(data)
    assert code != 0, "".join(lines)
    assert not [p for p in data.rglob("*") if p.name.endswith((".tmp", ".undo"))]
    new = set(after) - set(before)
    assert new in (set(), set(FILES)), new  # all or nothing
    assert {k: v for k, v in after.items() if k in before} == before
    assert "Traceback" not in "".join(lines)
    said = f"bản nháp đã ghi đủ ({len(FILES)} tệp)" if new else "không tệp nào được ghi"
    assert lines[-1].startswith("Lỗi: đã dừng") and said in lines[-1], lines


CONTROL = (
    "KẾ HOẠCH\nHợp tác thử nghiệm \x1b]0;bi-doi-tieu-de\x07 giữa hai tỉnh\n\nSTT\tNội dung\t"
    "Cơ quan chủ trì\n1\tTrao đổi kinh nghiệm\x1b[2K\x1b[1A về \x9b31mnông nghiệp\tSở Công Thương\n"
)


@pytest.mark.parametrize("form", ["yaml", "json"])
def test_terminal_control_bytes_are_not_printed(tmp_path, form):
    source = tmp_path / "dieu-khien.txt"
    source.write_text(CONTROL, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "import", str(source), "--plan", PLAN, "--format", form],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    printed = result.stdout + result.stderr
    assert not [ch for ch in printed if (ord(ch) < 32 and ch not in "\n") or 127 <= ord(ch) < 160], printed
    assert "ký tự điều khiển (U+0007, U+001B, U+009B)" in printed
    if form == "json":
        assert "nông nghiệp" in json.dumps(json.loads(result.stdout), ensure_ascii=False)
    else:
        assert "# KIỂM TRA: 5 ký tự điều khiển" in result.stdout and "\ufffd" in result.stdout


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_reading_ends_with_one_line_and_nothing_written(data, tmp_path, signum):
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile

    source = tmp_path / "dai.pdf"
    source.write_bytes(hostile.pdf([hostile.text_stream(hostile.WORDS)] * 200))
    before = state(data)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "import",
            str(source),
            "--plan",
            PLAN,
            "--write",
            "--data",
            str(data),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        proc.wait(timeout=4)
    except subprocess.TimeoutExpired:
        proc.send_signal(signum)
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 128 + signum, err
    assert err.strip().splitlines() == [
        f"Lỗi: đã dừng ({'Ctrl-C' if signum == signal.SIGINT else 'tín hiệu 15'}): "
        "không tệp nào được ghi / stopped"
    ]
    assert state(data) == before
