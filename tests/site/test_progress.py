"""Progress reports are optional data: shown when present, "Chưa có báo cáo" otherwise.

The source documents contain no reports, so this uses a fixture: a copy of the real data with
reports added to two tasks. Nothing here is published.
"""
import shutil
from pathlib import Path

from tests.conftest import ROOT, mkdocs_build

PLAN = "plans/son-la-thanh-hoa-2026.yml"
REPORTS = '''        updates:
          - date: 2026-06-30
            status: dang-trien-khai
            note: Đã liên hệ Sở Công Thương tỉnh Thanh Hóa.
            source: Báo cáo thử nghiệm số 1 (dữ liệu kiểm thử)
          - date: 2026-09-30
            status: hoan-thanh
            note: Tổ chức xong tuần nông sản.
            source: Báo cáo thử nghiệm số 2 (dữ liệu kiểm thử)
'''


def test_reports_are_shown_and_rolled_up(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / "data" / PLAN
    text = plan.read_text(encoding="utf-8")
    anchor = '      - id: "10"\n'
    assert anchor in text
    text = text.replace(anchor, REPORTS + anchor, 1)  # the reports belong to task 9
    late = '''        updates:
          - date: 2026-10-01
            status: cham
            source: Báo cáo thử nghiệm số 3 (dữ liệu kiểm thử)
'''
    text = text.replace('      - id: "11"\n', late + '      - id: "11"\n', 1)  # task 10
    plan.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, {"PORTAL_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr

    task9 = (site / "ke-hoach/son-la-thanh-hoa-2026/9/index.html").read_text("utf-8")
    assert "Hoàn thành (30/09/2026)" in task9                    # latest status
    assert task9.index("30/09/2026 — Hoàn thành") < task9.index("30/06/2026 — Đang triển khai")
    assert "Báo cáo thử nghiệm số 1" in task9                   # its source
    task1 = (site / "ke-hoach/son-la-thanh-hoa-2026/1/index.html").read_text("utf-8")
    assert "Chưa có báo cáo" in task1
    plan_page = (site / "ke-hoach/son-la-thanh-hoa-2026/index.html").read_text("utf-8")
    assert "Tình hình thực hiện: Hoàn thành 1; Chậm 1; chưa có báo cáo 12/14 nhiệm vụ." in plan_page
    agency = (site / "co-quan/son-la-ttxt/index.html").read_text("utf-8")
    assert "Hoàn thành 1; Chậm 1;" in agency


def test_a_report_needs_a_date_status_and_source(tmp_path):
    from generator.assemble import collect_problems
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / "data" / PLAN
    text = plan.read_text(encoding="utf-8").replace(
        '      - id: "10"\n', '        updates:\n          - date: 2026-06-31\n            status: xong\n'
        '      - id: "10"\n', 1)
    plan.write_text(text, encoding="utf-8")
    problems = [str(p) for p in collect_problems(tmp_path / "data", tmp_path)]
    assert any("ngày '2026-06-31' không có thật" in p for p in problems)
    assert any("'status' = 'xong' không hợp lệ" in p for p in problems)
    assert any("thiếu trường bắt buộc 'source'" in p for p in problems)
