"""Task tables as officials print them: column names, repeated headers, group rows, merged
cells, and tables beside the task table that are no task list (excerpts of real documents in
tests/fixtures/import/real/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.blocks import Para, Table
from generator.importer.layout import is_task_table
from generator.importer.tables import build_tree, column_of, table_rows
from generator.importer.textfile import read_text
from generator.importer.typedtree import notes_of

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "real"


def _tasks(sections, path=()):
    for sec in sections:
        here = path + (" ".join(x for x in (sec["number"], sec["title"]) if x),)
        for task in sec["tasks"]:
            yield here, task
        yield from _tasks(sec["sections"], here)


def _tree(table: Table) -> list[dict]:
    rows, _ = table_rows(table, "x.txt")
    return build_tree(rows, "Phụ lục")


@pytest.mark.parametrize(
    "header, field",
    [
        ("Đơn vị thực hiện", "lead_text"),
        ("Chủ trì thực hiện", "lead_text"),
        ("Trách nhiệm thực hiện", "lead_text"),
        ("Cơ quan chủ trì[1]", "lead_text"),
        ("Cơ quan phối hợp", "coordinating_text"),
        ("Thời hạn hoàn thành", "timeframe"),
        ("Sản phẩm đầu ra", "product"),
        ("Chỉ tiêu đạt được", "product"),
        ("Nhiệm vụ, giải pháp", "content"),
        ("Tên dự án, nhiệm vụ", "content"),
        # beside the task, no field of the portal: kept in the note under the column's name
        ("Theo dõi, kiểm tra, đôn đốc", "note:"),
        ("Nguồn kinh phí", "note:"),
        ("Thuộc nhóm nhiệm vụ, hành động[1]", "note:"),
        ("Nguồn lực thực hiện[2]", "note:"),
    ],
)
def test_column_names_as_officials_write_them(header, field):
    assert column_of(header) == field


def test_a_table_with_a_header_repeated_under_each_section_and_sub_groups():
    """Đồng Nai's appendix: 'Đơn vị thực hiện' is the lead; the header repeated under a section
    without its STT is no task; '5.1 | ** ** | Thương mại | ** ** …' groups 5.1.x."""
    doc = read_text((REAL / "dongnai-phu-luc.txt").read_text(encoding="utf-8"), "dongnai.txt")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    tasks = list(_tasks(_tree(table)))
    assert [t["number"] for _, t in tasks] == ["1.1", "2.1", "1.1", "1.2", "5.1.1", "5.1.2"]
    assert [t["lead_text"] for _, t in tasks] == [
        "Sở Tư pháp",
        "Sở Khoa học và Công nghệ",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và Môi trường",
        "Sở Công Thương",
        "Sở Công Thương",
    ]
    assert all(t["timeframe"] == "2026 - 2030" and t["content"] for _, t in tasks)
    assert tasks[4][0][-1] == "5.1 Thương mại"
    assert tasks[0][0] == ("A PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ", "I Hoàn thiện thể chế")


def _ttg():
    return read_text((REAL / "ttg-phu-luc.txt").read_text(encoding="utf-8"), "ttg.txt")


def test_a_page_without_blank_lines_gives_its_grids_and_paragraphs():
    """thuvienphapluat: no blank line anywhere; the site's grid, the letterhead, the body, the
    signature, each annex heading and each table come apart."""
    doc = _ttg()
    grids = [b for b in doc.blocks if isinstance(b, Table)]
    texts = [b.text for b in doc.blocks if isinstance(b, Para)]
    assert ["Số: 2530/QĐ-TTg", "Hà Nội, ngày 19 tháng 11 năm 2025"] in [g.rows[-1] for g in grids]
    # the site's grid of varying width stays whole: a short label after a full row is a cell
    from generator.importer.sitetext import _grid

    lines = list(enumerate((REAL / "ttg-phu-luc.txt").read_text(encoding="utf-8").splitlines(), 1))
    site_grid, _ = _grid(lines, 0, run_together=True)
    assert ["Người ký:", "Trần Hồng Hà", "Ngày ban hành:", "19/11/2025"] in site_grid.rows
    assert "PHỤ LỤC I" in texts and "PHỤ LỤC II" in texts
    assert any(t.startswith("Điều 1. Phê duyệt “Kế hoạch") for t in texts)
    heads = [g.rows[0][0] for g in grids if is_task_table(g)]
    assert heads == ["STT", "STT"]


def test_merged_cells_give_one_task_a_row_that_takes_them_from_the_row_above():
    doc = _ttg()
    first, second = [b for b in doc.blocks if isinstance(b, Table) and is_task_table(b)]
    tasks = [t for _, t in _tasks(_tree(first))]
    assert len(tasks) == 11
    # A.1 and its four rows printing only Nội dung / Chỉ tiêu / Thời hạn
    assert [t["number"] for t in tasks[:5]] == ["1"] * 5
    assert {t["lead_text"] for t in tasks[:5]} == {"Bộ Nông nghiệp và Môi trường"}
    assert len({t["coordinating_text"] for t in tasks[:5]}) == 1
    assert tasks[1]["content"].startswith("- Rà soát, cập nhật các hướng dẫn kỹ thuật")
    assert tasks[1]["timeframe"].startswith("Giai đoạn 2026 - 2027")
    assert "Thuộc nhóm nhiệm vụ, hành động: Hoàn thiện hệ thống" in tasks[0]["note"]
    # D.: no STT printed; its rows take the lead of its first row
    assert [t["number"] for t in tasks[5:8]] == [None] * 3
    assert {t["lead_text"] for t in tasks[5:8]} == {"Bộ Khoa học và Công nghệ"}
    # G.: a row printing its own coordinating agencies, its lead merged with the row above
    assert tasks[9]["lead_text"] == "Bộ Giáo dục và Đào tạo"
    assert tasks[9]["coordinating_text"] == "Các bộ, ngành liên quan"
    assert tasks[9]["content"].startswith("- Nghiên cứu việc xây dựng chương trình đào tạo")
    two = [t for _, t in _tasks(_tree(second))]
    assert two[0]["lead_text"] == "Bộ Nông nghiệp và Môi trường"  # 'Cơ quan chủ trì[1]'
    assert two[0]["content"].startswith("Xây dựng, nâng cấp và vận hành Hệ thống")
    assert "Nội dung chính: - Xây dựng trung tâm dữ liệu" in two[0]["note"]


@pytest.mark.parametrize(
    "header",
    [
        ["TT", "Đối tượng quan trắc", "Thông số quan trắc", "Tần suất quan trắc", "Thời gian quan trắc"],
        ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
        ["TT", "Địa điểm quan trắc", "Tọa độ lấy mẫu"],
        ["STT", "Nội dung kiểm tra", "Thời gian kiểm tra"],
    ],
)
def test_a_table_that_names_no_one_who_does_a_task_is_no_task_table(header):
    rows = [header, ["1", "Cửa sông Yên", "Tháng 3/2026", "", ""][: len(header)]]
    assert not is_task_table(Table(rows))


def test_a_lead_cell_spanning_the_coordinating_column_leaves_it_empty():
    header = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    rows = [
        header,
        ["1", "Việc một", "Sở Tài chính", "Sở Xây dựng", "Năm 2026"],
        ["2", "Việc hai", "Sở Nội vụ", "Quý IV/2026"],
    ]
    tasks = [t for _, t in _tasks(_tree(Table(rows)))]
    assert (
        tasks[1]["number"],
        tasks[1]["lead_text"],
        tasks[1]["coordinating_text"],
        tasks[1]["timeframe"],
    ) == ("2", "Sở Nội vụ", None, "Quý IV/2026")


def test_the_table_reader_says_how_many_task_rows_it_found():
    """The choice between readers asks it: stats['table_tasks'] after documents.table_sections."""
    from generator.importer.documents import split_documents, table_sections
    from generator.importer.layout import settle

    doc = settle(_ttg())
    stats = {"rows": 0}
    for part in split_documents(doc):
        for annex in part["annexes"]:
            table_sections(annex, doc.file, stats)
    assert stats["table_tasks"] == 11 + 1
    from generator.importer.documents import table_task_rows

    assert [table_task_rows(part, doc.file) for part in split_documents(doc)] == [12]


def test_rows_sharing_a_merged_number_get_one_review_line_not_one_each(catalog):
    from generator.importer.draft import build_draft
    from generator.importer.layout import settle

    draft = build_draft(settle(_ttg()), catalog, "ttg-thu-nghiem-2025")
    assert not [m for m in draft.review if "trùng" in m]
    assert len([m for m in draft.review if "hàng in thiếu ô" in m]) == 1  # one for the table


@pytest.mark.parametrize(
    "rows",
    [
        # Word: the second header row at full width, blank under the columns not split
        [
            ["STT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian"],
            ["", "", "Chủ trì", "Phối hợp", ""],
            ["1", "Việc một", "Sở Tài chính", "Sở Xây dựng", "Năm 2026"],
        ],
        # a web page: only the cells under the split column, and the two header rows repeated
        [
            ["STT", "Nội dung", "Cơ quan thực hiện", "Thời gian"],
            ["Chủ trì", "Phối hợp"],
            ["1", "Việc một", "Sở Tài chính", "Sở Xây dựng", "Năm 2026"],
            ["Nội dung", "Cơ quan thực hiện", "Thời gian"],
            ["Chủ trì", "Phối hợp"],
            ["2", "Việc hai", "Sở Nội vụ", "Sở Y tế", "Quý I/2027"],
        ],
    ],
)
def test_a_column_split_in_two_under_a_second_header_row(rows):
    tasks = [t for _, t in _tasks(_tree(Table(rows)))]
    assert [(t["content"], t["lead_text"], t["coordinating_text"], t["timeframe"]) for t in tasks][:2] == [
        ("Việc một", "Sở Tài chính", "Sở Xây dựng", "Năm 2026"),
        ("Việc hai", "Sở Nội vụ", "Sở Y tế", "Quý I/2027"),
    ][: len(tasks)]
    assert len(tasks) == (2 if len(rows) > 3 else 1)


def test_a_merged_cell_printed_once_in_its_first_row_inside_a_page():
    """A PDF prints a vertically merged STT / lead / coordinating cell in its first row only:
    a row inside the page whose leading cells are blank is a task of its own taking them from
    the row above (only a page's first row continues the row before the page break)."""
    header = ["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nội dung", "Thời hạn"]
    rows = [
        header,
        ["1", "Bộ Xây dựng", "Bộ Tài chính", "Việc một", "Năm 2026"],
        ["", "", "", "Việc hai", "Năm 2027"],
        ["2", "Bộ Y tế", "", "Việc ba", "Năm 2028"],
    ]
    tasks = [t for _, t in _tasks(_tree(Table(rows)))]
    assert [
        (t["number"], t["lead_text"], t["coordinating_text"], t["content"], t["timeframe"]) for t in tasks
    ] == [
        ("1", "Bộ Xây dựng", "Bộ Tài chính", "Việc một", "Năm 2026"),
        ("1", "Bộ Xây dựng", "Bộ Tài chính", "Việc hai", "Năm 2027"),
        ("2", "Bộ Y tế", None, "Việc ba", "Năm 2028"),
    ]


def test_the_sites_own_text_before_the_national_motto_is_left_out_with_a_note():
    doc = _ttg()
    assert doc.blocks[0].rows[0][1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert [n for n in doc.notes if "trước quốc hiệu" in n and "từ dòng 5" in n]
    assert not any("Số hiệu" in (b.text if isinstance(b, Para) else str(b.rows)) for b in doc.blocks)


def test_a_title_wrapped_over_capital_lines_is_one_paragraph_on_a_page_without_blank_lines():
    texts = [b.text for b in _ttg().blocks if isinstance(b, Para)]
    assert (
        "PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA VỀ KHẮC PHỤC Ô NHIỄM VÀ QUẢN LÝ CHẤT LƯỢNG MÔI "
        "TRƯỜNG KHÔNG KHÍ GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045" in texts
    )
    assert texts[texts.index("PHỤ LỤC I") + 1].startswith(
        "BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP TẠI KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA"
    )


def test_a_schedule_table_in_an_annex_titled_in_lower_case_stays_an_appendix_row_by_row():
    """Lâm Đồng's 'Phụ lục I' (units to inspect and their months) is no task list: it stays the
    annex's text, a row a line."""
    from generator.importer.blocks import Document
    from generator.importer.documents import annexes, split_documents
    from generator.importer.layout import settle

    units = [["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"], ["I", "Cơ quan chuyên môn cấp tỉnh", ""]]
    units += [[str(n), f"Xã số {n}", "Tháng 3/2026"] for n in range(1, 9)]
    doc = settle(
        Document(
            "x.docx",
            [
                Para("V. TỔ CHỨC THỰC HIỆN"),
                Para("Phụ lục I"),
                Para("THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA"),
                Para("(Kèm theo Kế hoạch số /KH-UBND)"),
                Table(units),
            ],
        )
    )
    part = split_documents(doc)[0]
    sections, appendices = annexes(part, [], doc.file, {"rows": 0}, [])
    assert sections == []
    assert appendices[0]["title"] == "Phụ lục I"
    assert appendices[0]["paragraphs"][:3] == [
        "STT | Đơn vị được kiểm tra | Thời gian kiểm tra",
        "I | Cơ quan chuyên môn cấp tỉnh",
        "1 | Xã số 1 | Tháng 3/2026",
    ]


def test_a_column_of_agencies_under_a_name_no_vocabulary_knows_is_the_lead():
    rows = [
        ["STT", "Nội dung", "Cơ quan, đơn vị", "Thời gian"],
        ["1", "Việc một", "Sở Tài chính", "Năm 2026"],
        ["2", "Việc hai", "UBND các xã", "Năm 2027"],
        ["3", "Việc ba", "Sở Y tế", "Năm 2027"],
    ]
    assert is_task_table(Table(rows))
    assert [t["lead_text"] for _, t in _tasks(_tree(Table(rows)))] == [
        "Sở Tài chính",
        "UBND các xã",
        "Sở Y tế",
    ]
    places = [["STT", "Nội dung", "Địa điểm", "Thời gian"], ["1", "Quan trắc", "Cửa sông Yên", "Tháng 3"]]
    assert not is_task_table(Table(places))


def test_a_row_cut_at_a_blank_cell_by_a_web_page_is_glued_back():
    """A web page writes an empty cell as nothing between two '|' lines, which reads as the end
    of the row: the rest of the row, with no task of its own, goes back to it."""
    page = "\n".join(
        [
            "|",
            "STT",
            "|",
            "Nội dung",
            "|",
            "Cơ quan chủ trì",
            "|",
            "Cơ quan phối hợp",
            "|",
            "Thời gian",
            "|",
            "Sản phẩm",
            "|",
            "|",
            "1",
            "|",
            "Việc một",
            "|",
            "Sở Tài chính",
            "|",
            "|",
            "Năm 2026",
            "|",
            "Kế hoạch",
            "|",
            "|",
            "2",
            "|",
            "Việc hai",
            "|",
            "Sở Y tế",
            "|",
            "Sở Nội vụ",
            "|",
            "Năm 2027",
            "|",
            "Báo cáo",
            "|",
            "",
        ]
    )
    doc = read_text("Kế hoạch\n\n" + page, "x.txt")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    tree = _tree(table)
    tasks = [t for _, t in _tasks(tree)]
    assert [
        (t["number"], t["lead_text"], t["coordinating_text"], t["timeframe"], t["product"]) for t in tasks
    ] == [
        ("1", "Sở Tài chính", None, "Năm 2026", "Kế hoạch"),
        ("2", "Sở Y tế", "Sở Nội vụ", "Năm 2027", "Báo cáo"),
    ]
    assert [m for m in (n.text for n in notes_of(tree[0])) if m.startswith("1 hàng bị cắt")]
