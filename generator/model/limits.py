"""Values the build cannot take, refused by `validate` before it: a year it cannot count from,
an id too long to be a file name, a coordinate that is not a place, an id that takes a page the
portal makes itself. Each check returns Problems with the value's file:line.

What the build does with each (and why these bounds):
- a plan's `year` and every date: 1900–2100, the years timeframes.py reads in a timeframe
  ("Cả năm" in year 9999 ended on 10000-01-01: a ValueError in the build, after validate passed);
- an id (and a former id): at most MAX_ID characters; it names a folder and files
  (ke-hoach/<plan>/<task>/, opendata/ke-hoach/<plan>.json, data/plans/<plan>.yml): a
  300-character one was longer than a file name may be (255 bytes);
- lat in [-90, 90], lon in [-180, 180]: NaN and infinity (YAML .nan, .inf) drew cx="inf";
- RESERVED: page names the generator gives a folder that also holds records' pages.
"""

from __future__ import annotations

import datetime
import math

from ..errors import Location, Problem

YEARS = (1900, 2100)
MAX_ID = 100
COORDINATES = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}

# kind of record -> {id the generator uses itself: the page it makes with it}. Found from the
# URLs the generator makes (tests/unit/test_limits.py builds a site and checks that every URL
# segment in a record's place is a record's id or one of these).
RESERVED: dict[str, dict[str, str]] = {
    # nhiem-vu/<province>/ lists the tasks of the plans a province issued; nhiem-vu/trung-uong/
    # those of the central agencies (contexts/lists.py task_groups).
    "provinces": {"trung-uong": "nhiem-vu/trung-uong/ (nhiệm vụ của cơ quan trung ương)"},
}


def _year_problem(year: int, where: Location, what: str) -> list[Problem]:
    low, high = YEARS
    if low <= year <= high:
        return []
    return [
        Problem(where, f"{what} nằm ngoài các năm {low}–{high}", f"năm từ {low} đến {high}: kiểm tra lỗi gõ")
    ]


def check_limits(ftype: str, name: str, value, where: Location) -> list[Problem]:
    """The bounds of one value whose type is already right."""
    if ftype == "int" and name == "year":
        return _year_problem(value, where, f"'year' = {value}")
    if ftype == "date":
        try:
            day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return []  # the validator has said why
        return _year_problem(day.year, where, f"ngày {day.isoformat()}")
    if ftype == "number" and name in COORDINATES:
        low, high = COORDINATES[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return []
        if not (math.isfinite(value) and low <= value <= high):
            return [
                Problem(
                    where,
                    f"'{name}' = {value} không phải tọa độ",
                    f"số thập phân từ {low:g} đến {high:g}, ví dụ 21.3270",
                )
            ]
    if ftype == "slug" and isinstance(value, str) and len(value) > MAX_ID:
        return [
            Problem(
                where, f"mã dài {len(value)} ký tự (tối đa {MAX_ID})", "mã làm tên thư mục và tệp: rút gọn mã"
            )
        ]
    return []


def check_reserved(records: dict[str, list]) -> list[Problem]:
    """Ids that take a page name the portal uses itself (a former id makes its redirect
    elsewhere: tinh-thanh/<old>/)."""
    problems = []
    for kind, names in RESERVED.items():
        for rec in records.get(kind, []):
            value = rec.get("id")
            if isinstance(value, str) and value in names:
                problems.append(
                    Problem(
                        rec.value_locs.get("id", rec.loc),
                        f"mã '{value}' là tên một trang của cổng: {names[value]}",
                        "chọn mã khác",
                    )
                )
    return problems


def duplicate_pages(urls, where: Location) -> list[Problem]:
    """Two pages at one URL (an id taking a page name RESERVED misses): one would replace the
    other without a word. A backstop: validate refuses the ids first."""
    seen, problems = set(), []
    for url in urls:
        if url in seen:
            problems.append(
                Problem(where, f"hai trang cùng đường dẫn '{url}'", "một mã trùng tên trang của cổng: đổi mã")
            )
        seen.add(url)
    return problems
