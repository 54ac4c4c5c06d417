"""A Document -> draft plan records in the portal's format, with what a reviewer must check.

One file can hold several documents (a dispatch that forwards a plan, then the plan with its
annexes): a 'Số:' line after a signature starts the next one. The first draft takes the id
given on the command line; the others get '<province>-<number>-<year>', marked for review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..fields import PLAN
from ..textnorm import fold, slugify
from . import body, metadata
from .agencies import Resolver
from .blocks import Document, ImportFailure, Para, Table
from . import tree
from .tables import build_tree, table_rows
from .textread import is_caps

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


@dataclass
class Draft:
    plans: list[dict] = field(default_factory=list)
    agencies: list[dict] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def _split_documents(doc: Document) -> list[dict]:
    docs = [{"paras": [], "annexes": [], "tables": []}]
    signed = False
    for block in doc.blocks:
        cur = docs[-1]
        if isinstance(block, Table):
            (cur["annexes"][-1]["tables"] if cur["annexes"] else cur["tables"]).append(block)
            continue
        text = block.text.strip()
        if metadata.NUMBER.match(text) and (signed or cur["annexes"]):
            docs.append({"paras": [], "annexes": [], "tables": []})
            signed = False
            cur = docs[-1]
            # caps issuer lines just above belong to the new document
            while docs[-2]["paras"] and is_caps(docs[-2]["paras"][-1].text) and not \
                    metadata.FORMULA.match(docs[-2]["paras"][-1].text) and len(docs[-2]["paras"][-1].text) < 40 \
                    and fold(docs[-2]["paras"][-1].text).startswith(("uy ban", "tinh ", "thanh pho")):
                cur["paras"].insert(0, docs[-2]["paras"].pop())
        if fold(text).startswith("noi nhan"):
            signed = True
        if re.match(r"^PHỤ LỤC\b", text):
            cur["annexes"].append({"heading": text, "paras": [], "tables": []})
            continue
        (cur["annexes"][-1]["paras"] if cur["annexes"] else cur["paras"]).append(block)
    return docs


def _annex_number(heading: str) -> str | None:
    m = re.match(r"^PHỤ LỤC\s+([IVX0-9]+)\b", heading)
    return f"PHỤ LỤC {m.group(1)}" if m else None


def _annex_id(number: str | None) -> str | None:
    if not number:
        return None
    token = number.split()[-1].lower()
    return f"pl{_ROMAN.get(token, token)}"


class _Builder:
    def __init__(self, cat: Catalog, file: str, plan_id: str):
        self.cat, self.file, self.plan_id = cat, file, plan_id
        self.review: list[str] = []
        self.stats = {"rows": 0, "tasks": 0, "inherited": 0, "warnings": 0}

    # ---- the task tree ----------------------------------------------------------------
    def table_sections(self, annex: dict) -> list[dict]:
        rows: list[dict] = []
        fields = None
        for table in annex["tables"]:
            rows, fields = table_rows(table, self.file, rows, fields)
        if not rows:
            return []
        self.stats["rows"] += len(rows)
        number = _annex_number(annex["heading"]) if annex.get("heading") else None
        source = number.replace("PHỤ LỤC", "Phụ lục") if number else (
            "Phụ lục" if annex.get("heading") else None)
        return build_tree(rows, source)

    def body_parts(self, parts, fields: dict) -> list[dict]:
        sections = []
        for number, title, paras in parts:
            target = body.part_field(title)
            if target == "purpose":
                purpose, requirements = body.split_purpose(paras)
                fields["purpose"] += purpose
                fields["requirements"] += requirements
                continue
            paras = self._take_budget(paras, fields)
            if target == "sections":
                sec = body.parse_task_part(number, title, paras)
                if any(t for t in _all_tasks(sec)):
                    sections.append(sec)
                else:
                    fields["_loose_paragraphs"] += _all_paragraphs(sec)
                continue
            fields[target] += [p.text.strip() for p in paras]
        return sections

    def _take_budget(self, paras: list[Para], fields: dict) -> list[Para]:
        """A numbered sub-heading about funding ('2. Kinh phí …') goes to budget_sources."""
        keep, rank = [], None
        for para in paras:
            m = body.HEADING.match(para.text.strip())
            if rank is None and m and "kinh phi" in fold(m.group(2)) and len(para.text) < 80:
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

    # ---- one plan --------------------------------------------------------------------
    def plan(self, part: dict, plan_id: str | None, resolver_home: str | None) -> dict:
        paras = part["paras"]
        head = metadata.header(paras)
        rest = paras[head["end"]:]
        before, parts = body.split_parts(rest)
        tail_from = parts[-1][2] if parts else before
        tail = metadata.tail(tail_from)
        if parts:
            parts[-1] = (parts[-1][0], parts[-1][1], tail_from[:tail["start"]])
        else:
            before = before[:tail["start"]]
        fields = {k: [] for k in ("purpose", "requirements", "targets", "budget_sources",
                                  "organisation", "closing", "_loose_paragraphs")}
        bases, preamble = metadata.legal_and_preamble(before)
        sections = self.body_parts(parts, fields)
        if not parts and not part["tables"] and not part["annexes"]:
            # a dispatch: the '- Giao …' items after '… như sau:' are its tasks
            lead_in = next((i for i, p in enumerate(preamble) if p.rstrip().endswith("như sau:")), None)
            if lead_in is not None:
                items = preamble[lead_in + 1:]
                preamble = preamble[:lead_in + 1] + [p for p in items if not p.startswith("- ")]
                tasks = [body._task("-", p[2:].strip()) for p in items if p.startswith("- ")]
                if tasks:
                    sections.append({"number": None, "title": None, "paragraphs": [],
                                     "tasks": tasks, "sections": []})
        annex_sections, appendices = [], []
        for annex in [{"heading": None, "paras": [], "tables": part["tables"]}] + part["annexes"]:
            found = self.table_sections(annex)
            title_paras = [p.text.strip() for p in annex["paras"] if not is_caps(p.text) or
                           not fold(p.text).startswith("uy ban")]
            if not found:
                if annex["heading"]:
                    appendices.append({"title": annex["heading"],
                                       "subtitle": "\n".join(title_paras[:2]) or None,
                                       "paragraphs": title_paras[2:]})
                continue
            number = _annex_number(annex["heading"]) if annex["heading"] else None
            title = title_paras[0] if title_paras else None
            notes = title_paras[1:]
            if len(found) == 1 and found[0]["number"] is None and found[0]["title"] is None:
                found[0].update(number=number, title=title)
                found[0]["paragraphs"] = fields["_loose_paragraphs"] + notes
                annex_sections.append(found[0])
            elif number or title:
                annex_sections.append({"number": number, "title": title,
                                       "paragraphs": fields["_loose_paragraphs"] + notes,
                                       "source": found[0].get("source"), "tasks": [],
                                       "sections": found})
            else:
                annex_sections.extend(found)
            fields["_loose_paragraphs"] = []
        sections += annex_sections
        title = " ".join(head["title_lines"]) or None
        plan_type = head["type"] or "ke-hoach"
        rec: dict = {"_review": []}
        number = head.get("number")
        issuer_id = self._issuer(head, paras, plan_id)
        home = self.cat.agencies[issuer_id].province if issuer_id in self.cat.agencies else resolver_home
        period = metadata.period_of(title) or _years_of(plan_id)
        year = int(period[:4]) if period else None
        if plan_id is None:
            plan_id = "-".join(x for x in (home, slugify(number or "ke-hoach"), str(year or "")) if x)
            rec["_review"].append(f"mã kế hoạch '{plan_id}' do công cụ đặt từ tỉnh, số hiệu và năm: kiểm tra")
        rec.update({"id": plan_id, "type": plan_type, "title": title})
        if title is None:
            rec["label"] = next((s["title"] for s in sections if s.get("title")), plan_id)
            rec["_review"].append("văn bản không có trích yếu: 'label' tạm lấy tiêu đề mục đầu; "
                                  "đặt tên gọi ngắn do cổng đặt")
        rec.update({"number": number, "issued": head.get("issued"), "place": head.get("place"),
                    "issuer": issuer_id, "year": year, "period": period, "signer": tail["signer"]})
        for key, what in (("number", "số hiệu"), ("issued", "ngày ban hành"), ("place", "địa danh")):
            if rec[key] is None:
                rec["_review"].append(f"không tìm thấy {what} trong văn bản: để null nếu văn bản không ghi")
        if period is None:
            rec["_review"].append("không đọc được giai đoạn (period) và năm (year): điền tay")
            rec["year"], rec["period"] = 0, None
        resolver = Resolver(self.cat, home)
        self.resolver = resolver
        texts = bases + fields["purpose"] + fields["targets"]
        rec.update({"partnerships": [], "focal_agency": None, "legal_bases": bases,
                    "related_documents": metadata.related_documents(texts), "preamble": preamble,
                    "purpose": fields["purpose"], "requirements": fields["requirements"],
                    "targets": fields["targets"], "budget_sources": fields["budget_sources"],
                    "organisation": fields["organisation"], "reporting_deadlines": [],
                    "closing": fields["closing"] + tail["closing"], "recipients": tail["recipients"],
                    "appendices": appendices, "sections": sections,
                    "source": {"file": self.file.rsplit("/", 1)[-1], "note": None}})
        rec["_review"].append("điền 'focal_agency', 'reporting_deadlines' và 'relation' của văn bản "
                              "liên quan: công cụ không tự đọc các mục này")
        return rec

    def _issuer(self, head: dict, paras: list[Para], plan_id: str | None) -> str | None:
        lines = head["issuer_lines"] + [p.text for p in paras if is_caps(p.text)
                                        and fold(p.text).startswith("uy ban nhan dan ")]
        for line in lines:
            key = fold(line)
            for prov in self.cat.provinces.values():
                if fold(prov.name) in key and f"{prov.id}-ubnd" in self.cat.agencies:
                    return f"{prov.id}-ubnd"
        text = " ".join(p.text for p in paras)
        if m := re.search(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (tỉnh|Thành phố) ([^,.;]+?) ban hành", text):
            for prov in self.cat.provinces.values():
                if fold(m.group(2)).startswith(fold(prov.name).removeprefix("thanh pho ")):
                    return f"{prov.id}-ubnd"
        for prov in sorted(self.cat.provinces.values(), key=lambda p: -len(p.id)):
            if plan_id and plan_id.startswith(prov.id + "-") and f"{prov.id}-ubnd" in self.cat.agencies:
                self.review.append(f"cơ quan ban hành '{prov.id}-ubnd' đoán từ mã kế hoạch: kiểm tra")
                return f"{prov.id}-ubnd"
        return None


def _years_of(plan_id: str | None) -> str | None:
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", plan_id or "")
    return "-".join(years[:2]) if years else None


def _all_tasks(sec: dict) -> list[dict]:
    out = list(sec["tasks"])
    for sub in sec["sections"]:
        out += _all_tasks(sub)
    return out


def _all_paragraphs(sec: dict) -> list[str]:
    out = list(sec["paragraphs"])
    for sub in sec["sections"]:
        out += [f"{sub['number']}. {sub['title']}" if sub["number"] else sub["title"]] + _all_paragraphs(sub)
    return out


def build_draft(doc: Document, cat: Catalog, plan_id: str) -> Draft:
    """Every plan the document holds, its tasks resolved; ImportFailure when there are none."""
    builder = _Builder(cat, doc.file, plan_id)
    draft = Draft()
    proposed: dict[str, dict] = {}
    counts = {"matched": 0, "proposed": 0, "ambiguous": 0}
    home = None
    for index, part in enumerate(_split_documents(doc)):
        rec = builder.plan(part, plan_id if index == 0 else None, home)
        tasks = tree.all_tasks(rec["sections"])
        if not tasks:
            if index == 0 and len(_split_documents(doc)) == 1:
                break
            continue
        tree.assign_ids(rec["sections"], builder.review)
        tree.resolve_agencies(rec["sections"], builder.resolver)
        for key, value in builder.resolver.counts.items():
            counts[key] += value
        proposed.update(builder.resolver.proposed)
        home = cat.agencies[rec["issuer"]].province if rec["issuer"] in cat.agencies else None
        ids = [a for t in tasks for a in (t.get("lead") or []) + (t.get("coordinating") or [])]
        text = " ".join(str(rec.get("title") or "") for _ in [0])
        rec["partnerships"] = tree.plan_partnerships(cat, home, ids, text)
        if rec["issuer"] is None:
            rec["_review"].append("không xác định được cơ quan ban hành (issuer): điền mã cơ quan")
        inherited = sum(1 for s in tree.all_sections(rec["sections"]) for key in ("timeframe", "lead_text")
                        if s.get(key))
        builder.stats["inherited"] += inherited
        builder.stats["tasks"] += len(tasks)
        draft.plans.append(rec)
    if not draft.plans:
        raise ImportFailure(doc.file, "không tìm thấy bảng nhiệm vụ hay danh sách nhiệm vụ / "
                            "no task table or task list found")
    draft.agencies = [proposed[k] for k in sorted(proposed)]
    draft.review = builder.review + _collect_review(draft.plans)
    draft.stats = {**builder.stats, **counts}
    return draft


def _collect_review(plans: list[dict]) -> list[str]:
    out = []

    def walk(node, where):
        for msg in node.get("_review", []):
            out.append(f"{where}: {msg}")
        for sec in node.get("sections", []):
            label = " ".join(x for x in (sec.get("number"), (sec.get("title") or "")[:40]) if x)
            walk(sec, f"{where} › {label}" if label else where)
        for task in node.get("tasks", []):
            walk(task, f"{where} › nhiệm vụ {task.get('id')}")

    for plan in plans:
        walk(plan, plan["id"])
    return out
