"""A document that carries another (issue 26, kind 6): a Quyết định whose article issues the plan
printed after its signature, a Tờ trình submitting a draft plan. The draft has the numbered
document's metadata and the attached plan's content. Excerpts of ../shared/realdocs
(quangngai_qd1627_2025.txt) and of a commune's draft."""

from __future__ import annotations

import datetime

from generator.importer.blocks import Document, Para
from generator.importer.documents import split_documents
from generator.importer.draft import build_draft

DECISION = [
    "ỦY BAN NHÂN DÂN TỈNH SƠN LA -------",
    "Số: 1627/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
    "Sơn La, ngày 21 tháng 11 năm 2025",
    "QUYẾT ĐỊNH",
    "VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG NĂM 2026",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA",
    "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*",
    "*Theo đề nghị của Sở Tài chính tại Công văn số 3679/STC-QLGCS ngày 05 tháng 11 năm 2025.*",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm kê tài sản công năm 2026.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.",
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An",
    "KẾ HOẠCH",
    "KIỂM KÊ TÀI SẢN CÔNG TẠI CƠ QUAN, TỔ CHỨC, ĐƠN VỊ NĂM 2026",
    "*(Kèm theo Quyết định số 1627/QĐ-UBND ngày 21/11/2025 của Chủ tịch UBND tỉnh)*",
    "I. NHIỆM VỤ",
    "1. Về kiểm kê",
    "- Rà soát tài sản công tại các cơ quan.",
    "- Tổng hợp kết quả kiểm kê.",
]


def doc(lines: list[str]) -> Document:
    return Document("x.txt", [Para(t, i + 1) for i, t in enumerate(lines)])


def test_a_decision_and_the_plan_it_issues_are_one_draft(catalog):
    (part,) = split_documents(doc(DECISION))
    assert part["attached"]["title"] == "KIỂM KÊ TÀI SẢN CÔNG TẠI CƠ QUAN, TỔ CHỨC, ĐƠN VỊ NĂM 2026"
    (plan,) = build_draft(doc(DECISION), catalog, "son-la-kiem-ke-2026").plans
    assert (plan["type"], plan["number"], plan["issued"]) == (
        "ke-hoach",
        "1627/QĐ-UBND",
        datetime.date(2025, 11, 21),
    )
    assert plan["title"] == "VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG NĂM 2026"
    assert plan["signer"] == {
        "name": "Nguyễn Văn An",
        "position": "PHÓ CHỦ TỊCH",
        "formula": ["KT. CHỦ TỊCH"],
    }
    assert plan["legal_bases"][0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA" not in plan["preamble"]
    assert plan["recipients"] == ["- Như Điều 2;", "- Lưu: VT."]
    tasks = [t["content"] for s in plan["sections"] for sub in [s] + s["sections"] for t in sub["tasks"]]
    assert tasks == ["Rà soát tài sản công tại các cơ quan.", "Tổng hợp kết quả kiểm kê."]
    assert sum("văn bản kèm theo 'KẾ HOẠCH KIỂM KÊ" in m for m in (n.text for n in plan.notes)) == 1


def test_a_submission_and_the_draft_plan_it_carries(catalog):
    lines = [
        "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ",
        "Số: 45/TTr-UBND",
        "Mường Bú, ngày 02 tháng 3 năm 2026",
        "TỜ TRÌNH",
        "Về việc ban hành Kế hoạch phát triển du lịch năm 2026",
        "Kính gửi: Ủy ban nhân dân tỉnh Sơn La",
        "Ủy ban nhân dân xã kính trình dự thảo Kế hoạch kèm theo.",
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lò Văn Bình",
        "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ",
        "Số:      /KH-UBND",
        "Mường Bú, ngày    tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Phát triển du lịch năm 2026",
        "(Dự thảo)",
        "I. NHIỆM VỤ",
        "1. Về du lịch",
        "- Quảng bá điểm du lịch cộng đồng.",
    ]
    (plan,) = build_draft(doc(lines), catalog, "son-la-du-lich-2026").plans
    assert (plan["type"], plan["number"], plan["issued"]) == (
        "ke-hoach",
        "45/TTr-UBND",
        datetime.date(2026, 3, 2),
    )
    assert any(m.startswith("văn bản là TỜ TRÌNH") for m in (n.text for n in plan.notes))
    assert plan["title"] == "Về việc ban hành Kế hoạch phát triển du lịch năm 2026"
    assert plan["signer"]["name"] == "Lò Văn Bình" and plan["signer"]["position"] == "CHỦ TỊCH"
    assert [t["content"] for s in plan["sections"] for sub in [s] + s["sections"] for t in sub["tasks"]] == [
        "Quảng bá điểm du lịch cộng đồng."
    ]


def test_signature_blocks_joined_or_on_lines():
    from generator.importer.metadata import tail

    joined = tail([Para("Nơi nhận:\n- Lưu: VT."), Para("TM. BAN THƯỜNG TRỰC CHỦ TỊCH Lan Thị Vân")])
    assert joined["signer"] == {
        "name": "Lan Thị Vân",
        "position": "CHỦ TỊCH",
        "formula": ["TM. BAN THƯỜNG TRỰC"],
    }
    pdf = tail(
        [
            Para("Nơi nhận:"),
            Para("- Lưu: VT."),
            Para("KT. BỘ TRƯỞNG"),
            Para("THỨ TRƯỞNG"),
            Para("Tạ Quang Đông 13"),
        ]
    )
    assert pdf["signer"] == {"name": "Tạ Quang Đông", "position": "THỨ TRƯỞNG", "formula": ["KT. BỘ TRƯỞNG"]}


def test_a_row_without_content_names_no_document():
    """A table row whose content cell is empty (a merged cell) no longer stops the draft
    (dongnai_kh179_2025.txt was refused with a TypeError)."""
    from generator.importer.metadata import related_documents

    found = related_documents([None, "Thực hiện Quyết định số 12/QĐ-UBND ngày 3/4/2025 của UBND tỉnh"])
    assert [d["number"] for d in found] == ["12/QĐ-UBND"]


def test_a_listed_item_with_nothing_under_it_becomes_a_paragraph():
    """'d) Việc tổ chức tự kiểm tra …' under a heading lists what is inspected, assigns nothing: a
    section without tasks would not validate (lamdong_kh_kiemtra_cchc_2026.docx, 31 problems)."""
    from generator.importer.draftchecks import fold_empty_sections as _fold_empty_sections

    item = {
        "number": "d)",
        "title": "Việc tổ chức tự kiểm tra.",
        "tasks": [],
        "sections": [],
        "paragraphs": [],
    }
    task = {"number": "-", "content": "Kiểm tra tại sở."}
    kept = {"number": "2.", "title": "Nội dung", "tasks": [task], "sections": [], "paragraphs": []}
    top = {"number": "II.", "title": "NỘI DUNG", "tasks": [], "sections": [item, kept], "paragraphs": []}
    assert _fold_empty_sections([top]) == ["d) Việc tổ chức tự kiểm tra."]
    assert top["sections"] == [kept] and top["paragraphs"] == ["d) Việc tổ chức tự kiểm tra."]


def test_recipients_behind_a_sites_emphasis_marks():
    from generator.importer.metadata import tail

    found = tail(
        [
            Para("Trên đây là Kế hoạch …./."),
            Para("* * Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- Lưu: VT."),
            Para("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tống Thanh Hải"),
        ]
    )
    assert found["recipients"] == ["- Bộ Khoa học và Công nghệ;", "- Lưu: VT."]
    assert found["signer"]["name"] == "Tống Thanh Hải"
