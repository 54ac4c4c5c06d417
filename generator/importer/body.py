"""The running text of a plan -> its named parts and its task sections.

Parts are the roman-numbered headings ("I. MỤC ĐÍCH, YÊU CẦU", "III. NHIỆM VỤ, GIẢI PHÁP").
Inside a part that holds tasks, numbered headings ("1.", "1.2.", "a)", "(3)") open sections
and nest by their kind; "- " items are tasks, "+ " items belong to the task above; plain
paragraphs are tasks when a section has nothing else, otherwise the section's own text. A
heading gives its tasks a lead ("(1) Các hoạt động do X chủ trì:") or a timeframe
("… trọng tâm năm 2023:", "Tổ chức các hoạt động thường xuyên:") that they inherit.
"""

from __future__ import annotations

import re

from ..textnorm import fold
from .blocks import Para
from .typedtree import add_note

HEADING = re.compile(r"^(\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\))\s+(.+)$")
PART = re.compile(r"^([IVX]+)\.\s+(.+)$")
_LEAD_IN_HEADING = [
    re.compile(r"\bdo (.+?) chủ trì:?$"),
    re.compile(r":\s*(.+?) chủ trì:?$"),
    re.compile(r":\s*(.+?) phối hợp cùng .+ thực hiện$"),
]
_AGENCY = (
    r"(?:Sở|Ban|Công an|Bộ Chỉ huy|Bộ|Ủy ban|Uỷ ban|UBND|Trung tâm|Văn phòng|Đài|Báo|Cục|"
    r"Chi cục|Vụ|Viện|Hội|Liên minh|Liên đoàn|Tỉnh đoàn|Đoàn|Kho bạc|Ngân hàng|Thanh tra|"
    r"Trường|Bệnh viện|Mặt trận)"
)
_VERBS = (
    r"(?:chủ trì|thực hiện|tổ chức|triển khai|tham mưu|xây dựng|nghiên cứu|hướng dẫn|theo dõi|"
    r"tổng hợp|rà soát|phối hợp|đôn đốc|kiểm tra|đề xuất|chủ động)"
)
_LEAD_IN_TASK = [
    re.compile(r"\(([^()]+?) chủ trì\)\.?$"),
    re.compile(r"^Giao (.+?) chủ trì\b"),
    re.compile(r"^Giao (các .+?) (?:theo|chủ động)\b"),
    re.compile(r"^(Sở [^,;]+? Thành phố(?: Hồ Chí Minh)?) (?:chỉ đạo|sẽ)\b"),
    # prose: "Sở Công Thương chủ trì, phối hợp với …", "Sở Xây dựng: chủ trì …"
    re.compile(rf"^({_AGENCY}[^;:()]{{0,90}}?):? [Cc]hủ trì\b"),
    re.compile(rf"\b[Gg]iao ({_AGENCY}[^;:()]{{0,90}}?) {_VERBS}\b"),
]
_COORD_IN_TASK = re.compile(
    rf"\bphối hợp (?:với |cùng )?({_AGENCY} .+?)(?:,? (?:và )?các (?:cơ quan|đơn vị|sở)\b|"
    r" (?:nghiên cứu|trong|để|thực hiện|tổ chức|thường xuyên|triển khai|xây dựng|"
    r"rà soát|tham mưu|hướng dẫn|theo dõi|tổng hợp|kiểm tra|đề xuất|khảo sát|"
    r"đánh giá|báo cáo)\b|[.;]|$)"
)
_YEAR_HEADING = re.compile(r"\b([Nn]ăm (\d{4})):?$")

PART_FIELDS = [
    ("muc dich", "purpose"),
    ("yeu cau", "purpose"),
    ("muc tieu", "targets"),
    ("kinh phi", "budget_sources"),
    ("to chuc thuc hien", "organisation"),
]


def part_field(title: str) -> str:
    key = fold(title)
    for name, field in PART_FIELDS:
        if name in key:
            return field
    return "sections"


def heading_rank(number: str) -> int:
    if number.startswith("("):
        return 11
    if number.endswith(")"):
        return 10
    return 2 + number.rstrip(".").count(".")


def is_heading(text: str) -> re.Match | None:
    m = HEADING.match(text)
    if not m or len(text) > 250:
        return None
    rest = m.group(2)
    head, sep, tail = rest.partition(": ")
    if sep and tail.rstrip().endswith(".") and not tail.rstrip().endswith("chủ trì."):
        return None  # "1.1. Danh sách …: Theo Phụ lục I đính kèm." is text
    if rest.rstrip().endswith(".") and rest.count(". ") >= 1:
        return None  # more than one sentence: a paragraph
    return m


def heading_lead(title: str) -> str | None:
    for pattern in _LEAD_IN_HEADING:
        if m := pattern.search(title):
            return m.group(1).strip()
    return None


def task_lead(content: str) -> str | None:
    for pattern in _LEAD_IN_TASK:
        if m := pattern.search(content):
            return m.group(1).strip()
    return None


def heading_timeframe(title: str) -> str | None:
    if "thuong xuyen" in fold(title):
        return "Thường xuyên"
    if m := _YEAR_HEADING.search(title.strip()):
        return m.group(1)
    return None


def _section(number, title) -> dict:
    sec = {"number": number, "title": title, "paragraphs": [], "tasks": [], "sections": []}
    if title:
        if lead := heading_lead(title):
            sec["lead_text"] = lead
            add_note(sec, f"cơ quan chủ trì '{lead}' lấy từ tiêu đề mục, các nhiệm vụ trong mục kế thừa")
        if tf := heading_timeframe(title):
            sec["timeframe"] = tf
            add_note(
                sec,
                f"thời gian '{tf}' lấy từ tiêu đề mục: các nhiệm vụ trong mục kế thừa (không in ở từng nhiệm vụ)",
            )
    return sec


def _finish(sec: dict) -> None:
    """Plain paragraphs of a section with no items and no sub-sections are its tasks."""
    plain = sec.pop("_plain", [])
    for sub in sec["sections"]:
        _finish(sub)
    points_to_annex = any("phu luc" in fold(text) for text in plain)
    if plain and not sec["tasks"] and not sec["sections"] and not points_to_annex:
        for text in plain:
            sec["tasks"].append(task(None, text))
        if len(plain) == 1:
            add_note(
                sec["tasks"][-1],
                "đoạn văn duy nhất của mục được coi là nhiệm vụ: nếu chỉ là lời dẫn, chuyển vào 'paragraphs'",
            )
    else:
        sec["paragraphs"].extend(plain)


def task(number, content) -> dict:
    task = {"number": number, "content": content}
    if lead := task_lead(content):
        task["lead_text"] = lead
        add_note(task, f"cơ quan chủ trì '{lead}' đọc từ câu trong nội dung")
    if m := _COORD_IN_TASK.search(content):
        task["coordinating_text"] = m.group(1).strip()
        add_note(task, f"cơ quan phối hợp '{m.group(1).strip()}' đọc từ câu trong nội dung")
    return task


def parse_task_part(number: str, title: str, paras: list[Para]) -> dict:
    """One roman part that holds tasks -> a section tree."""
    root = _section(number, title)
    stack: list[tuple[int, dict]] = [(1, root)]
    for para in paras:
        text = para.text.strip()
        current = stack[-1][1]
        if m := is_heading(text):
            r = heading_rank(m.group(1))
            while len(stack) > 1 and stack[-1][0] >= r:
                stack.pop()
            sec = _section(m.group(1).rstrip("."), m.group(2).strip())
            stack[-1][1]["sections"].append(sec)
            stack.append((r, sec))
            continue
        if text.startswith(("- ", "• ", "– ")):
            current["tasks"].append(task("-", text[2:].strip()))
            continue
        if text.startswith("+ ") and current["tasks"]:
            current["tasks"][-1]["content"] += "\n" + text
            continue
        current.setdefault("_plain", []).append(text)
    _finish(root)
    return root


def split_parts(paras: list[Para]) -> tuple[list[Para], list[tuple[str, str, list[Para]]]]:
    """(paragraphs before the first part, [(number, title, paragraphs)])."""
    before: list[Para] = []
    parts: list[tuple[str, str, list[Para]]] = []
    for para in paras:
        if m := PART.match(para.text.strip()):
            parts.append((m.group(1), m.group(2).strip(), []))
        elif parts:
            parts[-1][2].append(para)
        else:
            before.append(para)
    return before, parts


def split_purpose(paras: list[Para]) -> tuple[list[str], list[str]]:
    """'1. Mục đích' / '2. Yêu cầu' sub-headings kept, each with what follows it."""
    purpose, requirements = [], []
    target = purpose
    for para in paras:
        text = para.text.strip()
        m = HEADING.match(text)
        if m and "yeu cau" in fold(m.group(2)) and len(text) < 40:
            target = requirements
        target.append(text)
    return purpose, requirements
