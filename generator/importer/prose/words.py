"""The vocabulary the prose readers need, as data: how an agency's or a person's name begins,
the labels of labelled lines, the titles of parts that never hold tasks. General Vietnamese
administrative terms only (no province, no document)."""
from __future__ import annotations

# How a body's name begins. "strict" beginnings are also ordinary words ("Ban hành", "Hội nghị",
# "Báo cáo", "Bộ tiêu chí"): they name a body only when the next word is capitalised.
AGENCY_BEGINNINGS = (
    "sở", "công an", "ủy ban", "uỷ ban", "ubnd", "ubmttq", "mttq", "mặt trận", "văn phòng", "thanh tra",
    "trung tâm", "chi cục", "cục", "kho bạc", "ngân hàng", "tỉnh đoàn", "thành đoàn", "liên đoàn",
    "liên minh", "hội đồng", "tòa án", "toà án", "viện kiểm sát", "bộ chỉ huy", "bộ đội", "công ty",
    "tổng công ty", "đài", "bệnh viện", "đảng ủy", "đảng uỷ", "thường trực", "hđnd", "sở, ban, ngành",
)
STRICT_BEGINNINGS = ("bộ", "ban", "hội", "báo", "viện", "tổ", "đoàn", "trường", "vụ", "tập đoàn", "doanh nghiệp")
# ... and when they begin an ordinary compound word they name no body at all.
NOT_BODIES = ("tổ chức", "ban hành", "báo cáo", "hội nghị", "hội thảo", "hội thi", "hội chợ", "bộ tiêu chí",
              "bộ chỉ số", "bộ câu hỏi", "đoàn kết", "trường hợp", "vụ việc", "viện dẫn", "tổ hợp", "bộ phận",
              "hội viên", "đoàn viên", "báo chí", "ban đầu")
# Groups and persons: "Các sở, ban, ngành", "Đồng chí Phó Chủ tịch …", "Trưởng Ban Chỉ đạo".
GROUP_BEGINNINGS = ("các ", "những ", "tất cả ")
GROUP_NOUNS = ("sở", "ban", "bộ", "cơ quan", "đơn vị", "tổ chức", "địa phương", "ngành", "hội", "đoàn thể",
               "lực lượng", "xã", "phường", "thành viên", "phó", "đồng chí", "chuyên viên", "doanh nghiệp",
               "cơ sở", "trường", "ủy ban", "uỷ ban", "ubnd", "huyện", "tỉnh", "thôn", "chi hội", "cá nhân",
               "tập thể", "chủ đầu tư", "nhà", "đài", "báo", "cán bộ")
PERSON_BEGINNINGS = ("đồng chí", "đ/c", "chủ tịch", "phó chủ tịch", "trưởng ban", "phó trưởng ban", "trưởng",
                     "phó trưởng", "giám đốc", "thủ trưởng", "bí thư", "cán bộ", "chuyên viên", "thành viên",
                     "người đứng đầu", "ủy viên", "uỷ viên", "phó")
# "Trách nhiệm của X", "Nhiệm vụ của X": the heading names X.
DUTY_OF = ("trách nhiệm của ", "nhiệm vụ của ", "giao ", "đề nghị ")
DUTY_OF_NAMED = ("trach nhiem cua ", "nhiem vu cua ")      # folded: what follows is a name as printed
# A verb's word used as a noun: "các tổ chức chính trị - xã hội", "tổ chức, cá nhân".
NOUN_BEFORE = ("các", "những", "và", "mọi", "cho", "được", "bị")
NOUN_AFTER = (" chính trị", ", cá nhân", " cá nhân", " thành viên", " đoàn thể", " xã hội")

# What a subject does ("Sở Y tế chủ trì, phối hợp …"): where an agency's name stops in a sentence.
ACTION_VERBS = (
    "chủ trì", "phối hợp", "chỉ đạo", "thực hiện", "tổ chức", "triển khai", "tham mưu", "xây dựng",
    "có trách nhiệm", "chịu trách nhiệm", "là cơ quan", "hướng dẫn", "theo dõi", "căn cứ", "chủ động",
    "tiếp tục", "rà soát", "tăng cường", "đẩy mạnh", "bố trí", "lãnh đạo", "tuyên truyền",
    "nghiên cứu", "kiểm tra", "giám sát", "đôn đốc", "tổng hợp", "báo cáo", "cử ", "bảo đảm", "đảm bảo",
    "ban hành", "quán triệt", "đánh giá", "sử dụng", "cung cấp", "tiếp nhận", "duy trì", "xử lý", "khẩn trương",
)

# Labelled lines: label (folded, without trailing ':') -> field.
LABELS = {
    "don vi chu tri": "lead", "co quan chu tri": "lead", "chu tri": "lead", "don vi thuc hien": "lead",
    "co quan thuc hien": "lead", "don vi chu tri thuc hien": "lead", "co quan chu tri thuc hien": "lead",
    "trach nhiem thuc hien": "lead", "nguoi thuc hien": "lead", "bo phan thuc hien": "lead",
    "don vi phoi hop": "coordinating", "co quan phoi hop": "coordinating", "phoi hop": "coordinating",
    "don vi phoi hop thuc hien": "coordinating", "co quan phoi hop thuc hien": "coordinating",
    "thoi gian": "time", "thoi gian thuc hien": "time", "thoi gian hoan thanh": "time",
    "thoi han": "time", "thoi han hoan thanh": "time", "thoi han thuc hien": "time", "tien do": "time",
    "tien do thuc hien": "time", "thoi gian trien khai": "time",
    "noi dung": "content", "nhiem vu": "content", "noi dung thuc hien": "content",
    "ket qua": "other", "san pham": "other", "ket qua dau ra": "other", "san pham dau ra": "other",
    "thanh phan": "other", "dia diem": "other", "kinh phi": "other", "yeu cau": "other",
    "hinh thuc": "other",
}

# Parts (and numbered sections) whose titles say they hold no tasks.
NOT_TASK_TITLES = ("muc dich", "yeu cau", "muc tieu", "chi tieu", "kinh phi", "nguon kinh phi", "can cu",
                   "quan diem", "giai thich", "pham vi", "doi tuong", "hinh thuc", "phuong phap",
                   "lo trinh", "khau hieu", "che do bao cao", "thong tin lien he", "nguyen tac")

# A sentence may open with a clause before its subject: "Căn cứ Kế hoạch này, các cơ quan … xây dựng …",
# "Quý I/2027, các cơ quan … đánh giá …".
INTRODUCTORY = ("căn cứ", "trên cơ sở", "quý", "trước", "sau khi", "định kỳ", "hằng năm", "hàng năm",
                "kết thúc", "năm ")
