"""Tasks written in prose (issue 26, kinds 3-5): agency headings, labelled items, sentences
naming who leads; excerpts of real plans in tests/fixtures/import/real/ (see its README)."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from generator.importer import import_file
from generator.importer.blocks import Para
from generator.importer.docxread import read_docx
from generator.importer.typedtree import notes_of
from tests.conftest import draft_tasks

REAL = Path(__file__).resolve().parents[1] / "fixtures/import/real"


def paras(name: str) -> list[Para]:
    """One paragraph a line; a whole line between ** is bold (as the legal sites print it)."""
    out = []
    for number, line in enumerate((REAL / name).read_text("utf-8").splitlines(), 1):
        if line.startswith("**") and line.endswith("**"):
            out.append(Para(line.strip("*").strip(), number, "bold"))
        else:
            out.append(Para(line.replace("**", ""), number))
    return out


def part_section(*args):
    from generator.importer.prose import part_section

    return part_section(*args)


def build(*args):
    from generator.importer.prose.outline import build

    return build(*args)


def part(name: str) -> dict:
    first, *rest = paras(name)
    number, title = first.text.split(". ", 1)
    return part_section(number, title, rest)


def rows(sec: dict) -> list[tuple]:
    """(content start, number, lead, coordinating, time) of every task, in order."""
    return [
        (t["content"][:40], t["number"], t.get("lead_text"), t.get("coordinating_text"), t.get("timeframe"))
        for t in sorted(draft_tasks([sec]), key=lambda t: t["_line"])
    ]


def test_each_item_under_an_agency_heading_is_a_task_that_agency_leads():
    sec = part("agency-headings.txt")
    got = rows(sec)
    assert got[:4] == [
        ("Tham mưu tổ chức thực hiện và giám sát v", "a", "Công an thành phố", None, None),
        (
            "Chủ trì, phối hợp với các sở, ban, ngành",
            "b",
            "Công an thành phố",
            "các sở, ban, ngành, đoàn thể có liên quan",
            None,
        ),
        ("Chủ trì triển khai, thực hiện các nhiệm ", "h", "Công an thành phố", None, None),
        ("Thực hiện chức năng thường trực, tham mư", None, "Sở Tư pháp", None, None),
    ]
    # the '-' list under h) stays in its task; a heading with one paragraph is one task
    h = sorted(draft_tasks([sec]), key=lambda t: t["_line"])[2]
    assert h["content"].endswith(
        "bao gồm:\n- Dự án 1: Phòng ngừa, đấu tranh tội phạm về ma túy có tổ chức, "
        "xuyên quốc gia.\n- Dự án 2: Ứng dụng khoa học và công nghệ trong phòng, chống ma túy."
    )
    # "Báo và …" names a body; "Đề nghị" is not part of the lead
    assert got[4][2] == "Báo và Phát thanh, Truyền hình Cần Thơ"
    assert got[5][2] == "Chi cục Hải quan khu vực XIX"


def test_agency_line_heading_sentence_and_lead_in():
    got = rows(part("agency-headings.txt"))[6:]
    assert got == [
        # "Agency: task" on one line
        ("Khẩn trương khắc phục sự cố lưới điện, b", "12", "Công ty Điện lực Đắk Lắk", None, None),
        # a heading sentence naming its subject: its bullets are tasks it leads
        ("Xây dựng kế hoạch quan trắc chi tiết, tổ", None, "Sở Nông nghiệp và Môi trường", None, None),
        ("Thông báo kết quả quan trắc, cảnh báo mô", None, "Sở Nông nghiệp và Môi trường", None, None),
        # a lead-in sentence is no task; its "phối hợp với" coordinates the items it introduces
        (
            "Tổ chức thực hiện quản lý nhà nước về vă",
            "a",
            "Sở Văn hóa, Thể thao và Du lịch tỉnh, thành phố trực thuộc Trung ương",
            "các cơ quan có liên quan",
            None,
        ),
        (
            "Chủ động cân đối, bố trí đủ nguồn vốn đố",
            "b",
            "Sở Văn hóa, Thể thao và Du lịch tỉnh, thành phố trực thuộc Trung ương",
            "các cơ quan có liên quan",
            None,
        ),
    ]


def test_labelled_lines_give_lead_coordinating_and_time_and_are_never_tasks():
    got = rows(part("labelled-items.txt"))
    assert got[:2] == [
        (
            "Tham mưu UBND Thành phố phối hợp với Bộ ",
            None,
            "Sở Khoa học và Công nghệ",
            "Các Sở, ban, ngành",
            "Hoàn thành trong năm 2025",
        ),
        (
            "Triển khai rà soát, hoàn thiện, chuẩn hó",
            None,
            "Các Sở, ban, ngành",
            "Sở Khoa học và Công nghệ, UBND xã, phường",
            "Triển khai đảm bảo theo lộ trình, hướng dẫn của Bộ, ngành",
        ),
    ]
    # one label block after 3.3 serves 3.1-3.3
    lead = "Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"
    assert [(r[1], r[2], r[4]) for r in got[2:5]] == [
        (n, lead, "Từ tháng 12/2025 đến quý I/2026") for n in ("3.1", "3.2", "3.3")
    ]
    # '* Thời gian thực hiện:' after the item's bullets belongs to the item, which keeps its bullets
    assert got[5][1:] == ("4", None, None, "Tháng 02/2026")
    assert not any(r[0].startswith(("Đơn vị", "Thời gian", "Kết quả")) for r in got)
    assert len(got) == 6


def test_sentences_name_lead_and_coordinating():
    got = rows(part("sentences.txt"))
    assert [r[2:4] for r in got] == [
        ("Sở Nội vụ", "các ngành có liên quan"),
        ("Sở Xây dựng", "Sở Nông nghiệp và Môi trường, Ủy ban nhân dân các phường, xã, đặc khu"),
        ("Công an Thành phố", "Bộ Tư lệnh Thành phố"),
    ]


def test_review_notes_are_one_line_per_kind_with_the_source_lines():
    notes = [n.text for n in notes_of(part("agency-headings.txt"))]
    kinds = [n.split(": ", 1)[1].split(" (dòng")[0] for n in notes[1:]]
    assert len(kinds) == len(set(kinds))  # one line per kind
    assert "1 nhiệm vụ: cơ quan chủ trì là phần trước dấu ':' (dòng 14)" in notes


def test_a_part_of_purposes_or_items_without_performer_holds_no_task():
    text = [
        "1. Mục đích",
        "- Tăng cường tiêu thụ nông sản của hai tỉnh.",
        "2. Nội dung tuyên truyền",
        "- Tuyên truyền về ý nghĩa của cuộc bầu cử.",
        "- Tuyên truyền về quyền và nghĩa vụ của cử tri.",
    ]
    assert part_section("I", "NỘI DUNG", [Para(t, i) for i, t in enumerate(text, 1)]) is None


def test_the_outline_nests_numbering_styles_in_the_order_the_document_uses_them():
    root = build(
        [
            Para(t, i)
            for i, t in enumerate(["1. Một", "a) Hai", "- Ba", "+ Bốn", "b) Năm", "2. Sáu", "Chữ thường"], 1)
        ]
    )
    one, six = root.children
    assert [c.text for c in one.children] == ["Hai", "Năm"]
    assert one.children[0].children[0].children[0].raw == "+ Bốn"
    assert six.children[0].style == "text"


def test_word_paragraphs_stay_paragraphs_with_their_emphasis_and_index():
    document = docx.Document()
    document.add_paragraph().add_run("1. Công an thành phố").bold = True
    document.add_paragraph(
        "a) Tham mưu tổ chức thực hiện và giám sát việc thực hiện Chương trình trên địa bàn"
    )
    p = document.add_paragraph()
    p.add_run("b) Phối hợp ").italic = True
    p.add_run("với các sở").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_docx(buffer.getvalue(), "x.docx")
    assert [(b.text[:12], b.line, b.emphasis) for b in doc.blocks] == [
        ("1. Công an t", 1, "bold"),
        ("a) Tham mưu ", 2, ""),
        ("b) Phối hợp ", 3, "italic"),
    ]


def test_a_labelled_task_about_funding_is_a_task_not_the_budget(catalog, tmp_path):
    """'4.1. Kinh phí thực hiện' with labelled lines is a task (Hà Nội KH 308); a funding heading
    without labels stays budget text."""
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 308/KH-UBND\nHà Nội, ngày 17 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Thử nghiệm năm 2025\nII. NHIỆM VỤ\n4.1. Kinh phí thực hiện\na) Nhiệm vụ: Các đơn vị được giao thực "
        "hiện các nhiệm vụ thuộc Kế hoạch lập dự toán kinh phí.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Các Sở, "
        "ban, ngành.\n- Đơn vị phối hợp: Sở Tài chính.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.\n"
        "4.2. Kinh phí khác\nNgân sách thành phố bảo đảm.\nTrên đây là Kế hoạch./.\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, "utf-8")
    plan = import_file(path, "ha-noi-p-2025", catalog).plans[0]
    tasks = list(draft_tasks(plan["sections"]))
    assert [(t["content"][:30], t["lead_text"], t["timeframe"]) for t in tasks] == [
        ("Các đơn vị được giao thực hiện", "Các Sở, ban, ngành", "Hoàn thành trong năm 2025")
    ]
    assert plan["budget_sources"] == ["Ngân sách thành phố bảo đảm."]


def test_a_person_who_leads_is_kept_as_printed_not_proposed_as_an_agency(catalog, tmp_path):
    """'Đồng chí Phó Chủ tịch …' (Phố Bảng KH 01/KH-TBTTKT): a person, kept as collective text."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 01/KH-UBND\nTuyên Quang, ngày 10 tháng 12 năm 2025\nKẾ HOẠCH\n"
        "Thử nghiệm năm 2026\nIV. TỔ CHỨC THỰC HIỆN\n1. Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng "
        "tiểu ban: Trực tiếp chỉ đạo chuẩn bị tốt các nội dung tuyên truyền.\nTrên đây là Kế hoạch./.\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, "utf-8")
    draft = import_file(path, "tuyen-quang-p-2026", catalog)
    (task,) = draft_tasks(draft.plans[0]["sections"])
    assert task["content"] == "Trực tiếp chỉ đạo chuẩn bị tốt các nội dung tuyên truyền."
    assert (task["lead"], task["lead_collective"]) == (
        [],
        ["Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban"],
    )
    assert not any("Đồng chí" in a["name"] for a in draft.agencies)


def test_with_a_task_table_the_bodys_agency_duties_are_text(catalog, tmp_path):
    """The table's rows are the tasks; agency paragraphs of the body restate them (Đồng Nai KH 179)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 5/KH-UBND\nSơn La, ngày 3 tháng 2 năm 2027\nKẾ HOẠCH\n"
        "Thử nghiệm năm 2027\nIII. NHIỆM VỤ NGÀNH, LĨNH VỰC\n1. Sở Công Thương\n- Theo dõi, đôn đốc thực hiện.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.\nTrên đây là Kế hoạch./.\nPHỤ LỤC\n\n"
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Tổ chức hội nghị | Sở Tài chính | | Năm 2027 |\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, "utf-8")
    plan = import_file(path, "son-la-p-2027", catalog).plans[0]
    assert [t["content"] for t in draft_tasks(plan["sections"])] == ["Tổ chức hội nghị"]
    assert "- Theo dõi, đôn đốc thực hiện." in plan["preamble"]
    assert "- Bố trí kinh phí." in plan["organisation"]


def test_after_a_part_that_assigns_the_tasks_the_organisation_part_is_text(catalog, tmp_path):
    """'IV. PHÂN CÔNG NHIỆM VỤ' holds the tasks; the 'Tổ chức thực hiện' after it is general (Cần Thơ KH 153)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 153/KH-UBND\nCần Thơ, ngày 17 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Thử nghiệm năm 2026\nIV. PHÂN CÔNG NHIỆM VỤ\n1. Sở Y tế\na) Chỉ đạo các cơ sở y tế trực thuộc.\n"
        "V. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành thành phố:\na) Xây dựng kế hoạch cụ thể.\n"
        "Trên đây là Kế hoạch./.\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, "utf-8")
    plan = import_file(path, "can-tho-p-2026", catalog).plans[0]
    assert [(t["content"], t["lead_text"]) for t in draft_tasks(plan["sections"])] == [
        ("Chỉ đạo các cơ sở y tế trực thuộc.", "Sở Y tế")
    ]
    assert "a) Xây dựng kế hoạch cụ thể." in plan["organisation"]


def test_a_sentence_opening_with_a_clause_names_the_subject_after_it():
    """'Căn cứ …, các cơ quan … xây dựng …' (Lâm Đồng, thi đua CCHC 2026, IV.2)."""
    text = [
        (
            "a) Căn cứ Kế hoạch phát động thi đua của UBND tỉnh, các cơ quan, đơn vị, địa phương trên địa bàn "
            "tỉnh xây dựng Kế hoạch trong Quý I/2026."
        ),
        "b) Quý I/2027, các cơ quan, đơn vị, địa phương đánh giá kết quả thực hiện phong trào thi đua.",
    ]
    sec = part_section("IV", "TIẾN ĐỘ THỰC HIỆN", [Para(t, i) for i, t in enumerate(text, 1)])
    assert [r[2] for r in rows(sec)] == [
        "các cơ quan, đơn vị, địa phương trên địa bàn tỉnh",
        "các cơ quan, đơn vị, địa phương",
    ]


def test_a_time_phrase_governing_the_item_is_its_time_flagged_for_review():
    """'Trước khi tiến hành kiểm tra: Sở Nội vụ …' (Lâm Đồng KH kiểm tra CCHC 2026, V.1);
    '… trước ngày 15/02/2027' (Lâm Đồng, thi đua CCHC 2026, V.3.4)."""
    text = [
        "1. Sở Nội vụ",
        "a) Trước khi tiến hành kiểm tra: Sở Nội vụ gửi Kế hoạch kiểm tra đến các cơ quan.",
        "b) Gửi hồ sơ đề nghị khen thưởng về Sở Nội vụ trước ngày 15/02/2027.",
        "c) Tổng hợp kết quả kiểm tra.",
    ]
    sec = part_section("V", "TỔ CHỨC THỰC HIỆN", [Para(t, i) for i, t in enumerate(text, 1)])
    assert [r[4] for r in rows(sec)] == ["Trước khi tiến hành kiểm tra", "trước ngày 15/02/2027", None]
    assert "2 nhiệm vụ: thời gian đọc từ câu của nhiệm vụ (giữ nguyên văn) (dòng 2, 3)" in [
        n.text for n in notes_of(sec)
    ]


def test_a_group_before_a_colon_leads_its_task():
    """'14. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm, …' (Đắk Lắk KH 0129)."""
    text = [
        "14. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm, đăng ký hỗ trợ nhu yếu phẩm cho nhân dân."
    ]
    sec = part_section("IV", "PHÂN CÔNG NHIỆM VỤ", [Para(t, i) for i, t in enumerate(text, 1)])
    assert rows(sec) == [
        (
            "Quan tâm, đăng ký hỗ trợ nhu yếu phẩm ch",
            "14",
            "Doanh nghiệp, cộng đồng, tổ chức, cá nhân",
            None,
            None,
        )
    ]
