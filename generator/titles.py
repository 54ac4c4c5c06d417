"""A task's short title, derived from its content: the first clause, cut at a word boundary.

Only words of the content are used, in their order; a cut is marked with "…"."""
from __future__ import annotations

import re

LONGEST = 90      # a title never runs longer than this (plus " …")
SHORTEST = 60     # a cut inside a clause keeps at least this much
_MARKER = re.compile(r"^(?:[-+•*–]|[a-zđ]\)|\d+[.)])\s+")
_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)")
# Words a cut title must not end on: they announce something the cut removed.
_DANGLING = {"và", "của", "các", "cho", "với", "để", "trong", "tại", "theo", "về", "đến", "từ",
             "những", "được", "là", "có", "hoặc", "như", "nhằm", "gắn", "giữa", "trên", "vào",
             "một", "số", "ra", "đối", "thực", "hiện", "cùng", "bằng", "qua", "sau", "khi", "đã"}
_OPENERS = "“(\"'‘["
_CLOSERS = {"“": "”", "(": ")", '"': '"', "'": "'", "‘": "’", "[": "]"}


def _unbalanced(text: str) -> bool:
    for o, c in _CLOSERS.items():
        if o == c and text.count(o) % 2 or o != c and text.count(o) > text.count(c):
            return True
    return False


def _cut(text: str) -> str:
    """The longest start of `text` of at most LONGEST characters ending at a word boundary,
    preferring a comma, without a dangling last word or an unclosed quote, then " …"."""
    head = text[:LONGEST + 1].rsplit(" ", 1)[0] if len(text) > LONGEST else text
    comma = head.rfind(", ")
    if comma >= SHORTEST:
        head = head[:comma]
    words = head.split(" ")
    while len(words) > 1 and _unbalanced(" ".join(words)):      # never leave a quote open
        words.pop()
    while (len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING
           and len(" ".join(words[:-1])) >= SHORTEST // 2):
        words.pop()
    return " ".join(words).rstrip(" ,;:–-" + _OPENERS) + " …"


def task_title(content: str) -> str:
    """'Tổ chức Hội chợ … tại Thành phố Hồ Chí Minh' from the task's full text."""
    flat = _MARKER.sub("", " ".join(content.split()), count=1)
    end = _CLAUSE_END.search(flat)
    clause = flat[:end.start()] if end else flat
    if len(clause) < 25 and end:          # "Phối hợp:" alone says nothing: take what follows
        clause = flat
    clause = clause.rstrip(" ,;:.")
    if len(clause) <= LONGEST and not _unbalanced(clause):
        return clause
    return _cut(clause)
