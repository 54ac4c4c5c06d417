"""Where a task is printed, in the document's own terms: "mục II.2.1, gạch đầu dòng thứ 3",
"PHỤ LỤC II, mục II, số 1.1", "số 6" — never the portal's label ("2.1 – ý 3"), which stays in
URLs and tables only.

The numbers are those the document prints on its sections and tasks, as printed:
- section numbers that are plain (digits, dotted digits, a Roman numeral, one capital letter)
  are joined by dots from the top ("II", "2", "2.1" -> "II.2.1": a number the next one extends
  is not repeated); other marks ("b)", "(1)") follow as printed; a number with words in it
  ("PHỤ LỤC II") starts the reference;
- a task with its own printed number is cited by it ("số 2.1"; the section it extends is left
  out of the path); a bullet by its rank among the section's items of the same mark
  ("gạch đầu dòng thứ 3", "ý “+” thứ 2"); an item printed without any mark by its rank
  ("đoạn thứ 2");
- a section without numbers is named by its title.
"""

from __future__ import annotations

import re

from ..model.models import Plan, Section, Task
from .render import excerpt

_PLAIN = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)$")
BULLETS = {"-": "gạch đầu dòng thứ {n}", "+": "ý “+” thứ {n}", "•": "ý “•” thứ {n}", None: "đoạn thứ {n}"}


def _plain(number: str) -> str | None:
    """The number as a dotted-path part ('2.1.' -> '2.1'), or None when it is not plain."""
    bare = number.strip().rstrip(".")
    return bare if _PLAIN.fullmatch(bare) else None


def _extends(longer: str, shorter: str) -> bool:
    return longer.startswith(shorter + ".")


def section_path(chain: list[Section], task_number: str | None = None) -> list[str]:
    """The parts of the reference to the sections of `chain` (top first)."""
    parts: list[str] = []
    dotted: list[str] = []
    marks: list[str] = []

    def flush():
        if dotted or marks:
            parts.append(" ".join(["mục " + ".".join(dotted)] * bool(dotted) + marks))
        dotted.clear()
        marks.clear()

    for s in chain:
        if not s.number:
            continue
        plain = _plain(s.number)
        if " " in s.number.strip():  # "PHỤ LỤC II": a reference of its own
            flush()
            parts.append(s.number.strip())
        elif plain is not None and not marks:
            if dotted and _extends(plain, dotted[-1]):
                dotted[-1] = plain
            else:
                dotted.append(plain)
        else:
            marks.append(s.number.strip())
    if task_number and dotted and not marks and _extends(task_number.rstrip("."), dotted[-1]):
        dotted.pop()
    flush()
    if not parts and chain and chain[-1].title:
        parts.append(f"mục “{excerpt(chain[-1].title.rstrip(':'), 60)}”")
    return parts


def _item(task: Task, rank: int) -> str:
    number = task.number.strip() if task.number else None
    if number in BULLETS:
        return BULLETS[number].format(n=rank)
    return f"số {number}"


def places(plan: Plan) -> dict[str, str]:
    """Each task's place in the document: task id -> "mục II.2.1, gạch đầu dòng thứ 3"."""
    out: dict[str, str] = {}

    def walk(sections, chain):
        for s in sections:
            here = chain + [s]
            ranks: dict[str | None, int] = {}
            for t in s.tasks:
                mark = (
                    t.number.strip()
                    if t.number and t.number.strip() in BULLETS
                    else (None if not t.number else "#")
                )
                ranks[mark] = ranks.get(mark, 0) + 1
                number = t.number if mark == "#" else None
                out[t.id] = ", ".join(section_path(here, number) + [_item(t, ranks[mark])])
            walk(s.sections, here)

    walk(plan.sections, [])
    return out


def capital(text: str) -> str:
    """The place at the start of a sentence ("Mục II.2.1, …")."""
    return text[:1].upper() + text[1:]


_CACHE: dict[int, tuple[Plan, dict[str, str]]] = {}


def place_of(plan: Plan, task_id: str) -> str:
    """places(plan)[task_id], the plan's places computed once (the open data asks task by task)."""
    hit = _CACHE.get(id(plan))
    if hit is None or hit[0] is not plan:
        if len(_CACHE) > 256:
            _CACHE.clear()
        hit = _CACHE[id(plan)] = (plan, places(plan))
    return hit[1][task_id]


def short(place: str) -> str:
    """The place without a section named by its title (a breadcrumb under the plan's name):
    'mục “Phân công …”, số 6' -> 'số 6'."""
    return place.split("”, ", 1)[1] if place.startswith("mục “") and "”, " in place else place
