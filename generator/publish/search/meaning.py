"""What a query means beside what it spells: optional words, words that mean the same,
abbreviations and quarters as numbers. The reference for tim-kiem.js's `understand` (a browser
test holds the two equal on the same queries).

The reviewed part is data (`tu-dien.yml`, beside this file: optional words, groups of words that
mean the same, abbreviations that cannot be made from a name); the rest is made from the
portal's own names at build time (`short_names`: the initials of every agency's and province's
name, "Sở Khoa học và Công nghệ" -> skhcn and khcn, "Thành phố Hồ Chí Minh" -> tphcm and hcm).
Both go into the index's meta as "y" (`to_meta`), which every search loads:

    {"o": [optional word, …]  (as written, accents included),
     "g": [[a way of saying it, another, …], …],
     "a": {"abbreviation folded, no dots or &": [what it stands for, …], …}}

A query is read into slots (`understand`), each one or more typed words:

    word   a word as typed (the engine adds its beginnings and corrections)
    same   words of a group (the longest run of the query that is one of its members): every
           member is looked for, each as a phrase
    short  an abbreviation ("skhcn", "nn&mt", "tp.hcm", "tp hcm"): itself, and what it stands for
    quarter a number 1-4 after "quý" (or "q3"): the number and its Roman form ("quý 3" = "Quý III")

An optional word (a question or function word of the list, typed without accents or with the
list's) is a slot marked optional: never required, not weighed; tim-kiem.js makes it required
again when, with the word beside it, it spells part of a province's, partnership's, plan's or
agency's name ("son la": "la").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import Location, Problem
from ...model.datafiles import load_file
from ...textnorm import fold, nfc
from .words import WORD, one_spelling, words

VOCABULARY = Path(__file__).with_name("tu-dien.yml")
JOINED = re.compile(r"([^\W\d_]+)\s*&\s*(?=[^\W\d_])")  # "nn & mt" -> "nnmt"
QUARTER = re.compile(r"^q([1-4])$")
ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
ARABIC = {v: k for k, v in ROMAN.items()}
SPAN = 6  # words of a group member or an abbreviation written with spaces, at most
SHORT_PART = 5  # letters of each part of an abbreviation written with spaces or dots
SKIPPED = frozenset(("va", "cac", "cua", "tai"))  # not in initials: và, các, của, tại
PLACE_WORDS = ("tinh", "thanh pho")
LINKING = frozenset(("va", "cac", "cua", "tai", "voi"))  # left out of a phrase's pairs
LOCAL = frozenset(("xa", "phuong", "huyen", "quan", "thi tran", "thi xa", "thanh pho", "tinh"))


@dataclass(frozen=True)
class Vocabulary:
    optional: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]
    short: dict[str, tuple[str, ...]]


def load(path: Path = VOCABULARY, root: Path | None = None) -> tuple[Vocabulary, list[Problem]]:
    """The reviewed vocabulary, and every problem of the file with its line."""
    data, problems = load_file(path, root or path.parent)
    where = Location(path.name if root is None else str(path), 1)
    if problems:
        return Vocabulary((), (), {}), problems
    if not isinstance(data, dict):
        return Vocabulary((), (), {}), [
            Problem(where, "tệp từ điển phải là một bảng", "khong-bat-buoc, dong-nghia, viet-tat")
        ]

    def at(holder, key_or_index) -> Location:
        locs = getattr(holder, "value_locs", None) or {}
        if isinstance(key_or_index, int):
            items = getattr(holder, "item_locs", None) or []
            return items[key_or_index] if key_or_index < len(items) else getattr(holder, "loc", where)
        return locs.get(key_or_index, getattr(holder, "loc", where))

    for key in data:
        if key not in ("khong-bat-buoc", "dong-nghia", "viet-tat"):
            problems.append(
                Problem(
                    data.key_locs.get(key, where) if hasattr(data, "key_locs") else where,
                    f"khóa lạ “{key}”",
                    "khong-bat-buoc, dong-nghia, viet-tat",
                )
            )
    optional = data.get("khong-bat-buoc") or []
    if not isinstance(optional, list) or not all(isinstance(w, str) and len(words(w)) == 1 for w in optional):
        problems.append(Problem(at(data, "khong-bat-buoc"), "khong-bat-buoc phải là danh sách từ đơn"))
        optional = []
    groups = []
    for i, group in enumerate(data.get("dong-nghia") or []):
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(m, str) and words(m) for m in group)
        ):
            problems.append(
                Problem(at(data["dong-nghia"], i), "mỗi nhóm đồng nghĩa là danh sách từ hai cách nói trở lên")
            )
            continue
        if any(len(words(m)) > SPAN for m in group):
            problems.append(Problem(at(data["dong-nghia"], i), f"một cách nói dài quá {SPAN} từ"))
            continue
        groups.append(tuple(" ".join(words(m)) for m in group))
    seen: dict[str, int] = {}
    for i, group in enumerate(groups):
        for m in group:
            f = fold(m)
            if f in seen and seen[f] != i:
                problems.append(
                    Problem(
                        at(data["dong-nghia"], i),
                        f"“{m}” đã có trong một nhóm khác",
                        "mỗi cách nói chỉ thuộc một nhóm",
                    )
                )
            seen[f] = i
    short: dict[str, tuple[str, ...]] = {}
    for key, value in (data.get("viet-tat") or {}).items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and words(v) for v in values) or not abbreviation(str(key)):
            problems.append(
                Problem(at(data["viet-tat"], key), f"chữ viết tắt “{key}”: cần chữ và cụm từ đầy đủ")
            )
            continue
        short[abbreviation(str(key))] = tuple(values)
    return Vocabulary(tuple(optional), tuple(groups), short), problems


def abbreviation(text: str) -> str:
    """An abbreviation as looked up: folded, its dots, spaces and "&" left out ("TP.HCM" -> tphcm)."""
    return "".join(fold(w) for w in words(text))


def initials(name: str) -> str:
    return "".join(fold(w)[0] for w in words(name) if fold(w) not in SKIPPED and fold(w)[:1].isalpha())


def _tokens(text: str) -> list[str]:
    """The words of a name as written (case kept)."""
    return WORD.findall(nfc(text))


def _bare_name(title: str, places: list[str]) -> str:
    """An agency's name without the place it belongs to ("Sở Y tế tỉnh Sơn La" -> "Sở Y tế")."""
    ws = _tokens(title)
    folded = " ".join(fold(w) for w in ws)
    for place in sorted(places, key=len, reverse=True):
        if folded.endswith(" " + place) or folded == place:
            cut = len(ws) - len(place.split())
            rest = [fold(w) for w in ws[:cut]]
            for p in PLACE_WORDS:
                n = len(p.split())
                if rest[-n:] == p.split():
                    cut -= n
                    break
            return _before_place(ws[:cut])
    return _before_place(ws)


def _before_place(ws: list[str]) -> str:
    """A name cut before a place inside it ("Ủy ban nhân dân phường Mai Sơn" -> "Ủy ban nhân
    dân"); "" for a name that is a place ("Huyện Mai Sơn"): a place is called by its name."""
    folded = [fold(w) for w in ws]
    for i in range(len(ws)):
        if folded[i] in LOCAL or " ".join(folded[i : i + 2]) in LOCAL:
            return " ".join(ws[:i])
    return " ".join(ws)


def short_names(agencies: list[str], provinces: list[str]) -> dict[str, list[str]]:
    """Abbreviations made from the names of the agencies' and provinces' pages (h1s): the
    initials of an agency's name without its place, also without its first word (skhcn, khcn),
    and of a place of three words or more, also with "tp" for a city (hcm, tphcm). Initials of
    fewer than three letters are left out (too many words are two letters)."""
    out: dict[str, set[str]] = {}

    def add(short: str, full: str) -> None:
        if len(short) >= 3 and full:
            out.setdefault(short, set()).add(full)

    places = []
    for title in provinces:
        ws = _tokens(title)
        folded = [fold(w) for w in ws]
        for p in PLACE_WORDS:
            n = len(p.split())
            if folded[:n] == p.split() and len(ws) > n:
                place = ws[n:]
                places.append(" ".join(folded[n:]))
                if len(place) >= 3:
                    add(initials(" ".join(place)), " ".join(place))
                    if p == "thanh pho":
                        add("tp" + initials(" ".join(place)), " ".join(ws))
    for title in agencies:
        name = _bare_name(title, places).split()
        if len(name) >= 2:
            add(initials(" ".join(name)), " ".join(name))
        if len(name) >= 3:
            add(initials(" ".join(name[1:])), " ".join(name[1:]))
    return {k: sorted(v)[:3] for k, v in sorted(out.items())}


def to_meta(vocabulary: Vocabulary, made: dict[str, list[str]]) -> dict:
    """The "y" of the index's meta: the reviewed vocabulary and the abbreviations of the names
    (a reviewed abbreviation wins over a made one)."""
    short = {k: list(v) for k, v in made.items()}
    short.update({k: list(v) for k, v in vocabulary.short.items()})
    return {
        "o": list(vocabulary.optional),
        "g": [list(g) for g in vocabulary.groups],
        "a": dict(sorted(short.items())),
    }


def understand(query: str, y: dict) -> list[dict]:
    """The slots of a query: [{"kind", "typed": [typed words], "alts": [[folded words], …],
    "shows": [what each alternative is, as written], "optional": bool}] (tim-kiem.js's twin)."""
    text = JOINED.sub(r"\1", nfc(query).lower())
    typed = []
    for w in words(text):
        f = fold(w)
        m = QUARTER.match(f)
        if m:
            typed += ["quý", m.group(1)]
        elif f:
            typed.append(w)
    folded = [fold(w) for w in typed]
    members = {}
    for group in y.get("g", []):
        for m in group:
            members.setdefault(" ".join(fold(x) for x in words(m)), group)
    shorts = y.get("a", {})
    optional = {}
    for w in y.get("o", []):
        optional.setdefault(fold(w), set()).add(one_spelling(w))
    slots, i = [], 0
    while i < len(folded):
        slot = None
        for j in range(min(len(folded), i + SPAN), i, -1):
            span = folded[i:j]
            joined = "".join(span)
            if joined in shorts and (j - i == 1 or all(len(x) <= SHORT_PART for x in span)):
                full = shorts[joined]
                slot = {
                    "kind": "short",
                    "typed": typed[i:j],
                    "alts": [[joined]] + [[fold(x) for x in words(f)] for f in full],
                    "shows": [" ".join(typed[i:j])] + list(full),
                }
            elif " ".join(span) in members:
                group = members[" ".join(span)]
                alts = [span] + [
                    [fold(x) for x in words(m)] for m in group if [fold(x) for x in words(m)] != span
                ]
                shows = [" ".join(typed[i:j])] + [m for m in group if [fold(x) for x in words(m)] != span]
                slot = {"kind": "same", "typed": typed[i:j], "alts": alts, "shows": shows}
            if slot:
                i = j
                break
        if slot is None:
            w, f = typed[i], folded[i]
            if f in ARABIC | ROMAN and i > 0 and folded[i - 1] == "quy":
                other = ROMAN.get(f) or ARABIC[f]
                slot = {"kind": "quarter", "typed": [w], "alts": [[f], [other]], "shows": [w, other.upper()]}
            else:
                slot = {"kind": "word", "typed": [w], "alts": [[f]], "shows": [w]}
                if f in optional and (w == f or one_spelling(w) in optional[f]):
                    slot["optional"] = True
            i += 1
        slot.setdefault("optional", False)
        slots.append(slot)
    if all(s["optional"] for s in slots):
        for s in slots:
            s["optional"] = False
    return slots


def _pairs(ws: list[str]) -> list[str]:
    return [a + "~" + b for a, b in zip(ws, ws[1:])]


def alt_pairs(ws: list[str]) -> list[str]:
    """The pairs a phrase of several words is looked for by: all but those with a linking word
    (LINKING: their pages are most pages, their pairs fill many shards), unless none is left."""
    kept = [p for p in _pairs(ws) if not set(p.split("~")) & LINKING]
    return kept or _pairs(ws)


def slot_keys(slots: list[dict]) -> list[str]:
    """The keys tim-kiem.js looks up for a query's slots (its slotKeys; the browser tests
    compare the two): each alternative's word and its h1 key, or its phrase's pairs (in the
    text and the h1); the last word's beginnings; an accented word's exact form; the pair
    across each two neighbouring required slots as typed; for an optional word only its pairs
    in an h1 with a required neighbour (whether it spells a name). In order, each once."""
    keys: list[str] = []
    last = len(slots) - 1
    for k, s in enumerate(slots):
        nxt = slots[k + 1] if k < last else None
        if s["optional"]:  # only whether it spells a name with a required neighbour
            if k > 0 and not slots[k - 1]["optional"]:
                keys.append(slots[k - 1]["alts"][0][-1] + "~" + s["alts"][0][0] + "!")
            if nxt and not nxt["optional"]:
                keys.append(s["alts"][0][0] + "~" + nxt["alts"][0][0] + "!")
            continue
        for a in s["alts"]:
            if len(a) == 1:
                keys += [a[0], a[0] + "!"]
            else:
                for p in alt_pairs(a):
                    keys += [p, p + "!"]
        if s["kind"] == "word":
            w, typed = s["alts"][0][0], s["typed"][0]
            if k == last:
                keys += [w + "*", w + "*!"]
            if fold(typed) != typed:
                keys.append(w + "=" + one_spelling(typed))
        if nxt and not nxt["optional"]:
            p = s["alts"][0][-1] + "~" + nxt["alts"][0][0]
            keys += [p, p + "!"]
    return list(dict.fromkeys(keys))
