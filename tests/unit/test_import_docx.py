"""Word files made here with python-docx (nothing downloaded): plans of data/ written as a
document with its task table — section rows merged across the table, the table broken over
two pages with its header repeated and a row continued — import back to the same tasks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.importer import ImportFailure, import_file
from .test_import_roundtrip import built_plans, differences

HEADERS = {
    "STT": "number",
    "Nội dung": "content",
    "Hình thức": "form",
    "Cơ quan chủ trì": "lead_text",
    "Cơ quan phối hợp": "coordinating_text",
    "Thời gian thực hiện": "timeframe",
}


def _rows(sections, columns):
    for sec in sections:
        yield ("section", [sec.number or "", sec.title or ""] + [""] * (len(columns) - 2))
        for t in sec.tasks:
            values = {
                "number": t.number or "",
                "content": t.content,
                "form": t.form or "",
                "lead_text": t.lead_text or "",
                "coordinating_text": t.coordinating_text or "",
                "timeframe": t.timeframe.text or "",
            }
            yield ("task", [values[HEADERS[c]] for c in columns])
        yield from _rows(sec.sections, columns)


def _fill(cell, text):
    parts = [p for p in text.split("\n") if p.strip()]
    cell.text = parts[0] if parts else ""
    for part in parts[1:]:
        cell.add_paragraph(part)


def _table(document, columns, rows):
    table = document.add_table(rows=0, cols=len(columns))
    head = table.add_row()
    for cell, name in zip(head.cells, columns):
        cell.text = name
    for kind, values in rows:
        row = table.add_row()
        if kind == "section":
            row.cells[0].text = values[0]
            merged = row.cells[1].merge(row.cells[-1])  # one cell across the row
            merged.text = values[1]
            continue
        for cell, value in zip(row.cells, values):
            _fill(cell, value)
    return table


def write_docx(plan, path: Path, columns: list[str], split_at: int | None = None) -> None:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(plan.title or "")
    if plan.signer:
        for line in [*plan.signer.formula, plan.signer.position, plan.signer.name]:
            document.add_paragraph(line)
    document.add_paragraph("PHỤ LỤC")
    rows = list(_rows(plan.sections, columns))
    if plan.sections[0].number is None:  # a table without section rows
        rows = [r for r in rows if r[0] == "task"]
    if split_at is None:
        _table(document, columns, rows)
    else:  # a page break inside row `split_at`
        kind, values = rows[split_at]
        words = values[1].split(" ")
        first = values[:1] + [" ".join(words[: len(words) // 2])] + values[2:]
        rest = [""] + [" ".join(words[len(words) // 2 :])] + [""] * (len(columns) - 2)
        _table(document, columns, rows[:split_at] + [(kind, first)])
        document.add_paragraph("")
        _table(document, columns, [("task", rest)] + rows[split_at + 1 :])
    document.save(path)


@pytest.mark.parametrize(
    "plan_id, columns, split_at",
    [
        (
            "son-la-thanh-hoa-2026",
            ["STT", "Nội dung", "Hình thức", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
            6,
        ),
        (
            "son-la-hung-yen-2022-2025",
            ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
            20,
        ),
    ],
)
def test_data_to_docx_and_back(plan_id, columns, split_at, catalog, tmp_path):
    published = catalog.plans[plan_id]
    path = tmp_path / f"{plan_id}.docx"
    write_docx(published, path, columns, split_at)
    _, plans = built_plans(path, plan_id, catalog)
    assert len(plans) == 1 and len(plans[0].tasks) == len(published.tasks)
    found = [d for d in differences(plans[0], published) if d[1] not in {"number", "issued"} or "/" in d[0]]
    assert found == [], "\n".join(" ".join(d) for d in found)


def test_a_hand_shaped_docx(catalog, tmp_path):
    """Body paragraphs with numbered headings and items, then a table whose section row is
    merged across and whose header Word repeats on the next page."""
    document = docx.Document()
    for text in [
        "ỦY BAN NHÂN DÂN",
        "TỈNH SƠN LA",
        "Số: 12 /KH-UBND",
        "Sơn La, ngày 3 tháng 2 năm 2027",
        "KẾ HOẠCH",
        "Hợp tác thử nghiệm năm 2027 (tài liệu thử, hư cấu)",
        "I. NHIỆM VỤ",
        "1. Các hoạt động thường xuyên:",
        "- Trao đổi thông tin giữa hai tỉnh (Sở Công Thương chủ trì).",
        "PHỤ LỤC",
    ]:
        document.add_paragraph(text)
    columns = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    _table(
        document,
        columns,
        [
            ("section", ["A", "NHIỆM VỤ CHUNG", "", "", ""]),
            ("task", ["1", "Khảo sát vùng nguyên liệu.", "Sở Tài chính", "", "Quý I/2027"]),
        ],
    )
    _table(
        document, columns, [("task", ["2", "Tổng kết.", "Sở Công Thương", "UBND các xã, phường", "Tháng 12"])]
    )
    path = tmp_path / "tay.docx"
    document.save(path)
    draft = import_file(path, "son-la-thu-docx-2027", catalog)
    plan = draft.plans[0]
    assert (plan["number"], str(plan["issued"]), plan["issuer"]) == (
        "12/KH-UBND",
        "2027-02-03",
        "son-la-ubnd",
    )
    body, annex = plan["sections"]
    assert body["sections"][0]["timeframe"] == "Thường xuyên"
    assert body["sections"][0]["tasks"][0]["lead"] == ["son-la-so-cong-thuong"]
    assert annex["number"] == "A" and [t["id"] for t in annex["tasks"]] == ["a-1", "a-2"]
    assert annex["tasks"][1]["coordinating_collective"] == ["UBND các xã, phường"]


def test_a_docx_that_is_not_a_zip(catalog, tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK not really")
    with pytest.raises(ImportFailure, match="hong.docx"):
        import_file(path, "x", catalog)


def test_word_automatic_numbering_is_flagged(catalog, tmp_path):
    """A numbered list of Word keeps its numbers outside the text: the draft says so."""
    document = docx.Document()
    for text in ["KẾ HOẠCH", "Thử số tự động (hư cấu)", "I. NHIỆM VỤ", "- Trao đổi thông tin."]:
        document.add_paragraph(text)
    document.add_paragraph("Tổ chức hội nghị.", style="List Number")
    path = tmp_path / "so-tu-dong.docx"
    document.save(path)
    draft = import_file(path, "son-la-so-tu-dong-2027", catalog)
    assert any("tự động của Word" in n and "Tổ chức hội nghị" in n for n in draft.review)
    assert "tự động của Word" in draft.plans[0].notes[0].text
