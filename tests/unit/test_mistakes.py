"""Every class of mistake an editor can make, on a one-change copy of the test dataset:
`python -m generator validate` (run as a command, so an escaping traceback would show) names
the right file and line and exits 1; `mkdocs build` refuses with the same message (a sample)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.smalldata import PLAN, ROOT, copy_small, edit

AG = "agencies/son-la.yml"
PS = "partnerships.yml"

# name: (file, text to replace (None: the whole file), replacement, fragment of the message,
#        where it must be reported: the text on that line of the broken copy, (text, n) for its
#        n-th line, or a line number)
MISTAKES = {
    "tab indentation": (PLAN, '  - number: "II"', '\t- number: "II"', "không dùng tab", '\t- number: "II"'),
    "bad indentation": (
        PLAN,
        "issuer: son-la-ubnd",
        " issuer: son-la-ubnd",
        "YAML không đọc được",
        " issuer: son-la-ubnd",
    ),
    "unclosed quote": (
        PLAN,
        'period: "2026"',
        'period: "2026',
        "dấu nháy mở ở dòng này có lẽ chưa được đóng",
        'period: "2026',
    ),
    "empty file": (PS, None, "", "tệp rỗng", 1),
    "not utf-8": (AG, None, b"- id: son-la-x\n  name: S\xf5n La\n", "tệp không phải UTF-8", 2),
    "not a mapping": (PLAN, None, "- a\n- b\n", "tệp phải là một khối có các trường", 1),
    "not a list": (PS, None, "id: son-la-thanh-hoa\n", "tệp phải là một danh sách", 1),
    "duplicate key": (PLAN, "year: 2026\n", "year: 2026\nyear: 2025\n", "khóa 'year' lặp lại", "year: 2025"),
    "duplicate id across files": (
        "agencies/thanh-hoa.yml",
        "- id: thanh-hoa-so-cong-thuong",
        "- id: son-la-so-cong-thuong",
        "mã 'son-la-so-cong-thuong' trùng",
        "- id: son-la-so-cong-thuong",
    ),
    "duplicate task number": (
        PLAN,
        'number: "1.2"',
        'number: "1.1"',
        "số thứ tự '1.1' lặp lại",
        ('number: "1.1"', 2),
    ),  # the second one
    "missing field": (
        PLAN,
        "type: ke-hoach\n",
        "",
        "thiếu trường bắt buộc 'type'",
        "id: son-la-kiem-thu-2026",
    ),
    "wrong type": (PLAN, "year: 2026", "year: [2026]", "'year' phải là số nguyên", "year: [2026]"),
    "unknown field": (
        PLAN,
        "        coordinating:",
        "        cooordinating:",
        "có phải 'coordinating'?",
        "cooordinating:",
    ),
    "unknown agency": (
        PLAN,
        "lead: [son-la-so-cong-thuong]",
        "lead: [son-la-so-cong-thuongg]",
        "có phải 'son-la-so-cong-thuong'",
        "son-la-so-cong-thuongg",
    ),
    "unknown province": (
        PS,
        "provinces: [son-la, thanh-hoa]",
        "provinces: [son-la, thanh-hoá]",
        "mã 'thanh-hoá' không hợp lệ",
        "thanh-hoá",
    ),
    "unknown partnership": (
        PLAN,
        "partnerships: [son-la-thanh-hoa]",
        "partnerships: [son-la-thanh-hao]",
        "có phải 'son-la-thanh-hoa'",
        "son-la-thanh-hao",
    ),
    "unknown plan": (
        "plans/thanh-hoa-chuyen-tiep.yml",
        "plan: son-la-kiem-thu-2026",
        "plan: son-la-kiem-thu",
        "không có kế hoạch mã 'son-la-kiem-thu'",
        "plan: son-la-kiem-thu",
    ),
    "date that does not exist": (
        PS,
        "signed: 2024-12-20",
        "signed: 2024-02-31",
        "không có thật",
        "2024-02-31",
    ),
    "period that is no years": (
        PLAN,
        'period: "2026"',
        'period: "Quý hai"',
        "không đọc được thành năm",
        "Quý hai",
    ),
    "span ending before it starts": (
        PLAN,
        'period: "2026"',
        'period: "2026-2024"',
        "năm kết thúc 2024 trước năm bắt đầu 2026",
        "2026-2024",
    ),
    "id that is not a slug": (
        PS,
        "- id: son-la-thanh-hoa",
        "- id: Son La",
        "mã 'Son La' không hợp lệ",
        "- id: Son La",
    ),
    "id escaping the output": (
        PS,
        "- id: son-la-thanh-hoa",
        "- id: ../son-la",
        "mã '../son-la' không hợp lệ",
        "- id: ../son-la",
    ),
    "text not in NFC": (
        PLAN,
        "timeframe: Năm 2027",
        "timeframe: Na\u0306m 2027",
        "chưa chuẩn hóa Unicode NFC",
        "Na\u0306m 2027",
    ),
    "anchors and aliases": (PLAN, "year: 2026", "year: &y 2026\nx: *y", "anchor/alias", "year: &y 2026"),
    "report without a source": (
        PLAN,
        "            source: Báo cáo kiểm thử số 3\n",
        "",
        "thiếu trường bắt buộc 'source'",
        "- date: 2026-10-01",
    ),
    "file too large": (AG, None, "# " + "x" * 1_000_100 + "\n", "tệp quá lớn", 1),
}


def broken_copy(tmp_path: Path, name: str) -> Path:
    rel, old, new, _, _ = MISTAKES[name]
    data = copy_small(tmp_path)
    edit(data, rel, old, new)
    return data


def expected_line(data: Path, name: str) -> int:
    rel, _, _, _, at = MISTAKES[name]
    if isinstance(at, int):
        return at
    needle, nth = at if isinstance(at, tuple) else (at, 1)
    return [
        n for n, line in enumerate((data / rel).read_text(encoding="utf-8").splitlines(), 1) if needle in line
    ][nth - 1]


@pytest.mark.parametrize("name", MISTAKES)
def test_validate_names_file_and_line(tmp_path, name):
    data = broken_copy(tmp_path, name)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(data)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    rel, _, _, fragment, _ = MISTAKES[name]
    lines = [line for line in result.stderr.splitlines() if fragment in line]
    assert len(lines) == 1, result.stderr
    # outside the project the path is printed as the copy's absolute path
    where = f"{data.as_posix()}/{rel}:{expected_line(data, name)}"
    assert re.match(re.escape(where) + r"(:\d+)?: ", lines[0]), (where, lines[0])


@pytest.mark.parametrize("name", ["unclosed quote", "duplicate key", "unknown agency", "not utf-8"])
def test_mkdocs_build_refuses_with_the_same_message(tmp_path, name):
    data = broken_copy(tmp_path, name)
    result = mkdocs_build(tmp_path / "site", {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert MISTAKES[name][3] in result.stderr
    assert f"{MISTAKES[name][0]}:{expected_line(data, name)}" in result.stderr
    assert not (tmp_path / "site/index.html").exists()
