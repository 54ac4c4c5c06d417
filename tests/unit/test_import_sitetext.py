"""Text from legal-document web sites: grids of '|' lines and blank-line paragraphs."""

from generator.importer.blocks import Para, Table
from generator.importer.textfile import read_text

SITE = """|
**ỦY BAN NHÂN DÂN**
TỈNH A
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
|
|
Số: 12/KH-UBND
|
*A, ngày 3
tháng 4 năm 2025*
|

**1. Sở Tài
chính**

- Chủ trì thẩm định
kinh phí.

|
STT
|
Nội dung
|
|
1
|
Việc một
- Ý thứ nhất
|
"""


def test_grids_give_rows_and_paragraphs_keep_their_lines():
    doc = read_text(SITE, "x.txt")
    grids = [b for b in doc.blocks if isinstance(b, Table)]
    paras = [b for b in doc.blocks if isinstance(b, Para)]
    assert grids[0].rows == [
        ["ỦY BAN NHÂN DÂN TỈNH A", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 12/KH-UBND", "A, ngày 3 tháng 4 năm 2025"],
    ]
    assert grids[0].row_lines == [2, 9]
    assert grids[1].rows == [["STT", "Nội dung"], ["1", "Việc một\n- Ý thứ nhất"]]
    assert grids[1].row_lines == [22, 27]
    assert [(p.text, p.line, p.emphasis) for p in paras] == [
        ("1. Sở Tài chính", 15, "bold"),
        ("- Chủ trì thẩm định kinh phí.", 18, ""),
    ]
