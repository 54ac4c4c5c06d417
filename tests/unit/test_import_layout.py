"""A PDF's text as `pdftotext -layout` writes it (tables laid out with spaces, a form feed a
page, the header repeated, a row broken over a page) imports as the PDF itself does."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer import import_file
from generator.importer.tables import build_tree, table_rows
from generator.importer.textfile import read_text
from generator.importer.typedtree import notes_of
from tests.conftest import draft_tasks

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/import"
LAYOUTS = sorted(p.stem for p in (FIXTURES / "layout").glob("*.txt"))

# Tasks whose text the layout does not let the reader place for sure: two columns written
# with one space between them or none, where pdftotext moved the words of one column toward
# the other ('thao và Du thanh,' = 'Sở Văn hóa, Thể thao và Du lịch' | 'Báo và Phát thanh').
# Each is a review line of the draft; any other task must be the PDF's, field for field.
KNOWN = {
    "lao-cai.chromium": {"1.1", "1.2"},
    "lao-cai.libreoffice": {"1.1", "1.2"},
    "son-la-hung-yen-2022-2025.libreoffice": {"2.4", "6.2"},
}


def _sections(sections):
    for sec in sections:
        yield sec["number"], " ".join((sec["title"] or "").split())
        yield from _sections(sec["sections"])


def _facts(task: dict) -> dict:
    """Every field of a task, its whitespace collapsed (a cell's lines join either way)."""

    def norm(v):
        return (
            " ".join(v.split()) if isinstance(v, str) else [norm(x) for x in v] if isinstance(v, list) else v
        )

    return {k: norm(v) for k, v in task.items() if not k.startswith("_")}


@pytest.mark.parametrize("name", LAYOUTS)
def test_a_layout_text_gives_the_tasks_of_its_pdf(name, catalog):
    plan_id = name.split(".")[0] if name.startswith("son-la") else "thu-nghiem-2026"
    pdf = import_file(FIXTURES / "pdf" / f"{name}.pdf", plan_id, catalog)
    text = import_file(FIXTURES / "layout" / f"{name}.txt", plan_id, catalog)
    want, got = pdf.plans[0], text.plans[0]
    for key in ("number", "issued", "place", "issuer", "title", "legal_bases"):
        assert got[key] == want[key], key
    assert list(_sections(got["sections"])) == list(_sections(want["sections"]))
    want_tasks, got_tasks = list(draft_tasks(want["sections"])), list(draft_tasks(got["sections"]))
    assert [t["number"] for t in got_tasks] == [t["number"] for t in want_tasks]
    differ = {w["number"] for w, g in zip(want_tasks, got_tasks) if _facts(w) != _facts(g)}
    assert differ == KNOWN.get(name, set())
    if differ:  # what the reader could not place is there for the reviewer
        assert any("hai cột không cách nhau" in line and f"{name}.txt:" in line for line in text.review)


SMALL = """II. NHIỆM VỤ

STT   Nội dung               Cơ quan chủ trì   Thời gian
(1)   (2)                    (3)               (4)
1     Rà soát quy hoạch      Sở Xây dựng       Quý I/2027
      giao thông
2     Tổ chức hội nghị       Sở Công           Năm 2027
      xúc tiến đầu tư        Thương
\fSTT     Nội dung               Cơ quan chủ trì    Thời gian
        giữa hai tỉnh
3       Báo cáo kết quả        Sở Tài chính       Tháng 12/2027

III. TỔ CHỨC THỰC HIỆN
"""


def test_a_small_spaced_table_over_two_pages():
    doc = read_text(SMALL, "nho.txt")
    rows, fields, count = [], None, {}
    for table in doc.tables():
        rows, fields = table_rows(table, "nho.txt", rows, fields, count)
    assert [(r["number"], r["content"], r["lead_text"], r["timeframe"]) for r in rows] == [
        ("1", "Rà soát quy hoạch giao thông", "Sở Xây dựng", "Quý I/2027"),
        ("2", "Tổ chức hội nghị xúc tiến đầu tư giữa hai tỉnh", "Sở Công Thương", "Năm 2027"),
        ("3", "Báo cáo kết quả", "Sở Tài chính", "Tháng 12/2027"),
    ]
    assert count == {"header": 3, "merged": 1}  # header, '(1) (2) …', the repeated header
    assert rows[1]["_joined"]  # the row joined over the page is listed once
    review = [n.text for n in notes_of(build_tree(rows, None)[0])]
    assert [m for m in review if m.startswith("1 hàng nối") and "2 Tổ chức hội nghị" in m]
    assert doc.tables()[1].line == 9  # lines numbered as the file numbers them
    assert [p.text for p in doc.paragraphs()] == ["II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"]


def test_a_form_feed_starts_a_page_but_never_glues_words_or_shifts_line_numbers():
    doc = read_text("Mục một\fđoạn hai\n\fđoạn ba.\n\nĐoạn bốn.\n", "x.txt")
    assert [(b.line, b.text) for b in doc.blocks] == [(1, "Mục một đoạn hai đoạn ba."), (4, "Đoạn bốn.")]
