"""Who issued a plan: its letterhead ('ỦY BAN NHÂN DÂN / TỈNH LÀO CAI', 'BỘ …', 'UBND TỈNH … /
SỞ …', 'ỦY BAN MTTQ … / BAN THƯỜNG TRỰC'), the sentence '… ban hành', the place of the date line
or the plan id; and the province it is the document of (the home the agencies resolve in).
An issuer not yet in data/agencies is proposed (a draft must validate), with a review note."""

from __future__ import annotations

import re

from ..model.catalog import Catalog
from ..textnorm import fold, slugify
from .agencies import Resolver
from .blocks import Para
from .issuer import CENTRAL, letterhead_name, most_named, sentence
from .textread import is_caps


class IssuerReader:
    """Reads the issuer of each plan of one file; `home` and `ministry` are the last plan's,
    `proposed` the issuers proposed so far (shared with the draft's proposed agencies)."""

    def __init__(self, cat: Catalog, file: str, stats: dict, proposed: dict[str, dict]):
        self.cat, self.file, self.stats, self.proposed = cat, file, stats, proposed
        self.home: str | None = None
        self.ministry: dict | None = None

    def read(self, head, paras: list[Para], plan_id: str | None, notes: list[str]) -> str | None:
        """The issuing agency, from the letterhead ('ỦY BAN NHÂN DÂN / TỈNH LÀO CAI', 'BỘ …',
        'UBND TỈNH … / SỞ …'), the sentence '… ban hành', the place of the date line, the
        plan id. An issuer not yet in data/agencies is proposed (a draft must validate)."""
        lines = head.issuer_lines or [
            p.text for p in paras if is_caps(p.text) and fold(p.text).startswith("uy ban nhan dan ")
        ]
        letterhead = " ".join(lines)
        text = " ".join(p.text for p in paras)
        province = self._province_named(letterhead)
        how = "tiêu đề cơ quan ban hành"
        if province is None and (
            m := re.search(
                r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (tỉnh|[Tt]hành phố) "
                r"([^,.;]+?) ban hành",
                text,
            )
        ):
            province, how = self._province_named(m.group(0)), "câu '… ban hành'"
        if province is None and head.place and not fold(letterhead).startswith("bo "):
            province, how = self._province_named(head.place), f"địa danh '{head.place}'"
        central = fold(letterhead).startswith(CENTRAL)
        if province is None and not central and (named := most_named(self.cat, text)):
            province, how = named, "tên tỉnh văn bản nêu nhiều nhất"
        if province is None and plan_id and not fold(letterhead).startswith("bo "):
            for prov in sorted(self.cat.provinces.values(), key=lambda p: -len(p.id)):
                if plan_id.startswith(prov.id + "-"):
                    province, how = prov.id, "mã kế hoạch"
                    break
        self.home = province
        last = fold(lines[-1]) if lines else ""
        self.ministry = None
        if lines and not central and not fold(lines[0]).startswith(("uy ban nhan dan", "ubnd")):
            return self._own_body(lines, province, notes, how)  # a Front, a sub-committee, a Sở
        if central and province is None:
            name = sentence(letterhead)
            found = [
                a for a in self.cat.agencies.values() if a.province is None and fold(a.name) == fold(name)
            ]
            aid = found[0].id if found else f"central-{slugify(name)}"
            self.ministry = {"id": aid, "name": found[0].name if found else name}
            if not found:
                self._propose(aid, name, None, notes, "tiêu đề cơ quan ban hành")
            return aid
        if province is None:
            notes.append("không xác định được cơ quan ban hành (issuer) và tỉnh của văn bản: điền mã cơ quan")
            return None
        prov = self.cat.provinces[province]
        if len(lines) >= 2 and last.startswith(("so ", "ban ", "cong an ", "trung tam ", "van phong ")):
            resolver = Resolver(self.cat, province)
            res = resolver.resolve(sentence(lines[-1]) if is_caps(lines[-1]) else lines[-1])
            if len(res.ids) == 1:
                aid = res.ids[0]
                if aid in resolver.proposed:
                    self._propose(aid, resolver.proposed[aid]["name"], province, notes, how)
                return aid
        aid = f"{province}-ubnd"
        if aid not in self.cat.agencies:
            label = prov.name if prov.kind == "thanh-pho" else f"tỉnh {prov.name}"
            self._propose(aid, f"Ủy ban nhân dân {label}", province, notes, how)
        elif how == "mã kế hoạch":
            notes.append(f"cơ quan ban hành '{aid}' đoán từ mã kế hoạch: kiểm tra")
        return aid

    def _own_body(self, lines: list[str], province: str | None, notes: list[str], how: str) -> str:
        """An issuer that is no People's Committee: 'ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN
        THƯỜNG TRỰC' -> 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh', found or proposed."""
        name = letterhead_name(lines)
        if province:
            resolver = Resolver(self.cat, province)
            found = resolver.resolve(name)
            if len(found.ids) == 1 and found.ids[0] in self.cat.agencies:
                return found.ids[0]
        aid = f"{province}-{slugify(name)}"[:80].strip("-") if province else slugify(name)[:80].strip("-")
        self._propose(aid, name, province, notes, "tiêu đề cơ quan ban hành")
        if province is None:
            notes.append(
                f"cơ quan ban hành '{name}': văn bản không nêu tỉnh; điền 'province' của cơ quan đề xuất"
            )
        return aid

    def _propose(self, aid: str, full: str, province: str | None, notes: list[str], how: str) -> None:
        if aid not in self.proposed:
            self.proposed[aid] = {
                "id": aid,
                "name": full,
                "short_name": None,
                "province": province,
                "aliases": [],
                "note": None,
                "source": f"{self.file.rsplit('/', 1)[-1]}, cơ quan ban hành",
            }
            self.stats["proposed"] += 1
        notes.append(
            f"cơ quan ban hành '{aid}' chưa có trong data/agencies (đọc từ {how}): "
            "đề xuất mới, kiểm tra tên và tỉnh"
        )

    def _province_named(self, text: str) -> str | None:
        key = f" {fold(text)} "
        best = None
        for prov in self.cat.provinces.values():
            name = fold(prov.name).removeprefix("thanh pho ")
            if f" {name} " in key and (best is None or len(name) > len(best[1])):
                best = (prov.id, name)
        if best and self.cat.provinces[best[0]].merged_into:
            return self.cat.provinces[best[0]].merged_into  # a former province: its successor
        return best[0] if best else None


def provinces_named(cat: Catalog, text: str) -> list[str]:
    """Provinces a title names ('… giữa tỉnh Lào Cai và tỉnh Sơn La'), in the order it names them."""
    key = fold(text)
    found = []
    for prov in cat.provinces.values():
        name = fold(prov.name).removeprefix("thanh pho ")
        if m := re.search(rf"\b{re.escape(name)}\b", key):
            found.append((m.start(), prov.merged_into or prov.id))
    return list(dict.fromkeys(pid for _, pid in sorted(found)))
