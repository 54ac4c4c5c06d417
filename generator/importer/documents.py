"""A Document -> the documents it holds, and each one's parts: body, annexes, task tree.

One file can hold several documents (a dispatch that forwards a plan, then the plan with its
annexes): a 'Số:' line after a signature starts the next one. 'PHỤ LỤC …' starts an annex of
the current document; a table goes to the annex it follows (or to the body when none does).
"""

from __future__ import annotations

import re

from ..textnorm import fold
from . import body, metadata, packaging, prose
from .blocks import Document, Para, Table
from . import vocabulary as words
from .prose import phrases
from .tables import build_tree, count_tasks, table_rows
from .textread import is_caps
from .typedtree import add_note

_ISSUER_LINE = ("uy ban", "tinh ", "thanh pho")
# an annex heading: 'PHỤ LỤC …' in capitals, or a line that is only 'Phụ lục I' / 'Phụ lục 2'
ANNEX = re.compile(r"^(?:PHỤ LỤC\b|Phụ lục(?:\s+(?:[IVXLC]+|\d+))?\s*$)")


def split_documents(doc: Document) -> list[dict]:
    """[{paras, tables, annexes: [{heading, paras, tables}]}] in the order of the file."""
    docs = [{"paras": [], "annexes": [], "tables": []}]
    signed = False
    for block in doc.blocks:
        cur = docs[-1]
        if isinstance(block, Table):
            (cur["annexes"][-1]["tables"] if cur["annexes"] else cur["tables"]).append(block)
            continue
        text = block.text.strip()
        if metadata.NUMBER.match(text) and (signed or cur["annexes"]):
            new = {"paras": [], "annexes": [], "tables": []}
            before = cur["annexes"][-1]["paras"] if cur["annexes"] else cur["paras"]
            while (
                before
                and is_caps(before[-1].text)
                and len(before[-1].text) < 40
                and fold(before[-1].text).startswith(_ISSUER_LINE)
            ):
                new["paras"].insert(0, before.pop())  # the issuer lines above 'Số:'
            docs.append(new)
            cur, signed = new, False
        if fold(text).startswith("noi nhan"):
            signed = True
        if ANNEX.match(text):
            cur["annexes"].append({"heading": text, "paras": [], "tables": []})
            continue
        (cur["annexes"][-1]["paras"] if cur["annexes"] else cur["paras"]).append(block)
    return packaging.unpack(docs)


def annex_number(heading: str | None) -> str | None:
    m = re.match(r"^PHỤ LỤC\s+([IVX0-9]+)\b", (heading or "").upper())
    return f"PHỤ LỤC {m.group(1)}" if m else None


def table_sections(annex: dict, file: str, stats: dict) -> list[dict]:
    """The task tree of an annex's tables (a table broken over pages continues the one before).
    stats['table_tasks'] counts the task rows the table reader found (the choice between
    readers asks it: when the tables hold tasks, the body's prose restating them is text)."""
    rows: list[dict] = []
    fields = None
    for table in annex["tables"]:
        before = len(rows)
        count = {"header": 0}
        rows, fields = table_rows(table, file, rows, fields, count)
        stats.setdefault("tables", []).append(
            {
                "line": table.line,
                "rows": sum(1 for r in table.rows if any(c.strip() for c in r)),
                "read": len(rows) - before,
                "header": count["header"],
                "merged": count.get("merged", 0),
            }
        )
    if not rows:
        return []
    stats["rows"] += len(rows)
    number = annex_number(annex.get("heading"))
    source = number.replace("PHỤ LỤC", "Phụ lục") if number else ("Phụ lục" if annex.get("heading") else None)
    tree = build_tree(rows, source)
    stats["table_tasks"] = stats.get("table_tasks", 0) + count_tasks(tree)
    return tree


def table_task_rows(part: dict, file: str) -> int:
    """How many task rows the part's task tables hold (0 without a task table), read without
    touching the draft: the choice between readers asks it before reading the body."""
    stats = {"rows": 0}
    for annex in [{"heading": None, "paras": [], "tables": part["tables"]}] + part["annexes"]:
        table_sections(annex, file, stats)
    return stats.get("table_tasks", 0)


def annexes(
    part: dict, loose: list[str], file: str, stats: dict, review: list[str]
) -> tuple[list[dict], list[dict]]:
    """(task sections from annex tables, appendices that are not task tables). `loose` are
    body paragraphs that describe the annex ('1. Nhiệm vụ: gồm 14 nội dung (có phụ lục …)')."""
    sections, appendices = [], []
    for annex in [{"heading": None, "paras": [], "tables": part["tables"]}] + part["annexes"]:
        found = table_sections(annex, file, stats)
        texts = []
        for p in annex["paras"]:
            if is_caps(p.text) and fold(p.text).startswith("uy ban nhan dan"):
                review.append(
                    f"dòng '{p.text.strip()}' sau phụ lục: tiêu đề cơ quan ban hành, "
                    "chỉ dùng để xác định 'issuer'"
                )
            else:
                texts.append(p.text.strip())
        if not found:
            if annex["heading"]:
                appendices.append(
                    {
                        "title": annex["heading"],
                        "subtitle": "\n".join(texts[:2]) or None,
                        "paragraphs": texts[2:],
                    }
                )
            continue
        number = annex_number(annex["heading"])
        title, notes = (texts[0] if texts else None), texts[1:]
        if len(found) == 1 and found[0]["number"] is None and found[0]["title"] is None:
            found[0].update(number=number, title=title, paragraphs=loose + notes)
            sections.append(found[0])
        elif number or title:
            sections.append(
                {
                    "number": number,
                    "title": title,
                    "paragraphs": loose + notes,
                    "source": found[0].get("source"),
                    "tasks": [],
                    "sections": found,
                }
            )
        else:
            sections.extend(found)
        loose = []
    if loose:
        review.append(
            "đoạn văn về phụ lục không gắn được vào bảng nào, đã giữ ở 'preamble': " + " / ".join(loose)
        )
    return sections, appendices


def take_budget(paras: list[Para], fields: dict) -> list[Para]:
    """A numbered sub-heading about funding ('2. Kinh phí …') and what follows it go to
    budget_sources (a paragraph ending the plan, './.', to closing); the rest is returned."""
    keep, rank = [], None
    for index, para in enumerate(paras):
        m = body.HEADING.match(para.text.strip())
        if (
            rank is None
            and m
            and "kinh phi" in fold(m.group(2))
            and len(para.text) < 80
            and not _labelled_block(paras[index + 1 :], body.heading_rank(m.group(1)))
        ):
            rank = body.heading_rank(m.group(1))
            continue
        if rank is not None and m and body.heading_rank(m.group(1)) <= rank:
            rank = None
        if rank is not None:
            text = para.text.strip()
            (fields["closing"] if text.endswith("./.") else fields["budget_sources"]).append(text)
        else:
            keep.append(para)
    return keep


def _labelled_block(paras: list[Para], rank: int) -> bool:
    """Does the block under a heading (up to the next heading of its rank) carry labelled lines
    naming who leads or when ('Đơn vị chủ trì: …')? Then it is a task, whatever its title."""
    for para in paras:
        m = body.HEADING.match(para.text.strip())
        if m and body.heading_rank(m.group(1)) <= rank:
            return False
        text = para.text.strip().lstrip("-–•+* ")
        found = phrases.label_of(text)
        if found and found[0] in ("lead", "coordinating"):
            return True
    return False


def body_parts(parts, fields: dict, tables: bool = False) -> list[dict]:
    """Roman parts -> the named fields (in `fields`) and the task sections (returned).

    The prose readers (generator/importer/prose) read every part that may hold tasks; a part
    they cannot explain keeps its text. A part the plan names as its tasks ('III. NHIỆM VỤ, GIẢI
    PHÁP') that no reader explains is, without a task table, the plan's list of tasks: each item a
    task, the 'Tổ chức thực hiện' paragraphs then its organisation. When no part is explained at
    all, the older reading (every item of a task part is a task) applies."""
    entries = []
    for number, title, paras in parts:
        target = body.part_field(title)
        if target == "purpose":
            purpose, requirements = body.split_purpose(paras)
            fields["purpose"] += purpose
            fields["requirements"] += requirements
            continue
        paras = take_budget(paras, fields)
        if target not in ("sections", "organisation"):
            fields[target] += [p.text.strip() for p in paras]
            continue
        no_tasks = target == "sections" and fold(title).startswith(words.NOT_TASK_TITLES)
        found = None if no_tasks else prose.part_section(number, title, paras)
        entries.append(
            {
                "target": target,
                "title": title,
                "found": found,
                "raw": [p.text.strip() for p in paras],
                "heading": f"{number}. {title}",
                "legacy": body.parse_task_part(number, title, paras) if target == "sections" else None,
            }
        )
    named = [
        e
        for e in entries
        if e["target"] == "sections"
        and not tables
        and _few(e)
        and fold(e["title"]).startswith(_TASK_PART)
        and all_tasks([e["legacy"]])
    ]
    if named:
        for e in entries:
            if e in named:
                e["found"] = e["legacy"]
                add_note(
                    e["found"],
                    "phần có tên là nhiệm vụ: mỗi mục là một nhiệm vụ (cơ quan chủ trì ghi ở phần tổ chức thực "
                    "hiện hoặc phụ lục): kiểm tra",
                    first=True,
                )
            elif e["target"] == "organisation":
                e["found"] = None
    if any(e["found"] and fold(e["title"]).startswith(_ASSIGNMENT_PART) for e in entries):
        for e in entries:  # the assignment is its own part: 'Tổ chức thực hiện' is organisation
            if e["target"] == "organisation":
                e["found"] = None
    if not any(e["found"] for e in entries):
        for e in entries:
            if e["legacy"] and all_tasks([e["legacy"]]):
                e["found"] = e["legacy"]
            elif e["legacy"]:
                e["legacy_text"] = _all_paragraphs(e["legacy"])
    sections = []
    for e in entries:
        if e["found"]:  # its text, for when a task table carries the tasks instead
            e["found"]["_kept_as"] = (
                ("organisation", e["raw"])
                if e["target"] == "organisation"
                else ("preamble", [e["heading"]] + e["raw"])
            )
            sections.append(e["found"])
        elif e["target"] == "organisation":
            fields["organisation"] += e["raw"]
        else:
            fields["loose"] += e.get("legacy_text") or [e["heading"]] + e["raw"]
    return sections


_TASK_PART = ("nhiem vu",)  # a part named as the plan's tasks: "III. NHIỆM VỤ, GIẢI PHÁP"
_ASSIGNMENT_PART = ("phan cong",)  # a part that assigns the tasks: "IV. PHÂN CÔNG NHIỆM VỤ"


def _few(entry: dict) -> bool:
    """No reader explains the part, or headings/sentences explain few of its items (labels
    always explain: a labelled item is a task)."""
    found = entry["found"]
    if not found:
        return True
    if found.get("_reader") == "labelled" or found.get("_task_list"):
        return False
    return len(all_tasks([found])) < prose.SETTINGS.task_list_share * len(all_tasks([entry["legacy"]]))


def prose_as_text(sections: list[dict], fields: dict, preamble: list[str]) -> list[dict]:
    """A task table carries the tasks: the body's prose read by agency headings, labels or
    sentences (the agencies' duties restate the table) is kept as the text it was; a part that
    is itself a list of tasks (most items naming who leads) stays. Returned: the sections that stay."""
    keep = []
    for sec in sections:
        where, texts = sec.get("_kept_as", ("preamble", []))
        if sec.get("_task_list") and where != "organisation":
            keep.append(sec)
        else:
            (fields["organisation"] if where == "organisation" else preamble).extend(texts)
    return keep


def dispatch_tasks(preamble: list[str]) -> tuple[list[str], list[dict]]:
    """A dispatch without parts: the '- Giao …' items after '… như sau:' are its tasks."""
    lead_in = next((i for i, p in enumerate(preamble) if p.rstrip().endswith("như sau:")), None)
    if lead_in is None:
        return preamble, []
    items = preamble[lead_in + 1 :]
    tasks = [body.task("-", p[2:].strip()) for p in items if p.startswith("- ")]
    if not tasks:
        return preamble, []
    rest = preamble[: lead_in + 1] + [p for p in items if not p.startswith("- ")]
    return rest, [{"number": None, "title": None, "paragraphs": [], "tasks": tasks, "sections": []}]


def all_tasks(sections: list[dict]) -> list[dict]:
    out = []
    for sec in sections:
        out += sec["tasks"] + all_tasks(sec["sections"])
    return out


def all_sections(sections: list[dict]) -> list[dict]:
    out = []
    for sec in sections:
        out += [sec] + all_sections(sec["sections"])
    return out


def _all_paragraphs(sec: dict) -> list[str]:
    out = list(sec["paragraphs"])
    for sub in sec["sections"]:
        out.append(" ".join(x for x in (f"{sub['number']}." if sub["number"] else None, sub["title"]) if x))
        out += _all_paragraphs(sub)
    return out
