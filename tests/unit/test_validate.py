"""Mistakes an editor can make, each on a one-change copy of the test dataset
(tests/fixtures/data-small), with the message it must give, at the right file, line and column."""

from pathlib import Path

import pytest

from generator.model.read import collect_problems
from tests.smalldata import PLAN, ROOT, SMALL, copy_small, edit, line_of

P = f"data/{PLAN}"


def broken(tmp_path: Path, rel: str, old: str, new: str, count: int = 1) -> list[str]:
    data = copy_small(tmp_path)
    edit(data, rel, old, new, count)
    return [str(p) for p in collect_problems(data, tmp_path)]


def where(tmp_path: Path, rel: str, line_needle: str, value: str | None = None) -> str:
    """'data/<rel>:<line>:<column>' in the broken copy: the first line holding line_needle, the
    column where value (default: line_needle) starts on it."""
    data = tmp_path / "data"
    line = line_of(rel, line_needle, data)
    text = (data / rel).read_text(encoding="utf-8").splitlines()[line - 1]
    return f"data/{rel}:{line}:{text.index(value or line_needle) + 1}"


def test_real_data_has_no_problems():
    assert collect_problems(ROOT / "data", ROOT) == []


def test_test_dataset_has_no_problems():
    assert collect_problems(SMALL, ROOT) == []


def test_unknown_agency_suggests_the_closest(tmp_path):
    problems = broken(tmp_path, PLAN, "lead: [son-la-so-cong-thuong]", "lead: [son-la-so-cong-thuonng]")
    assert problems == [
        f"{where(tmp_path, PLAN, 'son-la-so-cong-thuonng')}: không có cơ quan mã "
        "'son-la-so-cong-thuonng' (có phải 'son-la-so-cong-thuong', "
        "'thanh-hoa-so-cong-thuong', 'bo-cong-thuong'?)"
    ]


def test_unknown_field_suggests_the_right_name(tmp_path):
    problems = broken(tmp_path, PLAN, "        coordinating:", "        cooordinating:")
    assert len(problems) == 1
    assert problems[0].startswith(
        f"{where(tmp_path, PLAN, 'cooordinating:')}: trường lạ 'cooordinating' (có phải 'coordinating'?"
    )


def test_missing_required_field(tmp_path):
    problems = broken(tmp_path, PLAN, "      - id: i-2\n", "      -\n")
    line = line_of(PLAN, 'number: "2"', tmp_path / "data")
    assert f"{P}:{line}:9: thiếu trường bắt buộc 'id' (mã nhiệm vụ, duy nhất trong kế hoạch)" in problems, (
        problems
    )


def test_wrong_type(tmp_path):
    problems = broken(tmp_path, PLAN, "year: 2026", "year: năm 2026")
    assert problems == [
        f"{where(tmp_path, PLAN, 'year: năm 2026', 'năm')}: 'year' phải là số nguyên, "
        "đang là 'năm 2026' (ví dụ 2026)"
    ]


def test_date_that_does_not_exist(tmp_path):
    problems = broken(tmp_path, "partnerships.yml", "signed: 2024-12-20", "signed: 2024-02-31")
    assert problems == [
        f"{where(tmp_path, 'partnerships.yml', '2024-02-31')}: "
        "ngày '2024-02-31' không có thật hoặc sai dạng (YYYY-MM-DD, ví dụ 2024-12-20)"
    ]


@pytest.mark.parametrize(
    "printed",
    ["Hằng năm", "Định kỳ 6 tháng", "Quý II đến 2026", "Theo quy định tại Điều 5 Nghị định số 30/2020/NĐ-CP"],
)
def test_every_timeframe_an_official_writes_is_accepted(tmp_path, printed):
    assert broken(tmp_path, PLAN, "timeframe: Quý II/2026\n", f"timeframe: {printed}\n") == []


def test_a_section_timeframe_no_rule_reads_is_accepted(tmp_path):
    assert broken(tmp_path, PLAN, "timeframe: Cả năm", "timeframe: Cả năm sau") == []


def test_period_ending_before_it_starts(tmp_path):
    problems = broken(tmp_path, PLAN, 'period: "2026"', 'period: "2026-2025"')
    at = where(tmp_path, PLAN, "2026-2025", '"')
    assert problems == [
        f"{at}: giai đoạn '2026-2025': năm kết thúc 2025 trước năm bắt đầu 2026 "
        "(" + problems[0].split(" (", 1)[1]
    ]


@pytest.mark.parametrize("bad", ["Son-La", "../x", "son_la", "sơn-la", "a--b"])
def test_ids_must_be_slugs(tmp_path, bad):
    problems = broken(tmp_path, "partnerships.yml", "- id: son-la-thanh-hoa", f"- id: {bad}")
    assert any(
        p.startswith(f"{where(tmp_path, 'partnerships.yml', bad)}: mã '{bad}' không hợp lệ") for p in problems
    ), problems


def test_duplicate_id_across_files(tmp_path):
    problems = broken(
        tmp_path, "agencies/thanh-hoa.yml", "- id: thanh-hoa-so-cong-thuong", "- id: son-la-so-cong-thuong"
    )
    first = f"data/agencies/son-la.yml:{line_of('agencies/son-la.yml', '- id: son-la-so-cong-thuong')}:7"
    dup = where(tmp_path, "agencies/thanh-hoa.yml", "son-la-so-cong-thuong")
    assert (
        f"{dup}: mã 'son-la-so-cong-thuong' trùng (đã dùng ở {first}) (mỗi bản ghi một mã riêng)" in problems
    ), problems


def test_duplicate_task_number_in_a_section(tmp_path):
    problems = broken(tmp_path, PLAN, 'number: "1.2"', 'number: "1.1"')
    lines = [
        n
        for n, text in enumerate((tmp_path / "data" / PLAN).read_text("utf-8").splitlines(), 1)
        if 'number: "1.1"' in text
    ]
    assert problems == [
        f"{P}:{lines[1]}:21: số thứ tự '1.1' lặp lại trong mục '1 Thương mại' "
        f"(đã có ở dòng {lines[0]}) (mỗi nhiệm vụ trong một mục một số riêng)"
    ]


def test_duplicate_task_id_in_a_plan(tmp_path):
    problems = broken(tmp_path, PLAN, "id: ii-1-2", "id: ii-1-1")
    first, second = line_of(PLAN, "id: ii-1-1"), line_of(PLAN, "id: ii-1-2")
    assert problems == [
        f"{P}:{second}:17: mã nhiệm vụ 'ii-1-1' trùng (đã có ở dòng {first}) "
        "(mỗi nhiệm vụ trong kế hoạch một mã riêng)"
    ]


def test_plan_id_must_match_file_name(tmp_path):
    problems = broken(tmp_path, PLAN, "id: son-la-kiem-thu-2026", "id: son-la-kiem-thu")
    assert (
        f"{where(tmp_path, PLAN, 'id: son-la-kiem-thu', 'son')}: mã 'son-la-kiem-thu' khác tên "
        "tệp 'son-la-kiem-thu-2026.yml' (đặt tên tệp là son-la-kiem-thu.yml hoặc sửa mã)" in problems
    )


def test_not_nfc_text(tmp_path):
    problems = broken(tmp_path, PLAN, "timeframe: Năm 2027", "timeframe: Na\u0306m 2027")
    assert len(problems) == 1
    decomposed = "Na\u0306m 2027"
    assert problems[0].startswith(f"{where(tmp_path, PLAN, decomposed)}: chữ chưa chuẩn hóa Unicode NFC")


def test_not_a_mapping(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, None, "- a\n- b\n")
    problems = [str(p) for p in collect_problems(data, tmp_path)]
    assert f"{P}:1:1: tệp phải là một khối có các trường (một Plan bắt đầu bằng 'id: …')" in problems


def test_every_problem_is_reported_at_once(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "year: 2026", "year: x")
    edit(data, "partnerships.yml", "signed: 2024-12-20", "signed: 2024-02-31")
    edit(data, "agencies/central.yml", None, "- id: a\n  id: b\n")
    problems = [str(p) for p in collect_problems(data, tmp_path)]
    assert any(p.startswith(f"{P}:{line_of(PLAN, 'year: x', data)}:7: 'year'") for p in problems)
    assert any(p.startswith("data/partnerships.yml:") and "'2024-02-31'" in p for p in problems)
    assert any(p.startswith("data/agencies/central.yml:2:3: khóa 'id' lặp lại") for p in problems), problems


def test_normalize_fixes_decomposed_text_and_keeps_everything_else(tmp_path):
    from generator.model.normalize import normalize_files

    data = copy_small(tmp_path)
    original = (data / PLAN).read_text(encoding="utf-8")
    edit(data, PLAN, "Năm 2027", "Na\u0306m 2027")
    assert collect_problems(data, tmp_path)
    assert normalize_files(data) == [data / PLAN]
    assert (data / PLAN).read_text(encoding="utf-8") == original  # comments, order, quoting kept
    assert collect_problems(data, tmp_path) == []
