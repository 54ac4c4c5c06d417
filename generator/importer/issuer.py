"""Words about the issuing body: which letterheads are central, the province a text names most,
a letterhead's body name in sentence case."""

from __future__ import annotations

import re

from ..model.catalog import Catalog
from ..textnorm import fold

CENTRAL = ("bo ", "thu tuong", "chinh phu", "van phong chinh phu")
_UNIT_WORDS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "tinh", "thanh pho", "dac khu")


def most_named(cat: Catalog, text: str) -> str | None:
    """The province a text names most often ('tỉnh Tuyên Quang'), when one does."""
    key = fold(text)
    counts = {}
    for prov in cat.provinces.values():
        name = fold(prov.name).removeprefix("thanh pho ")
        n = len(re.findall(rf"\b(?:tinh|thanh pho) {re.escape(name)}\b", key))
        if n:
            pid = prov.merged_into or prov.id
            counts[pid] = counts.get(pid, 0) + n
    return max(sorted(counts), key=counts.get) if counts else None


def letterhead_name(lines: list[str]) -> str:
    """The issuing body's name from its letterhead lines, in sentence case: a sub-body printed
    under its parent ('BAN THƯỜNG TRỰC', 'TIỂU BAN …') comes first."""
    lines = [" ".join(ln.split()) for ln in lines if ln.strip()]
    if len(lines) > 1 and fold(lines[-1]).startswith(
        ("ban ", "tieu ban", "thuong truc", "van phong", "phong ", "to ")
    ):
        lines = [lines[-1]] + lines[:-1]
    words = " ".join(lines).split()
    firsts = {sum(len(ln.split()) for ln in lines[:k]) for k in range(len(lines))}
    out, proper = [], False
    for i, word in enumerate(words):
        low = word.lower()
        if not any(c in fold(word) for c in "aeiouy") or fold(word) in ("mttq", "ubnd", "hdnd"):
            out.append(word)  # an acronym: MTTQ, UBND
        elif fold(word) in _UNIT_WORDS and i:
            out.append(low)  # 'xã', 'phường' before the place's name
        elif proper or i in firsts:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
        if fold(" ".join(words[max(0, i - 1) : i + 1])) in _UNIT_WORDS or fold(word) in _UNIT_WORDS:
            proper = True  # the place after 'XÃ', 'TỈNH' … is a name
    text = " ".join(out)
    return re.sub(r"\bviệt nam\b", "Việt Nam", text)


def sentence(caps: str) -> str:
    """'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' -> 'Bộ Nông nghiệp và môi trường' (a proposal to check)."""
    words = caps.lower().split()
    return " ".join(w[:1].upper() + w[1:] if i < 2 else w for i, w in enumerate(words))
