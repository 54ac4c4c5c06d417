"""The text layouts of PDF extractions, on small pieces written here."""

from __future__ import annotations

from generator.importer.body import heading_lead, heading_timeframe, parse_task_part
from generator.importer.tables import build_tree, table_rows
from generator.importer.textfile import read_text
from generator.importer.textread import join_lines

PIPE = """STT
|
Nội
dung
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian
|
A
|
NHIỆM VỤ CHUNG
|
1
|
Học tập kinh nghiệm
trong các lĩnh vực
|
Sở
Tài chính
|
- Sở Xây dựng; UBND
các xã
- Sở Y tế tỉnh Hưng Yên
|
Năm
2025
|
1.1
|
Hỗ trợ quảng bá
|
|
|
|
-
|
Chia sẻ thông tin
|
Sở Tài chính
|
|
2023
- 2024
"""


def test_one_cell_a_block_with_bars():
    doc = read_text(PIPE, "t.txt")
    rows = table_rows(doc.tables()[0], "t.txt")[0]
    assert [r.get("number") for r in rows] == ["A", "1", "1.1", "-"]
    assert rows[1]["content"] == "Học tập kinh nghiệm trong các lĩnh vực"
    assert rows[1]["lead_text"] == "Sở Tài chính"
    assert rows[1]["coordinating_text"] == "- Sở Xây dựng; UBND các xã\n- Sở Y tế tỉnh Hưng Yên"
    assert rows[3]["timeframe"] == "2023 - 2024"  # a '- ' line that is no list item
    tree = build_tree(rows, None)
    assert [(s["number"], len(s["tasks"])) for s in tree] == [("A", 1)]
    assert tree[0]["sections"][0]["number"] == "1.1" and tree[0]["sections"][0]["tasks"][0]["number"] == "-"


def test_tab_rows_with_a_repeated_header_and_a_continued_row():
    head = ["STT", "<b>Nội dung</b>", "Cơ quan chủ trì", "Thời gian thực hiện"]
    text = "\n".join(
        "\t".join(r)
        for r in [
            head,
            ["1", "<p>Phần một.</p> <p>Phần hai của nhiệm vụ</p>", "<p>Sở Tài chính</p>", "Năm 2026"],
            [],
            head,
            ["", "còn tiếp ở trang sau.", "", ""],
            ["2", "Nhiệm vụ hai.", "Sở Xây dựng", ""],
        ]
    )
    rows = table_rows(read_text(text, "t.txt").tables()[0], "t.txt")[0]
    assert [r["number"] for r in rows] == ["1", "2"]
    assert rows[0]["content"] == "Phần một.\n\nPhần hai của nhiệm vụ còn tiếp ở trang sau."
    assert rows[0]["_joined"] and rows[1]["timeframe"] == ""


def test_lines_join_into_paragraphs():
    wrapped = [
        (1, "- Rà soát các chính sách khuyến khích, hỗ trợ đầu tư trong các ngành,"),
        (2, "lĩnh vực trên địa bàn tỉnh;"),
        (3, "- Hoàn thiện hồ sơ."),
        (4, "10. Về hỗ trợ, xúc tiến đầu tư"),
        (5, "Tích cực phối hợp."),
    ]
    assert [p.text for p in join_lines(wrapped)] == [
        "- Rà soát các chính sách khuyến khích, hỗ trợ đầu tư trong các ngành, lĩnh vực trên địa bàn tỉnh;",
        "- Hoàn thiện hồ sơ.",
        "10. Về hỗ trợ, xúc tiến đầu tư",
        "Tích cực phối hợp.",
    ]
    long = "x" * 120
    one_a_line = [
        (1, long + ","),
        (2, "Phó Chủ tịch UBND tỉnh có ý kiến như sau:"),
        (3, long + " phát triển Thành phố"),
        (4, "Hồ Chí Minh đến năm 2030."),
    ]
    assert len(join_lines(one_a_line)) == 3  # a page break mid-sentence joins


def test_headings_carry_lead_and_timeframe():
    assert (
        heading_lead("Các hoạt động do Sở Công Thương Thành phố Hồ Chí Minh chủ trì:")
        == "Sở Công Thương Thành phố Hồ Chí Minh"
    )
    assert heading_lead("Lĩnh vực du lịch: Sở Du lịch TP. HCM chủ trì") == "Sở Du lịch TP. HCM"
    assert heading_timeframe("Các hoạt động hợp tác trọng tâm năm 2023:") == "năm 2023"
    assert heading_timeframe("Năm 2024:") == "Năm 2024"
    assert heading_timeframe("Tổ chức các hoạt động thường xuyên:") == "Thường xuyên"
    assert heading_timeframe("Các nội dung hợp tác tập trung trong năm 2024, 2025:") is None


def test_a_task_part():
    paras = read_text(
        "\n\n".join(
            [
                "1. Về quy hoạch",
                "- Rà soát quy hoạch.",
                "+ Phần phụ của ý trên.",
                "2. Về hỗ trợ",
                "Tích cực hỗ trợ nhà đầu tư.",
                "Nâng cấp trang thông tin.",
                "3. Các sự kiện:",
                "Thành phố tổ chức sự kiện.",
                "(Danh mục theo Phụ lục II đính kèm)",
            ]
        ),
        "t.txt",
    ).paragraphs()
    part = parse_task_part("III", "NHIỆM VỤ, GIẢI PHÁP", paras)
    one, two, three = part["sections"]
    assert [t["content"] for t in one["tasks"]] == ["Rà soát quy hoạch.\n+ Phần phụ của ý trên."]
    assert [t["number"] for t in two["tasks"]] == [None, None]  # plain text alone: tasks
    assert three["tasks"] == [] and len(three["paragraphs"]) == 2  # it points to the annex
