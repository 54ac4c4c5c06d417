"""The general Vietnamese administrative words the importer reads documents by, as data, in one
place: the kinds of document (Nghị định 30/2020/NĐ-CP, Phụ lục III), the words the signer's
authority and position begin with, the abbreviations officials use for agencies, and the phrases
that name no one body. Everything is folded (no tones, lower case, "đ" -> "d"), as
textnorm.fold() makes text; nothing here names a province, a document or a file.
"""
from __future__ import annotations

# tên loại văn bản -> the portal's `type` (fields.py, Plan.type)
DOCUMENT_TYPES = {
    "ke hoach": "ke-hoach", "quyet dinh": "quyet-dinh", "to trinh": "to-trinh",
    "chuong trinh": "chuong-trinh", "cong van": "cong-van", "de an": "ke-hoach",
    "phuong an": "ke-hoach", "thong bao": "cong-van", "huong dan": "cong-van",
    "chi thi": "cong-van", "cong dien": "cong-van", "nghi quyet": "ke-hoach",
}
# the national motto and its rule (quốc hiệu và tiêu ngữ)
MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap – tu do – hanh phuc",
         "doc lap-tu do-hanh phuc")
# paragraphs that open the content (căn cứ ban hành), so the title (trích yếu) has ended;
# a title may itself begin with the words of BASIS ('Thực hiện công tác bầu cử …'), never OPENING
OPENING = ("can cu", "kinh gui")
BASIS = OPENING + ("thuc hien ", "theo de nghi", "xet ", "de trien khai", "nham ")
# the authority a decision is issued by, printed in capitals under its title
# ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …', 'BỘ TRƯỞNG BỘ …', 'ỦY BAN NHÂN DÂN THÀNH PHỐ …')
AUTHORITY = ("chu tich ", "bo truong ", "thu tuong ", "uy ban nhan dan ", "ban thuong truc ",
             "giam doc ", "truong ban ", "chanh van phong ", "ban chap hanh ", "thuong truc ")
# thể thức ký: 'TM.' (on behalf of a collective), 'KT.' (deputy for the head), 'Q.' (acting),
# 'TL.', 'TUQ.' (by authority), 'PP.'
SIGN_FORMULAS = ("TM", "KT", "Q", "TL", "TUQ", "PP")
# where the position (chức vụ) begins after a formula's body ('KT. CHỦ TỊCH | PHÓ CHỦ TỊCH',
# 'TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH', 'KT. BỘ TRƯỞNG | THỨ TRƯỞNG')
POSITIONS = ("pho ", "chu tich", "thu truong", "bo truong", "giam doc", "thu tuong", "truong ban",
             "truong tieu ban", "chanh van phong", "chanh thanh tra", "cuc truong", "vu truong",
             "bi thu", "chu nhiem", "tong giam doc", "truong phong", "uy vien")
