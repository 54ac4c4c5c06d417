"""Plan documents laid out as provinces and ministries really send them, written here with
python-docx (nothing downloaded): the letterhead and the 'Nơi nhận' / signature block in
borderless tables, the task table with the province's own column names, a numbering row
'(1) (2) …', group rows merged across the table, a header repeated on every page.

The plans are test fixtures, not facts: 'thử nghiệm' stands in their titles and no file of
data/ is made from them. tests/fixtures/import/pdf/make_pdfs.py exports the same documents
to PDF (LibreOffice, Chromium) for the PDF reader's tests.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


@dataclass
class Spec:
    letterhead: list[list[str]]  # rows of cells ('\n' = a new paragraph in the cell)
    kind: str  # 'KẾ HOẠCH'
    title: str
    bases: list[str]
    before: list[str]  # paragraphs between the bases and the table
    columns: list[str]
    rows: list[list[str]]  # a row of one cell is a group row merged across
    after: list[str]
    signature: list[list[str]]
    numbering_row: bool = True
    expected: dict = field(default_factory=dict)


LAO_CAI = Spec(
    letterhead=[
        [
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n-------",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------",
        ],
        ["Số: 134 /KH-UBND", "Lào Cai, ngày 26 tháng 3 năm 2026"],
    ],
    kind="KẾ HOẠCH",
    title="Thực hiện hợp tác thử nghiệm giữa tỉnh Lào Cai và tỉnh Sơn La năm 2026",
    bases=[
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Căn cứ Biên bản ghi nhớ hợp tác thử nghiệm giữa hai tỉnh;",
    ],
    before=[
        "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Cụ thể hóa các nội dung hợp tác thử nghiệm giữa hai tỉnh.",
        "II. NHIỆM VỤ CỤ THỂ",
    ],
    columns=[
        "TT",
        "Tên nhiệm vụ",
        "Sở, ngành chủ trì tham mưu",
        "Đơn vị phối hợp thực hiện",
        "Thời gian thực hiện/ hoàn thành",
        "Ghi chú",
    ],
    rows=[
        ["1. Tổ chức tuyên truyền về hợp tác thử nghiệm"],
        [
            "1.1",
            "Tuyên truyền nội dung hợp tác trên báo, đài của tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Báo và Phát thanh, Truyền hình Lào Cai",
            "Quý II/2026",
            "",
        ],
        [
            "1.2",
            "Giới thiệu sản phẩm du lịch cộng đồng của hai tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Công Thương, Sở Nông nghiệp và Môi trường",
            "Năm 2026",
            "Phối hợp với tỉnh Sơn La",
        ],
        ["2. Hợp tác về hạ tầng và an ninh"],
        [
            "2.1",
            "Rà soát kết nối giao thông giữa hai tỉnh",
            "Sở Xây dựng",
            "Công an tỉnh, Sở Tài chính",
            "Tháng 6/2026",
            "",
        ],
        [
            "2.2",
            "Trao đổi thông tin về an ninh trật tự vùng giáp ranh",
            "Công an tỉnh",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Thường xuyên",
            "",
        ],
    ],
    after=[
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính theo dõi, tổng hợp "
        "kết quả thực hiện Kế hoạch.",
        "Trên đây là Kế hoạch thực hiện hợp tác thử nghiệm năm 2026 của tỉnh Lào Cai./.",
    ],
    signature=[
        [
            "Nơi nhận:\n- UBND tỉnh Sơn La;\n- Các sở, ban, ngành tỉnh;\n- Lưu: VT.",
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thử",
        ]
    ],
    expected={
        "number": "134/KH-UBND",
        "place": "Lào Cai",
        "issued": "2026-03-26",
        "province": "lao-cai",
        "tasks": 4,
    },
)

MINISTRY = Spec(
    letterhead=[
        ["BỘ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        ["Số: 2150/KH-BNNMT", "Hà Nội, ngày 10 tháng 4 năm 2026"],
    ],
    kind="KẾ HOẠCH",
    title="Triển khai thử nghiệm phối hợp với các địa phương vùng Tây Bắc năm 2026",
    bases=["Căn cứ Nghị định thử nghiệm về chức năng, nhiệm vụ của Bộ;"],
    before=["I. MỤC ĐÍCH", "Phối hợp thử nghiệm giữa Bộ và các địa phương.", "II. NỘI DUNG"],
    columns=[
        "STT",
        "Nội dung hoạt động",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời hạn hoàn thành",
        "Sản phẩm",
    ],
    rows=[
        ["I", "Lâm nghiệp"],
        [
            "1",
            "Hướng dẫn bảo vệ rừng đầu nguồn",
            "Cục Lâm nghiệp và Kiểm lâm",
            "Cục Lâm nghiệp và Kiểm lâm, Sở Nông nghiệp và Môi trường các tỉnh",
            "Quý III/2026",
            "Văn bản hướng dẫn",
        ],
        [
            "2",
            "Điều tra hiện trạng rừng",
            "Viện Điều tra, Quy hoạch rừng",
            "Vụ Kế hoạch - Tài chính",
            "Tháng 12/2026",
            "Báo cáo",
        ],
        ["II", "Môi trường"],
        [
            "3",
            "Quan trắc chất lượng nước sông Đà",
            "Cục Kiểm soát ô nhiễm môi trường",
            "Vụ Kế hoạch - Tài chính và Viện Điều tra, Quy hoạch rừng",
            "Năm 2026",
            "Số liệu quan trắc",
        ],
    ],
    after=["III. TỔ CHỨC THỰC HIỆN", "Vụ Kế hoạch - Tài chính chủ trì theo dõi, đôn đốc thực hiện Kế hoạch."],
    signature=[
        ["Nơi nhận:\n- Bộ trưởng (để b/c);\n- Lưu: VT, KHTC.", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thử"]
    ],
    expected={
        "number": "2150/KH-BNNMT",
        "place": "Hà Nội",
        "issued": "2026-04-10",
        "province": None,
        "tasks": 3,
    },
)

SPECS = {"lao-cai": LAO_CAI, "bo": MINISTRY}


def long(spec: Spec, extra: int) -> Spec:
    """The plan with `extra` more tasks in a last group, long enough for the task table to run
    over two or three pages (the PDF fixtures): its rows stay distinct and numbered."""
    width = len(spec.columns)
    provincial = spec is LAO_CAI
    rows = list(spec.rows) + [["3. Các nhiệm vụ thử nghiệm khác"] if provincial else ["III", "Nhiệm vụ khác"]]
    first = 4
    for k in range(1, extra + 1):
        number = f"3.{k}" if provincial else str(first + k - 1)
        content = (
            f"Nhiệm vụ thử nghiệm thứ {k}: khảo sát, đánh giá và đề xuất giải pháp hợp tác "
            "trong lĩnh vực được giao, báo cáo kết quả cho cơ quan chủ trì tổng hợp"
        )
        lead = "Sở Tài chính" if provincial else "Vụ Kế hoạch - Tài chính"
        cells = [number, content, lead, "", f"Tháng {1 + k % 12}/2026"] + [""] * (width - 5)
        rows.append(cells[:width])
    expected = dict(spec.expected, tasks=spec.expected["tasks"] + extra)
    return Spec(
        spec.letterhead,
        spec.kind,
        spec.title,
        spec.bases,
        spec.before,
        spec.columns,
        rows,
        spec.after,
        spec.signature,
        spec.numbering_row,
        expected,
    )


EXTRA = {"lao-cai": 24, "bo": 20}


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _fill(cell, text: str, bold: bool = False) -> None:
    parts = text.split("\n")
    cell.text = ""
    first = True
    for part in parts:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = para.add_run(part)
        run.bold = bold


def _layout_table(document, rows) -> None:
    table = document.add_table(rows=0, cols=max(len(r) for r in rows))
    for values in rows:
        row = table.add_row()
        for cell, value in zip(row.cells, values):
            _fill(cell, value)
            for para in cell.paragraphs:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _borderless(table)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _task_table(document, spec: Spec) -> None:
    table = document.add_table(rows=0, cols=len(spec.columns))
    table.style = "Table Grid"
    head = table.add_row()
    for cell, name in zip(head.cells, spec.columns):
        _fill(cell, name, bold=True)
    _repeat_header(head)
    if spec.numbering_row:
        numbers = table.add_row()
        for index, cell in enumerate(numbers.cells, 1):
            _fill(cell, f"({index})")
    for values in spec.rows:
        row = table.add_row()
        if len(values) == 1:  # a group row: one cell across
            merged = row.cells[0].merge(row.cells[-1])
            _fill(merged, values[0], bold=True)
            continue
        if len(values) == 2:  # a section row: number, then title across
            _fill(row.cells[0], values[0], bold=True)
            merged = row.cells[1].merge(row.cells[-1])
            _fill(merged, values[1], bold=True)
            continue
        for cell, value in zip(row.cells, values):
            _fill(cell, value)


def document(spec: Spec):
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    _layout_table(doc, spec.letterhead)
    for text, bold in ((spec.kind, True), (spec.title, False)):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(text).bold = bold
    for text in spec.bases + spec.before:
        doc.add_paragraph(text)
    _task_table(doc, spec)
    for text in spec.after:
        doc.add_paragraph(text)
    _layout_table(doc, spec.signature)
    return doc


def docx_bytes(spec: Spec) -> bytes:
    out = io.BytesIO()
    document(spec).save(out)
    return out.getvalue()
