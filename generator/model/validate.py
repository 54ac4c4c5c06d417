"""Check loaded YAML against the declared fields, then check references across files.

Every check appends Problems and goes on; nothing stops at the first mistake.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import Location, Problem
from .fields import OBJECTS, SLUG, SLUG_HELP, URL, URL_HELP, Field
from .limits import check_limits
from .datafiles import LocDict, LocList
from ..textnorm import fold

TYPE_NAMES = {
    "text": "chữ",
    "slug": "mã",
    "date": "ngày YYYY-MM-DD",
    "int": "số nguyên",
    "url": "địa chỉ http(s)://",
}


@dataclass
class RefSink:
    """References seen while checking shapes: checked once every file is loaded."""

    refs: list[tuple[str, str, Location]] = field(default_factory=list)


def _describe(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (LocDict, dict)):
        return "một khối (mapping)"
    if isinstance(value, (LocList, list)):
        return "một danh sách"
    if isinstance(value, (datetime.date,)):
        return f"ngày {value.isoformat()}"
    return f"'{value}'"


# Control characters (a line break aside), DEL, C1, the Unicode line separators: none is
# printed in a document; on a page or in a log they hide text or split it (a "\x01" dropped
# task rows, a "\n" in an id made a second line of a CI log).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _check_text(value: str, where: Location, problems: list[Problem]) -> None:
    if m := _CONTROL.search(value):
        problems.append(
            Problem(
                where,
                f"chữ có ký tự điều khiển {m[0].encode('unicode_escape').decode()} "
                f"(ở ký tự thứ {m.start() + 1})",
                "xóa ký tự này; chỉ xuống dòng được giữ",
            )
        )
    if not unicodedata.is_normalized("NFC", value):
        problems.append(
            Problem(
                where,
                "chữ chưa chuẩn hóa Unicode NFC (dấu tách rời)",
                "chạy 'make normalize' để chuyển sang NFC",
            )
        )


def check_value(
    ftype: str, value, where: Location, problems: list[Problem], sink: RefSink, name: str
) -> None:
    if ftype.startswith("list:"):
        if not isinstance(value, list):
            problems.append(
                Problem(
                    where,
                    f"'{name}' phải là một danh sách, đang là {_describe(value)}",
                    "danh sách YAML: mỗi mục một dòng bắt đầu bằng '- ', hoặc []",
                )
            )
            return
        locs = getattr(value, "item_locs", [where] * len(value))
        for item, loc in zip(value, locs):
            if item is None:
                problems.append(Problem(loc, f"mục rỗng trong danh sách '{name}'", "xóa dòng '-' thừa"))
                continue
            check_value(ftype[5:], item, loc, problems, sink, name)
        return
    if ftype.startswith("obj:"):
        if not isinstance(value, dict):
            problems.append(
                Problem(
                    where,
                    f"'{name}' phải là một khối có các trường, đang là {_describe(value)}",
                    f"một {ftype[4:]}",
                )
            )
            return
        check_object(ftype[4:], value, problems, sink)
        return
    if ftype in ("text", "enum", "slug", "url") or ftype.startswith("ref:"):
        if (
            isinstance(value, bool)
            or not isinstance(value, (str, int, float))
            or isinstance(value, datetime.date)
        ):
            problems.append(
                Problem(
                    where,
                    f"'{name}' phải là chữ, đang là {_describe(value)}",
                    "đặt giá trị trong dấu nháy nếu cần",
                )
            )
            return
        if not isinstance(value, str):
            problems.append(
                Problem(where, f"'{name}' phải là chữ, đang là số {value}", f'viết trong dấu nháy: "{value}"')
            )
            return
        _check_text(value, where, problems)
        if ftype == "text" and not value.strip():
            problems.append(Problem(where, f"'{name}' là chữ rỗng", "ghi nội dung, hoặc null nếu không ghi"))
        if (ftype == "slug" or ftype.startswith("ref:")) and not SLUG.fullmatch(value):
            problems.append(Problem(where, f"mã '{value}' không hợp lệ", SLUG_HELP))
            return
        if ftype == "slug":
            problems.extend(check_limits(ftype, name, value, where))
        if ftype == "url" and not URL.fullmatch(value):
            problems.append(Problem(where, f"'{name}' = '{value}' không phải địa chỉ http(s)", URL_HELP))
            return
        if ftype.startswith("ref:"):
            sink.refs.append((ftype[4:], value, where))
        return
    if ftype == "date":
        if isinstance(value, datetime.date):
            problems.extend(check_limits(ftype, name, value, where))
            return
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
                problems.extend(check_limits(ftype, name, value, where))
                return
            except ValueError:
                problems.append(
                    Problem(
                        where, f"ngày '{value}' không có thật hoặc sai dạng", "YYYY-MM-DD, ví dụ 2024-12-20"
                    )
                )
                return
        problems.append(
            Problem(
                where, f"'{name}' phải là ngày, đang là {_describe(value)}", "YYYY-MM-DD, ví dụ 2024-12-20"
            )
        )
        return
    if ftype == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(
                Problem(where, f"'{name}' phải là số, đang là {_describe(value)}", "ví dụ 21.3270")
            )
            return
        problems.extend(check_limits(ftype, name, value, where))
        return
    if ftype == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(
                Problem(where, f"'{name}' phải là số nguyên, đang là {_describe(value)}", "ví dụ 2026")
            )
            return
        problems.extend(check_limits(ftype, name, value, where))
        return
    raise AssertionError(f"unknown field type {ftype}")  # a defect in fields.py, not in data


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"có phải '{close[0]}'? " if close else ""


def check_object(kind: str, data: LocDict, problems: list[Problem], sink: RefSink) -> None:
    fields: list[Field] = OBJECTS[kind]
    by_name = {f.name: f for f in fields}
    loc = getattr(data, "loc", Location("?"))
    key_locs = getattr(data, "key_locs", {})
    value_locs = getattr(data, "value_locs", {})
    for key in data:
        if key not in by_name:
            problems.append(
                Problem(
                    key_locs.get(key, loc),
                    f"trường lạ '{key}'",
                    f"{_suggest(key, by_name)}các trường của {kind}: {', '.join(by_name)}",
                )
            )
    for f in fields:
        if f.name not in data:
            if f.required:
                problems.append(
                    Problem(
                        loc,
                        f"thiếu trường bắt buộc '{f.name}'",
                        f"{f.doc}; ghi null nếu nguồn không có" if f.nullable else f.doc,
                    )
                )
            continue
        value = data[f.name]
        where = value_locs.get(f.name, loc)
        if value is None:
            if not f.nullable:
                problems.append(Problem(where, f"'{f.name}' không được để trống", f.doc))
            continue
        if f.type == "enum":
            if value not in f.choices:
                problems.append(
                    Problem(
                        where,
                        f"'{f.name}' = {_describe(value)} không hợp lệ",
                        f"một trong: {', '.join(f.choices)}",
                    )
                )
            continue
        check_value(f.type, value, where, problems, sink, f.name)


def suggest_ids(wanted: str, existing) -> list[str]:
    """Closest existing ids, accent- and case-insensitive."""
    folded = {fold(e).replace(" ", "-"): e for e in existing}
    key = fold(wanted).replace(" ", "-")
    return [folded[m] for m in difflib.get_close_matches(key, list(folded), n=3, cutoff=0.5)]


KIND_NAMES = {
    "agency": "cơ quan",
    "province": "tỉnh/thành",
    "partnership": "quan hệ hợp tác",
    "plan": "kế hoạch",
}


def check_refs(sink: RefSink, ids: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for kind, ref, where in sink.refs:
        if ref not in ids[kind]:
            close = suggest_ids(ref, ids[kind])
            hint = (
                f"có phải {', '.join(repr(c) for c in close)}?"
                if close
                else f"thêm {KIND_NAMES[kind]} này vào data/ trước"
            )
            problems.append(Problem(where, f"không có {KIND_NAMES[kind]} mã '{ref}'", hint))
    return problems
