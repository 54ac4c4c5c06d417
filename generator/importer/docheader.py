"""The parts of an administrative document before its content, read in the order Nghị định
30/2020/NĐ-CP sets them: quốc hiệu (the national motto); tên cơ quan ban hành (issuer lines);
số, ký hiệu (number); địa danh và ngày tháng (place and date); tên loại và trích yếu (type and
title). A reader's layout may shuffle the two header columns ('Số:' on one line and its number
after the motto), so each part is recognised by its form, not by its position; what a legal-
document site prints before the letterhead (its own grid of facts, a summary) is skipped.

A number or date left blank in a draft ('Số:      /KH-UBND', 'ngày    tháng 3 năm 2026') is
None, with what was printed kept for the review line; never the text of something else.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..textnorm import fold
from . import vocabulary as vocab
from .blocks import Para
from .settings import READ as SETTINGS
from .textread import is_caps

NUMBER = re.compile(r"^Số\s*:\s*(.*)$")
# '179/KH-UBND', '16/KH-MTTQ-BTT', '08/2023/NQ-HĐND', '/KH-UBND' (blank), '0129/KH-UBND'
NUMBER_VALUE = re.compile(
    r"^(\d*[a-zA-Z]?)\s*/\s*((?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9&.]*(?:\s*-\s*[A-ZĐ][A-ZĐa-z0-9&.]*)*)"
)
DATE = re.compile(
    r"(?:^|(?<=\s))([^\s,.:;][^,.:;]{0,60}?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})", re.I
)
DATE_START = re.compile(r"^[^,]{2,60},\s*ngày\s*\d{0,2}\s*$", re.I)
_RULE = re.compile(r"^[\s\-–—_=.*]*$")


@dataclass
class Header:
    start: int = 0  # first paragraph of the document (site text before it)
    end: int = 0  # first paragraph after the title
    issuer_lines: list[str] = field(default_factory=list)
    number: str | None = None
    number_printed: str | None = None  # 'Số: /KH-UBND' when the number is blank
    place: str | None = None
    issued: datetime.date | None = None
    issued_printed: str | None = None  # the date line when its day or month is blank
    year: int | None = None  # the year the date line prints, even with a blank day
    type: str | None = None  # the portal's type ('ke-hoach', 'quyet-dinh', …)
    type_printed: str | None = None  # 'KẾ HOẠCH', 'QUYẾT ĐỊNH'
    title_lines: list[str] = field(default_factory=list)
    authority: str | None = None  # 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …' under a decision's title
    remainder: str | None = None  # content a reader joined to the title's line ('Căn cứ …')

    @property
    def title(self) -> str | None:
        return " ".join(self.title_lines) or None


def _clean(text: str) -> str:
    """Without the marks of a site's Markdown; 'Ð' (Icelandic eth, in some PDFs) read as 'Đ'."""
    return " ".join(text.replace("*", " ").replace("#", " ").replace("Ð", "Đ").split())


def _motto_free(text: str) -> str:
    """The paragraph without the national motto and its rules ('Độc lập - Tự do - Hạnh phúc
    Lương Minh, ngày …' -> 'Lương Minh, ngày …')."""
    low = fold(text)
    if len(low) != len(text):  # fold() collapsed spaces: positions differ
        text = " ".join(text.split())
        low = fold(text)
    for phrase in vocab.MOTTO:
        at = low.find(phrase)
        if at >= 0 and len(low) == len(text):
            text = text[:at] + " " * len(phrase) + text[at + len(phrase) :]
            low = low[:at] + " " * len(phrase) + low[at + len(phrase) :]
    text = " ".join(text.split())
    return "" if _RULE.match(text) else text.strip(" -–—_")


def type_of(text: str) -> tuple[str, str, str] | None:
    """'KẾ HOẠCH' -> ('ke-hoach', 'KẾ HOẠCH', ''); 'QUYẾT ĐỊNH PHÊ DUYỆT …' -> (…, 'PHÊ DUYỆT …').
    Only a type printed in capitals at the start; 'QUYẾT ĐỊNH:' (the enacting word) is not one."""
    low = fold(text)
    for word, kind in vocab.DOCUMENT_TYPES.items():
        if low == word or (low.startswith(word + " ") and is_caps(text[: len(word)])):
            rest = text[len(word) :].strip()
            if rest.startswith(":") or not is_caps(text[: len(word)]):
                return None
            return kind, text[: len(word)], rest
    return None


def start_of(paras: list[Para]) -> int:
    """The first paragraph of the document: the letterhead or motto that a 'Số:' line follows
    closely; 0 when there is none (a text that starts with its letterhead)."""
    window = SETTINGS.header_window
    for i, para in enumerate(paras[: SETTINGS.chrome_paragraphs]):
        text = _clean(para.text)
        near = [_clean(p.text) for p in paras[i : i + window]]
        if not any(NUMBER.match(t) for t in near):
            continue
        if (
            NUMBER.match(text)
            or fold(text).startswith(vocab.MOTTO)
            or (is_caps(text) and not _RULE.match(text))
        ):
            return i
    return 0


def read_header(paras: list[Para]) -> Header:
    h = Header(start=start_of(paras))
    pending_number, motto_rest, date_start = False, "", ""
    i = h.start
    limit = min(len(paras), h.start + SETTINGS.header_paragraphs)
    while i < limit:
        raw = _clean(paras[i].text)
        low = fold(raw)
        if h.type is not None:  # the title (trích yếu) under the type
            if _RULE.match(raw) and not h.title_lines:
                i += 1
                continue
            if _title_ends(raw, low, h):
                if _RULE.match(raw) or h.authority == raw:
                    i += 1  # the rule, or the authority, is read
                break
            h.title_lines.append(raw)
            i += 1
            continue
        text = _motto_free(raw)
        if motto_rest and fold(text).startswith(motto_rest):  # the motto wrapped: 'VIỆT' / 'NAM'
            text = text[len(motto_rest) :].strip()
        motto_rest = next(
            (
                m[len(fold(text)) :].strip()
                for m in vocab.MOTTO
                if len(text) > 8 and m.startswith(fold(text)) and m != fold(text)
            ),
            "",
        )
        if not text or motto_rest:
            pass
        elif m := NUMBER.match(text):
            _number(h, m.group(1), text)
            pending_number = h.number is None and h.number_printed is None
        elif pending_number and NUMBER_VALUE.match(text):  # 'Số:' and its number on two lines
            _number(h, text, f"Số: {text}")
            pending_number = False
        elif (
            (m := DATE.search(f"{date_start} {text}".strip()))
            and h.issued is None
            and h.issued_printed is None
        ):
            _date(h, m)
            date_start = ""
        elif DATE_START.search(text) and not date_start and h.issued is None:
            date_start = text  # 'Sơn La, ngày' | 'tháng 3 năm 2026'
        elif found := type_of(text):
            h.type, h.type_printed, rest = found
            if rest:
                h.title_lines.append(_title_in_line(rest, h))
        elif fold(text).startswith("v/v"):  # a dispatch's title under its number
            h.title_lines.append(text[3:].strip())
        elif is_caps(text) and h.number is None and h.number_printed is None and not h.title_lines:
            h.issuer_lines.append(text)
        else:
            break
        i += 1
    if h.type is None and h.title_lines:
        h.type = "cong-van"
    h.end = i
    return h


def _title_ends(raw: str, low: str, h: Header) -> bool:
    """The title runs over lines of one case until the content's first words, a heading, the
    authority of a decision, a rule line, or a caption '(Kèm theo …)'."""
    if _RULE.match(raw) or low.startswith(vocab.OPENING) or raw.startswith("(") or raw.endswith(":"):
        return True
    if re.match(r"^(?:[IVX]+|\d+)\.\s", raw) or low.startswith(("dieu ", "phan ")):
        return True
    if is_caps(raw) and low.startswith(vocab.AUTHORITY):
        h.authority = raw
        return True
    if low.startswith(vocab.BASIS) and re.search(r"\bsố \d|[;,.]$", raw):
        return True  # 'Thực hiện Kế hoạch số …;' is content; 'Thực hiện công tác …' a title
    if not h.title_lines:
        return len(raw) > SETTINGS.title_chars
    caps = all(is_caps(t) for t in h.title_lines)
    return (
        is_caps(raw) != caps or len(h.title_lines) >= SETTINGS.title_lines or len(raw) > SETTINGS.title_chars
    )


def _title_in_line(rest: str, h: Header) -> str:
    """The title printed on the type's own line; when the reader joined the lines after it
    ('… NĂM 2045 THỦ TƯỚNG CHÍNH PHỦ Căn cứ …'), the capitals up to the decision's authority."""
    words = rest.split()
    if not is_caps(words[0]):
        return rest
    caps = []
    for word in words:
        if any(c.isalpha() for c in word) and not is_caps(word) and not word.isupper():
            break
        caps.append(word)
    h.remainder = " ".join(words[len(caps) :]) or None
    for i in range(1, len(caps)):
        if fold(" ".join(caps[i:]) + " ").startswith(vocab.AUTHORITY):
            h.authority = " ".join(caps[i:])
            return " ".join(caps[:i])
    return " ".join(caps)


def _number(h: Header, value: str, printed: str) -> None:
    value = value.strip()
    if not value:
        return  # 'Số:' alone: the number follows
    m = NUMBER_VALUE.match(value)
    if not m:
        if re.match(r"^\d", value):  # '12 KH/UBND': kept, the draft flags it
            h.number = re.sub(r"\s*([/-])\s*", r"\1", value.split("  ")[0].strip())
        else:
            h.number_printed = printed
        return
    digits, symbol = m.group(1), re.sub(r"\s+", "", m.group(2))
    if digits:
        h.number = f"{digits}/{symbol}"
    else:
        h.number_printed = printed  # 'Số:      /KH-UBND': left blank


def _date(h: Header, m: re.Match) -> None:
    place = m.group(1).strip()
    h.place = place if not fold(place).startswith(("so ", "so:")) else None
    h.year = int(m.group(4))
    day, month = m.group(2), m.group(3)
    try:
        h.issued = datetime.date(h.year, int(month), int(day)) if day and month else None
    except ValueError:
        h.issued = None
    if h.issued is None:
        h.issued_printed = m.group(0).strip()
