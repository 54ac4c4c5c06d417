"""A task's title, derived from its content: its first clause, whole, never cut mid-phrase.

Only words of the content are used, in their order (plus, for tasks that would share a title,
the words of their own section heading or timeframe). The rule, in order:
- the first sentence (up to ". ", ";", "!" or "?");
- a list it announces with ":" is left out ("… du lịch như: lễ hành, …" -> "… du lịch"), and so
  is a closing parenthesis that only names who leads ("(Sở Du lịch … chủ trì)");
- a sentence longer than LONGEST loses examples in closing brackets, or ends before the clause that says why or how ("nhằm", "để",
  ", qua đó", …): the main clause, whole, stays;
- only when no such boundary exists is it cut at a comma or a word, and marked " …".
`distinct_titles` then makes the titles of one plan distinct."""

from __future__ import annotations

import re
from collections import defaultdict

LONGEST = 200  # a title runs longer than this only when no clause boundary comes earlier
SHORTEST = 40  # a main clause kept before a boundary has at least this much
_MARKER = re.compile(r"^(?:[-+•*–]|[a-zđ]\)|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?:[.;!?]|\.\.\.|…)(?=\s|$)|/\.(?=\s|$)")
_LIST_INTRO = ("như", "gồm", "bao gồm", "sau", "là", "cụ thể", "về", "trong các lĩnh vực")
_LEAD_NOTE = re.compile(r"\s*\([^()]*chủ trì[^()]*\)\s*$")
# Where a subordinate clause (purpose, result, manner) starts: the main clause ends before it.
# The strong words start one after a space or a comma; the weak ones only after a comma.
_STRONG = r"(?:nhằm|để|qua đó|từ đó|góp phần|làm cơ sở)"
_WEAK = r"(?:tạo|đảm bảo|bảo đảm|hướng tới|phục vụ|trong đó|đặc biệt|đồng thời|gắn với|theo hướng)"
_BOUNDARY = re.compile(rf"(?:,\s+|\s+)(?={_STRONG}\s)|,\s+(?={_WEAK}\s)")
# Words a cut title must not end on: they announce something the cut removed.
_DANGLING = {
    "và",
    "của",
    "các",
    "cho",
    "với",
    "để",
    "trong",
    "tại",
    "theo",
    "về",
    "đến",
    "từ",
    "những",
    "được",
    "là",
    "có",
    "hoặc",
    "như",
    "nhằm",
    "gắn",
    "giữa",
    "trên",
    "vào",
    "một",
    "số",
    "ra",
    "đối",
    "thực",
    "hiện",
    "cùng",
    "bằng",
    "qua",
    "sau",
    "khi",
    "đã",
}
_OPENERS = "“(\"'‘["
_CLOSERS = {"“": "”", "(": ")", '"': '"', "'": "'", "‘": "’", "[": "]"}
ELLIPSIS = " …"


def _unbalanced(text: str) -> bool:
    for o, c in _CLOSERS.items():
        if o == c and text.count(o) % 2 or o != c and text.count(o) > text.count(c):
            return True
    return False


def _tidy(text: str) -> str:
    return text.rstrip(" ,;:.…–-")


def _first_sentence(flat: str) -> str:
    for end in _SENTENCE_END.finditer(flat):
        head = flat[: end.start()]
        if len(head) >= 25 and not _unbalanced(head):  # "Phối hợp:" alone says nothing
            return head
    return flat


def _drop_announced_list(clause: str) -> str:
    """'Hợp tác mở lớp … du lịch như: lễ hành, …' -> 'Hợp tác mở lớp … du lịch'."""
    colon = re.search(r":(?=\s|$)", clause)
    if not colon:
        return clause
    head = clause[: colon.start()].rstrip()
    for word in sorted(_LIST_INTRO, key=len, reverse=True):
        if head.lower().endswith(" " + word):
            head = head[: -len(word) - 1].rstrip(" ,")
            break
    return head if len(head) >= 25 and not _unbalanced(head) else clause


def _main_clause(clause: str) -> str | None:
    """The start of `clause` before its first subordinate clause, when that start is a clause of
    at least SHORTEST and at most LONGEST characters."""
    for m in _BOUNDARY.finditer(clause):
        head = _tidy(clause[: m.start()])
        if len(head) > LONGEST:
            return None
        if (
            len(head) >= SHORTEST
            and not _unbalanced(head)
            and head.rsplit(" ", 1)[-1].lower() not in _DANGLING
        ):
            return head
    return None


def _cut(text: str) -> str:
    """A start of at most LONGEST characters at a comma or a word, without a dangling last word
    or an unclosed quote, then " …": only when the text has no clause boundary."""
    head = text[: LONGEST + 1].rsplit(" ", 1)[0]
    comma = head.rfind(", ")
    if comma >= SHORTEST:
        head = head[:comma]
    words = head.split(" ")
    while len(words) > 1 and _unbalanced(" ".join(words)):  # never leave a quote open
        words.pop()
    while (
        len(words) > 1
        and words[-1].lower().strip(",;:") in _DANGLING
        and len(" ".join(words[:-1])) >= SHORTEST
    ):
        words.pop()
    return " ".join(words).rstrip(" ,;:–-" + _OPENERS) + ELLIPSIS


def task_title(content: str) -> str:
    """'Tổ chức Hội chợ … tại Thành phố Hồ Chí Minh' from the task's full text."""
    flat = _MARKER.sub("", " ".join(content.split()), count=1)
    clause = _first_sentence(flat)
    clause = _drop_announced_list(clause)
    clause = _tidy(_LEAD_NOTE.sub("", clause))
    if len(clause) <= LONGEST and not _unbalanced(clause):
        return clause
    bare = _tidy(re.sub(r"\s*\([^()]*\)\s*$", "", clause))  # examples in closing brackets
    if len(bare) <= LONGEST and bare != clause and not _unbalanced(bare):
        return bare
    return _main_clause(clause) or _cut(clause)


def _heading(text: str) -> str:
    """A section heading without its number and closing colon: '3.1 Năm 2024:' -> 'Năm 2024'."""
    return _tidy(re.sub(r"^[\dIVXLC]+(?:[.)]\d*)*\)?\s+|^\(?\d+\)\s+|^[a-zđ]\)\s+", "", text.strip()))


def distinct_titles(tasks) -> list[str]:
    """The titles of one plan's tasks (in order), made distinct: tasks that would share one get
    what tells them apart, in brackets: their timeframe as printed when those differ, otherwise
    the deepest section heading that differs, otherwise the task's number in the plan."""
    titles = [t.title for t in tasks]
    groups = defaultdict(list)
    for i, title in enumerate(titles):
        groups[title].append(i)
    for title, members in groups.items():
        if len(members) < 2:
            continue
        group = [tasks[i] for i in members]
        extra = None
        times = [t.timeframe.text for t in group]
        if all(times) and len(set(x.lower() for x in times)) == len(times):
            extra = times
        else:
            depth = max(len(t.section_trail) for t in group)
            for level in range(depth - 1, -1, -1):
                heads = [
                    _heading(t.section_trail[level]) if level < len(t.section_trail) else "" for t in group
                ]
                if all(heads) and len(set(heads)) == len(heads):
                    extra = heads
                    break
        if extra is None:
            extra = [f"mục {t.label}" for t in group]
        base = title.removesuffix(ELLIPSIS)
        for i, x in zip(members, extra):
            titles[i] = f"{base} ({x})"
    seen = defaultdict(int)  # still equal (the same heading twice): the number
    for title in titles:
        seen[title] += 1
    for i, title in enumerate(titles):
        if seen[title] > 1:
            titles[i] = f"{title} (mục {tasks[i].label})"
    return titles
