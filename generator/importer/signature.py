"""The signature block (quyền hạn, chức vụ, họ tên người ký; Nghị định 30/2020/NĐ-CP) when a
reader joined its lines into one paragraph: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Huỳnh
Minh Tuấn' -> ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Huỳnh Minh Tuấn'], the lines
metadata.tail() reads (formulas, position, name)."""

from __future__ import annotations

import re

from ..textnorm import fold
from . import vocabulary as vocab
from .settings import READ as SETTINGS

_MARK = re.compile(rf"^(?:{'|'.join(vocab.SIGN_FORMULAS)})\.")


def _caps(word: str) -> bool:
    return word.upper() == word


def signature_lines(text: str) -> list[str]:
    """The block's lines; a text that is no signature block comes back whole."""
    words = text.split()
    if not words or not _MARK.match(words[0]):
        return [text]
    k = len(words)
    while k > 0 and not _caps(words[k - 1]) and len(words) - k < SETTINGS.signer_name_words:
        k -= 1
    name = " ".join(words[k:])
    name = re.sub(r"\s+\d+$", "", name)  # a page number after the name (PDF)
    segments: list[list[str]] = []
    for word in words[:k]:
        if _MARK.match(word) or not segments:
            segments.append([word])
        else:
            segments[-1].append(word)
    lines = [" ".join(s) for s in segments]
    last = segments[-1]
    for i in range(2, len(last)):
        if fold(" ".join(last[i:]) + " ").startswith(vocab.POSITIONS):
            lines[-1:] = [" ".join(last[:i]), " ".join(last[i:])]
            break
    return lines + ([name] if name else [])
