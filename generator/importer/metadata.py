"""What a document says about itself besides its header (docheader.py): legal bases, the
documents it names, the recipients, the closing and the signature block. Each reader returns
what it found and leaves the rest to the draft (which marks it for review)."""

from __future__ import annotations

import datetime
import re

from ..textnorm import fold
from .blocks import Para
from .signature import signature_lines
from .textread import is_caps

NUMBER = re.compile(r"^Số\s*:\s*(\S.*)$")
FORMULA = re.compile(r"^(TM|KT|TL|Q|TUQ)\.\s")
BASIS = ("căn cứ", "thực hiện ", "theo đề nghị", "xét ")
_BASIS_KEYS = ("can cu", "thuc hien ", "theo de nghi", "xet ", "kinh gui")
DOCUMENT_REF = re.compile(
    r"((?:Nghị quyết|Quyết định|Kế hoạch|Tờ trình|tờ trình|Thông báo|Công văn|Chỉ thị|Luật|Đề án)"
    r"(?: số)?\s*([0-9][\w/\-. ]*?[\w])?\s*ngày\s+(\d{1,2})\s*(?:/|\s+tháng\s+)(\d{1,2})"
    r"\s*(?:/|\s+năm\s+)(\d{4}))"
)
DE_AN = re.compile(r"Đề án\s+“([^”]+)”")
# named without a number: a law by its date, an agreement or memorandum by its title
NAMED = [
    re.compile(r"\b(Luật [^;,.]+? ngày \d{1,2}/\d{1,2}/\d{4})"),
    re.compile(
        r"\b((?:Biên bản ghi nhớ|Thỏa thuận|Thoả thuận) [^;()]+?)"
        r"(?:,? (?:đã được|được) ký kết|;|\.| tại Văn bản| để|$)"
    ),
]


def clean_number(text: str) -> str:
    """'4778 /KH-UBND' -> '4778/KH-UBND', '07 - NQ/TU' -> '07-NQ/TU' (spaces around / and -)."""
    return re.sub(r"\s*([/-])\s*", r"\1", text.strip())


def legal_and_preamble(paras: list[Para]) -> tuple[list[str], list[str]]:
    """Paragraphs before the first part: 'Căn cứ / Thực hiện / Theo đề nghị / Xét' and the rest."""
    bases, preamble = [], []
    for para in paras:
        text = para.text.strip()
        if len(text) > 2 and text[0] == text[-1] == "*":  # a site's italic line '*Căn cứ …;*'
            text = text.strip("* ")
        (bases if fold(text).startswith(_BASIS_KEYS[:4]) and not preamble else preamble).append(text)
    return bases, preamble


def related_documents(texts: list[str]) -> list[dict]:
    """Documents named with a date ('Tờ trình số 20/TTr-XTĐTMDL ngày 30/3/2026') and Đề án."""
    out, seen = [], set()
    for text in texts:
        if not text:
            continue  # a row with no content (a merged cell): nothing named
        for m in DOCUMENT_REF.finditer(text):
            title, number = " ".join(m.group(1).split()), m.group(2)
            key = fold(clean_number(number) if number else title)
            if key in seen:
                continue
            seen.add(key)
            try:
                date = datetime.date(int(m.group(5)), int(m.group(4)), int(m.group(3)))
            except ValueError:
                date = None
            out.append(
                {
                    "title": title,
                    "number": clean_number(number) if number else None,
                    "date": date,
                    "relation": None,
                    "plan": None,
                }
            )
        titles = [(f"Đề án “{m.group(1)}”", None) for m in DE_AN.finditer(text)]
        titles += [
            (m.group(1).strip(), _signed(text[m.end(1) : m.end(1) + 90]))
            for pattern in NAMED
            for m in pattern.finditer(text)
        ]
        for title, signed in titles:
            key = fold(title)[:60]  # one agreement, named twice in different words
            if key in seen or re.match(r"^bien ban ghi nho (da|duoc)\b", key):
                continue
            seen.add(key)
            out.append(
                {
                    "title": title,
                    "number": None,
                    "date": _date_in(title) or signed,
                    "relation": None,
                    "plan": None,
                }
            )
    return out


def _signed(after: str) -> datetime.date | None:
    """'… đã được ký kết ngày 20/12/2024', '… được ký kết … vào ngày 25 tháng 3 năm 2023'."""
    m = re.match(
        r"^,? (?:đã được|được) ký kết[^;.]*?ngày (\d{1,2})(?:/| tháng )(\d{1,2})(?:/| năm )(\d{4})", after
    )
    if not m:
        return None
    try:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _date_in(title: str) -> datetime.date | None:
    if m := re.search(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})", title):
        try:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def tail(paras: list[Para]) -> dict:
    """From 'Trên đây' on: closing, recipients ('Nơi nhận:'), signature block."""
    found = {"closing": [], "recipients": [], "signer": None, "start": len(paras), "after": []}
    for index, para in enumerate(paras):
        low = fold(para.text.lstrip("* "))  # '* * Nơi nhận:' (a site's emphasis marks)
        if low.startswith(("tren day", "noi nhan")):
            found["start"] = index
            break
    else:  # no closing and no recipients: the signature alone
        found["start"] = next(
            (i for i, p in enumerate(paras) if FORMULA.match(p.text) and is_caps(p.text)), len(paras)
        )
    rest = [line for para in paras[found["start"] :] for line in _lines(para.text)]
    formula, position, name = [], None, None
    mode = "closing"
    for text in rest:
        low = fold(text)
        if low.startswith("noi nhan"):
            mode = "recipients"
            extra = text.split(":", 1)[1].strip() if ":" in text else ""
            if extra:
                found["after"].append(extra)  # 'Nơi nhận: *BN*': a mark beside the heading
            continue
        if FORMULA.match(text) and is_caps(text):
            formula.append(text)
            mode = "signature"
            continue
        if mode == "after":
            found["after"].append(text)  # below the signature: kept for the reviewer
            continue
        if mode == "signature":
            if position is None and is_caps(text):
                position = text
            elif name is None and not is_caps(text) and len(text.split()) <= 6:
                name = re.sub(r"\s+\d+$", "", text)  # a PDF's page number after the name
                mode = "after"
            continue
        if mode == "recipients" and text.startswith("- "):
            found["recipients"].append(text)
        elif mode in {"closing", "recipients"}:
            found["closing"].append(text)
    if formula or position or name:
        found["signer"] = {"name": name, "position": position, "formula": formula}
    return found


def _lines(text: str) -> list[str]:
    """A paragraph as the lines of the block: 'Nơi nhận:\n- …\n- …' joined by a site, a signature
    block joined into one line."""
    text = text.strip()
    if fold(text.lstrip("* ")).startswith("noi nhan"):
        text = text.lstrip("* ")
    if fold(text).startswith("noi nhan") and "\n" in text:
        return [ln.strip() for ln in text.split("\n") if ln.strip()]
    return [ln.replace("*", "").strip() for ln in signature_lines(text)] if FORMULA.match(text) else [text]


def period_of(title: str | None) -> str | None:
    if not title:
        return None
    title = title.lower()  # a title printed in capitals: 'GIAI ĐOẠN 2026 - 2030'
    if m := re.search(r"năm (\d{4}) và giai đoạn (\d{4}) ?- ?(\d{4})", title):
        return f"{m.group(1)}-{m.group(3)}"
    if m := re.search(r"(?<!/)\bnăm (\d{4})", title):
        return m.group(1)
    if m := re.search(r"giai đoạn (\d{4}) ?- ?(\d{4})", title):
        return f"{m.group(1)}-{m.group(2)}"
    return None


_FOCAL = re.compile(r"\bGiao (.+?) là cơ quan đầu mối")
_DEADLINE = re.compile(r"(báo cáo[^.;]*?trước ngày (\d{1,2})/(\d{1,2})/(\d{4})[^.;]*)")
_REPORT_TO = re.compile(r"\bvề (.+?) để\b")


def focal_name(paragraphs: list[str]) -> str | None:
    """The agency named 'cơ quan đầu mối': 'Giao X là cơ quan đầu mối', or a heading 'X:'
    followed by '- Là cơ quan đầu mối'."""
    for index, text in enumerate(paragraphs):
        if m := _FOCAL.search(text):
            return m.group(1).strip()
        if fold(text).startswith("- la co quan dau moi") and index:
            heading = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", paragraphs[index - 1]).rstrip(" :")
            return re.sub(r"\s*\([A-Z]+\)$", "", heading)
    return None


def deadlines(paragraphs: list[str]) -> list[tuple[str, datetime.date | None, str | None]]:
    """(text, date, name of the agency the report goes to) for 'báo cáo … trước ngày d/m/y'."""
    out = []
    for text in paragraphs:
        for m in _DEADLINE.finditer(text):
            try:
                date = datetime.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
            except ValueError:
                date = None
            to = _REPORT_TO.search(m.group(1))
            out.append((m.group(1).strip(), date, to.group(1).strip() if to else None))
    return out
