"""Printed agency names -> agency ids, collective entries and proposed agencies.

A cell is split at line breaks and ';' first; a list "Các sở: Tài chính, Xây dựng" names real
agencies ("Sở Tài chính", "Sở Xây dựng"); within a piece, the longest run of comma-separated
words that names a known agency wins, so "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch" is
one agency. The province comes from the name ("… tỉnh Hưng Yên", "… Thành phố Hồ Chí Minh"),
else the plan's own; a former province is tried through its successor. A group ("các đơn vị
liên quan", "UBND các xã, phường") is kept as written. A name that matches nothing is proposed
as a new agency, whole: one printed name is never split into two agencies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..textnorm import collapse, fold, slugify

_LIST = re.compile(r"^(các sở|các sở, ngành|sở)\s*:\s*", re.I)
_COLLECTIVE = re.compile(r"^(các |ubnd các |ủy ban nhân dân các |uỷ ban nhân dân các |ubnd xã|"
                         r"ubnd cấp|đơn vị liên quan|cơ quan liên quan|những )", re.I)


_GROUP = re.compile(r"\bcác (tỉnh|địa phương|huyện|xã|sở|đơn vị|cơ quan)\b", re.I)


@dataclass
class Resolved:
    ids: list[str] = field(default_factory=list)
    collective: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


class Resolver:
    def __init__(self, cat: Catalog, home: str | None):
        self.cat, self.home = cat, home
        self.proposed: dict[str, dict] = {}
        self.counts = {"matched": 0, "proposed": 0, "ambiguous": 0}
        self._names = {}
        for p in cat.provinces.values():
            self._names[fold(p.name).removeprefix("thanh pho ")] = p.id

    def province_in(self, name: str) -> str | None:
        key = fold(name)
        best = None
        for pname, pid in self._names.items():
            if re.search(rf"\b(tinh|thanh pho|tp\.?) {re.escape(pname)}\b", key) or key.endswith(" " + pname):
                if best is None or len(pname) > len(best[0]):
                    best = (pname, pid)
        return best[1] if best else None

    def _lookup(self, name: str) -> tuple[str | None, int]:
        """(agency id, number of agencies the name could mean)."""
        province = self.province_in(name) or self.home
        tried = []
        while province and province not in tried and province in self.cat.provinces:
            tried.append(province)
            hit = self.cat.resolve_agency(name, province)
            if hit:
                return hit, 1
            successor = self.cat.provinces[province].merged_into
            if successor:              # "… tỉnh Bắc Kạn" is now Thái Nguyên's: drop the old name
                name = re.sub(rf"\s*,?\s*(tỉnh|thành phố)\s+{re.escape(self.cat.provinces[province].name)}$",
                              "", name, flags=re.I)
            province = successor
        hits = {a.id for a in self.cat.agencies.values()
                if fold(name).rstrip(" .;,") in {fold(n) for n in (a.name, a.short_name or "", *a.aliases) if n}}
        if len(hits) == 1:
            return hits.pop(), 1
        return None, len(hits)

    def _one(self, name: str, prefix: str, out: Resolved) -> bool:
        for candidate in ([prefix + name, name] if prefix else [name]):
            hit, count = self._lookup(candidate)
            if hit:
                out.ids.append(hit)
                self.counts["matched"] += 1
                return True
            if count > 1:
                out.review.append(f"'{name}' có thể là {count} cơ quan: chọn mã đúng")
                self.counts["ambiguous"] += 1
                return True
        return False

    def _propose(self, name: str, out: Resolved) -> None:
        province = self.province_in(name) or self.home
        bare = re.sub(r"\s*,?\s*(tỉnh|thành phố|tp\.?)\s+\S.*$", "", name, flags=re.I) or name
        pid = f"{province}-{slugify(bare)}" if province else slugify(bare)
        pid = pid[:80].strip("-")
        if pid not in self.proposed:
            self.proposed[pid] = {"id": pid, "name": name, "short_name": name,
                                  "province": province, "aliases": [], "source": None}
            self.counts["proposed"] += 1
        out.ids.append(pid)
        out.review.append(f"'{name}' chưa có trong data/agencies: đề xuất cơ quan mới '{pid}' "
                          "(kiểm tra tên, tỉnh và mã; hoặc thêm tên này vào 'aliases' của cơ quan đã có)")

    def resolve(self, text: str | None) -> Resolved:
        out = Resolved()
        if not text:
            return out
        pieces = [p for line in text.split("\n") for p in line.split(";")]
        prefix = ""
        for piece in pieces:
            piece = collapse(piece).lstrip("-+• ").strip().rstrip(".;,")
            if not piece:
                continue
            if m := _LIST.match(piece):
                prefix = "Sở "
                piece = piece[m.end():]
            if _COLLECTIVE.match(piece) and not self._lookup(piece)[0]:
                out.collective.append(piece)
                continue
            items = [i.strip() for i in piece.split(",") if i.strip()]
            i = 0
            while i < len(items):
                for j in range(len(items), i, -1):
                    if self._one(", ".join(items[i:j]), prefix, out):
                        i = j
                        break
                else:
                    rest = ", ".join(items[i:])
                    if _COLLECTIVE.match(rest) or _GROUP.search(rest):
                        out.collective.append(rest)
                    elif m := re.match(r"^(.+?) tỉnh (\S.+?) và (\S.+)$", rest):   # "Sở X tỉnh A và B"
                        for prov in (m.group(2), m.group(3)):
                            if not self._one(f"{m.group(1)} tỉnh {prov}", "", out):
                                self._propose(f"{m.group(1)} tỉnh {prov}", out)
                    else:
                        self._propose(rest, out)
                    break
        return out
