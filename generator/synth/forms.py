"""Every timeframe form generator/model/timeframes.py reads, as a synthetic plan would print it."""

from __future__ import annotations

import random

ROMAN = ["I", "II", "III", "IV"]


def _q(rng: random.Random) -> int:
    return rng.randint(1, 4)


def _two(rng: random.Random) -> tuple[str, str]:
    first = rng.randint(1, 3)
    return ROMAN[first - 1], ROMAN[first]


# name -> (weight, printed form for a plan of year y). Year-less forms resolve against the
# plan's year; "residue" is the printing leftover the parser tolerates.
FORMS = {
    "nam": (14, lambda r, y: f"Năm {y}"),
    "nam-cham": (1, lambda r, y: f"Năm {y}."),
    "nam-so": (3, lambda r, y: f"{y}"),
    "khoang-nam": (6, lambda r, y: f"{y}-{y + r.randint(1, 4)}"),
    "khoang-nam-cach": (2, lambda r, y: f"{y} - {y + r.randint(1, 4)}"),
    "giai-doan": (3, lambda r, y: f"Giai đoạn {y}-{y + r.randint(1, 4)}"),
    "quy-nam": (10, lambda r, y: f"Quý {ROMAN[_q(r) - 1]}/{y}"),
    "quy-chu-nam": (2, lambda r, y: f"Quý {ROMAN[_q(r) - 1]} năm {y}"),
    "quy-so": (1, lambda r, y: f"Quý {_q(r)}/{y}"),
    "hai-quy-nam": (4, lambda r, y: "Quý {}, Quý {}/{}".format(*_two(r), y)),
    "hai-quy": (2, lambda r, y: "Quý {}, {}".format(*_two(r))),
    "quy": (2, lambda r, y: f"Quý {ROMAN[_q(r) - 1]}"),
    "quy-du": (1, lambda r, y: f"Quý {ROMAN[_q(r) - 1]}/{y})"),
    "thang": (3, lambda r, y: f"Tháng {r.randint(1, 12)}"),
    "thang-nam": (4, lambda r, y: f"Tháng {r.randint(1, 12)}/{y}"),
    "thang-chu-nam": (1, lambda r, y: f"Tháng {r.randint(1, 12)} năm {y}"),
    "ca-nam": (6, lambda r, y: "Cả năm"),
    "thuong-xuyen": (14, lambda r, y: "Thường xuyên"),
    "theo-nhu-cau": (
        3,
        lambda r, y: r.choice(["Theo nhu cầu", "Theo nhu cầu thực tế", "Theo nhu cầu của hai bên"]),
    ),
    "hang-nam": (2, lambda r, y: r.choice(["Hằng năm", "Định kỳ 6 tháng", "Trước ngày 15 hằng tháng"])),
    "chua-doc": (1, lambda r, y: r.choice(["Trước khi tiến hành kiểm tra", "Kết thúc cuộc bầu cử"])),
    "khong-ghi": (6, lambda r, y: None),
}
_NAMES = list(FORMS)
_WEIGHTS = [FORMS[n][0] for n in _NAMES]


def timeframe(rng: random.Random, year: int, index: int | None = None) -> str | None:
    """A printed timeframe; `index` < len(FORMS) forces each form once (the first tasks)."""
    name = _NAMES[index] if index is not None and index < len(_NAMES) else rng.choices(_NAMES, _WEIGHTS)[0]
    return FORMS[name][1](rng, year)
