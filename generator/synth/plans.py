"""Synthetic plans: metadata, paragraphs, a section tree and tasks, in the real data format."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from ..model.fields import PLAN, TASK
from ..textnorm import slugify
from .entities import place_name
from .forms import timeframe
from .words import Chain

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Lò"]
MIDDLE = ["Văn", "Thị", "Thành", "Minh", "Quốc", "Hữu", "Đức", "Ngọc", "Hồng"]
LEAD_COLLECTIVE = ["Các sở, ban, ngành", "UBND các xã, phường", "Các cơ quan, đơn vị liên quan"]
COORD_COLLECTIVE = [
    "các đơn vị liên quan",
    "UBND các xã, phường",
    "Các sở, ban, ngành tỉnh",
    "Các cơ quan đơn vị tương ứng",
]
STATUSES = ["chua-trien-khai", "dang-trien-khai", "hoan-thanh", "cham"]
FIELDS_OF_WORK = [
    "ĐẦU TƯ, THƯƠNG MẠI",
    "DU LỊCH",
    "NÔNG NGHIỆP",
    "GIÁO DỤC, Y TẾ",
    "VĂN HÓA, THỂ THAO",
    "KHOA HỌC, CÔNG NGHỆ",
    "QUỐC PHÒNG, AN NINH",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]


@dataclass
class World:
    """What every plan draws on: the text chain, agencies and names of provinces."""

    chain: Chain
    agencies: dict[str, list[dict]]  # province id -> agency records
    provinces: dict[str, object]  # province id -> Province
    rng: random.Random

    def departments(self, pid: str) -> list[dict]:
        return [a for a in self.agencies[pid] if "-ubnd-" not in a["id"]]

    def pick(self, pid: str, k: int, local: float = 0.1) -> list[dict]:
        pool = self.agencies[pid] if self.rng.random() < local else self.departments(pid)
        return self.rng.sample(pool, min(k, len(pool)))


def _date(rng: random.Random, year: int, first_month: int = 1, last_month: int = 12) -> datetime.date:
    return datetime.date(year, rng.randint(first_month, last_month), rng.randint(1, 28))


def _dmy(d: datetime.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def _ordered(rec: dict, fields) -> dict:
    return {f.name: rec[f.name] for f in fields if f.name in rec}


def _task(
    w: World,
    tid: str,
    number: str | None,
    year: int,
    home: str,
    partners: list[str],
    form_index: int,
    inherit_time: bool,
) -> dict:
    rng, chain = w.rng, w.chain
    paragraphs = [chain.paragraph(rng)] + ([chain.paragraph(rng, 25)] if rng.random() < 0.2 else [])
    lead = w.pick(home, 1 if rng.random() < 0.8 else 2)
    coord = [a for pid in [home, *partners] for a in w.pick(pid, rng.randint(0, 3))]
    rec = {"id": tid, "number": number, "content": "\n\n".join(paragraphs)}
    if rng.random() < 0.1:
        rec["title"] = chain.phrase(rng, 9)
    if rng.random() < 0.4:
        rec["form"] = rng.choice(
            [
                "Trao đổi bằng văn bản; làm việc trực tiếp",
                "Hội nghị, hội thảo",
                "Làm việc trực tiếp tại hai tỉnh",
                chain.phrase(rng, 6),
            ]
        )
    rec["lead"] = sorted(a["id"] for a in lead)
    if rng.random() < 0.1:
        rec["lead_collective"] = [rng.choice(LEAD_COLLECTIVE)]
    rec["lead_text"] = "; ".join([a["short_name"] for a in lead] + rec.get("lead_collective", []))
    rec["coordinating"] = sorted({a["id"] for a in coord})
    if rng.random() < 0.3:
        rec["coordinating_collective"] = [rng.choice(COORD_COLLECTIVE)]
    if coord or rec.get("coordinating_collective"):
        lines = [
            f"- {'; '.join(a['short_name'] for a in coord if a['province'] == pid)} "
            f"{place_name(w.provinces[pid])}"
            for pid in [home, *partners]
            if any(a["province"] == pid for a in coord)
        ]
        rec["coordinating_text"] = "\n".join(
            lines + [f"- {c}" for c in rec.get("coordinating_collective", [])]
        )
    if not inherit_time:
        rec["timeframe"] = timeframe(rng, year, form_index)
    if rng.random() < 0.3:
        rec["product"] = rng.choice(["Báo cáo kết quả", "Biên bản làm việc", chain.phrase(rng, 7)])
    if rng.random() < 0.05:
        rec["contact"] = f"Phòng Tổng hợp, {lead[0]['short_name']}"
    if rng.random() < 0.05:
        rec["note"] = chain.phrase(rng, 10)
    if rng.random() < 0.15:
        dates = sorted({_date(rng, min(year + 1, 2027)) for _ in range(rng.randint(1, 3))})
        rec["updates"] = [
            {
                "date": d,
                "status": rng.choice(STATUSES),
                "note": chain.phrase(rng, 12),
                "source": f"Báo cáo số {rng.randint(10, 400)}/BC-UBND ngày {_dmy(d)}",
            }
            for d in dates
        ]
    return _ordered(rec, TASK)


class PlanMaker:
    """Makes plans one after another; `form_index` makes every timeframe form appear early."""

    def __init__(self, world: World):
        self.w = world
        self.form_index = 0
        self.plans_of: dict[str, list[str]] = {}

    def _tasks(
        self,
        path: list[str],
        count: int,
        year: int,
        home: str,
        partners: list[str],
        bullets: bool,
        inherit_time: bool,
    ) -> list[dict]:
        out = []
        for i in range(1, count + 1):
            if bullets:
                number, tid = "-", "-".join(path + [f"y{i}"])
            else:
                number = ".".join(path[-1:] + [str(i)]) if path else str(i)
                tid = slugify("-".join(path[:-1] + [number]))
            out.append(
                _task(self.w, slugify(tid), number, year, home, partners, self.form_index, inherit_time)
            )
            self.form_index += 1
        return out

    def _section(
        self,
        path: list[str],
        number: str | None,
        title: str | None,
        count: int,
        year: int,
        home: str,
        partners: list[str],
        **extra,
    ) -> dict:
        rng = self.w.rng
        inherit_time = rng.random() < 0.1
        sec = {"number": number, "title": title}
        if rng.random() < 0.2:
            sec["paragraphs"] = [self.w.chain.paragraph(rng, 30)]
        sec.update(extra)
        if inherit_time:
            sec["timeframe"] = f"Năm {year}"
        sec["tasks"] = self._tasks(path, count, year, home, partners, rng.random() < 0.1, inherit_time)
        return sec

    def sections(
        self, count: int, year: int, home: str, partners: list[str], children: list[dict]
    ) -> list[dict]:
        rng = self.w.rng
        if children:  # a programme: one section for each member's partnership
            share = [count // len(children) + (i < count % len(children)) for i in range(len(children))]
            return [
                self._section(
                    [str(i)],
                    str(i),
                    f"Hợp tác với {self.w.provinces[c['provinces'][1]].name}",
                    n,
                    year,
                    home,
                    [c["provinces"][1]],
                    partnership=c["id"],
                )
                for i, (c, n) in enumerate(zip(children, share), 1)
                if n
            ]
        if count < 12 or rng.random() < 0.4:
            return [
                self._section([], None, "Phân công nhiệm vụ", count, year, home, partners, source="Phụ lục")
            ]
        groups = rng.randint(2, min(5, count // 4))
        share = [count // groups + (i < count % groups) for i in range(groups)]
        subs = [
            self._section(
                [ROMAN[0].lower(), str(i)], str(i), f"Lĩnh vực {f.lower()}", n, year, home, partners
            )
            for i, (f, n) in enumerate(zip(rng.sample(FIELDS_OF_WORK, groups), share), 1)
        ]
        return [{"number": "I", "title": "NHIỆM VỤ CỤ THỂ", "sections": subs}]

    def plan(self, seq: int, ps: dict, agreement: dict, children: list[dict], count: int) -> dict:
        w, rng, chain = self.w, self.w.rng, self.w.chain
        home = ps["provinces"][0] if children or rng.random() < 0.5 else ps["provinces"][-1]
        partners = [p for p in ps["provinces"] if p != home][:3]
        year = rng.randint(2022, 2027)
        multi = rng.random() < 0.25
        period = f"{year}-{year + 3}" if multi else str(year)
        where = place_name(w.provinces[home])
        ttxt = f"{home}-ttxt"
        ttxt_name = next(a["name"] for a in w.agencies[home] if a["id"] == ttxt)
        dispatch = rng.random() < 0.05
        pid = f"{home}-{seq}-{'ubnd' if dispatch else 'kh-ubnd'}-{year}"
        span = f"giai đoạn {period}" if multi else f"năm {year}"
        issued = None if rng.random() < 0.1 else _date(rng, year, 1, 6)
        signed = agreement.get("signed")
        previous = self.plans_of.setdefault(ps["id"], [])
        related = [
            {
                "title": agreement["title"],
                "number": None,
                "date": signed,
                "relation": "Văn bản được thực hiện",
                "plan": None,
            }
        ]
        if previous:
            related.append(
                {
                    "title": f"Kế hoạch trước của {ps['name']}",
                    "number": None,
                    "date": None,
                    "relation": "Kế hoạch giai đoạn trước",
                    "plan": previous[-1],
                }
            )
        rec = {
            "id": pid,
            "type": "cong-van" if dispatch else "ke-hoach",
            "title": f"Thực hiện {agreement['title']} {span}",
            "number": f"{seq}/{'UBND-KT' if dispatch else 'KH-UBND'}",
            "issued": issued,
            "place": w.provinces[home].name if rng.random() < 0.7 else None,
            "issuer": f"{home}-ubnd",
            "year": year,
            "period": period,
            "signer": {
                "name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {chain.phrase(rng, 1).split()[0].capitalize()}",
                "position": "PHÓ CHỦ TỊCH",
                "formula": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
            }
            if rng.random() < 0.9
            else None,
            "partnerships": [ps["id"]],
            "focal_agency": ttxt,
            "legal_bases": [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
                f"Thực hiện {agreement['title']}"
                + (f" đã được ký kết ngày {_dmy(signed)};" if signed else ";"),
                f"Theo đề nghị của {ttxt_name} tại Tờ trình số {rng.randint(5, 90)}/TTr-XTĐT.",
            ],
            "related_documents": related,
            "preamble": [chain.paragraph(rng, 30)] if rng.random() < 0.2 else [],
            "purpose": [f"{i}. {chain.paragraph(rng, 35)}" for i in range(1, rng.randint(2, 4))],
            "requirements": [f"- {chain.paragraph(rng, 25)}" for _ in range(rng.randint(0, 2))],
            "targets": [f"- {chain.paragraph(rng, 20)}" for _ in range(rng.randint(0, 3))],
            "budget_sources": [
                f"a) Nguồn ngân sách nhà nước năm {year}.",
                "b) Nguồn kinh phí xã hội hóa.",
                "c) Nguồn kinh phí hợp pháp khác.",
            ],
            "organisation": [f"{i}. {chain.paragraph(rng, 45)}" for i in range(1, rng.randint(2, 4))],
            "reporting_deadlines": [
                {
                    "text": f"báo cáo kết quả thực hiện trước ngày 10/12/{year} về {ttxt_name}",
                    "date": datetime.date(year, 12, 10),
                    "to": ttxt,
                }
            ]
            + (
                [{"text": "định kỳ 6 tháng báo cáo kết quả thực hiện", "date": None, "to": f"{home}-ubnd"}]
                if rng.random() < 0.3
                else []
            ),
            "closing": [f"Trên đây là Kế hoạch thực hiện {agreement['title']} {span}./."],
            "recipients": ["- Như trên;"]
            + [f"- UBND {place_name(w.provinces[p])} (p/h);" for p in partners[:1]]
            + ["- Lưu: VT."],
            "appendices": [
                {
                    "title": "Phụ lục II",
                    "subtitle": "Danh mục dự án kêu gọi đầu tư",
                    "paragraphs": [f"{i}. {chain.phrase(rng, 10)}" for i in range(1, 6)],
                }
            ]
            if rng.random() < 0.1
            else [],
            "sections": self.sections(count, year, home, partners, children),
            "source": {"file": f"tong-hop/{pid}.txt", "note": f"dữ liệu tổng hợp để đo hiệu năng ({where})"},
        }
        previous.append(pid)
        return _ordered(rec, PLAN)
