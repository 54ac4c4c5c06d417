"""The last pass over a draft's task tree: ids, agency ids, partnerships, review counts.

Task ids follow the convention of data/: the section path and the task's number ("b-1-1-y1",
"iii-10-y2", "pl2-ii-1-1"); a number that repeats its section's ("2.1" under "2") is not
written twice; unnumbered and bullet items are "y1", "y2" by position.
"""

from __future__ import annotations

import re

from ..model.catalog import Catalog
from ..textnorm import fold, slugify
from .agencies import Resolver
from .prose import phrases
from .typedtree import add_note

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7}


def _path_part(number: str | None) -> str | None:
    if not number:
        return None
    if number.upper().startswith("PHỤ LỤC"):
        token = number.split()[-1].lower()
        return f"pl{_ROMAN.get(token, token)}"
    return number.strip("().").lower()


def _extend(path: list[str], number: str | None) -> list[str]:
    part = _path_part(number)
    if part is None:
        return path
    if path and part.startswith(path[-1] + "."):
        return path[:-1] + [part]
    return path + [part]


def assign_ids(sections: list[dict]) -> None:
    seen: set[str] = set()

    def walk(sec: dict, path: list[str]):
        here = _extend(path, sec.get("number"))
        for index, task in enumerate(sec["tasks"], 1):
            number = task.get("number")
            if number and number not in {"-", "+", "•"}:
                tpath = _extend(here, number)
            else:
                tpath = here + [f"y{index}"]
            tid = slugify("-".join(tpath).replace(".", "-")) or f"y{index}"
            tid = tid if not tid.startswith("-") else tid[1:]
            base, n = tid, 2
            while tid in seen:
                tid, n = f"{base}-{n}", n + 1
            if tid != base and not task.get("_merged_row"):  # a merged row: its table says so once
                add_note(task, f"mã '{base}' trùng: đổi thành '{tid}', kiểm tra số thứ tự")
            seen.add(tid)
            task["id"] = tid
        for sub in sec["sections"]:
            walk(sub, here)

    for sec in sections:
        walk(sec, [])


def resolve_agencies(sections: list[dict], resolver: Resolver, source: str) -> None:
    """Lead and coordinating texts -> ids; a proposed agency records where it is first named."""

    def apply(node: dict, side: str):
        text = node.get(f"{side}_text")
        if text and phrases.is_person(text):  # a person is kept as printed, never an agency
            node[side], node[f"{side}_collective"] = [], [text]
            return
        res = resolver.resolve(text)
        if node.get(f"{side}_text"):
            node[side] = res.ids
            node[f"{side}_collective"] = res.collective
            if res.review:
                for text in res.review:
                    add_note(node, text)
        role = "chủ trì" if side == "lead" else "phối hợp"
        where = f"nhiệm vụ {node['id']}" if "id" in node else f"mục {node.get('number') or node.get('title')}"
        for aid in res.ids:
            if resolver.proposed.get(aid, {}).get("source", "") is None:
                resolver.proposed[aid]["source"] = f"{source}, {where} {role}"

    def walk(sec: dict):
        apply(sec, "lead")
        for task in sec["tasks"]:
            apply(task, "lead")
            apply(task, "coordinating")
        for sub in sec["sections"]:
            walk(sub)

    for sec in sections:
        walk(sec)


def plan_partnerships(cat: Catalog, home: str | None, agency_ids: list[str], text: str) -> list[str]:
    """Partnerships of the plan's province whose every province the plan names (in its text
    or through its agencies); a partnership inside a wider one only when that one is not."""
    provinces = {home} if home else set()
    for aid in agency_ids:
        agency = cat.agencies.get(aid)
        if agency and agency.province:
            provinces.add(agency.province)
    key = fold(text)
    for p in cat.provinces.values():
        if re.search(rf"\b{re.escape(fold(p.name).removeprefix('thanh pho '))}\b", key):
            provinces.add(p.id)
    covered = {
        p.id for p in cat.partnerships.values() if home in p.provinces and set(p.provinces) <= provinces
    }
    return sorted(pid for pid in covered if cat.partnerships[pid].part_of not in covered)
