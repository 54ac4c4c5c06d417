"""A plan's facts beside its tasks, and what a reviewer must check of them: the period (from
the title, the preamble or the plan id), the notes on the head the document prints (an attached
plan, a blank number or day, what is missing, a number of an unusual shape), the focal agency
and the reporting deadlines of 'Tổ chức thực hiện'."""

from __future__ import annotations

import re

from . import metadata
from .agencies import Resolver

# '134/KH-UBND', '4778/KH-UBND', '2150/KH-BNNMT', '12/UBND-KT', '08/2023/NQ-HĐND'
_NUMBER = re.compile(r"\d+[a-z]?(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9&.]*(?:-[A-ZĐ0-9&.]+)*")


def plan_period(head, attached: dict | None, preamble: list[str], plan_id: str | None) -> str | None:
    """'2026' or '2026-2030': the attached plan's title, the title, the preamble, the plan id,
    the year of the date line, in that order."""
    return (
        metadata.period_of(attached and attached["title"])
        or metadata.period_of(head.title)
        or metadata.period_of(" ".join(preamble))
        or _years_of(plan_id)
        or (str(head.year) if head.year else None)
    )


def _years_of(plan_id: str | None) -> str | None:
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", plan_id or "")
    return "-".join(years[:2]) if years else None


def head_notes(head, rec: dict, attached: dict | None) -> list[str]:
    """The notes on the plan's number, date, place, signer and period (`rec`: what was read)."""
    notes = []
    if attached:
        what = " ".join(x for x in (attached["type_printed"], attached["title"]) if x)
        notes.append(
            f"văn bản kèm theo '{what}'"
            + (f" {attached['caption']}" if attached["caption"] else "")
            + ": số, ngày, trích yếu, căn cứ và phần ký lấy của văn bản ban hành ("
            + (head.type_printed or "")
            + "); nội dung và nhiệm vụ lấy của văn bản kèm theo"
        )
    if head.number_printed:
        notes.append(
            f"số hiệu để trống trong văn bản ('{head.number_printed}'): number để "
            "null, điền khi văn bản được ký số"
        )
    if head.issued_printed:
        notes.append(
            f"ngày ban hành để trống hoặc không có thật ('{head.issued_printed}'): "
            "issued để null" + (f", năm {head.year} giữ ở 'year'" if head.year else "")
        )
    for key, what in (
        ("number", "số hiệu"),
        ("issued", "ngày ban hành"),
        ("place", "địa danh"),
        ("signer", "phần ký"),
    ):
        if (
            rec[key] is None
            and not (key == "number" and head.number_printed)
            and not (key == "issued" and head.issued_printed)
        ):
            notes.append(f"không tìm thấy {what} trong văn bản: để null nếu văn bản không ghi")
    number, period = rec["number"], rec["period"]
    if number and not _NUMBER.fullmatch(number):
        notes.append(f"số hiệu '{number}' không có dạng thường gặp (số/KH-UBND, số/UBND-KT…): so với văn bản")
    if not period:
        notes.append("không đọc được giai đoạn (period) và năm (year) từ trích yếu: điền tay")
    elif not metadata.period_of(head.title):
        notes.append(
            f"giai đoạn '{period}' không in trong trích yếu (lấy từ phần mở đầu "
            "hoặc mã kế hoạch): kiểm tra với văn bản"
        )
    return notes


def organisation(rec: dict, resolver: Resolver) -> list[str]:
    """focal_agency and reporting_deadlines (set in `rec`) from the 'Tổ chức thực hiện'
    paragraphs; the notes on them returned."""
    notes = []
    paragraphs = rec["organisation"] + rec["closing"]
    name = metadata.focal_name(paragraphs)
    if name:
        found = resolver.resolve(name)
        rec["focal_agency"] = found.ids[0] if len(found.ids) == 1 else None
        notes.append(
            f"cơ quan đầu mối đọc từ câu '… {name} … cơ quan đầu mối'"
            + ("" if rec["focal_agency"] else ": chưa khớp mã, điền tay")
        )
    else:
        notes.append(
            "văn bản không nêu 'cơ quan đầu mối': focal_agency để null, "
            "hoặc điền nếu văn bản giao việc tổng hợp cho một cơ quan"
        )
    for text, date, to in metadata.deadlines(paragraphs):
        target = resolver.resolve(to).ids if to else []
        rec["reporting_deadlines"].append(
            {"text": text, "date": date, "to": target[0] if len(target) == 1 else None}
        )
    notes.append(
        f"{len(rec['reporting_deadlines'])} hạn báo cáo có ngày được đọc; "
        "hạn định kỳ (quý, 6 tháng, năm) cần thêm tay vào 'reporting_deadlines'"
    )
    return notes
