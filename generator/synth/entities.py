"""Synthetic agencies (per province) and partnerships (pairs and multi-province programmes)."""

from __future__ import annotations

import datetime
import random

from ..model.catalog import Catalog
from ..textnorm import slugify

# (id suffix, name, an alias some documents print or None): the departments and bodies a
# province's plans name, as in the real data; a small dataset takes the first ones.
DEPARTMENTS = [
    ("ubnd", "Ủy ban nhân dân", "UBND"),  # issues the plans
    (
        "ttxt",
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
        "Trung tâm Xúc tiến đầu tư, thương mại và du lịch",
    ),  # focal point
    ("van-phong-ubnd", "Văn phòng Ủy ban nhân dân", "Văn phòng UBND"),
    ("so-tai-chinh", "Sở Tài chính", None),
    ("so-cong-thuong", "Sở Công Thương", "Sở Công thương"),
    ("so-xay-dung", "Sở Xây dựng", None),
    ("so-y-te", "Sở Y tế", None),
    ("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", None),
    ("so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa - Thể thao và Du lịch"),
    ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", None),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", None),
    ("so-noi-vu", "Sở Nội vụ", None),
    ("so-tu-phap", "Sở Tư pháp", None),
    ("so-ngoai-vu", "Sở Ngoại vụ", None),
    ("so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", None),
    ("thanh-tra", "Thanh tra", None),
    ("bql-kcn", "Ban Quản lý các khu công nghiệp", None),
    ("hiep-hoi-doanh-nghiep", "Hiệp hội Doanh nghiệp", None),
    ("hiep-hoi-du-lich", "Hiệp hội Du lịch", None),
    ("lien-minh-htx", "Liên minh Hợp tác xã", "Liên minh HTX"),
    ("cong-an", "Công an", None),
    ("bo-chi-huy-quan-su", "Bộ Chỉ huy Quân sự", None),
    ("bao-phat-thanh-truyen-hinh", "Báo và Phát thanh, Truyền hình", None),
    ("truong-cao-dang", "Trường Cao đẳng", None),
]
LEVELS = [("xa", "xã"), ("phuong", "phường")]
TOPICS = [
    "đầu tư, thương mại và du lịch",
    "phát triển kinh tế - xã hội",
    "toàn diện",
    "nông nghiệp và phát triển nông thôn",
    "giáo dục, y tế và văn hóa",
    "khoa học, công nghệ và chuyển đổi số",
    "xúc tiến thương mại, tiêu thụ sản phẩm OCOP",
]


def current_provinces(cat: Catalog):
    return [p for p in cat.sorted_provinces() if p.merged_into is None]


def place_name(province) -> str:
    """'tỉnh Sơn La', 'Thành phố Hà Nội' (the province record's name already says Thành phố)."""
    return f"tỉnh {province.name}" if province.kind == "tinh" else province.name


def place_syllables(cat: Catalog) -> list[str]:
    """Capitalised syllables of every province name, former ones included (for commune names)."""
    found: dict[str, None] = {}
    for p in cat.sorted_provinces():
        for word in p.name.split():
            if word[0].isupper() and word not in ("Thành", "Phố"):
                found.setdefault(word)
    return list(found)


def agencies(cat: Catalog, rng: random.Random, per_province: int) -> dict[str, list[dict]]:
    """province id -> agency records: the departments, then communes and wards up to the count."""
    syllables = place_syllables(cat)
    out = {}
    for p in current_provinces(cat):
        where = place_name(p)
        recs = []
        for suffix, name, alias in DEPARTMENTS[: max(2, per_province)]:
            rec = {"id": f"{p.id}-{suffix}", "name": f"{name} {where}", "short_name": name, "province": p.id}
            if alias:
                rec["aliases"] = [alias]
            rec["source"] = "dữ liệu tổng hợp"
            recs.append(rec)
        seen = set()
        while len(recs) < per_province:
            level, level_name = rng.choice(LEVELS)
            local = " ".join(rng.sample(syllables, 2))
            slug = f"{p.id}-ubnd-{level}-{slugify(local)}"
            if slug in seen:
                continue
            seen.add(slug)
            recs.append(
                {
                    "id": slug,
                    "name": f"Ủy ban nhân dân {level_name} {local}, {where}",
                    "short_name": f"UBND {level_name} {local}",
                    "province": p.id,
                    "source": "dữ liệu tổng hợp",
                }
            )
        out[p.id] = sorted(recs, key=lambda r: r["id"])
    return out


def _agreement(rng: random.Random, names: list[str]) -> dict:
    kind = rng.choice(["bien-ban-ghi-nho", "thoa-thuan"])
    word = "Biên bản ghi nhớ" if kind == "bien-ban-ghi-nho" else "Thỏa thuận"
    signed = (
        None
        if rng.random() < 0.15
        else datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    )
    rec = {
        "title": f"{word} về hợp tác {rng.choice(TOPICS)} giữa {' và '.join(names)}",
        "kind": kind,
        "signed": signed,
    }
    if rng.random() < 0.3:
        rec["place"] = names[0]
    rec["source"] = "dữ liệu tổng hợp"
    return rec


def partnerships(cat: Catalog, rng: random.Random, pairs: int, programmes: int) -> list[dict]:
    """Programmes (a hub with several provinces, one child partnership per member, as Hồ Chí
    Minh City's plan with nine provinces) and then pairs, every pair at most once."""
    provinces = current_provinces(cat)
    by_id = {p.id: p for p in provinces}
    taken: set[tuple[str, str]] = set()
    out = []
    for hub in rng.sample(provinces, programmes):
        members = rng.sample([p for p in provinces if p.id != hub.id], rng.randint(4, 9))
        pid = f"{hub.id}-chuong-trinh-{len(out) + 1}"
        out.append(
            {
                "id": pid,
                "name": f"{hub.name} – {len(members)} tỉnh, thành phố",
                "provinces": [hub.id, *sorted(m.id for m in members)],
                "agreements": [_agreement(rng, [place_name(hub), f"{len(members)} địa phương"])],
                "note": "Các địa phương tham gia: " + ", ".join(m.name for m in members) + ".",
            }
        )
        for m in members:
            if tuple(sorted((hub.id, m.id))) in taken:
                continue
            taken.add(tuple(sorted((hub.id, m.id))))
            out.append(
                {
                    "id": f"{hub.id}-{m.id}",
                    "name": f"{hub.name} – {m.name}",
                    "provinces": [hub.id, m.id],
                    "part_of": pid,
                }
            )
    limit = len(provinces) * (len(provinces) - 1) // 2
    wanted, made = min(pairs, limit - len(taken)), 0
    while made < wanted:
        a, b = rng.sample(provinces, 2)
        key = tuple(sorted((a.id, b.id)))
        if key in taken:
            continue
        taken.add(key)
        made += 1
        first, second = by_id[key[0]], by_id[key[1]]
        out.append(
            {
                "id": f"{first.id}-{second.id}",
                "name": f"{first.name} – {second.name}",
                "provinces": list(key),
                "agreements": [_agreement(rng, [place_name(first), place_name(second)])],
            }
        )
    return sorted(out, key=lambda r: r["id"])
