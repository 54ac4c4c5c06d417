"""Words of Vietnamese administrative documents the importer reads by, kept as data.

Only general terms of administrative writing, never a phrase of one document. Everything is
folded (no accents, lower case: `textnorm.fold`), so 'Cơ quan chủ trì' is 'co quan chu tri'.

Task-table columns: how officials name the columns of a task table. `TASK_COLUMNS` is tried
in order, the first phrase a header holds names its field: a phrase that could hold another
(‘Theo dõi, kiểm tra, đôn đốc’ holds no task, ‘Thuộc nhóm nhiệm vụ’ is not the task itself)
comes before the phrase it holds. A field 'note:' is a column the portal has no field for but
that is known: its cells go to the task's note under the column's own name, without a review
line (an unknown column goes there too, with one review line).
"""
from __future__ import annotations

NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "s tt", "thu tu"})

TASK_COLUMNS: tuple[tuple[str, str], ...] = (
    # beside the task: known columns kept in the note under their name
    ("thuoc nhom", "note:"), ("nhom nhiem vu", "note:"), ("linh vuc", "note:"),
    ("theo doi", "note:"), ("giam sat", "note:"), ("don doc", "note:"),
    ("nguon kinh phi", "note:"), ("kinh phi", "note:"), ("nguon luc", "note:"), ("nguon von", "note:"),
    ("du toan", "note:"), ("tinh trang", "note:"), ("muc do uu tien", "note:"),
    ("ghi chu", "note"),
    # who
    ("phoi hop", "coordinating_text"), ("chu tri", "lead_text"), ("trach nhiem", "lead_text"),
    ("co quan thuc hien", "lead_text"), ("don vi thuc hien", "lead_text"),
    ("to chuc thuc hien", "lead_text"), ("nguoi thuc hien", "lead_text"), ("phan cong", "lead_text"),
    # when
    ("thoi gian", "timeframe"), ("thoi han", "timeframe"), ("tien do", "timeframe"),
    ("moc thoi gian", "timeframe"), ("lo trinh", "timeframe"),
    # what comes of it
    ("san pham", "product"), ("ket qua", "product"), ("chi tieu", "product"),
    ("hinh thuc", "form"), ("dau moi", "contact"), ("lien he", "contact"),
    # the task itself
    ("noi dung", "content"), ("nhiem vu", "content"), ("giai phap", "content"),
    ("hoat dong", "content"), ("ten cong viec", "content"), ("cong viec", "content"),
    ("danh muc", "content"), ("ten du an", "content"), ("du an", "content"),
    ("chuong trinh", "content"), ("de an", "content"),
)

# The fields a task table must name besides the task: who does it.
RESPONSIBLE_FIELDS = frozenset({"lead_text", "coordinating_text"})

# What a cell holding a time usually says ('Quý IV/2025', 'Hằng năm', 'Giai đoạn 2026 - 2030'):
# regular expressions over the folded text.
TIME_PATTERNS = (r"\bquy [ivx]+\b", r"\bquy \d\b", r"\bthang \d", r"\bnam \d{4}", r"\b(?:hang|hàng) (?:nam|thang|quy|tuan)\b",
                 r"\bthuong xuyen\b", r"\bdinh ky\b", r"\bgiai doan\b", r"\btruoc ngay\b", r"\btu ngay\b",
                 r"\bden ngay\b", r"\blien tuc\b", r"\bkip thoi\b", r"\b\d{1,2}/\d{4}\b")

# How the name of a body begins: 'Sở …', 'UBND …', 'Các bộ, ngành …', '- Bộ …'.
AGENCY_STARTS = ("so ", "bo ", "ban ", "ubnd", "uy ban", "cong an", "cuc ", "chi cuc", "vien ",
                 "trung tam", "van phong", "thanh tra", "ngan hang", "dai ", "bao ", "hoi ",
                 "lien doan", "lien minh", "tinh doan", "doan ", "mat tran", "kho bac", "thue ",
                 "bao hiem", "cac so", "cac bo", "cac co quan", "cac don vi", "cac dia phuong",
                 "cac nganh", "cac truong", "co quan", "don vi", "chinh quyen", "toa an")
