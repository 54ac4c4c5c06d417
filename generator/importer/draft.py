"""A Document -> draft plan records in the portal's format, with what a reviewer must check.

The first document of a file takes the id given on the command line; the others get
'<province>-<number>-<year>' (how data/ names them), marked for review. Every guess is
written down as a review note on the record it concerns; nothing the source prints is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.catalog import Catalog
from ..textnorm import fold, slugify
from . import body, docheader, documents, metadata, tree
from . import vocabulary as vocab
from .draftchecks import flag_leadless, flag_unread_timeframes, fold_empty_sections
from .issuer import CENTRAL, letterhead_name, most_named, sentence
from .agencies import Resolver
from .blocks import Document, ImportFailure, Para
from .draftrecords import Draft, Note, ProposedAgency, review_lines
from .typedtree import typed_plan
from .textread import is_caps

_FIELDS = ("purpose", "requirements", "targets", "budget_sources", "organisation", "closing", "loose")


class _Builder:
    def __init__(self, cat: Catalog, file: str):
        self.cat, self.file = cat, file
        self.review: list[str] = []
        self.stats = {"rows": 0, "tasks": 0, "inherited": 0, "matched": 0, "proposed": 0, "ambiguous": 0}
        self.proposed: dict[str, dict] = {}
        self.home: str | None = None
        self.ministry: dict | None = None

    def plan(self, part: dict, plan_id: str | None, fallback_home: str | None) -> dict:
        paras = part["paras"]
        head = docheader.read_header(paras)
        rest = paras[head.end :]
        if head.remainder:  # the content a reader joined to the title's line
            rest = [Para(head.remainder, paras[head.end - 1].line)] + rest
        before, parts = body.split_parts(rest)
        tail_from = parts[-1][2] if parts else before
        tail = metadata.tail(tail_from)
        if parts:
            parts[-1] = (parts[-1][0], parts[-1][1], tail_from[: tail["start"]])
        else:
            before = before[: tail["start"]]
        fields = {k: [] for k in _FIELDS}
        bases, preamble = metadata.legal_and_preamble(before)
        sections = documents.body_parts(parts, fields, tables=bool(part["tables"] or part["annexes"]))
        if not parts and not part["tables"] and not part["annexes"]:
            preamble, sections = documents.dispatch_tasks(preamble)
        review: list[str] = []
        found, appendices = documents.annexes(part, fields["loose"], self.file, self.stats, review)
        if found:  # a task table carries the tasks: body prose is text
            sections = documents.prose_as_text(sections, fields, preamble)
        for sec in sections:
            sec.pop("_kept_as", None)
            sec.pop("_task_list", None)
            sec.pop("_reader", None)
        sections += found
        if fields["loose"] and not found:
            preamble += fields["loose"]

        rec: dict = {"_review": review}
        title = head.title
        number = head.number
        issuer = self._issuer(head, paras, plan_id, rec)
        home = self.home or (fallback_home if issuer is None else None)
        attached = part.get("attached")
        period = (
            metadata.period_of(attached and attached["title"])
            or metadata.period_of(title)
            or metadata.period_of(" ".join(preamble))
            or _years_of(plan_id)
            or (str(head.year) if head.year else None)
        )
        year = int(period[:4]) if period else 0
        rec["_auto_id"] = "-".join(x for x in (home, slugify(number or "ke-hoach"), str(year or "")) if x)
        if plan_id is None:
            plan_id = rec["_auto_id"]
            rec["_review"].append(f"mã kế hoạch '{plan_id}' do công cụ đặt từ tỉnh, số hiệu và năm: kiểm tra")
        rec.update(
            {
                "id": plan_id,
                "type": head.type if head.type in vocab.PORTAL_TYPES else "ke-hoach",
                "title": title,
            }
        )
        if head.type and head.type not in vocab.PORTAL_TYPES:
            rec["_review"].append(
                f"văn bản là {head.type_printed}: 'type' ghi ke-hoach (cổng có hai loại, kế "
                "hoạch và công văn); số, ngày và trích yếu là của văn bản này"
            )
        if title is None:
            rec["label"] = next((s["title"] for s in sections if s.get("title")), plan_id)
            rec["_review"].append(
                "văn bản không có trích yếu: 'label' tạm lấy tiêu đề mục đầu; đặt tên gọi ngắn do cổng đặt"
            )
        rec.update(
            {
                "number": number,
                "issued": head.issued,
                "place": head.place,
                "issuer": issuer,
                "year": year,
                "period": period,
                "signer": tail["signer"],
            }
        )
        if attached:
            what = " ".join(x for x in (attached["type_printed"], attached["title"]) if x)
            rec["_review"].append(
                f"văn bản kèm theo '{what}'"
                + (f" {attached['caption']}" if attached["caption"] else "")
                + ": số, ngày, trích yếu, căn cứ và phần ký lấy của văn bản ban hành ("
                + (head.type_printed or "")
                + "); nội dung và nhiệm vụ lấy của văn bản kèm theo"
            )
        if head.number_printed:
            rec["_review"].append(
                f"số hiệu để trống trong văn bản ('{head.number_printed}'): number để "
                "null, điền khi văn bản được ký số"
            )
        if head.issued_printed:
            rec["_review"].append(
                f"ngày ban hành để trống hoặc không có thật ('{head.issued_printed}'): "
                "issued để null" + (f", năm {head.year} giữ ở 'year'" if head.year else "")
            )
        for key, what in (
            ("number", "số hiệu"),
            ("issued", "ngày ban hành"),
            ("place", "địa danh"),
            ("signer", "phần ký"),
        ):
            if (
                rec[key] is None
                and not (key == "number" and head.number_printed)
                and not (key == "issued" and head.issued_printed)
            ):
                rec["_review"].append(f"không tìm thấy {what} trong văn bản: để null nếu văn bản không ghi")
        if number and not _NUMBER.fullmatch(number):
            rec["_review"].append(
                f"số hiệu '{number}' không có dạng thường gặp (số/KH-UBND, số/UBND-KT…): so với văn bản"
            )
        if not period:
            rec["_review"].append("không đọc được giai đoạn (period) và năm (year) từ trích yếu: điền tay")
        elif not metadata.period_of(title):
            rec["_review"].append(
                f"giai đoạn '{period}' không in trong trích yếu (lấy từ phần mở đầu "
                "hoặc mã kế hoạch): kiểm tra với văn bản"
            )

        partners = [p for p in _provinces_named(self.cat, title or "") if p != home]
        issuer_rec = self.proposed.get(issuer) if issuer else None
        if issuer_rec is None and issuer in self.cat.agencies:
            a = self.cat.agencies[issuer]
            issuer_rec = {"id": a.id, "name": a.name, "aliases": list(a.aliases)}
        self.resolver = resolver = Resolver(self.cat, home, partners, self.ministry, self.file, issuer_rec)
        texts = (
            bases
            + preamble
            + fields["purpose"]
            + fields["targets"]
            + [t["content"] for t in documents.all_tasks(sections)]
        )
        rec.update(
            {
                "partnerships": [],
                "focal_agency": None,
                "legal_bases": bases,
                "related_documents": metadata.related_documents(texts),
                "preamble": preamble,
                "purpose": fields["purpose"],
                "requirements": fields["requirements"],
                "targets": fields["targets"],
                "budget_sources": fields["budget_sources"],
                "organisation": fields["organisation"],
                "reporting_deadlines": [],
                "closing": fields["closing"] + tail["closing"],
                "recipients": tail["recipients"],
                "appendices": appendices,
                "sections": sections,
                "source": {"file": self.file.rsplit("/", 1)[-1], "note": None},
            }
        )
        self._organisation(rec, resolver)
        if tail["after"]:
            rec["source"]["note"] = "Chữ không thuộc phần nào (công cụ nhập giữ lại): " + " / ".join(
                tail["after"]
            )
            rec["_review"].append(
                "có chữ ngoài phần ký / nơi nhận, giữ ở 'source.note': "
                + " / ".join(tail["after"])
                + " — xóa hoặc chuyển vào đúng chỗ"
            )
        if rec["related_documents"]:
            rec["_review"].append(
                "văn bản liên quan: điền 'relation' (quan hệ với kế hoạch) và "
                "'plan' khi cổng đã có văn bản đó"
            )
        return rec

    def _organisation(self, rec: dict, resolver: Resolver) -> None:
        """focal_agency and reporting_deadlines from the 'Tổ chức thực hiện' paragraphs."""
        paragraphs = rec["organisation"] + rec["closing"]
        name = metadata.focal_name(paragraphs)
        if name:
            found = resolver.resolve(name)
            rec["focal_agency"] = found.ids[0] if len(found.ids) == 1 else None
            rec["_review"].append(
                f"cơ quan đầu mối đọc từ câu '… {name} … cơ quan đầu mối'"
                + ("" if rec["focal_agency"] else ": chưa khớp mã, điền tay")
            )
        else:
            rec["_review"].append(
                "văn bản không nêu 'cơ quan đầu mối': focal_agency để null, "
                "hoặc điền nếu văn bản giao việc tổng hợp cho một cơ quan"
            )
        for text, date, to in metadata.deadlines(paragraphs):
            target = resolver.resolve(to).ids if to else []
            rec["reporting_deadlines"].append(
                {"text": text, "date": date, "to": target[0] if len(target) == 1 else None}
            )
        rec["_review"].append(
            f"{len(rec['reporting_deadlines'])} hạn báo cáo có ngày được đọc; "
            "hạn định kỳ (quý, 6 tháng, năm) cần thêm tay vào 'reporting_deadlines'"
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

    def _issuer(self, head: dict, paras: list[Para], plan_id: str | None, rec: dict) -> str | None:
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
            return self._own_body(lines, province, rec, how)  # a Front, a sub-committee, a Sở
        if central and province is None:
            name = sentence(letterhead)
            found = [
                a for a in self.cat.agencies.values() if a.province is None and fold(a.name) == fold(name)
            ]
            aid = found[0].id if found else f"central-{slugify(name)}"
            self.ministry = {"id": aid, "name": found[0].name if found else name}
            if not found:
                self._propose_issuer(aid, name, None, rec, "tiêu đề cơ quan ban hành")
            return aid
        if province is None:
            rec["_review"].append(
                "không xác định được cơ quan ban hành (issuer) và tỉnh của văn bản: điền mã cơ quan"
            )
            return None
        prov = self.cat.provinces[province]
        if len(lines) >= 2 and last.startswith(("so ", "ban ", "cong an ", "trung tam ", "van phong ")):
            resolver = Resolver(self.cat, province)
            res = resolver.resolve(sentence(lines[-1]) if is_caps(lines[-1]) else lines[-1])
            if len(res.ids) == 1:
                aid = res.ids[0]
                if aid in resolver.proposed:
                    self._propose_issuer(aid, resolver.proposed[aid]["name"], province, rec, how)
                return aid
        aid = f"{province}-ubnd"
        if aid not in self.cat.agencies:
            label = prov.name if prov.kind == "thanh-pho" else f"tỉnh {prov.name}"
            self._propose_issuer(aid, f"Ủy ban nhân dân {label}", province, rec, how)
        elif how == "mã kế hoạch":
            rec["_review"].append(f"cơ quan ban hành '{aid}' đoán từ mã kế hoạch: kiểm tra")
        return aid

    def _own_body(self, lines: list[str], province: str | None, rec: dict, how: str) -> str:
        """An issuer that is no People's Committee: 'ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN
        THƯỜNG TRỰC' -> 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh', found or proposed."""
        name = letterhead_name(lines)
        if province:
            resolver = Resolver(self.cat, province)
            found = resolver.resolve(name)
            if len(found.ids) == 1 and found.ids[0] in self.cat.agencies:
                return found.ids[0]
        aid = f"{province}-{slugify(name)}"[:80].strip("-") if province else slugify(name)[:80].strip("-")
        self._propose_issuer(aid, name, province, rec, "tiêu đề cơ quan ban hành")
        if province is None:
            rec["_review"].append(
                f"cơ quan ban hành '{name}': văn bản không nêu tỉnh; điền 'province' của cơ quan đề xuất"
            )
        return aid

    def _propose_issuer(self, aid, full, province, rec, how) -> None:
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
        rec["_review"].append(
            f"cơ quan ban hành '{aid}' chưa có trong data/agencies (đọc từ {how}): "
            "đề xuất mới, kiểm tra tên và tỉnh"
        )

    def finish(self, rec: dict, all_text: str) -> None:
        folded = fold_empty_sections(rec["sections"])
        if folded:
            rec["_review"].append(
                f"{len(folded)} mục không có nhiệm vụ, mục con hay đoạn văn (ý liệt kê, "
                "không phải nhiệm vụ) giữ thành đoạn văn của mục trên: " + "; ".join(t[:60] for t in folded)
            )
        tree.assign_ids(rec["sections"])
        tree.resolve_agencies(rec["sections"], self.resolver, rec["source"]["file"])
        for key, value in self.resolver.counts.items():
            self.stats[key] += value
        if self.resolver.proposed:
            names = [f"'{a['short_name'] or a['name']}' ({aid})" for aid, a in self.resolver.proposed.items()]
            rec["_review"].append(
                f"{len(names)} cơ quan chưa có trong data/agencies, đề xuất mới (kiểm tra tên, "
                "tỉnh và mã; hoặc thêm tên vào 'aliases' của cơ quan đã có): " + ", ".join(names)
            )
        self.proposed.update(self.resolver.proposed)
        tasks = documents.all_tasks(rec["sections"])
        home = self.home
        ids = [a for t in tasks for a in (t.get("lead") or []) + (t.get("coordinating") or [])]
        rec["partnerships"] = tree.plan_partnerships(self.cat, home, ids, all_text)
        rec["_review"].append(
            "quan hệ hợp tác (partnerships) suy từ các tỉnh văn bản nêu: kiểm tra"
            if rec["partnerships"]
            else "không tìm được quan hệ hợp tác (partnerships) nào: điền tay hoặc để []"
        )
        flag_leadless(rec["sections"], False)
        flag_unread_timeframes(rec)
        self.stats["inherited"] += sum(
            1
            for s in documents.all_sections(rec["sections"])
            for key in ("timeframe", "lead_text")
            if s.get(key)
        )
        self.stats["tasks"] += len(tasks)


# '134/KH-UBND', '4778/KH-UBND', '2150/KH-BNNMT', '12/UBND-KT', '08/2023/NQ-HĐND'
_NUMBER = re.compile(r"\d+[a-z]?(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9&.]*(?:-[A-ZĐ0-9&.]+)*")


def _provinces_named(cat: Catalog, text: str) -> list[str]:
    """Provinces a title names ('… giữa tỉnh Lào Cai và tỉnh Sơn La'), in the order it names them."""
    key = fold(text)
    found = []
    for prov in cat.provinces.values():
        name = fold(prov.name).removeprefix("thanh pho ")
        if m := re.search(rf"\b{re.escape(name)}\b", key):
            found.append((m.start(), prov.merged_into or prov.id))
    return list(dict.fromkeys(pid for _, pid in sorted(found)))


def _years_of(plan_id: str | None) -> str | None:
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", plan_id or "")
    return "-".join(years[:2]) if years else None


def build_draft(doc: Document, cat: Catalog, plan_id: str) -> Draft:
    """Every plan the document holds, its tasks resolved; ImportFailure when there are none."""
    builder = _Builder(cat, doc.file)
    recs = []
    home = None
    for index, part in enumerate(documents.split_documents(doc)):
        rec = builder.plan(part, plan_id if index == 0 else None, home)
        if not documents.all_tasks(rec["sections"]):
            continue
        text = " ".join(p.text for p in part["paras"] + [p for a in part["annexes"] for p in a["paras"]])
        builder.finish(rec, text)
        home = builder.home or home
        recs.append(rec)
    if not recs:
        raise ImportFailure(
            doc.file, "không tìm thấy bảng nhiệm vụ hay danh sách nhiệm vụ / no task table or task list found"
        )
    _distinct_ids(recs, plan_id)
    plans = [typed_plan(rec) for rec in recs]
    review = doc.notes + builder.review + review_lines(plans)
    # the document's notes head the first plan's, last first (as the draft has always printed them)
    plans[0] = replace(plans[0], notes=tuple(Note(n) for n in reversed(doc.notes)) + plans[0].notes)
    return Draft(
        plans=plans,
        agencies=[ProposedAgency(**builder.proposed[k]) for k in sorted(builder.proposed)],
        review=review,
        stats=builder.stats,
    )


def _distinct_ids(plans: list[dict], given: str) -> None:
    """Two plans of one document never share an id. When the id given with --plan is the one
    the tool would give a later plan (its province, number and year: the forwarded plan of a
    dispatch), that plan keeps it and the first plan takes its own; any other clash gets -2, -3…"""
    first = plans[0]
    for rec in plans[1:]:
        if rec["id"] == given and first["id"] == given and first["_auto_id"] != given:
            first["id"] = first["_auto_id"]
            first["_review"].append(
                f"mã '{given}' (--plan) là mã của kế hoạch kèm theo (cùng tỉnh, "
                f"số hiệu và năm); văn bản này lấy mã '{first['id']}': kiểm tra"
            )
            rec["_review"] = [m for m in rec["_review"] if not m.startswith("mã kế hoạch '")]
            rec["_review"].append(f"mã '{given}' lấy theo --plan (trùng số hiệu và năm của kế hoạch này)")
    seen: set[str] = set()
    for rec in plans:
        base, n = rec["id"], 2
        while rec["id"] in seen:
            rec["id"] = f"{base}-{n}"
            n += 1
        if rec["id"] != base:
            rec["_review"].append(
                f"mã '{base}' trùng mã một kế hoạch khác trong cùng văn bản: "
                f"đổi thành '{rec['id']}', kiểm tra"
            )
        seen.add(rec["id"])
