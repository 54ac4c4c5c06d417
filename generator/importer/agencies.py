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

from ..model.catalog import Catalog
from ..textnorm import collapse, fold, slugify
from . import vocabulary as vocab

_LIST = re.compile(r"^([^:]{2,20}?)\s*:\s*")
_COLLECTIVE = re.compile(
    r"^(các |ubnd các |ủy ban nhân dân các |uỷ ban nhân dân các |ubnd xã|"
    r"ubnd cấp|đơn vị liên quan|cơ quan liên quan|những |tất cả |mọi )",
    re.I,
)


_GROUP = re.compile(r"\bcác (tỉnh|địa phương|huyện|xã|sở|đơn vị|cơ quan)\b|\btỉnh, thành phố\b", re.I)
_UNIT_END = {"xa", "phuong", "huyen", "quan", "tinh"}  # the place a local body's name ends with
_TAIL = re.compile(r"^(.+?)(?:,\s*|\s+và\s+)((?:các|những|mọi)\s.+)$", re.I)  # 'Bộ X và các bộ, ngành …'


def is_person(text: str) -> bool:
    """'Đồng chí Phó Chủ tịch …', 'Chủ tịch UBND xã', 'Trưởng thôn': an office holder."""
    return fold(text).startswith(vocab.PERSONS)


def is_agency_name(text: str) -> bool:
    return fold(text).startswith(vocab.AGENCY_BEGINNINGS) and not is_person(text)


def expand(name: str) -> str:
    """'Sở KH&CN' -> 'Sở Khoa học và Công nghệ' (vocabulary.ABBREVIATIONS, whole words)."""
    words = name.split()
    return " ".join(vocab.ABBREVIATIONS.get(fold(w), w) for w in words)


def without_own_province(name: str) -> str | None:
    """'Công an tỉnh' -> 'Công an' (the document's own province left implicit)."""
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in vocab.OWN_PROVINCE_SUFFIXES:
        return " ".join(words[:-1])
    if len(words) > 2 and fold(" ".join(words[-2:])) in vocab.OWN_PROVINCE_SUFFIXES:
        return " ".join(words[:-2])
    return None


def split_bodies(text: str) -> list[str]:
    """'Cục A, Sở B' -> two names; 'Vụ A và Viện B' -> two; 'Trung tâm Xúc tiến Đầu tư, Thương
    mại và Du lịch' stays one: a piece is split off only when it begins like an agency's name."""
    tokens = re.split(r"(,\s*|\s+và\s+)", text)
    out = [tokens[0]]
    for sep, token in zip(tokens[1::2], tokens[2::2]):
        if is_agency_name(token) and is_agency_name(out[-1]):
            out.append(token)
        else:
            out[-1] += sep + token
    return [o.strip() for o in out if o.strip()]


def initials(name: str) -> str:
    """'Bộ Nông nghiệp và Môi trường' -> 'bnnmt' (the ministry part of a central unit's id)."""
    words = [w for w in slugify(name).split("-") if w and w != "va"]
    return "".join(w[0] for w in words)


@dataclass
class Resolved:
    ids: list[str] = field(default_factory=list)
    collective: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


class Resolver:
    """`home`: the document's own province (None for a ministry's plan); `partners`: the
    provinces its title names; `ministry`: the issuing ministry's agency record, whose units
    ('Cục …', 'Vụ …', 'Viện …') are central bodies."""

    def __init__(
        self,
        cat: Catalog,
        home: str | None,
        partners: list[str] | None = None,
        ministry: dict | None = None,
        file: str = "",
        issuer: dict | None = None,
    ):
        self.cat, self.home, self.issuer = cat, home, issuer
        self.partners = [p for p in partners or [] if p != home]
        self.ministry, self.file = ministry, file
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
        """(agency id, number of agencies the name could mean): in the province the name
        names, else the document's own; central bodies anywhere. Never another province's."""
        named = self.province_in(name)
        province = named or self.home
        tried = []
        while province and province not in tried and province in self.cat.provinces:
            tried.append(province)
            hit = self.cat.resolve_agency(name, province)
            if hit:
                return hit, 1
            successor = self.cat.provinces[province].merged_into
            if successor:  # "… tỉnh Bắc Kạn" is now Thái Nguyên's: drop the old name
                name = re.sub(
                    rf"\s*,?\s*(tỉnh|thành phố)\s+{re.escape(self.cat.provinces[province].name)}$",
                    "",
                    name,
                    flags=re.I,
                )
            province = successor
        hits = {
            a.id
            for a in self.cat.agencies.values()
            if (a.province is None or named)
            and fold(name).rstrip(" .;,") in {fold(n) for n in (a.name, a.short_name or "", *a.aliases) if n}
        }
        if len(hits) == 1:
            return hits.pop(), 1
        return None, len(hits)

    def _one(self, name: str, prefix: str, out: Resolved) -> bool:
        names = [prefix + name, name] if prefix else [name]
        names += [expand(n) for n in names if expand(n) != n]
        if self.home:
            names += [bare for n in list(names) if (bare := without_own_province(n))]
        if self._is_issuer(names, out):
            return True
        for candidate in dict.fromkeys(names):
            hit, count = self._lookup(candidate)
            if not hit and count <= 1 and self.home is None and not self.province_in(candidate):
                hit = self._in_partner(candidate, out)
            if hit:
                out.ids.append(hit)
                self.counts["matched"] += 1
                return True
            if count > 1:
                out.review.append(f"'{name}' có thể là {count} cơ quan: chọn mã đúng")
                self.counts["ambiguous"] += 1
                return True
        return False

    def _is_issuer(self, names: list[str], out: Resolved) -> bool:
        """'Ban Thường trực Ủy ban MTTQ Việt Nam xã' in a plan that body issued (its letterhead
        names the commune): the issuer, its printed name kept among its aliases."""
        rec = self.issuer
        if not rec:
            return False
        keys = set()
        for n in [rec["name"], *rec.get("aliases", [])]:
            words = fold(expand(n)).split()
            cut = max((i for i, w in enumerate(words) if w in _UNIT_END), default=None)
            keys.add(" ".join(words[: cut + 1]) if cut is not None else " ".join(words))
        for name in names:
            if fold(expand(name)) in keys:
                if name not in rec.setdefault("aliases", []) and fold(name) != fold(rec["name"]):
                    rec["aliases"].append(name)
                out.ids.append(rec["id"])
                self.counts["matched"] += 1
                return True
        return False

    def _in_partner(self, name: str, out: Resolved) -> str | None:
        """A document of unknown province: a name one partner province has, marked."""
        hits = [(p, h) for p in self.partners if (h := self.cat.resolve_agency(name, p))]
        if len(hits) != 1:
            return None
        province, hit = hits[0]
        out.review.append(
            f"'{name}': không rõ tỉnh của văn bản; khớp với cơ quan của tỉnh "
            f"{self.cat.provinces[province].name} ('{hit}') nêu trong trích yếu: kiểm tra"
        )
        return hit

    def _province_label(self, province: str) -> str:
        prov = self.cat.provinces[province]
        return prov.name if prov.kind == "thanh-pho" else f"tỉnh {prov.name}"

    def _propose(self, name: str, out: Resolved) -> None:
        named = self.province_in(name)
        province = named or self.home
        note = None
        if province is None and self.ministry and fold(name).startswith(vocab.MINISTRY_UNITS):
            pid = f"central-{initials(self.ministry['name'])}-{slugify(name)}"
            full = name
            note = f"đơn vị thuộc {self.ministry['name']} (cơ quan ban hành)"
        else:
            bare = re.sub(r"\s*,?\s*(tỉnh|thành phố|tp\.?)\s+\S.*$", "", name, flags=re.I) or name
            if province:
                pname = fold(self.cat.provinces[province].name).removeprefix("thanh pho ")
                slug = slugify(bare)
                slug = slug.removesuffix("-" + slugify(pname)) or slug
                slug = re.sub(r"-(tinh|thanh-pho)$", "", slug) or slug
                pid = f"{province}-{slug}"
                full = name
                if not named and is_agency_name(name) and not fold(name).startswith(vocab.NO_PROVINCE_LABEL):
                    label = self._province_label(province)
                    full = f"{expand(without_own_province(name) or name)} {label}"
                    slug = slugify(expand(without_own_province(bare) or bare))
                    pid = f"{province}-{slug}"
            else:
                pid, full = f"central-{slugify(bare)}", name
                out.review.append(
                    f"'{name}': không xác định được tỉnh của văn bản; đề xuất như "
                    "cơ quan trung ương: sửa 'province' nếu là cơ quan của một tỉnh"
                )
        pid = pid[:80].strip("-")
        if pid in self.proposed:
            out.ids.append(pid)
            known = self.proposed[pid]
            if fold(name) not in {
                fold(n) for n in (known["name"], known["short_name"] or "", *known["aliases"])
            }:
                known["aliases"].append(name)  # one body printed two ways: both names kept
            return  # listed once, on the plan (draft.finish)
        if pid not in self.proposed:
            self.proposed[pid] = {
                "id": pid,
                "name": full,
                "short_name": name,
                "province": province if not (note and province is None) else None,
                "aliases": [],
                "note": note,
                "source": None,
            }
            self.counts["proposed"] += 1
        out.ids.append(pid)
        also = (
            [
                f"{self.cat.provinces[p].name} ('{h}')"
                for p in self.partners
                if (h := self.cat.resolve_agency(name, p))
            ]
            if not named
            else []
        )
        if also:  # a doubt about this row: kept on it
            out.review.append(
                f"'{name}': đề xuất '{pid}', nhưng tỉnh đối tác có cơ quan cùng tên: "
                f"{', '.join(also)} — nếu là cơ quan đó, thay mã"
            )

    def _unknown(self, rest: str, prefix: str, out: Resolved) -> None:
        """Words no known agency covers: groups kept as written, the bodies proposed."""
        bodies = split_bodies(rest)
        for body in bodies if len(bodies) > 1 else [rest]:
            if len(bodies) > 1 and self._one(body, prefix, out):
                continue
            if (m := _TAIL.match(body)) and is_agency_name(prefix + m.group(1)):
                if not self._one(m.group(1), prefix, out):
                    self._unknown(m.group(1), prefix, out)
                out.collective.append(m.group(2))
                continue
            if _COLLECTIVE.match(body) or _GROUP.search(body) or not is_agency_name(prefix + body):
                out.collective.append(body)  # a group, an office holder, or no body at all
            elif m := re.match(r"^(.+?) tỉnh (\S.+?) và (\S.+)$", body):  # "Sở X tỉnh A và B"
                for prov in (m.group(2), m.group(3)):
                    if not self._one(f"{m.group(1)} tỉnh {prov}", "", out):
                        self._propose(f"{m.group(1)} tỉnh {prov}", out)
            else:
                self._propose(body, out)

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
            if (m := _LIST.match(piece)) and fold(m.group(1)) in vocab.LIST_KINDS:
                prefix = vocab.LIST_KINDS[fold(m.group(1))]
                piece = piece[m.end() :]
            piece = collapse(re.sub(r"\([^)]*\)", " ", piece)).strip(" ,") or piece
            if (_COLLECTIVE.match(piece) or is_person(piece)) and not self._lookup(piece)[0]:
                out.collective.append(piece)
                continue
            items = [i.strip() for i in piece.split(",") if i.strip()]
            i = 0
            while i < len(items):
                if _COLLECTIVE.match(items[i]):  # '…, các đơn vị liên quan': the rest is a group
                    out.collective.append(", ".join(items[i:]))
                    break
                for j in range(len(items), i, -1):
                    if self._one(", ".join(items[i:j]), prefix, out):
                        i = j
                        break
                else:
                    self._unknown(", ".join(items[i:]), prefix, out)
                    break
        return out
