"""Progress reports are optional data: shown when present, "Chưa có báo cáo" otherwise.

The source documents contain no reports; the test dataset (tests/fixtures/data-small) has four,
on three tasks of son-la-kiem-thu-2026: i-1 (two, written out of date order), i-2, i-y3.
"""
from pathlib import Path

from tests.smalldata import PLAN, copy_small, edit, line_of

KH = "ke-hoach/son-la-kiem-thu-2026"


def test_reports_are_shown_newest_first(small_built_site: Path):
    task = (small_built_site / f"{KH}/i-1/index.html").read_text("utf-8")
    assert "Hoàn thành (30/09/2026)" in task                      # the latest status
    assert task.index("30/09/2026 — Hoàn thành") < task.index("30/06/2026 — Đang triển khai")
    assert "Báo cáo kiểm thử số 1" in task and "Báo cáo kiểm thử số 2" in task  # their sources
    assert "Tổ chức xong tuần hàng." in task                      # the note
    assert "Chưa có báo cáo" not in task
    late = (small_built_site / f"{KH}/i-2/index.html").read_text("utf-8")
    assert "Chậm (01/10/2026)" in late and "Báo cáo kiểm thử số 3" in late
    unreported = (small_built_site / f"{KH}/ii-2-1/index.html").read_text("utf-8")
    assert "Chưa có báo cáo" in unreported


def test_reports_are_rolled_up_on_plan_and_agency_pages(small_built_site: Path):
    plan = (small_built_site / f"{KH}/index.html").read_text("utf-8")
    assert ("Tình hình thực hiện: Chưa triển khai 1; Hoàn thành 1; Chậm 1; "
            "chưa có báo cáo 9/12 nhiệm vụ.") in plan
    agency = (small_built_site / "co-quan/son-la-so-cong-thuong/index.html").read_text("utf-8")
    # it leads i-1 and i-y3 (stated once for section I) and ii-1-1
    assert "Tình hình thực hiện: Chưa triển khai 1; Hoàn thành 1; chưa có báo cáo 1/3 nhiệm vụ." in agency


def test_a_report_needs_a_date_status_and_source(tmp_path):
    from generator.model.read import collect_problems
    data = copy_small(tmp_path)
    edit(data, PLAN, "          - date: 2026-10-01\n            status: cham\n"
                     "            source: Báo cáo kiểm thử số 3\n",
         "          - date: 2026-06-31\n            status: xong\n")
    problems = [str(p) for p in collect_problems(data, tmp_path)]
    at = f"data/{PLAN}:{line_of(PLAN, '2026-06-31', data)}"
    assert problems == [
        f"{at}:13: thiếu trường bắt buộc 'source' (văn bản báo cáo)",
        f"{at}:19: ngày '2026-06-31' không có thật hoặc sai dạng (YYYY-MM-DD, ví dụ 2024-12-20)",
        f"data/{PLAN}:{line_of(PLAN, 'status: xong', data)}:21: 'status' = 'xong' không hợp lệ "
        "(một trong: chua-trien-khai, dang-trien-khai, hoan-thanh, cham)"]
