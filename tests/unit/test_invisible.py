"""Issue 31, point 5 (and 8): text shows what it says. Bidi controls, zero-width and other
invisible characters, and noncharacters are refused in every value, key and comment of a data
file and in the transcripts of data/sources/, at file:line:column; names are compared without
them, so a look-alike duplicate agency is refused too. Through `python -m generator validate`."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.model.read import collect_problems
from generator.untrusted_text import INVISIBLE
from tests.smalldata import PLAN, ROOT, copy_small, edit, line_of
from tests.unit.test_untrusted import refused, validate

P = f"data/{PLAN}"
TITLE = 'title: "Thực hiện Biên bản ghi nhớ kiểm thử giữa tỉnh Sơn La và tỉnh Thanh Hóa năm 2026"'


@pytest.mark.parametrize(
    "ch",
    [
        "\u202e",
        "\u202c",
        "\u2066",
        "\u2069",
        "\u200e",
        "\u061c",  # bidi
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u00ad",  # zero-width, soft hyphen
        "\U000e0041",
        "\u2064",  # tag letter, invisible plus
        "\u034f",
        "\u3164",
        "\ufe0f",
        "\u2800",
        "\u180e",  # drawn as nothing
        "\ufffe",
        "\U0001fffe",
        "\ufdd0",  # noncharacters
    ],
)
def test_an_invisible_character_in_a_value_is_refused_at_its_line_and_column(tmp_path, ch):
    data = copy_small(tmp_path)
    edit(data, PLAN, TITLE, f'title: "Hạn chót {ch}6202/21/13"')
    line = line_of(PLAN, "title: ", data)
    problems = [str(p) for p in collect_problems(data, tmp_path)]  # in-process: 22 cases
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{P}:{line}:18: có ký tự vô hình U+{ord(ch):04X} ("), problems


def test_an_escaped_invisible_character_is_refused_at_its_value(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, TITLE, 'title: "Hạn chót \\u202e6202/21/13\\u202c"')
    line = line_of(PLAN, "title: ", data)
    assert refused(data) == [
        f"{P}:{line}:8: có ký tự vô hình U+202E (RIGHT-TO-LEFT OVERRIDE) "
        "(xóa ký tự này (thường dính vào khi chép từ web hoặc PDF); dữ liệu chỉ "
        "giữ chữ người đọc thấy)"
    ]


def test_a_bidi_control_in_a_comment_or_a_key_is_refused(tmp_path):
    """Trojan source: a comment that reads one way and hides another, unseen in review."""
    data = copy_small(tmp_path)
    edit(
        data,
        "agencies/son-la.yml",
        "# Test data (tests/fixtures/data-small).",
        "# Test data \u2067‮ } ⁦if (admin)⁩ ⁦ begin\u2069",
    )
    edit(data, PLAN, "year: 2026", "year\u200b: 2026\nyear: 2026")
    problems = refused(data)
    line = line_of(PLAN, "year", data)
    assert [p.split(": ")[0] for p in problems] == [
        "data/agencies/son-la.yml:2:13",
        f"{P}:{line}:5",
        f"{P}:{line + 1}:1",
    ], problems
    assert "U+2067 (RIGHT-TO-LEFT ISOLATE)" in problems[0] and "U+200B (ZERO WIDTH SPACE)" in problems[1]
    assert "khóa 'year' lặp lại" in problems[2]  # read as a reader sees it: the same key twice


def test_one_problem_a_line_however_many_characters(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, TITLE, 'title: "a\u200b\u200b\u200bb"\n# \u202e\u202e')
    assert len(refused(data)) == 2


@pytest.mark.parametrize("zwsp", ["\u200b", "\\u200b"], ids=["typed", "escaped"])
def test_a_look_alike_duplicate_agency_is_refused(tmp_path, zwsp):
    """Two agencies whose names differ by a zero-width space only: one agency seen twice."""
    data = copy_small(tmp_path)
    with (data / "agencies" / "son-la.yml").open("a", encoding="utf-8") as f:
        f.write(
            f'\n- id: son-la-so-cong-thuong-2\n  name: "Sở Công{zwsp} Thương tỉnh Sơn La"\n'
            "  province: son-la\n"
        )
    problems = refused(data)
    assert any(": có ký tự vô hình U+200B" in p for p in problems)
    assert any("trùng với cơ quan 'son-la-so-cong-thuong' cùng tỉnh" in p for p in problems), problems


def test_an_invisible_character_in_a_source_transcript_is_refused(tmp_path):
    data = copy_small(tmp_path)
    (data / "sources").mkdir()
    (data / "sources" / "ban-chep.txt").write_text("KẾ HOẠCH\nHạn chót \u202e6202/21/13\n", encoding="utf-8")
    edit(data, PLAN, "  file: kiem-thu-000.txt", "  file: ban-chep.txt")
    assert [p.split(" (")[0] for p in refused(data)] == [
        "data/sources/ban-chep.txt:2:10: có ký tự vô hình U+202E"
    ]


def test_vietnamese_text_and_the_real_data_have_none():
    letters = (
        "".join(chr(c) for c in range(0x20, 0x250)) + "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệ"
        "ỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ–—‘’“”…№°•·"
    )
    assert INVISIBLE.findall(letters) == ["\u00ad"]  # the soft hyphen: printed as nothing
    assert INVISIBLE.findall(unicodedata.normalize("NFD", letters.replace("\u00ad", ""))) == []
    for file in sorted((ROOT / "data").rglob("*")):
        if file.is_file() and file.suffix in (".yml", ".txt", ".md"):
            assert not INVISIBLE.search(file.read_text(encoding="utf-8")), file
    assert validate(ROOT / "data").returncode == 0


def test_a_bom_at_the_start_of_a_file_is_still_accepted(tmp_path):
    data = copy_small(tmp_path)
    path: Path = data / "provinces.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(data).returncode == 0
