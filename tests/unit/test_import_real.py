"""The importer on documents laid out as provinces and ministries send them (issue 19): Word
files with the letterhead and signature in borderless tables and their own column names, the
same plans as PDFs exported by LibreOffice and Chromium, a published plan as a PDF, text as
people paste it, plans written as prose, a province with no agencies in data/ yet."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest

from generator.importer import import_file
from tests.conftest import draft_tasks
from tests.importdocs import EXTRA, LAO_CAI, MINISTRY, SPECS, docx_bytes, long
from .test_import_cli import _minimal_pdf, data_copy, run  # noqa: F401  (fixture)
from .test_import_roundtrip import built_plans, differences

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests/fixtures/import/pdf"


def _draft(catalog, tmp_path, name, raw, plan="thu-nghiem-2026"):
    path = tmp_path / name
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    return import_file(path, plan, catalog)


def _facts(task):
    return (
        task["number"],
        task["content"],
        task.get("lead"),
        task.get("coordinating"),
        task.get("timeframe"),
        task.get("note"),
        task.get("product"),
    )


def test_a_province_word_file_with_letterhead_and_signature_tables(catalog, tmp_path):
    draft = _draft(catalog, tmp_path, "lao-cai.docx", docx_bytes(LAO_CAI), "lao-cai-thu-nghiem-2026")
    plan = draft.plans[0]
    assert (plan["number"], plan["place"], plan["issued"]) == (
        "134/KH-UBND",
        "Lào Cai",
        datetime.date(2026, 3, 26),
    )
    assert plan["issuer"] == "lao-cai-ubnd"
    assert plan["signer"]["name"] == "Nguyễn Văn Thử" and plan["signer"]["position"] == "PHÓ CHỦ TỊCH"
    assert plan["legal_bases"] == LAO_CAI.bases
    assert "- UBND tỉnh Sơn La;" in plan["recipients"] or "UBND tỉnh Sơn La;" in " ".join(plan["recipients"])
    # the group rows merged across the table are sections; the numbering row '(1) (2) …' is not a task
    assert [(s["number"], s["title"]) for s in plan["sections"]] == [
        ("1", "Tổ chức tuyên truyền về hợp tác thử nghiệm"),
        ("2", "Hợp tác về hạ tầng và an ninh"),
    ]
    tasks = list(draft_tasks(plan["sections"]))
    assert [t["number"] for t in tasks] == ["1.1", "1.2", "2.1", "2.2"]
    # 'Sở, ngành chủ trì tham mưu', 'Đơn vị phối hợp thực hiện', 'Thời gian thực hiện/ hoàn thành', 'Ghi chú'
    assert _facts(tasks[1]) == (
        "1.2",
        "Giới thiệu sản phẩm du lịch cộng đồng của hai tỉnh",
        ["lao-cai-so-van-hoa-the-thao-va-du-lich"],
        ["lao-cai-so-cong-thuong", "lao-cai-so-nong-nghiep-va-moi-truong"],
        "Năm 2026",
        "Phối hợp với tỉnh Sơn La",
        None,
    )
    # bare names are Lào Cai's, proposed with the province in their id, never Sơn La's silently
    ids = {a for t in tasks for a in (t.get("lead") or []) + (t.get("coordinating") or [])}
    assert ids and all(a.startswith("lao-cai-") for a in ids), ids
    assert {a["id"] for a in draft.agencies} >= ids | {"lao-cai-ubnd"}
    assert all(a["province"] == "lao-cai" for a in draft.agencies)
    assert any("son-la-so-xay-dung" in line and "lao-cai-so-xay-dung" in line for line in draft.review)


def test_a_ministry_plan_names_its_units(catalog, tmp_path):
    draft = _draft(catalog, tmp_path, "bo.docx", docx_bytes(MINISTRY), "bnnmt-thu-nghiem-2026")
    plan = draft.plans[0]
    assert (plan["number"], plan["place"]) == ("2150/KH-BNNMT", "Hà Nội")
    assert plan["issuer"] == "central-bo-nong-nghiep-va-moi-truong"
    tasks = list(draft_tasks(plan["sections"]))
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert tasks[0]["lead"] == ["central-bnnmt-cuc-lam-nghiep-va-kiem-lam"]
    assert tasks[0]["coordinating_collective"] == ["Sở Nông nghiệp và Môi trường các tỉnh"]
    # 'Vụ Kế hoạch - Tài chính và Viện Điều tra, Quy hoạch rừng': two bodies, split at 'và'
    assert tasks[2]["coordinating"] == [
        "central-bnnmt-vu-ke-hoach-tai-chinh",
        "central-bnnmt-vien-dieu-tra-quy-hoach-rung",
    ]
    assert tasks[2]["product"] == "Số liệu quan trắc"
    assert {a["province"] for a in draft.agencies} == {None}


def test_an_unknown_column_is_kept_in_the_note_with_one_review_line(catalog, tmp_path):
    spec = dataclasses.replace(LAO_CAI, columns=LAO_CAI.columns[:-1] + ["Đánh giá"])
    draft = _draft(catalog, tmp_path, "cot-la.docx", docx_bytes(spec), "lao-cai-thu-nghiem-2026")
    tasks = list(draft_tasks(draft.plans[0]["sections"]))
    assert tasks[1]["note"] == "Đánh giá: Phối hợp với tỉnh Sơn La"
    assert not any("'Đánh giá'" in m for t in tasks for m in (n.text for n in t.notes))
    assert len([m for m in draft.review if "'Đánh giá'" in m and "note" in m]) == 1


def test_a_known_column_without_a_field_goes_to_the_note_without_review(catalog, tmp_path):
    spec = dataclasses.replace(LAO_CAI, columns=LAO_CAI.columns[:-1] + ["Nguồn kinh phí"])
    draft = _draft(catalog, tmp_path, "cot-la.docx", docx_bytes(spec), "lao-cai-thu-nghiem-2026")
    task = list(draft_tasks(draft.plans[0]["sections"]))[1]
    assert task["note"] == "Nguồn kinh phí: Phối hợp với tỉnh Sơn La"
    assert not any("Nguồn kinh phí" in m for m in draft.review)


@pytest.mark.parametrize("pdf", sorted(p.name for p in PDFS.glob("*.pdf") if p.name.split(".")[0] in SPECS))
def test_a_pdf_export_reads_as_its_word_file(pdf, catalog, tmp_path):
    """The PDF (a table over pages, its header repeated, a row broken at a page) gives the
    very tasks and metadata of the Word file it was exported from."""
    name = pdf.split(".")[0]
    spec = long(SPECS[name], EXTRA[name])
    want = _draft(catalog, tmp_path, f"{name}.docx", docx_bytes(spec)).plans[0]
    got = import_file(PDFS / pdf, "thu-nghiem-2026", catalog).plans[0]
    for key in ("number", "issued", "place", "issuer", "title", "signer", "legal_bases"):
        assert got[key] == want[key], key
    assert len(list(draft_tasks(got["sections"]))) == spec.expected["tasks"]
    assert [_facts(t) for t in draft_tasks(got["sections"])] == [
        _facts(t) for t in draft_tasks(want["sections"])
    ]
    assert [s["title"] for s in got["sections"]] == [s["title"] for s in want["sections"]]


# A word LibreOffice broke inside ('STEM/STEA' | 'M;' in a narrow column): nothing on the page
# tells a wrapped word from two words.
PDF_KNOWN = {("son-la-hung-yen-2022-2025/b-6-4", "content")}


def test_a_published_plan_as_pdf_round_trips(catalog):
    plan_id = "son-la-hung-yen-2022-2025"
    _, plans = built_plans(PDFS / f"{plan_id}.libreoffice.pdf", plan_id, catalog)
    published = catalog.plans[plan_id]
    assert len(plans) == 1 and len(plans[0].tasks) == len(published.tasks) == 42
    found = [
        d
        for d in differences(plans[0], published)
        if (d[1] not in {"number", "issued", "signer"} or "/" in d[0]) and d[:2] not in PDF_KNOWN
    ]
    assert found == [], "\n".join(" ".join(d) for d in found)


def test_a_signing_stamp_alone_asks_for_ocr(tmp_path):
    lines = [
        b"Ky boi: So Tai chinh",
        b"Email: stc@example.vn",
        b"Co quan: Tinh Son La",
        b"Thoi gian ky: 03.12.2026 09:00:00 +07:00",
    ]
    stream = b"BT /F1 9 Tf 400 80 Td 11 TL " + b" ".join(b"(" + ln + b") Tj T*" for ln in lines) + b" ET"
    pdf = tmp_path / "da-ky.pdf"
    pdf.write_bytes(_minimal_pdf(stream))
    result = run("import", pdf, "--plan", "son-la-thu-nghiem-2027")
    assert result.returncode == 1 and "ocrmypdf -l vie" in result.stderr, result.stderr


PASTED = """**ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN**        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
                                           Độc lập - Tự do - Hạnh phúc
Số: 21 /KH-UBND        *Điện Biên, ngày 5 tháng 2 năm 2026*

**KẾ HOẠCH**

**Hợp tác thử nghiệm giữa tỉnh Điện Biên và tỉnh Sơn La năm 2026**

*Căn cứ Biên bản ghi nhớ thử nghiệm giữa hai tỉnh;*

\tỦy ban nhân dân tỉnh Điện Biên ban hành Kế hoạch như sau:

I. NHIỆM VỤ

| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Trao đổi đoàn công tác | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | Quý I/2026 |
| 2 | Kết nối tiêu thụ nông sản | Sở Công Thương | Sở Nông nghiệp và Môi trường | Năm 2026 |

II. TỔ CHỨC THỰC HIỆN

Sở Tài chính chủ trì theo dõi, tổng hợp.

Trên đây là Kế hoạch hợp tác thử nghiệm năm 2026./.

Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
- UBND tỉnh Sơn La;                CHỦ TỊCH
- Lưu: VT.
                                   Lê Văn Thử
"""


def test_text_as_people_paste_it(catalog, tmp_path):
    """Markdown emphasis, a two-column letterhead and signature laid out with spaces, a Tab-
    indented paragraph, a pipe table."""
    plan = _draft(catalog, tmp_path, "dien-bien.txt", PASTED, "dien-bien-thu-nghiem-2026").plans[0]
    assert (plan["number"], plan["place"], plan["issued"]) == (
        "21/KH-UBND",
        "Điện Biên",
        datetime.date(2026, 2, 5),
    )
    assert plan["title"] == "Hợp tác thử nghiệm giữa tỉnh Điện Biên và tỉnh Sơn La năm 2026"
    assert plan["legal_bases"] == ["Căn cứ Biên bản ghi nhớ thử nghiệm giữa hai tỉnh;"]
    assert "Ủy ban nhân dân tỉnh Điện Biên ban hành Kế hoạch như sau:" in plan["preamble"]
    assert plan["signer"]["name"] == "Lê Văn Thử" and plan["issuer"] == "dien-bien-ubnd"
    tasks = list(draft_tasks(plan["sections"]))
    assert [(t["number"], t["lead"], t["timeframe"]) for t in tasks] == [
        ("1", ["dien-bien-so-van-hoa-the-thao-va-du-lich"], "Quý I/2026"),
        ("2", ["dien-bien-so-cong-thuong"], "Năm 2026"),
    ]


def test_a_table_extracted_one_cell_a_line(catalog, tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 22/KH-UBND\nĐiện Biên, ngày 6 tháng 2 năm 2026\n"
        "KẾ HOẠCH\nThử nghiệm bảng một ô một dòng năm 2026\nI. NHIỆM VỤ\n"
        "TT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n"
        "1\nKhảo sát điểm du lịch\nSở Văn hóa, Thể thao và Du lịch\nSở Xây dựng\nQuý II/2026\n"
        "2\nHội nghị xúc tiến đầu tư\nSở Tài chính\nSở Công Thương\nTháng 9/2026\n\n"
        "Trên đây là Kế hoạch./.\n"
    )
    tasks = list(
        draft_tasks(_draft(catalog, tmp_path, "o.txt", text, "dien-bien-o-2026").plans[0]["sections"])
    )
    assert [(t["number"], t["content"], t["coordinating"], t["timeframe"]) for t in tasks] == [
        ("1", "Khảo sát điểm du lịch", ["dien-bien-so-xay-dung"], "Quý II/2026"),
        ("2", "Hội nghị xúc tiến đầu tư", ["dien-bien-so-cong-thuong"], "Tháng 9/2026"),
    ]


def test_a_plan_written_as_prose_names_its_agencies(catalog, tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 23/KH-UBND\nĐiện Biên, ngày 7 tháng 2 năm 2026\n"
        "KẾ HOẠCH\nThử nghiệm kế hoạch viết bằng văn xuôi năm 2026\nI. NHIỆM VỤ\n1. Về thương mại\n"
        "- Sở Công Thương chủ trì, phối hợp với Sở Xây dựng tổ chức hội chợ hàng nông sản.\n"
        "- Giao Sở Tài chính tham mưu bố trí kinh phí thực hiện các hoạt động xúc tiến.\n"
        "2. Về du lịch\n- Sở Văn hóa, Thể thao và Du lịch: chủ trì xây dựng chương trình du lịch.\n"
        "Trên đây là Kế hoạch./.\n"
    )
    tasks = list(
        draft_tasks(_draft(catalog, tmp_path, "p.txt", text, "dien-bien-p-2026").plans[0]["sections"])
    )
    assert [(t.get("lead"), t.get("coordinating")) for t in tasks] == [
        (["dien-bien-so-cong-thuong"], ["dien-bien-so-xay-dung"]),
        (["dien-bien-so-tai-chinh"], None),
        (["dien-bien-so-van-hoa-the-thao-va-du-lich"], None),
    ]
    # one review line per kind of doubt, on the part, naming the lines of the tasks it concerns
    section = _draft(catalog, tmp_path, "p.txt", text, "dien-bien-p-2026").plans[0]["sections"][0]
    notes = [n.text for n in section.notes]
    assert "2 nhiệm vụ: cơ quan chủ trì đọc từ chủ ngữ của câu (dòng 9, 10)" in notes
    assert "1 nhiệm vụ: cơ quan chủ trì là phần trước dấu ':' (dòng 12)" in notes
    assert not any("chủ ngữ" in m for t in tasks for m in (n.text for n in t.notes))


def test_rows_that_need_a_person_are_flagged(catalog, tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 12 KH/UBND\nKẾ HOẠCH\nThử nghiệm năm 2026\n\n"
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Nhiệm vụ không có chủ trì | | Sở Xây dựng | Năm 2026 |\n"
        "| 2 | Nhiệm vụ có chủ trì | Sở Tài chính | | |\n"
    )
    plan = _draft(catalog, tmp_path, "r.txt", text, "son-la-r-2026").plans[0]
    first, second = draft_tasks(plan["sections"])
    assert any("không có cơ quan chủ trì" in m for m in (n.text for n in first.notes))
    assert not any("không có cơ quan chủ trì" in m for m in (n.text for n in second.notes))
    assert any("số hiệu '12 KH/UBND'" in m for m in (n.text for n in plan.notes))


def test_numbered_rows_without_a_header_are_kept_and_flagged(catalog, tmp_path):
    import docx

    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "KẾ HOẠCH",
        "Thử nghiệm năm 2026",
        "I. NHIỆM VỤ",
        "1. Về hợp tác",
        "- Trao đổi kinh nghiệm giữa hai tỉnh.",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=3)
    for n in range(1, 4):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(n), f"Việc số {n} không tiêu đề", "Sở Tài chính"
    path = tmp_path / "khong-tieu-de.docx"
    document.save(path)
    draft = import_file(path, "son-la-k-2026", catalog)
    assert any("không có dòng tiêu đề cột" in m for m in draft.review)
    assert "Việc số 3 không tiêu đề" in json.dumps(draft.plans, ensure_ascii=False, default=str)


def test_two_plans_of_one_document_never_share_an_id(catalog):
    """Seed 004 forwards HCM's plan 4778/KH-UBND: --plan naming the forwarded plan gives it
    that id, and the dispatch its own."""
    seed = ROOT / "data/sources" / "004_f4e4cd4bac5b5cd1.txt"
    if not seed.exists():
        seed = ROOT.parent / "shared/seeds/004_f4e4cd4bac5b5cd1.txt"
    for given in ("ho-chi-minh-4778-kh-ubnd-2023", "nghe-an-8177-ubnd-cn-2023"):
        plans = import_file(seed, given, catalog).plans
        ids = [p["id"] for p in plans]
        assert ids == ["nghe-an-8177-ubnd-cn-2023", "ho-chi-minh-4778-kh-ubnd-2023"], given
        assert len(list(draft_tasks(plans[1]["sections"]))) == 80


def test_write_validates_with_the_proposed_agencies(data_copy, tmp_path):
    source = tmp_path / "lao-cai.docx"
    source.write_bytes(docx_bytes(LAO_CAI))
    result = run("import", source, "--plan", "lao-cai-thu-nghiem-2026", "--write", "--data", data_copy)
    assert result.returncode == 0, result.stderr
    assert (data_copy / "agencies/lao-cai-thu-nghiem-2026.de-xuat.yml").exists()
    check = run("validate", data_copy)
    assert check.returncode == 0, check.stdout + check.stderr


def test_write_refuses_a_draft_that_does_not_validate(data_copy, tmp_path):
    source = tmp_path / "khong-nam.txt"
    source.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 23/KH-UBND\nKẾ HOẠCH\nThử nghiệm không ghi "
        "năm\nI. NHIỆM VỤ\n1. Về thương mại\n- Sở Công Thương chủ trì tổ chức hội chợ.\n",
        encoding="utf-8",
    )
    before = sorted(p.relative_to(data_copy) for p in data_copy.rglob("*"))
    result = run("import", source, "--plan", "dien-bien-thu", "--write", "--data", data_copy)
    assert result.returncode == 1
    assert "data/plans/dien-bien-thu.yml:" in result.stderr and "'period'" in result.stderr
    assert "không ghi tệp nào" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(data_copy) for p in data_copy.rglob("*")) == before
    assert run("validate", data_copy).returncode == 0


def test_tables_over_the_row_limit_are_refused_at_once(tmp_path):
    from generator.importer import MAX_ROWS

    rows = "".join(f"| {i} | Nhiệm vụ {i} | Sở Tài chính | | Năm 2026 |\n" for i in range(1, MAX_ROWS + 2))
    source = tmp_path / "lon.txt"
    source.write_text(
        "KẾ HOẠCH\nThử nghiệm năm 2026\n\n| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối "
        "hợp | Thời gian |\n|---|---|---|---|---|\n" + rows,
        encoding="utf-8",
    )
    result = run("import", source, "--plan", "son-la-lon-2026")
    assert result.returncode == 1 and "5.002 dòng" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_name_cannot_add_keys_to_the_draft(catalog, tmp_path):
    source = tmp_path / "ke-hoach\nid: evil\n.txt"
    source.write_text(PASTED, encoding="utf-8")
    result = run("import", source, "--plan", "dien-bien-thu-nghiem-2026")
    assert result.returncode == 0, result.stderr
    assert "\nid: evil" not in result.stdout and "ke-hoach?id: evil?.txt" in result.stdout
