"""Mistakes an editor can make, each on a copy of the real data, with the message it must give."""
import shutil
from pathlib import Path

import pytest

from generator.assemble import collect_problems

ROOT = Path(__file__).resolve().parents[2]
PLAN = "data/plans/son-la-thanh-hoa-2026.yml"


def broken(tmp_path: Path, path: str, old: str, new: str, count: int = 1) -> list[str]:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    target = tmp_path / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return [str(p) for p in collect_problems(tmp_path / "data", tmp_path)]


def line_of(path: str, needle: str) -> int:
    for n, line in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_real_data_has_no_problems():
    assert collect_problems(ROOT / "data", ROOT) == []


def test_unknown_agency_suggests_the_closest(tmp_path):
    problems = broken(tmp_path, PLAN, "lead: [son-la-so-cong-thuong]", "lead: [son-la-so-cong-thuonng]")
    line = line_of(PLAN, "lead: [son-la-so-cong-thuong]")
    assert problems[0] == (f"{PLAN}:{line}:16: không có cơ quan mã 'son-la-so-cong-thuonng' "
                           "(có phải 'son-la-so-cong-thuong', 'thanh-hoa-so-cong-thuong', "
                           "'hung-yen-so-cong-thuong'?)")


def test_unknown_field_suggests_the_right_name(tmp_path):
    problems = broken(tmp_path, PLAN, "    coordinating:", "    cooordinating:")
    assert any("trường lạ 'cooordinating' (có phải 'coordinating'?" in p for p in problems)


def test_missing_required_field(tmp_path):
    problems = broken(tmp_path, PLAN, "  - id: \"7\"\n", "  - \n")
    assert any("thiếu trường bắt buộc 'id'" in p for p in problems), problems


def test_wrong_type(tmp_path):
    problems = broken(tmp_path, PLAN, "year: 2026", "year: năm 2026")
    assert problems == [f"{PLAN}:{line_of(PLAN, 'year: 2026')}:7: 'year' phải là số nguyên, "
                        "đang là 'năm 2026' (ví dụ 2026)"]


def test_date_that_does_not_exist(tmp_path):
    problems = broken(tmp_path, "data/partnerships.yml", "signed: 2024-12-20", "signed: 2024-02-31")
    assert problems == [f"data/partnerships.yml:{line_of('data/partnerships.yml', '2024-12-20')}:15: "
                        "ngày '2024-02-31' không có thật hoặc sai dạng (YYYY-MM-DD, ví dụ 2024-12-20)"]


def test_unreadable_timeframe(tmp_path):
    problems = broken(tmp_path, PLAN, 'timeframe: Quý II/2026\n', 'timeframe: Quý II đến 2026\n')
    assert len(problems) == 1 and "không đọc được thời gian 'Quý II đến 2026'" in problems[0]
    assert problems[0].startswith(f"{PLAN}:{line_of(PLAN, 'Quý II/2026')}:")


def test_span_ending_before_it_starts(tmp_path):
    problems = broken(tmp_path, PLAN, 'period: "2026"', 'period: "2026-2025"')
    assert "năm kết thúc 2025 trước năm bắt đầu 2026" in problems[0]


@pytest.mark.parametrize("bad", ["Son-La", "../x", "son_la", "sơn-la", "a--b"])
def test_ids_must_be_slugs(tmp_path, bad):
    problems = broken(tmp_path, "data/partnerships.yml", "- id: son-la-thanh-hoa", f"- id: {bad}")
    assert any(f"mã '{bad}' không hợp lệ" in p for p in problems), problems


def test_duplicate_id_across_files(tmp_path):
    problems = broken(tmp_path, "data/agencies/thanh-hoa.yml", "- id: thanh-hoa-so-cong-thuong",
                      "- id: son-la-so-cong-thuong")
    assert any("mã 'son-la-so-cong-thuong' trùng (đã dùng ở data/agencies/son-la.yml:" in p
               for p in problems), problems


def test_duplicate_task_number_in_a_section(tmp_path):
    problems = broken(tmp_path, PLAN, '    number: "4"', '    number: "3"')
    assert any("số thứ tự '3' lặp lại trong mục" in p for p in problems), problems


def test_duplicate_task_id_in_a_plan(tmp_path):
    problems = broken(tmp_path, PLAN, '  - id: "4"', '  - id: "3"')
    assert any("mã nhiệm vụ '3' trùng" in p for p in problems), problems


def test_plan_id_must_match_file_name(tmp_path):
    problems = broken(tmp_path, PLAN, "id: son-la-thanh-hoa-2026", "id: son-la-thanh-hoa")
    assert any("khác tên tệp 'son-la-thanh-hoa-2026.yml'" in p for p in problems), problems


def test_not_nfc_text(tmp_path):
    problems = broken(tmp_path, PLAN, "Năm 2026", "Na\u0306m 2026")
    assert any("chưa chuẩn hóa Unicode NFC" in p for p in problems), problems


def test_not_a_mapping(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / PLAN).write_text("- a\n- b\n", encoding="utf-8")
    problems = [str(p) for p in collect_problems(tmp_path / "data", tmp_path)]
    assert f"{PLAN}:1:1: tệp phải là một khối có các trường (một Plan bắt đầu bằng 'id: …')" in problems


def test_every_problem_is_reported_at_once(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / PLAN
    text = plan.read_text(encoding="utf-8").replace("year: 2026", "year: x")
    text = text.replace("lead: [son-la-so-cong-thuong]", "lead: [nope]")
    plan.write_text(text, encoding="utf-8")
    (tmp_path / "data/agencies/central.yml").write_text("- id: a\n  id: b\n", encoding="utf-8")
    problems = [str(p) for p in collect_problems(tmp_path / "data", tmp_path)]
    assert any("'year'" in p for p in problems) and any("'nope'" in p for p in problems)
    assert any("khóa 'id' lặp lại" in p for p in problems)


def test_normalize_fixes_decomposed_text_and_keeps_everything_else(tmp_path):
    from generator.normalize import normalize_files
    shutil.copytree(ROOT / "data", tmp_path / "data")
    target = tmp_path / PLAN
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("Năm 2026", "Na\u0306m 2026"), encoding="utf-8")
    assert collect_problems(tmp_path / "data", tmp_path)
    assert normalize_files(tmp_path / "data") == [target]
    assert target.read_text(encoding="utf-8") == original  # comments, order, quoting kept
    assert collect_problems(tmp_path / "data", tmp_path) == []
