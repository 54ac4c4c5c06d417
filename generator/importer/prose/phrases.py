"""Reading the words of one paragraph: is it an agency's or a person's name, a labelled line,
a sentence naming who leads and who coordinates."""

from __future__ import annotations

import re

from ...textnorm import fold
from .. import vocabulary as words
from ..settings import PROSE as SETTINGS

_LABEL = re.compile(r"^([^:]{2,40}?)\s*(?:\([^)]*\))?\s*:\s*(.*)$", re.DOTALL)


def label_of(text: str) -> tuple[str, str] | None:
    """'Đơn vị chủ trì: Sở Y tế.' -> ('lead', 'Sở Y tế'); None when the text is no labelled line."""
    m = _LABEL.match(text.strip())
    if not m:
        return None
    field = words.LABELS.get(fold(m.group(1)).strip(" *"))
    if field is None:
        return None
    return field, clean_value(m.group(2))


def clean_value(value: str) -> str:
    return value.strip().rstrip(".;,: ").strip()


def inline_time(text: str) -> tuple[str, str] | None:
    """'… gửi Bộ Tài chính. Thời gian hoàn thành: Tháng 12/2025.' -> (text before, time)."""
    for m in re.finditer(r"(?<=[.;])\s+((?:Thời gian|Thời hạn)[^:]{0,25}):\s*(.+)$", text):
        if words.LABELS.get(fold(m.group(1))) == "time":
            return text[: m.start()].strip(), clean_value(m.group(2))
    return None


def _starts(key: str, beginnings) -> str | None:
    for b in sorted(beginnings, key=len, reverse=True):
        if key.startswith(b) and (len(key) == len(b) or not key[len(b)].isalnum()):
            return b
    return None


def is_agency_name(name: str, relaxed: bool = False) -> bool:
    """Does the phrase begin as a body's, a group's or a person's name does? (`relaxed`: the
    phrase stands before a colon, 'Doanh nghiệp, cộng đồng, tổ chức, cá nhân: …', so an ordinary
    word that may begin a body's name is enough.)"""
    name = name.strip(" *:")
    low = name.lower()
    if not name:
        return False
    if _starts(low, words.PROSE_AGENCY_BEGINNINGS) or _starts(low, words.PERSON_BEGINNINGS):
        return True
    if b := _starts(low, words.STRICT_BEGINNINGS):
        if _starts(low, words.NOT_BODIES):
            return False
        # "Ban Chỉ đạo", "Báo và Phát thanh …", "Ban công tác Mặt trận …": a capital soon after
        return relaxed or any(w[:1].isupper() for w in name[len(b) :].split()[:3])
    for g in words.GROUP_BEGINNINGS:
        if low.startswith(g):
            return bool(
                _starts(
                    low[len(g) :], words.GROUP_NOUNS + words.PROSE_AGENCY_BEGINNINGS + words.STRICT_BEGINNINGS
                )
            )
    return False


def is_person(name: str) -> bool:
    """'Đồng chí Phó Chủ tịch …', 'Trưởng Ban Chỉ đạo', 'Cán bộ phụ trách …': a person, not a body."""
    return bool(_starts(name.strip().lower(), words.PERSON_BEGINNINGS))


def strip_duty(title: str) -> str:
    """'Đề nghị Chi cục Hải quan …' -> 'Chi cục Hải quan …'; 'Trách nhiệm của X' -> 'X'."""
    t = title.strip().rstrip(":").strip()
    for prefix in words.DUTY_OF:
        if t.lower().startswith(prefix):
            return t[len(prefix) :].strip()
    return t


def _verb_at(text: str) -> int | None:
    """Where the first action verb after a name starts (the end of the sentence's subject)."""
    low = text.lower()
    best = None
    for verb in words.ACTION_VERBS:
        for m in re.finditer(r"(?<![\w])" + re.escape(verb.strip()) + r"(?![\w])", low):
            if m.start() == 0 or _noun_use(low, m.start(), m.end()) or text[m.start()].isupper():
                continue
            if best is None or m.start() < best:
                best = m.start()
            break
    return best


def _noun_use(low: str, start: int, end: int) -> bool:
    """'các tổ chức chính trị - xã hội', 'tổ chức, cá nhân': the verb's word used as a noun."""
    before = low[:start].rstrip().rsplit(" ", 1)[-1]
    after = low[end : end + 12]
    return before in words.NOUN_BEFORE or after.startswith(words.NOUN_AFTER)


def drop_apposition(name: str) -> str:
    """'Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo' -> 'Sở Tài chính'; 'Bộ Nội vụ, cơ quan chủ
    trì …' -> 'Bộ Nội vụ' (a role said after the name is not part of it)."""
    name = re.split(r"\s+[-–]\s+(?=[Cc]ơ quan|[Tt]hường trực|[Đđ]ơn vị)|,\s*(?=(?:là\s+)?cơ quan\b)", name)[0]
    name = re.sub(r"\s*\((?:[Cc]ơ quan|[Đđ]ơn vị)[^)]*\)", "", name)
    return name.strip(" ,;:")


def heading_agency(title: str) -> str | None:
    """The agency or person a heading names: the whole heading ('Công an thành phố', 'Đề nghị …',
    'Trách nhiệm của …'), or the subject of a heading sentence ('X chủ trì, phối hợp …:')."""
    t = strip_duty(title)
    if fold(title).startswith(words.DUTY_OF_NAMED) and len(t.split()) <= SETTINGS.agency_name_max_words:
        return drop_apposition(t)
    if not is_agency_name(t):
        return None
    if len(t.split()) <= SETTINGS.agency_name_max_words and _verb_at(t) is None:
        return drop_apposition(t)
    sub = subject(t)
    return sub[0] if sub else None


def subject(sentence: str) -> tuple[str, str | None] | None:
    """'X chủ trì, phối hợp với Y …' -> (X, Y); 'Giao X …' -> (X, None); 'X phối hợp với Y …' ->
    (X, Y). None when the sentence does not begin with a name."""
    s = sentence.strip()
    s = re.sub(r"^(?:[Gg]iao|[Đđ]ề nghị)\s+", "", s)
    if m := re.match(r"^[^,;:.]{0,60}?\sgiao\s+(?=\S)", s):
        s = s[m.end() :]  # "Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì …"
    if (
        s.lower().startswith(words.INTRODUCTORY)
        and (m := re.match(r"^[^;:.]{0,150}?,\s+", s))
        and is_agency_name(s[m.end() :])
    ):
        s = s[m.end() :]  # "Căn cứ Kế hoạch này, các cơ quan … xây dựng …"
    if not is_agency_name(s):
        return None
    at = _verb_at(s)
    if at is None:
        return None
    name = drop_apposition(s[:at].strip(" ,;:"))
    if not name or len(name.split()) > SETTINGS.agency_name_max_words:
        return None
    return name, coordinating(s[at:])


def coordinating(text: str) -> str | None:
    """The object of 'phối hợp với …' in a sentence: up to the next verb or the end of the clause."""
    m = re.search(
        r"\bphối hợp(?: chặt chẽ| thường xuyên| đồng bộ| tốt)?(?: với| cùng)? (.+)$", text, re.IGNORECASE
    )
    if not m:
        return None
    rest = m.group(1)
    at = _verb_at(" " + rest)
    cut = rest[: at - 1] if at else rest
    cut = re.split(r"[.;:]|\s(?:trong việc|trong quá trình|để|nhằm|theo|khi|về việc)\s", cut)[0]
    cut = cut.strip(" ,")
    return cut if cut and is_agency_name(cut) else None


def inline_agency(text: str) -> tuple[str, str] | None:
    """'Sở Tài chính: Bố trí kinh phí …' -> ('Sở Tài chính', 'Bố trí kinh phí …')."""
    head, sep, tail = text.partition(":")
    if not sep or not tail.strip() or head.count("(") > head.count(")"):
        return None  # no colon, or one inside brackets: "(gồm các Sở: Xây dựng, …)"
    name = strip_duty(head)
    if len(name.split()) > SETTINGS.inline_agency_max_words or not is_agency_name(name, relaxed=True):
        return None
    if label_of(text):
        return None
    return name.strip(), tail.strip()


_LEADING_TIME = re.compile(
    r"^((?:Trước khi|Sau khi|Kết thúc|Khi kết thúc) [^,:;.]{3,60}|Quý [IVX]+/\d{4}|"
    r"(?:Trong|Trước|Sau) (?:ngày|tháng|quý|Quý) [^,:;]{1,30}?\d{4})\s*[,:]"
)
_INNER_TIME = re.compile(
    r"\b((?:trong|trước|chậm nhất|hoàn thành trước|trước ngày|từ) (?:ngày \d{1,2}/\d{1,2}/\d{4}|"
    r"[Qq]uý [IVX]+/\d{4}|tháng \d{1,2}/\d{4}))"
)


def sentence_time(text: str) -> str | None:
    """A time phrase that governs the sentence: opening it ('Trước khi tiến hành kiểm tra: …',
    'Quý I/2027, …', 'Định kỳ tổng hợp …') or set in it ('… trong Quý I/2026', '… trước ngày 15/02/2027')."""
    first = text.split("\n")[0]
    if m := _LEADING_TIME.match(first):
        return m.group(1).strip()
    if re.match(r"^(Định kỳ|Hằng năm|Hàng năm|Thường xuyên)\b", first):
        return re.match(r"^(\S+ \S+)", first).group(1)
    found = _INNER_TIME.findall(first)
    return found[0] if len(found) == 1 else None
