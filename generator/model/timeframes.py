"""Timeframes as printed ("Quý III, Quý IV/2026", "Thường xuyên") -> a span of dates.

The text is always kept as printed; the span is derived. Anything that cannot be read is an
error (TimeframeError), never a guess. A year-less form ("Cả năm", "Tháng 12", "Quý III")
is resolved against the plan's year.
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
KINDS = {"span": "Có mốc thời gian", "ongoing": "Thường xuyên", "as-needed": "Theo nhu cầu",
         "not-stated": "Không ghi thời gian"}


class TimeframeError(ValueError):
    """The text is not a timeframe this parser can read."""


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


@functools.lru_cache(maxsize=4096)   # a few hundred distinct spans, asked for on every page
def _quarters(start: date, end: date) -> tuple[tuple[int, int], ...]:
    out = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while (year, quarter) <= (end.year, (end.month - 1) // 3 + 1):
        out.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tuple(out)


def _year(text: str) -> int:
    value = int(text)
    if not 1900 <= value <= 2100:
        raise TimeframeError(f"năm {value} nằm ngoài khoảng 1900–2100")
    return value


def _quarter(token: str) -> int:
    token = token.strip()
    value = ROMAN.get(token) or (int(token) if token.isdigit() else 0)
    if not 1 <= value <= 4:
        raise TimeframeError(f"quý '{token}' không có (cần I, II, III hoặc IV)")
    return value


def _quarter_span(year: int, first: int, last: int) -> tuple[date, date]:
    end_month = last * 3
    return date(year, first * 3 - 2, 1), date(year, end_month, calendar.monthrange(year, end_month)[1])


def _month_span(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise TimeframeError(f"tháng {month} không có")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _need_year(year: int | None, text: str) -> int:
    if year is None:
        raise TimeframeError(f"'{text}' không ghi năm và kế hoạch không có năm tham chiếu")
    return year


_YEARS = re.compile(r"^(?:nam |giai doan )?(\d{4})(?: ?- ?(\d{4}))?$")
_QUARTERS = re.compile(r"^quy ([ivx\d]+(?:, ?(?:quy )?[ivx\d]+)*)(?: ?/ ?(\d{4})| nam (\d{4}))?$")
_MONTH = re.compile(r"^thang (\d{1,2})(?: ?/ ?(\d{4})| nam (\d{4}))?$")


def parse(text: str | None, year: int | None = None) -> Timeframe:
    """Read a timeframe as printed. `year` is the plan's reference year for year-less forms."""
    if text is None or not collapse(text):
        return Timeframe(None, "not-stated")
    printed = nfc(text)
    key = fold(printed)
    # printing residue: an unmatched closing parenthesis or a final full stop ("Quý III/2026)")
    while key and (key[-1] == "." or (key[-1] == ")" and key.count("(") < key.count(")"))):
        key = key[:-1].rstrip()
    key = re.sub(r"\s*-\s*", "-", key)
    if key == "thuong xuyen":
        return Timeframe(printed, "ongoing")
    if key.startswith("theo nhu cau"):
        return Timeframe(printed, "as-needed")
    if key == "ca nam":
        y = _need_year(year, printed)
        return Timeframe(printed, "span", date(y, 1, 1), date(y, 12, 31))
    if m := _YEARS.fullmatch(key):
        first = _year(m.group(1))
        last = _year(m.group(2)) if m.group(2) else first
        if last < first:
            raise TimeframeError(f"'{printed}': năm kết thúc {last} trước năm bắt đầu {first}")
        return Timeframe(printed, "span", date(first, 1, 1), date(last, 12, 31))
    if m := _QUARTERS.fullmatch(key):
        tokens = [t.replace("quy", "").strip() for t in m.group(1).split(",")]
        quarters = sorted(_quarter(t) for t in tokens)
        y = _year(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else _need_year(year, printed)
        if quarters != list(range(quarters[0], quarters[-1] + 1)):
            raise TimeframeError(f"'{printed}': các quý không liền nhau")
        start, end = _quarter_span(y, quarters[0], quarters[-1])
        return Timeframe(printed, "span", start, end)
    if m := _MONTH.fullmatch(key):
        y = _year(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else _need_year(year, printed)
        start, end = _month_span(y, int(m.group(1)))
        return Timeframe(printed, "span", start, end)
    raise TimeframeError(
        f"không đọc được thời gian '{printed}'"
    )


FORMS_HELP = (
    "dạng đọc được: 'Năm 2026', '2022-2025', 'Quý II/2026', 'Quý III, Quý IV/2026', "
    "'Quý III, IV', 'Tháng 12', 'Cả năm', 'Thường xuyên', 'Theo nhu cầu …', hoặc để trống"
)
