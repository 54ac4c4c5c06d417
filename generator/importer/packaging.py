"""Documents that carry another: a Quyết định whose articles issue the plan printed after its
signature ('KẾ HOẠCH … (Kèm theo Quyết định số …)'), a Tờ trình carrying the draft plan, a
decision approving a scheme (Đề án). The draft takes the numbered document's metadata (number,
date, title, legal bases, recipients, signer) and the attached document's content (its parts,
tasks and annexes): the split document's paragraphs are put in that order, and the attached
document's own heading is kept apart (`attached`) for the review line.
"""

from __future__ import annotations

from ..textnorm import fold
from .docheader import read_header, type_of
from .textread import is_caps

# what carries, and what can be carried (the portal's types, vocabulary.DOCUMENT_TYPES)
CARRIERS = ("quyet-dinh", "to-trinh")
CARRIED = ("ke-hoach", "chuong-trinh")


def unpack(docs: list[dict]) -> list[dict]:
    """The documents of a file, each carrier joined to what it carries."""
    out: list[dict] = []
    for doc in docs:
        if out and _carries(out[-1], doc):
            out[-1] = _join(out[-1], doc)
        else:
            out.append(_inside(doc) or doc)
    return out


def _signature_start(paras, after: int) -> int | None:
    return next((i for i in range(after, len(paras)) if fold(paras[i].text).startswith("noi nhan")), None)


def _inside(doc: dict) -> dict | None:
    """A carrier whose attached document follows its signature in the same split document."""
    paras = doc["paras"]
    head = read_header(paras)
    if head.type not in CARRIERS:
        return None
    sign = _signature_start(paras, head.end)
    if sign is None:
        return None
    start = next((j for j in range(sign + 1, len(paras)) if _plan_heading(paras[j].text)), None)
    if start is None:
        return None
    attached = read_header(paras[start:])
    body = start + attached.end
    while body < len(paras) and _caption(paras[body].text):
        body += 1
    return dict(
        doc,
        paras=paras[:sign] + paras[body:] + paras[sign:start],
        attached=_attached(attached, paras[start + attached.end : body], head.type),
    )


def _carries(first: dict, second: dict) -> bool:
    """A carrier with no content of its own, then a draft whose number is left blank (a Tờ trình
    and the draft plan it submits, split at the draft's own 'Số:' line)."""
    head = read_header(first["paras"])
    if head.type not in CARRIERS or first["tables"] or first["annexes"]:
        return False
    nxt = read_header(second["paras"])
    return nxt.type in CARRIED and nxt.number is None


def _join(first: dict, second: dict) -> dict:
    paras = first["paras"]
    head = read_header(paras)
    sign = _signature_start(paras, head.end) or len(paras)
    inner = read_header(second["paras"])
    rest = second["paras"][inner.end :]
    body = 0
    while body < len(rest) and _caption(rest[body].text):
        body += 1
    return dict(
        second,
        paras=paras[:sign] + rest[body:] + paras[sign:],
        attached=_attached(inner, rest[:body], head.type),
    )


def _plan_heading(text: str) -> bool:
    found = type_of(" ".join(text.replace("*", " ").split()))
    return bool(found) and found[0] in CARRIED and is_caps(found[1])


def _caption(text: str) -> bool:
    low = fold(text.replace("*", " "))
    return low.startswith(("(kem theo", "(ban hanh kem theo", "kem theo", "ban hanh kem theo", "(du thao"))


def _attached(head, captions, carrier: str) -> dict:
    return {
        "type": head.type,
        "type_printed": head.type_printed,
        "title": head.title,
        "caption": " ".join(p.text.replace("*", "").strip() for p in captions) or None,
        "carrier": carrier,
    }
