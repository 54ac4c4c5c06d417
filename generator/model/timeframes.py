"""Timeframes as printed ("Quý III, Quý IV/2026", "Thường xuyên", "Hằng năm") -> a kind and,
when the words carry dates, a span of dates.

The text is always kept as printed; the span is derived from the dates, months, quarters and
years it names ("Từ tháng 12/2025 đến quý I/2026" -> 1/12/2025–31/3/2026). Every text an
official writes is accepted: what no rule reads is kind "unread" (shown as printed, no dates),
never an error. A year-less form ("Cả năm", "Tháng 12", "Quý III") is resolved against the
plan's year.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from ..textnorm import collapse, fold, nfc

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# each kind of timeframe and the name readers see for it (the task-table filter)
KINDS = {
    "span": "Có mốc thời gian",
    "ongoing": "Thường xuyên",
    "recurring": "Định kỳ, hằng năm",
    "as-needed": "Theo nhu cầu",
    "unread": "Thời gian chưa đọc được ngày",
    "not-stated": "Không ghi thời gian",
}


class TimeframeError(ValueError):
    """Kept for callers that catch it: parse() no longer raises it (an unread text is a kind)."""


@dataclass(frozen=True)
class Timeframe:
    text: str | None
    kind: str  # one of KINDS
    start: date | None = None
    end: date | None = None

    @property
    def ongoing(self) -> bool:
        return self.kind == "ongoing"

    def quarters(self) -> list[tuple[int, int]]:
        """(year, quarter) pairs the span covers."""
        if self.start is None or self.end is None:
            return []
        return list(_quarters(self.start, self.end))


@functools.lru_cache(maxsize=4096)  # a few hundred distinct spans, asked for on every page
def _quarters(start: date, end: date) -> tuple[tuple[int, int], ...]:
    out = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while (year, quarter) <= (end.year, (end.month - 1) // 3 + 1):
        out.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tuple(out)


# --- the words (folded: no tones, lower case, "đ" -> "d") ------------------------------------
_ONGOING = re.compile(r"^(?:thuc hien |trien khai )?thuong xuyen(?:,? lien tuc)?$")
_ONGOING_WORDS = re.compile(r"\b(?:thuong xuyen|lien tuc)\b")
_AS_NEEDED = ("theo nhu cau", "khi co yeu cau", "theo yeu cau", "khi can thiet")
_RECURRING = re.compile(r"\b(?:hang|moi) (?:nam|quy|thang|tuan|ngay)\b|\bdinh ky\b")
# a text that names another document: its numbers and dates are that document's, not the task's
_OTHER_DOCUMENT = re.compile(
    r"\b(?:luat|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|dieu \d+|"
    r"khoan \d+|so \d+)\b"
)

_Q = r"(?:iv|i{1,3}|[1-4])\b"
_YEAR_SEP = r"(?: ?/ ?| nam |-)"
_FULL_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})")
_SHORT_DATE = re.compile(r"ngay (\d{1,2})/(\d{1,2})(?![/\d])")
_MONTHS = re.compile(
    r"thang (\d{1,2})(?:(?:-|, ?| va | den )(?:thang )?(\d{1,2})(?!\d))?"
    rf"(?:{_YEAR_SEP}(\d{{4}}))?(?![\d/])"
)
_QUARTERS = re.compile(rf"qu[yi] ({_Q}(?:(?:, ?| va |-|&)(?:qu[yi] )?{_Q})*)(?:{_YEAR_SEP}(\d{{4}}))?")
_HALF = re.compile(r"6 thang (dau|cuoi) nam(?: (\d{4}))?")
_YEAR_RANGE = re.compile(r"(?<![\d/])(\d{4})(?:-| den (?:nam )?)(\d{4})(?![\d/])")
_BEFORE_YEAR = re.compile(r"truoc nam (\d{4})")
_YEAR = re.compile(r"(?<![\d/.-])(\d{4})(?![\d/])")
_WHOLE_YEAR = re.compile(r"\bca nam\b")


def parse(text: str | None, year: int | None = None) -> Timeframe:
    """Read a timeframe as printed. `year` is the plan's reference year for year-less forms."""
    if text is None or not collapse(text):
        return Timeframe(None, "not-stated")
    printed = nfc(text)
    key = re.sub(r"\s*-\s*", "-", fold(printed)).replace("–", "-")
    key = key.rstrip(" .;)")
    if _ONGOING.fullmatch(key):
        return Timeframe(printed, "ongoing")
    if key.startswith(_AS_NEEDED):
        return Timeframe(printed, "as-needed")
    named = _OTHER_DOCUMENT.search(key) is not None
    if _RECURRING.search(key) and (named or span_of(key, None) is None):
        return Timeframe(printed, "recurring")  # "Hằng năm", "Trước ngày 15 hằng tháng"
    found = None if named else span_of(key, year)
    if found:
        return Timeframe(printed, "span", *found)
    if _ONGOING_WORDS.search(key):
        return Timeframe(printed, "ongoing")
    return Timeframe(printed, "unread")


def span_of(key: str, year: int | None) -> tuple[date, date] | None:
    """The first and last day of every date, month, quarter and year a folded text names
    (a year-less one in `year`, when given); None when it names none."""
    found: list[tuple[date, date]] = []

    def take(pattern: re.Pattern, read) -> None:
        nonlocal key
        for m in list(pattern.finditer(key)):
            span = _safe(read, m)
            if span:
                found.append(span)
        key = pattern.sub(lambda m: " " * len(m.group(0)), key)

    take(_FULL_DATE, lambda m: _day(*(m.group(4, 3, 1) if m.group(1) else m.group(7, 6, 5))))
    take(_SHORT_DATE, lambda m: _day(year, m.group(2), m.group(1)) if year else None)
    take(_HALF, lambda m: _months(_given(m.group(2), year), *((1, 6) if m.group(1) == "dau" else (7, 12))))
    take(_MONTHS, lambda m: _months(_given(m.group(3), year), int(m.group(1)), int(m.group(2) or m.group(1))))
    take(_QUARTERS, lambda m: _quarter_list(m.group(1), _given(m.group(2), year)))
    take(_YEAR_RANGE, lambda m: _years(int(m.group(1)), int(m.group(2))))
    take(_BEFORE_YEAR, lambda m: _years(int(m.group(1)) - 1, int(m.group(1)) - 1))
    take(_YEAR, lambda m: _years(int(m.group(1)), int(m.group(1))))
    take(_WHOLE_YEAR, lambda m: _years(year, year) if year else None)
    if not found:
        return None
    return min(s for s, _ in found), max(e for _, e in found)


def _safe(read, m):
    try:
        return read(m)
    except (ValueError, TypeError):  # day 31 of a 30-day month, quarter V: not read
        return None


def _given(text: str | None, year: int | None) -> int | None:
    return int(text) if text else year


def _check_year(value: int) -> int:
    if not 1900 <= value <= 2100:
        raise ValueError(value)
    return value


def _day(y, m, d) -> tuple[date, date]:
    day = date(_check_year(int(y)), int(m), int(d))
    return day, day


def _months(y: int | None, first: int, last: int) -> tuple[date, date] | None:
    if y is None:
        return None
    _check_year(y)
    if not 1 <= first <= last <= 12:
        raise ValueError(first)
    return date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])


def _quarter_list(tokens: str, y: int | None) -> tuple[date, date] | None:
    quarters = [ROMAN.get(t) or int(t) for t in re.findall(r"iv|i{1,3}|[1-4]", tokens)]
    if y is None or not quarters:
        return None
    return _months(y, min(quarters) * 3 - 2, max(quarters) * 3)


def _years(first: int, last: int) -> tuple[date, date] | None:
    if last < first:
        return None  # "2025-2022": not read as a span
    return date(_check_year(first), 1, 1), date(_check_year(last), 12, 31)


FORMS_HELP = (
    "mọi cách ghi đều được nhận và giữ nguyên văn; ngày được đọc từ các dạng như 'Năm 2026', "
    "'2026 - 2030', 'Giai đoạn 2026 - 2027', 'Quý II/2026', 'Quý IV-2025', 'Quý III và Quý IV năm 2026', "
    "'Tháng 12', 'Tháng 11 - 12/2025', 'Từ tháng 12/2025 đến quý I/2026', 'Trước ngày 15/3/2026', "
    "'Cả năm'; 'Thường xuyên' là thường xuyên, 'Hằng năm', 'Định kỳ 6 tháng' là định kỳ, "
    "'Theo nhu cầu …' là theo nhu cầu; cách ghi khác được hiện nguyên văn, không có ngày"
)
