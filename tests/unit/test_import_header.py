"""The header of an administrative document read by Nghị định 30/2020/NĐ-CP's parts (quốc hiệu,
cơ quan ban hành, số, địa danh và ngày, tên loại và trích yếu), on excerpts of real documents
(../shared/realdocs: a legal-document site's text, Word drafts with the number and day blank,
a ministry's PDF, the Prime Minister's decision)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.importer import import_file
from generator.importer.blocks import Para
from generator.importer.docheader import read_header


def paras(*lines: str) -> list[Para]:
    return [Para(t, i + 1) for i, t in enumerate(lines)]


def test_site_text_header_with_a_title_in_capitals():
    h = read_header(
        paras(
            "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP --------",
            "Số: 617/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
            "Đồng Tháp, ngày 01 tháng 12 năm 2025",
            "KẾ HOẠCH",
            "CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP NHỎ VÀ VỪA",
            "Thực hiện Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh …",
            "I. MỤC ĐÍCH, YÊU CẦU",
        )
    )
    assert (h.number, h.issued, h.place, h.type) == (
        "617/KH-UBND",
        datetime.date(2025, 12, 1),
        "Đồng Tháp",
        "ke-hoach",
    )
    assert h.title == "CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP NHỎ VÀ VỪA"
    assert h.issuer_lines == ["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"] and h.end == 6


def test_a_draft_with_the_number_and_day_left_blank():
    h = read_header(
        paras(
            "ỦY BAN NHÂN DÂN",
            "TỈNH LÂM ĐỒNG",
            "Số:      /KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lâm Đồng, ngày    tháng 3 năm 2026",
            "KẾ HOẠCH",
            "Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng",
            "Thực hiện Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của UBND tỉnh;",
        )
    )
    assert (h.number, h.number_printed) == (None, "Số: /KH-UBND")
    assert (h.issued, h.year, h.place) == (None, 2026, "Lâm Đồng")
    assert h.issued_printed == "Lâm Đồng, ngày tháng 3 năm 2026"
    assert h.title == "Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng"


def test_number_after_the_motto_and_a_decision_authority():
    """A PDF reads 'Số:' and its number on two lines with the motto between ('Ð' is an eth)."""
    h = read_header(
        paras(
            "BỘ NỘI VỤ",
            "Số:",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Ðộc lập - Tự do - Hạnh phúc",
            "12/QĐ-BNV",
            "Hà Nội, ngày 3 tháng 4 năm 2025",
            "QUYẾT ĐỊNH",
            "Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính”",
            "BỘ TRƯỞNG BỘ NỘI VỤ",
            "Căn cứ Nghị định số 25/2025/NĐ-CP …",
        )
    )
    assert (h.number, h.type, h.authority) == ("12/QĐ-BNV", "quyet-dinh", "BỘ TRƯỞNG BỘ NỘI VỤ")
    assert h.title == "Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính”"


def test_site_chrome_before_the_letterhead_and_a_type_joined_to_its_title():
    h = read_header(
        paras(
            "Số hiệu:",
            "2530/QĐ-TTg",
            "Loại văn bản:",
            "Quyết định",
            "Ngày ban hành:",
            "19/11/2025",
            "Nghiên cứu ứng dụng công nghệ … Ngày 19/11/2025, Thủ tướng Chính phủ ban hành …",
            "THỦ TƯỚNG CHÍNH PHỦ -------",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
            "Số: 2530/QĐ-TTg",
            "Hà Nội, ngày 19 tháng 11 năm 2025",
            "QUYẾT ĐỊNH PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA GIAI ĐOẠN 2026 - 2030 THỦ TƯỚNG CHÍNH "
            "PHỦ Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        )
    )
    assert (h.start, h.number, h.issued) == (7, "2530/QĐ-TTg", datetime.date(2025, 11, 19))
    assert h.issuer_lines == ["THỦ TƯỚNG CHÍNH PHỦ"]
    assert h.title == "PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA GIAI ĐOẠN 2026 - 2030"
    assert h.remainder == "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"  # not lost


@pytest.mark.parametrize(
    "title",
    [
        ["Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI nhiệm kỳ 2026-2031"],
        [
            "Triển khai của Tiểu ban thông tin, tuyên truyền, khánh tiết bầu cử các cấp,",
            "nhiệm kỳ 2026 - 2031 trên địa bàn xã Phố Bảng",
        ],
    ],
)
def test_a_title_in_printed_case_over_lines(title):
    h = read_header(
        paras(
            "ỦY BAN MTTQ VIỆT NAM",
            "XÃ LƯƠNG MINH",
            "BAN THƯỜNG TRỰC",
            "Số: 16/KH-MTTQ-BTT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc Lương Minh, ngày 18 tháng 11 năm 2025",
            "KẾ HOẠCH",
            *title,
            "Căn cứ Luật Bầu cử đại biểu Quốc hội số 85/2015/QH13;",
        )
    )
    assert h.title == " ".join(title)
    assert (h.place, h.issued, h.number) == ("Lương Minh", datetime.date(2025, 11, 18), "16/KH-MTTQ-BTT")
    assert h.issuer_lines == ["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"]


def test_the_draft_marks_a_blank_number_and_day_and_keeps_the_year(catalog, tmp_path: Path):
    source = tmp_path / "du-thao.txt"
    source.write_text(
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố:      /KH-UBND\nSơn La, ngày    tháng 3 năm 2026\n"
        "KẾ HOẠCH\nThử nghiệm hợp tác\n\nI. NHIỆM VỤ\n1. Về hợp tác\n"
        "- Trao đổi kinh nghiệm giữa hai tỉnh.\n",
        encoding="utf-8",
    )
    plan = import_file(source, "son-la-du-thao-2026", catalog).plans[0]
    assert (plan["number"], plan["issued"], plan["year"], plan["title"]) == (
        None,
        None,
        2026,
        "Thử nghiệm hợp tác",
    )
    assert sum("số hiệu để trống" in m for m in (n.text for n in plan.notes)) == 1
    assert sum("ngày ban hành để trống" in m for m in (n.text for n in plan.notes)) == 1
    assert not any("không tìm thấy số hiệu" in m for m in (n.text for n in plan.notes))


def test_an_issuer_that_is_no_peoples_committee_is_named_from_its_letterhead():
    from generator.importer.draft import letterhead_name

    assert (
        letterhead_name(["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"])
        == "Ban thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"
    )
    assert (
        letterhead_name(["ỦY BAN BẦU CỬ XÃ PHỐ BẢNG", "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN"])
        == "Tiểu ban thông tin, tuyên truyền Ủy ban bầu cử xã Phố Bảng"
    )


def test_timeframes_no_rule_reads_get_one_review_line(catalog, tmp_path: Path):
    source = tmp_path / "thoi-gian.txt"
    source.write_text(
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 12/KH-UBND\nSơn La, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Thử nghiệm năm 2026\n\n"
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Việc một | Sở Tài chính | | Trước khi tiến hành kiểm tra |\n"
        "| 2 | Việc hai | Sở Tài chính | | Hằng năm |\n"
        "| 3 | Việc ba | Sở Tài chính | | Kết thúc cuộc bầu cử |\n",
        encoding="utf-8",
    )
    plan = import_file(source, "son-la-thoi-gian-2026", catalog).plans[0]
    lines = [m for m in (n.text for n in plan.notes) if "chưa quy ra ngày" in m]
    assert len(lines) == 1 and lines[0].startswith("2 nhiệm vụ:")


def test_a_word_file_with_decomposed_letters_gives_an_nfc_draft(catalog, tmp_path: Path):
    import unicodedata

    import docx

    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "KẾ HOẠCH",
        "Thử nghiệm năm 2026",
        "I. NHIỆM VỤ",
        "1. Về hợp tác",
        "- Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội.",
    ):
        document.add_paragraph(unicodedata.normalize("NFD", line))
    path = tmp_path / "nfd.docx"
    document.save(path)
    plan = import_file(path, "son-la-nfd-2026", catalog).plans[0]
    assert plan["title"] == "Thử nghiệm năm 2026"
