"""Vietnamese text helpers: NFC, accent folding, slugs and Vietnamese alphabetical order."""

from __future__ import annotations

import functools
import re
import unicodedata

from .untrusted_text import INVISIBLE_POINTS

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Every combining mark (what unicodedata.combining() calls one) removed, đ/Đ -> d/D: one C-speed
# str.translate instead of a Python loop over the characters.
_BARE = {cp: None for cp in range(0x30000) if unicodedata.combining(chr(cp))}
_BARE.update({ord("đ"): "d", ord("Đ"): "D"})
# Characters drawn as nothing (a zero-width space, a bidi control) removed too: two names that
# look the same fold the same, so a look-alike duplicate agency is found (crosschecks.py).
_BARE.update(dict.fromkeys(INVISIBLE_POINTS))


def fold(text: str) -> str:
    """Accent-, tone-, case- and space-insensitive form: 'Thanh Hoá' -> 'thanh hoa', 'Đ' -> 'd'."""
    bare = unicodedata.normalize("NFD", text).translate(_BARE)
    return _SPACE.sub(" ", bare.casefold()).strip()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _letter_and_tone(ch: str) -> tuple[str, int]:
    parts = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    letter = parts[0]
    for mark in parts[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _MODIFIERS:
            letter += mark
    return unicodedata.normalize("NFC", letter), tone


@functools.lru_cache(maxsize=1 << 16)  # the same names are sorted on many pages
def vi_sort_key(text: str) -> tuple:
    """Order by Vietnamese letters (a ă â b c d đ …) first, then tones, then exact text."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in nfc(text):
        letter, tone = _letter_and_tone(ch)
        if letter in _RANK:
            letters.append(100 + _RANK[letter])
        elif letter.isdigit():
            letters.append(10 + int(letter))
        elif letter.isspace():
            letters.append(1)
        else:
            letters.append(1000 + ord(letter))
        tones.append(tone)
    return (tuple(letters), tuple(tones), text)


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key for ids and URLs: runs of digits compare as numbers, so 'nhiệm vụ 2' comes
    before 'nhiệm vụ 10' and 'son-la/b-1-2/' before 'son-la/b-1-10/'."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGITS.split(text) if part
    )
