"""The data format, declared once: the validator, the JSON Schemas and the docs read it.

A field type is one of: "text" (a string), "slug" (an id), "date" (YYYY-MM-DD), "int",
"number", "url" (an http:// or https:// address), "enum" (one of `choices`), "ref:<kind>" (the id of a record of that kind),
"obj:<Name>" (a nested mapping), or "list:<type>".
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, field

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # use SLUG.fullmatch: "$" matches before a final "\n"
SLUG_HELP = "chữ thường không dấu, số và dấu gạch ngang, ví dụ 'son-la-so-cong-thuong'"
# An address a reader may follow: http:// or https://, a host, no space or control character
# (a browser drops those and would read "java\tscript:" as a script).
URL = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#]+(?:[/?#][^\s\x00-\x1f\x7f]*)?")
URL_HELP = "địa chỉ bắt đầu bằng http:// hoặc https://, không có dấu cách"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    doc: str
    required: bool = False
    nullable: bool = True
    choices: tuple[str, ...] = field(default=())
    labels: tuple[str, ...] = field(default=())  # the Vietnamese name of each choice, same order

    @property
    def default(self):
        return [] if self.type.startswith("list:") else None

    def label(self, value: str) -> str:
        """The Vietnamese name readers see for one of the choices."""
        return self.labels[self.choices.index(value)]


def F(name, type_, doc, required=False, nullable=None, choices=None):
    """A field; `choices` maps each allowed value to the name readers see."""
    if nullable is None:
        nullable = not required and not type_.startswith("list:")
    choices = choices or {}
    return Field(name, type_, doc, required, nullable, tuple(choices), tuple(choices.values()))


PROVINCE = [
    F("id", "slug", "mã định danh, ví dụ 'son-la'", required=True),
    F("name", "text", "tên chính thức ngắn, ví dụ 'Sơn La', 'Thành phố Hồ Chí Minh'", required=True),
    F(
        "kind",
        "enum",
        "tinh (tỉnh) hoặc thanh-pho (thành phố trực thuộc trung ương)",
        required=True,
        choices={"tinh": "Tỉnh", "thanh-pho": "Thành phố trực thuộc trung ương"},
    ),
    F("code", "text", "mã đơn vị hành chính của Tổng cục Thống kê (từ 1/7/2025); null với tỉnh cũ"),
    F("merged_into", "ref:province", "tỉnh cũ: mã của tỉnh kế thừa"),
    F("merged_on", "date", "ngày thay đổi có hiệu lực"),
    F("change_note", "text", "một câu về thay đổi"),
    F("former_ids", "list:slug", "các mã cũ (đường dẫn cũ được chuyển hướng)"),
    F("position", "obj:Position", "vị trí trên bản đồ (trung tâm hành chính), kèm nguồn"),
]

POSITION = [
    F("lat", "number", "vĩ độ (độ thập phân)", required=True, nullable=False),
    F("lon", "number", "kinh độ (độ thập phân)", required=True, nullable=False),
    F("place", "text", "điểm này là gì (thành phố, trụ sở)", required=True),
    F("source", "text", "nguồn của tọa độ", required=True),
    F("note", "text", "ghi chú"),
]

AGENCY = [
    F("id", "slug", "mã định danh: <mã tỉnh>-<tên viết tắt>", required=True),
    F("name", "text", "tên đầy đủ của cơ quan", required=True),
    F("short_name", "text", "tên ngắn như văn bản của tỉnh thường ghi"),
    F("province", "ref:province", "tỉnh/thành; null với cơ quan trung ương"),
    F("aliases", "list:text", "các cách viết khác có trong văn bản nguồn"),
    F("source", "text", "văn bản nguồn nêu cơ quan này"),
    F("note", "text", "ghi chú"),
    F("former_ids", "list:slug", "các mã cũ"),
]

AGREEMENT = [
    F("title", "text", "tên văn bản thỏa thuận / biên bản ghi nhớ", required=True),
    F(
        "kind",
        "enum",
        "loại văn bản",
        required=True,
        choices={"bien-ban-ghi-nho": "Biên bản ghi nhớ", "thoa-thuan": "Thỏa thuận hợp tác"},
    ),
    F("signed", "date", "ngày ký; null nếu nguồn không ghi"),
    F("place", "text", "nơi ký"),
    F("source", "text", "văn bản nguồn nêu thỏa thuận này"),
]

PARTNERSHIP = [
    F("id", "slug", "mã định danh, ví dụ 'son-la-thanh-hoa'", required=True, nullable=True),
    F("name", "text", "tên hiển thị, ví dụ 'Sơn La – Thanh Hóa'", required=True),
    F("provinces", "list:ref:province", "các tỉnh/thành tham gia", required=True),
    F("part_of", "ref:partnership", "quan hệ hợp tác rộng hơn mà quan hệ này thuộc về"),
    F("agreements", "list:obj:Agreement", "các thỏa thuận / biên bản ghi nhớ làm căn cứ"),
    F("note", "text", "ghi chú"),
    F("former_ids", "list:slug", "các mã cũ"),
]

SIGNER = [
    F("name", "text", "họ tên người ký; null nếu nguồn không ghi"),
    F("position", "text", "chức vụ như văn bản ghi"),
    F("formula", "list:text", "các dòng thể thức ký phía trên chức vụ (TM., KT., TL.)"),
]

RELATED = [
    F("title", "text", "tên văn bản như văn bản nguồn ghi", required=True),
    F("number", "text", "số hiệu"),
    F("date", "date", "ngày ban hành / ký"),
    F("relation", "text", "quan hệ với văn bản này"),
    F("plan", "ref:plan", "mã kế hoạch nếu văn bản có trên cổng"),
]

DEADLINE = [
    F("text", "text", "nội dung như văn bản ghi", required=True, nullable=True),
    F("date", "date", "hạn; null nếu định kỳ hoặc không ghi ngày"),
    F("to", "ref:agency", "cơ quan nhận báo cáo"),
]

APPENDIX = [
    F("title", "text", "tiêu đề phụ lục", required=True),
    F("subtitle", "text", "dòng dưới tiêu đề"),
    F("paragraphs", "list:text", "nội dung, mỗi đoạn một mục"),
]

SOURCE = [
    F("file", "text", "tệp chép toàn văn trong data/sources/ (bản sao của shared/seeds)", required=True),
    F("note", "text", "điều cần biết về nguồn: phần thiếu, chỗ ghép trang"),
    F(
        "url",
        "url",
        "địa chỉ tệp chính thức của văn bản (PDF trên cổng của tỉnh); bỏ trống nếu "
        "chưa có, không bao giờ đoán",
    ),
]

UPDATE = [
    F("date", "date", "ngày báo cáo", required=True, nullable=False),
    F(
        "status",
        "enum",
        "tình trạng",
        required=True,
        choices={
            "chua-trien-khai": "Chưa triển khai",
            "dang-trien-khai": "Đang triển khai",
            "hoan-thanh": "Hoàn thành",
            "cham": "Chậm",
        },
    ),
    F("note", "text", "tóm tắt"),
    F("source", "text", "văn bản báo cáo", required=True),
]

_AGENCY_REFS = [
    F("lead", "list:ref:agency", "cơ quan chủ trì (mã)"),
    F("lead_collective", "list:text", "chủ trì ghi chung, giữ nguyên chữ ('UBND các xã, phường')"),
    F("lead_text", "text", "ô 'Cơ quan chủ trì' như văn bản ghi"),
]

TASK = [
    F("id", "slug", "mã nhiệm vụ, duy nhất trong kế hoạch", required=True),
    F(
        "number",
        "text",
        "số thứ tự như văn bản ghi ('1', '1.1', '5.5', '-'); null nếu không có",
        required=True,
        nullable=True,
    ),
    F("content", "text", "toàn văn nội dung", required=True),
    F("title", "text", "tên ngắn của nhiệm vụ; bỏ trống thì cổng lấy vế đầu của nội dung"),
    F("form", "text", "hình thức"),
    *_AGENCY_REFS,
    F("coordinating", "list:ref:agency", "cơ quan phối hợp (mã)"),
    F("coordinating_collective", "list:text", "phối hợp ghi chung, giữ nguyên chữ"),
    F("coordinating_text", "text", "ô 'Cơ quan phối hợp' như văn bản ghi"),
    F("timeframe", "text", "thời gian thực hiện như văn bản ghi; null nếu để trống"),
    F("product", "text", "sản phẩm"),
    F("contact", "text", "đầu mối liên hệ như văn bản ghi"),
    F("note", "text", "ghi chú"),
    F("partnership", "ref:partnership", "quan hệ hợp tác, khi khác với mục / kế hoạch"),
    F("former_ids", "list:slug", "các mã cũ (đường dẫn cũ được chuyển hướng)"),
    F("updates", "list:obj:Update", "báo cáo tiến độ (chỉ khi có văn bản báo cáo)"),
]

SECTION = [
    F(
        "number",
        "text",
        "số mục như văn bản ghi ('B', 'II', '1.1', '(3)'); null nếu không có",
        required=True,
        nullable=True,
    ),
    F("title", "text", "tiêu đề mục như văn bản ghi", required=True, nullable=True),
    F("paragraphs", "list:text", "các đoạn văn của mục không phải nhiệm vụ"),
    F("partnership", "ref:partnership", "quan hệ hợp tác của các nhiệm vụ trong mục"),
    *_AGENCY_REFS,
    F("timeframe", "text", "thời gian ghi chung cho cả mục"),
    F("source", "text", "vị trí trong văn bản"),
    F("tasks", "list:obj:Task", "các nhiệm vụ"),
    F("sections", "list:obj:Section", "các mục con"),
]

PLAN = [
    F("id", "slug", "mã kế hoạch (tên tệp)", required=True),
    F(
        "type",
        "enum",
        "loại văn bản",
        required=True,
        choices={"ke-hoach": "Kế hoạch", "cong-van": "Công văn"},
    ),
    F("title", "text", "trích yếu như văn bản ghi; null nếu nguồn không ghi", required=True, nullable=True),
    F("label", "text", "tên gọi do cổng đặt, chỉ khi văn bản không ghi trích yếu (title: null)"),
    F("number", "text", "số hiệu; null nếu nguồn không ghi", required=True, nullable=True),
    F("issued", "date", "ngày ban hành; null nếu nguồn không ghi", required=True, nullable=True),
    F("place", "text", "địa danh ở dòng ngày tháng", required=True, nullable=True),
    F("issuer", "ref:agency", "cơ quan ban hành", required=True),
    F("year", "int", "năm tham chiếu cho 'Cả năm', 'Tháng 12'", required=True, nullable=False),
    F("period", "text", "giai đoạn kế hoạch, dạng thời gian ('2026', '2022-2025')", required=True),
    F("signer", "obj:Signer", "người ký; null nếu nguồn không có phần ký", required=True, nullable=True),
    F("partnerships", "list:ref:partnership", "các quan hệ hợp tác kế hoạch phục vụ", required=True),
    F("focal_agency", "ref:agency", "cơ quan đầu mối", required=True, nullable=True),
    F("legal_bases", "list:text", "các đoạn 'Căn cứ / Thực hiện / Theo đề nghị'", required=True),
    F("related_documents", "list:obj:Related", "văn bản liên quan được nêu", required=True),
    F("preamble", "list:text", "các đoạn mở đầu khác", required=True),
    F("purpose", "list:text", "mục đích", required=True),
    F("requirements", "list:text", "yêu cầu", required=True),
    F("targets", "list:text", "mục tiêu cụ thể", required=True),
    F("budget_sources", "list:text", "kinh phí", required=True),
    F("organisation", "list:text", "tổ chức thực hiện", required=True),
    F("reporting_deadlines", "list:obj:Deadline", "hạn báo cáo", required=True),
    F("closing", "list:text", "đoạn kết 'Trên đây là…'", required=True),
    F("recipients", "list:text", "nơi nhận, mỗi dòng một mục", required=True),
    F("appendices", "list:obj:Appendix", "phụ lục không phải bảng nhiệm vụ", required=True),
    F("sections", "list:obj:Section", "cây mục và nhiệm vụ", required=True),
    F("source", "obj:Source", "văn bản nguồn", required=True, nullable=False),
    F("former_ids", "list:slug", "các mã cũ"),
]

OBJECTS: dict[str, list[Field]] = {
    "Province": PROVINCE,
    "Position": POSITION,
    "Agency": AGENCY,
    "Partnership": PARTNERSHIP,
    "Agreement": AGREEMENT,
    "Plan": PLAN,
    "Signer": SIGNER,
    "Related": RELATED,
    "Deadline": DEADLINE,
    "Appendix": APPENDIX,
    "Source": SOURCE,
    "Section": SECTION,
    "Task": TASK,
    "Update": UPDATE,
}

# what each kind of data file holds: (glob below data/, top-level shape, object)
FILE_KINDS = {
    "provinces": ("provinces.yml", "list", "Province"),
    "agencies": ("agencies/*.yml", "list", "Agency"),
    "partnerships": ("partnerships.yml", "list", "Partnership"),
    "plans": ("plans/*.yml", "mapping", "Plan"),
}


@functools.lru_cache(maxsize=None)  # OBJECTS never changes
def choice(kind: str, name: str) -> Field:
    """The field `name` of object `kind` ("Update", "status"), for its choices and labels."""
    return next(f for f in OBJECTS[kind] if f.name == name)
