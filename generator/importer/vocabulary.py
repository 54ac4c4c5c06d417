"""The general Vietnamese administrative words the importer reads documents by, as data, in one
place (the header, the agencies, the task tables' columns, and the prose readers' names,
labels and titles below): the kinds of document (Nghị định 30/2020/NĐ-CP, Phụ lục III), the words the signer's
authority and position begin with, the abbreviations officials use for agencies, and the phrases
that name no one body. Everything is folded (no tones, lower case, "đ" -> "d"), as
textnorm.fold() makes text; nothing here names a province, a document or a file.

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

# tên loại văn bản -> the kind the importer reads it as (PORTAL_TYPES: what Plan.type accepts;
# a decision or submission carrying a plan is recorded as the plan it issues, the printed type
# named in a review line)
DOCUMENT_TYPES = {
    "ke hoach": "ke-hoach",
    "quyet dinh": "quyet-dinh",
    "to trinh": "to-trinh",
    "chuong trinh": "chuong-trinh",
    "cong van": "cong-van",
    "de an": "ke-hoach",
    "phuong an": "ke-hoach",
    "thong bao": "cong-van",
    "huong dan": "cong-van",
    "chi thi": "cong-van",
    "cong dien": "cong-van",
    "nghi quyet": "ke-hoach",
}
PORTAL_TYPES = ("ke-hoach", "cong-van")
# the national motto and its rule (quốc hiệu và tiêu ngữ)
MOTTO = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "doc lap – tu do – hanh phuc",
    "doc lap-tu do-hanh phuc",
)
# paragraphs that open the content (căn cứ ban hành), so the title (trích yếu) has ended;
# a title may itself begin with the words of BASIS ('Thực hiện công tác bầu cử …'), never OPENING
OPENING = ("can cu", "kinh gui")
BASIS = OPENING + ("thuc hien ", "theo de nghi", "xet ", "de trien khai", "nham ")
# the authority a decision is issued by, printed in capitals under its title
# ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …', 'BỘ TRƯỞNG BỘ …', 'ỦY BAN NHÂN DÂN THÀNH PHỐ …')
AUTHORITY = (
    "chu tich ",
    "bo truong ",
    "thu tuong ",
    "uy ban nhan dan ",
    "ban thuong truc ",
    "giam doc ",
    "truong ban ",
    "chanh van phong ",
    "ban chap hanh ",
    "thuong truc ",
)
# thể thức ký: 'TM.' (on behalf of a collective), 'KT.' (deputy for the head), 'Q.' (acting),
# 'TL.', 'TUQ.' (by authority), 'PP.'
SIGN_FORMULAS = ("TM", "KT", "Q", "TL", "TUQ", "PP")
# where the position (chức vụ) begins after a formula's body ('KT. CHỦ TỊCH | PHÓ CHỦ TỊCH',
# 'TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH', 'KT. BỘ TRƯỞNG | THỨ TRƯỞNG')
POSITIONS = (
    "pho ",
    "chu tich",
    "thu truong",
    "bo truong",
    "giam doc",
    "thu tuong",
    "truong ban",
    "truong tieu ban",
    "chanh van phong",
    "chanh thanh tra",
    "cuc truong",
    "vu truong",
    "bi thu",
    "chu nhiem",
    "tong giam doc",
    "truong phong",
    "uy vien",
)

# --- agencies (agencies.py) ----------------------------------------------------------------
# the words an agency's name begins with: a phrase that begins otherwise is no body, and is
# kept as written ("Theo phân công tại Quyết định …", "Doanh nghiệp, cộng đồng …")
AGENCY_BEGINNINGS = (
    "so ",
    "cuc ",
    "chi cuc ",
    "tong cuc ",
    "vu ",
    "vien ",
    "hoc vien ",
    "ban ",
    "bo ",
    "ubnd ",
    "uy ban ",
    "cong an ",
    "trung tam ",
    "van phong ",
    "dai ",
    "bao ",
    "hoi ",
    "hiep hoi ",
    "lien minh ",
    "lien doan ",
    "tinh doan",
    "thanh doan",
    "doan ",
    "truong ",
    "benh vien ",
    "kho bac ",
    "ngan hang ",
    "thanh tra ",
    "quy dau tu ",
    "quy ho tro ",
    "quy phat trien ",
    "quy bao ",
    "tong cong ty ",
    "cong ty ",
    "mat tran ",
    "dai hoc ",
    "vuon quoc gia ",
    "hai quan ",
    "cuc thue ",
    "thue ",
    "chi nhanh ",
    "to cong tac ",
    "to giup viec",
    "toa an ",
    "vien kiem sat ",
    "nha xuat ban ",
    "thong tan xa ",
    "lien hiep ",
    "bao hiem xa hoi",
    "tinh uy",
    "thanh uy",
    "dang uy",
    "huyen uy",
    "tieu ban ",
    "phong ",
    "cong thong tin ",
    "dien luc ",
    "buu dien ",
    "hat kiem lam",
    "canh sat ",
    "bo doi ",
    "cang vu ",
    "hop tac xa ",
    "ubmttq",
    "hdnd",
    "hoi dong ",
    "tap chi ",
    "dai phat thanh",
)
# a central ministry's own units ('Cục …', 'Vụ …'): central bodies when a ministry issues the plan
MINISTRY_UNITS = (
    "cuc ",
    "vu ",
    "vien ",
    "van phong bo",
    "thanh tra bo",
    "tong cuc ",
    "trung tam ",
    "hoc vien ",
    "ban quan ly ",
    "bao ",
    "tap chi ",
)
# a person named by office ('Đồng chí Phó Chủ tịch …', 'Chủ tịch UBND xã', 'Trưởng thôn'): kept
# as printed, never an agency
PERSONS = (
    "dong chi ",
    "ong ",
    "ba ",
    "chu tich ",
    "pho chu tich",
    "truong thon",
    "truong ban ",
    "pho truong ",
    "truong tieu ban",
    "giam doc ",
    "pho giam doc",
    "chuyen vien ",
    "can bo ",
    "thu truong ",
    "nguoi dung dau",
    "lanh dao ",
    "bi thu ",
    "pho bi thu",
    "uy vien ",
    "thanh vien ",
    "cong chuc ",
    "to truong ",
    "chanh van phong",
    "bo truong ",
    "thu tuong ",
)
# a list after a plural kind: 'Các sở: Tài chính, Xây dựng' -> 'Sở Tài chính', 'Sở Xây dựng'
LIST_KINDS = {
    "cac so": "Sở ",
    "so": "Sở ",
    "cac so, nganh": "Sở ",
    "cac bo": "Bộ ",
    "cac bo, nganh": "Bộ ",
    "cac cuc": "Cục ",
    "cac vu": "Vụ ",
    "cac ban": "Ban ",
}
# abbreviations officials print (folded, as whole words) -> the words they stand for
ABBREVIATIONS = {
    "kh&cn": "Khoa học và Công nghệ",
    "khcn": "Khoa học và Công nghệ",
    "tn&mt": "Tài nguyên và Môi trường",
    "tnmt": "Tài nguyên và Môi trường",
    "nn&mt": "Nông nghiệp và Môi trường",
    "nnmt": "Nông nghiệp và Môi trường",
    "nn&ptnt": "Nông nghiệp và Phát triển nông thôn",
    "nnptnt": "Nông nghiệp và Phát triển nông thôn",
    "gd&dt": "Giáo dục và Đào tạo",
    "gddt": "Giáo dục và Đào tạo",
    "vh,tt&dl": "Văn hóa, Thể thao và Du lịch",
    "vhttdl": "Văn hóa, Thể thao và Du lịch",
    "vh-tt&dl": "Văn hóa, Thể thao và Du lịch",
    "ldtb&xh": "Lao động - Thương binh và Xã hội",
    "ldtbxh": "Lao động - Thương binh và Xã hội",
    "tt&tt": "Thông tin và Truyền thông",
    "tttt": "Thông tin và Truyền thông",
    "kh&dt": "Kế hoạch và Đầu tư",
    "khdt": "Kế hoạch và Đầu tư",
    "gtvt": "Giao thông vận tải",
    "ubnd": "Ủy ban nhân dân",
    "bch": "Bộ Chỉ huy",
    "mttq": "Mặt trận Tổ quốc",
    "hdnd": "Hội đồng nhân dân",
    "ql": "Quản lý",
    "kcn": "Khu công nghiệp",
    "kkt": "Khu kinh tế",
}
# the name of the document's own province left implicit: 'Công an tỉnh', 'UBND Thành phố'
OWN_PROVINCE_SUFFIXES = ("tinh", "thanh pho", "tp", "tp.")
# bodies whose own name is whole: a proposal does not add the province ('Hợp tác xã Chè Tà Xùa')
NO_PROVINCE_LABEL = ("hop tac xa ",)


# ---- task tables (tablecols.py) ----
NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "s tt", "thu tu"})

TASK_COLUMNS: tuple[tuple[str, str], ...] = (
    # beside the task: known columns kept in the note under their name
    ("thuoc nhom", "note:"),
    ("nhom nhiem vu", "note:"),
    ("linh vuc", "note:"),
    ("theo doi", "note:"),
    ("giam sat", "note:"),
    ("don doc", "note:"),
    ("nguon kinh phi", "note:"),
    ("kinh phi", "note:"),
    ("nguon luc", "note:"),
    ("nguon von", "note:"),
    ("du toan", "note:"),
    ("tinh trang", "note:"),
    ("muc do uu tien", "note:"),
    ("ghi chu", "note"),
    # who
    ("phoi hop", "coordinating_text"),
    ("chu tri", "lead_text"),
    ("trach nhiem", "lead_text"),
    ("co quan thuc hien", "lead_text"),
    ("don vi thuc hien", "lead_text"),
    ("to chuc thuc hien", "lead_text"),
    ("nguoi thuc hien", "lead_text"),
    ("phan cong", "lead_text"),
    # when
    ("thoi gian", "timeframe"),
    ("thoi han", "timeframe"),
    ("tien do", "timeframe"),
    ("moc thoi gian", "timeframe"),
    ("lo trinh", "timeframe"),
    # what comes of it
    ("san pham", "product"),
    ("ket qua", "product"),
    ("chi tieu", "product"),
    ("hinh thuc", "form"),
    ("dau moi", "contact"),
    ("lien he", "contact"),
    # the task itself
    ("noi dung", "content"),
    ("nhiem vu", "content"),
    ("giai phap", "content"),
    ("hoat dong", "content"),
    ("ten cong viec", "content"),
    ("cong viec", "content"),
    ("danh muc", "content"),
    ("ten du an", "content"),
    ("du an", "content"),
    ("chuong trinh", "content"),
    ("de an", "content"),
)

# The fields a task table must name besides the task: who does it.
RESPONSIBLE_FIELDS = frozenset({"lead_text", "coordinating_text"})

# What a cell holding a time usually says ('Quý IV/2025', 'Hằng năm', 'Giai đoạn 2026 - 2030'):
# regular expressions over the folded text.
TIME_PATTERNS = (
    r"\bquy [ivx]+\b",
    r"\bquy \d\b",
    r"\bthang \d",
    r"\bnam \d{4}",
    r"\b(?:hang|hàng) (?:nam|thang|quy|tuan)\b",
    r"\bthuong xuyen\b",
    r"\bdinh ky\b",
    r"\bgiai doan\b",
    r"\btruoc ngay\b",
    r"\btu ngay\b",
    r"\bden ngay\b",
    r"\blien tuc\b",
    r"\bkip thoi\b",
    r"\b\d{1,2}/\d{4}\b",
)

# How the name of a body begins: 'Sở …', 'UBND …', 'Các bộ, ngành …', '- Bộ …'.
AGENCY_STARTS = (
    "so ",
    "bo ",
    "ban ",
    "ubnd",
    "uy ban",
    "cong an",
    "cuc ",
    "chi cuc",
    "vien ",
    "trung tam",
    "van phong",
    "thanh tra",
    "ngan hang",
    "dai ",
    "bao ",
    "hoi ",
    "lien doan",
    "lien minh",
    "tinh doan",
    "doan ",
    "mat tran",
    "kho bac",
    "thue ",
    "bao hiem",
    "cac so",
    "cac bo",
    "cac co quan",
    "cac don vi",
    "cac dia phuong",
    "cac nganh",
    "cac truong",
    "co quan",
    "don vi",
    "chinh quyen",
    "toa an",
)


# ---- tasks written in prose (prose/*.py): as printed, with their tones (not folded unless said) ----
PROSE_AGENCY_BEGINNINGS = (
    "sở",
    "công an",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "ubmttq",
    "mttq",
    "mặt trận",
    "văn phòng",
    "thanh tra",
    "trung tâm",
    "chi cục",
    "cục",
    "kho bạc",
    "ngân hàng",
    "tỉnh đoàn",
    "thành đoàn",
    "liên đoàn",
    "liên minh",
    "hội đồng",
    "tòa án",
    "toà án",
    "viện kiểm sát",
    "bộ chỉ huy",
    "bộ đội",
    "công ty",
    "tổng công ty",
    "đài",
    "bệnh viện",
    "đảng ủy",
    "đảng uỷ",
    "thường trực",
    "hđnd",
    "sở, ban, ngành",
)
STRICT_BEGINNINGS = (
    "bộ",
    "ban",
    "hội",
    "báo",
    "viện",
    "tổ",
    "đoàn",
    "trường",
    "vụ",
    "tập đoàn",
    "doanh nghiệp",
)
# ... and when they begin an ordinary compound word they name no body at all.
NOT_BODIES = (
    "tổ chức",
    "ban hành",
    "báo cáo",
    "hội nghị",
    "hội thảo",
    "hội thi",
    "hội chợ",
    "bộ tiêu chí",
    "bộ chỉ số",
    "bộ câu hỏi",
    "đoàn kết",
    "trường hợp",
    "vụ việc",
    "viện dẫn",
    "tổ hợp",
    "bộ phận",
    "hội viên",
    "đoàn viên",
    "báo chí",
    "ban đầu",
)
# Groups and persons: "Các sở, ban, ngành", "Đồng chí Phó Chủ tịch …", "Trưởng Ban Chỉ đạo".
GROUP_BEGINNINGS = ("các ", "những ", "tất cả ")
GROUP_NOUNS = (
    "sở",
    "ban",
    "bộ",
    "cơ quan",
    "đơn vị",
    "tổ chức",
    "địa phương",
    "ngành",
    "hội",
    "đoàn thể",
    "lực lượng",
    "xã",
    "phường",
    "thành viên",
    "phó",
    "đồng chí",
    "chuyên viên",
    "doanh nghiệp",
    "cơ sở",
    "trường",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "huyện",
    "tỉnh",
    "thôn",
    "chi hội",
    "cá nhân",
    "tập thể",
    "chủ đầu tư",
    "nhà",
    "đài",
    "báo",
    "cán bộ",
)
PERSON_BEGINNINGS = (
    "đồng chí",
    "đ/c",
    "chủ tịch",
    "phó chủ tịch",
    "trưởng ban",
    "phó trưởng ban",
    "trưởng",
    "phó trưởng",
    "giám đốc",
    "thủ trưởng",
    "bí thư",
    "cán bộ",
    "chuyên viên",
    "thành viên",
    "người đứng đầu",
    "ủy viên",
    "uỷ viên",
    "phó",
)
# "Trách nhiệm của X", "Nhiệm vụ của X": the heading names X.
DUTY_OF = ("trách nhiệm của ", "nhiệm vụ của ", "giao ", "đề nghị ")
DUTY_OF_NAMED = ("trach nhiem cua ", "nhiem vu cua ")  # folded: what follows is a name as printed
# A verb's word used as a noun: "các tổ chức chính trị - xã hội", "tổ chức, cá nhân".
NOUN_BEFORE = ("các", "những", "và", "mọi", "cho", "được", "bị")
NOUN_AFTER = (" chính trị", ", cá nhân", " cá nhân", " thành viên", " đoàn thể", " xã hội")

# What a subject does ("Sở Y tế chủ trì, phối hợp …"): where an agency's name stops in a sentence.
ACTION_VERBS = (
    "chủ trì",
    "phối hợp",
    "chỉ đạo",
    "thực hiện",
    "tổ chức",
    "triển khai",
    "tham mưu",
    "xây dựng",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "là cơ quan",
    "hướng dẫn",
    "theo dõi",
    "căn cứ",
    "chủ động",
    "tiếp tục",
    "rà soát",
    "tăng cường",
    "đẩy mạnh",
    "bố trí",
    "lãnh đạo",
    "tuyên truyền",
    "nghiên cứu",
    "kiểm tra",
    "giám sát",
    "đôn đốc",
    "tổng hợp",
    "báo cáo",
    "cử ",
    "bảo đảm",
    "đảm bảo",
    "ban hành",
    "quán triệt",
    "đánh giá",
    "sử dụng",
    "cung cấp",
    "tiếp nhận",
    "duy trì",
    "xử lý",
    "khẩn trương",
)

# Labelled lines: label (folded, without trailing ':') -> field.
LABELS = {
    "don vi chu tri": "lead",
    "co quan chu tri": "lead",
    "chu tri": "lead",
    "don vi thuc hien": "lead",
    "co quan thuc hien": "lead",
    "don vi chu tri thuc hien": "lead",
    "co quan chu tri thuc hien": "lead",
    "trach nhiem thuc hien": "lead",
    "nguoi thuc hien": "lead",
    "bo phan thuc hien": "lead",
    "don vi phoi hop": "coordinating",
    "co quan phoi hop": "coordinating",
    "phoi hop": "coordinating",
    "don vi phoi hop thuc hien": "coordinating",
    "co quan phoi hop thuc hien": "coordinating",
    "thoi gian": "time",
    "thoi gian thuc hien": "time",
    "thoi gian hoan thanh": "time",
    "thoi han": "time",
    "thoi han hoan thanh": "time",
    "thoi han thuc hien": "time",
    "tien do": "time",
    "tien do thuc hien": "time",
    "thoi gian trien khai": "time",
    "noi dung": "content",
    "nhiem vu": "content",
    "noi dung thuc hien": "content",
    "ket qua": "other",
    "san pham": "other",
    "ket qua dau ra": "other",
    "san pham dau ra": "other",
    "thanh phan": "other",
    "dia diem": "other",
    "kinh phi": "other",
    "yeu cau": "other",
    "hinh thuc": "other",
}

# Parts (and numbered sections) whose titles say they hold no tasks.
NOT_TASK_TITLES = (
    "muc dich",
    "yeu cau",
    "muc tieu",
    "chi tieu",
    "kinh phi",
    "nguon kinh phi",
    "can cu",
    "quan diem",
    "giai thich",
    "pham vi",
    "doi tuong",
    "hinh thuc",
    "phuong phap",
    "lo trinh",
    "khau hieu",
    "che do bao cao",
    "thong tin lien he",
    "nguyen tac",
)

# A sentence may open with a clause before its subject: "Căn cứ Kế hoạch này, các cơ quan … xây dựng …",
# "Quý I/2027, các cơ quan … đánh giá …".
INTRODUCTORY = (
    "căn cứ",
    "trên cơ sở",
    "quý",
    "trước",
    "sau khi",
    "định kỳ",
    "hằng năm",
    "hàng năm",
    "kết thúc",
    "năm ",
)
