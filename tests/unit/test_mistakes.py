"""Every class of mistake an editor can make, on a copy of the real data: `validate` names the
file and line and exits 1; `mkdocs build` refuses with the same message (a sample of classes)."""
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT, mkdocs_build

PLAN = "data/plans/son-la-thanh-hoa-2026.yml"
AG = "data/agencies/son-la.yml"
PS = "data/partnerships.yml"

# (file, text to replace, replacement, fragment of the expected message)
MISTAKES = {
    "tab indentation": (PLAN, "  - number: null", "\t- number: null", "không dùng tab"),
    "bad indentation": (PLAN, "issuer: son-la-ubnd", " issuer: son-la-ubnd", "YAML không đọc được"),
    "unclosed quote": (PLAN, 'period: "2026"', 'period: "2026', "dấu nháy mở ở dòng này có lẽ chưa được đóng"),
    "empty file": (PS, None, "", "tệp rỗng"),
    "not utf-8": (AG, None, b"- id: son-la-x\n  name: S\xf5n La\n", "tệp không phải UTF-8"),
    "not a mapping": (PLAN, None, "- a\n- b\n", "tệp phải là một khối có các trường"),
    "duplicate key": (PLAN, "year: 2026\n", "year: 2026\nyear: 2025\n", "khóa 'year' lặp lại"),
    "duplicate id across files": ("data/agencies/thanh-hoa.yml", "- id: thanh-hoa-so-cong-thuong",
                                  "- id: son-la-so-cong-thuong", "mã 'son-la-so-cong-thuong' trùng"),
    "duplicate task number": (PLAN, '    number: "4"', '    number: "3"', "số thứ tự '3' lặp lại"),
    "missing field": (PLAN, "type: ke-hoach\n", "", "thiếu trường bắt buộc 'type'"),
    "wrong type": (PLAN, "year: 2026", "year: [2026]", "'year' phải là số nguyên"),
    "unknown field": (PLAN, "    coordinating:", "    cooordinating:", "có phải 'coordinating'?"),
    "unknown agency": (PLAN, "lead: [son-la-so-cong-thuong]", "lead: [son-la-so-cong-thuongg]",
                       "có phải 'son-la-so-cong-thuong'"),
    "unknown province": (PS, "provinces: [son-la, thanh-hoa]", "provinces: [son-la, thanh-hoá]",
                         "mã 'thanh-hoá' không hợp lệ"),
    "unknown partnership": (PLAN, "partnerships: [son-la-thanh-hoa]", "partnerships: [son-la-thanh-hao]",
                            "có phải 'son-la-thanh-hoa'"),
    "date that does not exist": (PS, "signed: 2024-12-20", "signed: 2024-02-31", "không có thật"),
    "unreadable timeframe": (PLAN, "timeframe: Quý II/2026", "timeframe: Quý hai/2026",
                             "không đọc được thời gian"),
    "span ending before it starts": (PLAN, 'period: "2026"', 'period: "2026-2024"',
                                     "năm kết thúc 2024 trước năm bắt đầu 2026"),
    "id that is not a slug": (PS, "- id: son-la-hung-yen", "- id: Son La", "mã 'Son La' không hợp lệ"),
    "id escaping the output": (PS, "- id: son-la-hung-yen", "- id: ../son-la", "mã '../son-la' không hợp lệ"),
    "text not in NFC": (PLAN, "timeframe: Năm 2026", "timeframe: Na\u0306m 2026", "chưa chuẩn hóa Unicode NFC"),
    "anchors and aliases": (PLAN, "year: 2026", "year: &y 2026\nx: *y", "anchor/alias"),
    "file too large": (AG, None, "# " + "x" * 1_000_100 + "\n", "tệp quá lớn"),
}


def broken_copy(tmp_path: Path, name: str) -> Path:
    path, old, new, _ = MISTAKES[name]
    shutil.copytree(ROOT / "data", tmp_path / "data")
    target = tmp_path / path
    if old is None:
        target.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize("name", MISTAKES)
def test_validate_names_file_and_line(tmp_path, capsys, name):
    data = broken_copy(tmp_path, name)
    assert main(["validate", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    path, _, _, fragment = MISTAKES[name]
    lines = [line for line in err.splitlines() if fragment in line]
    assert lines, err
    assert re.search(re.escape(Path(path).name) + r":\d+(:\d+)?: ", lines[0]), lines[0]


@pytest.mark.parametrize("name", ["unclosed quote", "duplicate key", "unknown agency", "not utf-8"])
def test_mkdocs_build_refuses_with_the_same_message(tmp_path, name):
    data = broken_copy(tmp_path, name)
    result = mkdocs_build(tmp_path / "site", {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert MISTAKES[name][3] in result.stderr
    assert not (tmp_path / "site/index.html").exists()
