"""Characters a reader does not see, refused wherever data/ holds text.

A bidi control turns "Hạn chót \u202e6202/21/13\u202c" into what reads "Hạn chót 31/12/2026"
while search, find-in-page and the open data hold the other text; a zero-width space makes
a second agency that looks like the first; in a YAML comment a bidi control hides code from a
reviewer (Trojan source). Vietnamese needs none of them: the real data/ has none.

Refused (INVISIBLE):
- every format character (Unicode category Cf): bidi embeddings, overrides and isolates,
  LRM/RLM/ALM, zero-width space/joiners, word joiner, invisible operators, soft hyphen, BOM
  (a file's first BOM is dropped by the loader before this check), tags, interlinear marks;
- other characters drawn as nothing: combining grapheme joiner, Hangul fillers, Khmer
  inherent vowels, Mongolian variation selectors, variation selectors, braille blank;
- noncharacters (U+FDD0–U+FDEF and the last two of every plane: U+FFFE, U+FFFF, …), which
  are not XML (an Atom feed with one is no feed) and lone surrogates, which are not UTF-8.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import Location, Problem

_OTHER_INVISIBLE = [
    0x034F,
    0x115F,
    0x1160,
    0x17B4,
    0x17B5,
    0x180B,
    0x180C,
    0x180D,
    0x180F,
    0x2800,
    0x3164,
    0xFFA0,
    *range(0xFE00, 0xFE10),
    *range(0xE0100, 0xE01F0),
]


def _invisible_code_points() -> list[int]:
    # Format characters live in the BMP, plane 1 and plane 14 (tags): scanning those is enough
    # and costs milliseconds at import.
    cf = [
        cp
        for rng in (range(0x20000), range(0xE0000, 0xE0100))
        for cp in rng
        if unicodedata.category(chr(cp)) == "Cf"
    ]
    nonchars = [*range(0xFDD0, 0xFDF0)] + [
        plane | last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
    ]
    return sorted(set(cf + _OTHER_INVISIBLE + nonchars + [*range(0xD800, 0xE000)]))


def _char_class(points: list[int]) -> str:
    ranges, start, prev = [], points[0], points[0]
    for cp in points[1:] + [-1]:
        if cp != prev + 1:
            ranges.append(f"\\U{start:08x}" if start == prev else f"\\U{start:08x}-\\U{prev:08x}")
            start = cp
        prev = cp
    return "[" + "".join(ranges) + "]"


INVISIBLE_POINTS = _invisible_code_points()
INVISIBLE = re.compile(_char_class(INVISIBLE_POINTS))
# The same test in two fast passes for a whole file: a class of BMP characters is a bitmap to
# `re`, one with characters past U+FFFF a list of ranges (0.2 s a MB, 15 times slower).
_IN_BMP = re.compile(_char_class([cp for cp in INVISIBLE_POINTS if cp < 0x10000]))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def has_invisible(text: str) -> bool:
    return bool(_IN_BMP.search(text) or (_ASTRAL.search(text) and INVISIBLE.search(text)))


HINT = "xóa ký tự này (thường dính vào khi chép từ web hoặc PDF); dữ liệu chỉ giữ chữ người đọc thấy"


def describe(ch: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    cp = ord(ch)
    if 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
        return f"U+{cp:04X} (noncharacter)"
    return f"U+{cp:04X} ({unicodedata.name(ch, 'không tên')})"


def message(ch: str) -> str:
    return f"có ký tự vô hình {describe(ch)}"


def invisible_in_text(text: str, path: str) -> list[Problem]:
    """One problem per line of `text` (a whole file: values, keys and comments) holding an
    invisible character, at the line and column of the first one."""
    problems: list[Problem] = []
    if not has_invisible(text):
        return problems
    line, counted = 1, 0  # the line number at offset `counted`
    for m in INVISIBLE.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        if problems and problems[-1].location.line == line:
            continue
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.append(Problem(Location(path, line, column), message(m[0]), HINT))
    return problems


def escaped_invisible(value: str, raw: str) -> str | None:
    """The invisible character a YAML value holds though its text in the file (`raw`) shows
    none: one written as an escape ("\\u202e"). None otherwise (or when the file shows it:
    invisible_in_text reports it at its line)."""
    m = INVISIBLE.search(value)
    return m[0] if m and not INVISIBLE.search(raw) else None


def strip_invisible(text: str) -> str:
    """`text` without its invisible characters: what a reader sees, for comparing names."""
    return INVISIBLE.sub("", text)


# The open data CSV keeps spreadsheets from running a cell as a formula (publish/export.py);
# du-lieu-mo/ and datapackage.json say so in these words.
CSV_FORMULA_NOTE = (
    "Trong CSV, ô chữ bắt đầu (sau dấu cách) bằng =, +, -, @, dấu tab, ký tự xuống dòng CR hoặc "
    "dấu ' được thêm một dấu ' ở đầu để bảng tính (Excel, LibreOffice) không chạy ô đó như công "
    "thức, theo khuyến nghị của OWASP (CSV injection); ví dụ “- Phối hợp…” thành “'- Phối hợp…”. "
    "Máy đọc bỏ đúng một dấu ' ở đầu mọi ô có nó để lấy lại chữ gốc. Số thứ tự chỉ là “-” giữ "
    "nguyên. Tệp JSON giữ nguyên chữ, không thêm gì."
)
