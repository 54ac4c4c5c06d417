"""A Document -> the typed draft (draftrecords.py): each plan in the portal's format, with what
a reviewer must check as notes on the record they concern.

The first document of a file takes the id given on the command line; the others get
'<province>-<number>-<year>' (how data/ names them), marked for review. Every guess is
written down as a review note; nothing the source prints is dropped. Who issued a plan:
planissuer.py; its period, head notes, focal agency and deadlines: planfacts.py; the last
checks on its task tree: draftchecks.py and tree.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model.catalog import Catalog
from ..textnorm import slugify
from . import body, docheader, documents, metadata, tree
from . import vocabulary as vocab
from .agencies import Resolver
from .blocks import Document, ImportFailure, Para
from .draftchecks import flag_leadless, fold_empty_sections, unread_timeframes
from .draftrecords import Draft, Note, ProposedAgency, review_lines
from .issuer import letterhead_name
from .planfacts import head_notes, organisation, plan_period
from .planissuer import IssuerReader, provinces_named
from .typedtree import typed_plan

__all__ = ["Draft", "build_draft", "letterhead_name"]

_FIELDS = ("purpose", "requirements", "targets", "budget_sources", "organisation", "closing", "loose")


@dataclass
class _Drafting:
    """A plan while it is drafted: its portal fields, its notes in order, the id the tool
    would give it."""

    rec: dict
    notes: list[str]
    auto_id: str


class _Builder:
    def __init__(self, cat: Catalog, file: str):
        self.cat, self.file = cat, file
        self.stats = {"rows": 0, "tasks": 0, "inherited": 0, "matched": 0, "proposed": 0, "ambiguous": 0}
        self.proposed: dict[str, dict] = {}
        self.issuers = IssuerReader(cat, file, self.stats, self.proposed)

    def _text(self, part: dict, paras: list[Para], head, notes: list[str]):
        """The plan's text -> (tail, fields, legal bases, preamble, sections, appendices)."""
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
        found, appendices = documents.annexes(part, fields["loose"], self.file, self.stats, notes)
        if found:  # a task table carries the tasks: body prose is text
            sections = documents.prose_as_text(sections, fields, preamble)
        for sec in sections:
            sec.pop("_kept_as", None)
            sec.pop("_task_list", None)
            sec.pop("_reader", None)
        sections += found
        if fields["loose"] and not found:
            preamble += fields["loose"]
        return tail, fields, bases, preamble, sections, appendices

    def plan(self, part: dict, plan_id: str | None, fallback_home: str | None) -> _Drafting:
        paras = part["paras"]
        head = docheader.read_header(paras)
        notes: list[str] = []
        tail, fields, bases, preamble, sections, appendices = self._text(part, paras, head, notes)
        title, number = head.title, head.number
        issuer = self.issuers.read(head, paras, plan_id, notes)
        home = self.issuers.home or (fallback_home if issuer is None else None)
        attached = part.get("attached")
        period = plan_period(head, attached, preamble, plan_id)
        year = int(period[:4]) if period else 0
        auto_id = "-".join(x for x in (home, slugify(number or "ke-hoach"), str(year or "")) if x)
        if plan_id is None:
            plan_id = auto_id
            notes.append(f"mã kế hoạch '{plan_id}' do công cụ đặt từ tỉnh, số hiệu và năm: kiểm tra")
        rec: dict = {
            "id": plan_id,
            "type": head.type if head.type in vocab.PORTAL_TYPES else "ke-hoach",
            "title": title,
        }
        if head.type and head.type not in vocab.PORTAL_TYPES:
            notes.append(
                f"văn bản là {head.type_printed}: 'type' ghi ke-hoach (cổng có hai loại, kế "
                "hoạch và công văn); số, ngày và trích yếu là của văn bản này"
            )
        if title is None:
            rec["label"] = next((s["title"] for s in sections if s.get("title")), plan_id)
            notes.append(
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
        notes += head_notes(head, rec, attached)

        partners = [p for p in provinces_named(self.cat, title or "") if p != home]
        issuer_rec = self.proposed.get(issuer) if issuer else None
        if issuer_rec is None and issuer in self.cat.agencies:
            a = self.cat.agencies[issuer]
            issuer_rec = {"id": a.id, "name": a.name, "aliases": list(a.aliases)}
        ministry = self.issuers.ministry
        self.resolver = resolver = Resolver(self.cat, home, partners, ministry, self.file, issuer_rec)
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
        notes += organisation(rec, resolver)
        if tail["after"]:
            rec["source"]["note"] = "Chữ không thuộc phần nào (công cụ nhập giữ lại): " + " / ".join(
                tail["after"]
            )
            notes.append(
                "có chữ ngoài phần ký / nơi nhận, giữ ở 'source.note': "
                + " / ".join(tail["after"])
                + " — xóa hoặc chuyển vào đúng chỗ"
            )
        if rec["related_documents"]:
            notes.append(
                "văn bản liên quan: điền 'relation' (quan hệ với kế hoạch) và 'plan' khi cổng đã có văn bản đó"
            )
        return _Drafting(rec, notes, auto_id)

    def finish(self, plan: _Drafting, all_text: str) -> None:
        rec, notes = plan.rec, plan.notes
        folded = fold_empty_sections(rec["sections"])
        if folded:
            notes.append(
                f"{len(folded)} mục không có nhiệm vụ, mục con hay đoạn văn (ý liệt kê, "
                "không phải nhiệm vụ) giữ thành đoạn văn của mục trên: " + "; ".join(t[:60] for t in folded)
            )
        tree.assign_ids(rec["sections"])
        tree.resolve_agencies(rec["sections"], self.resolver, rec["source"]["file"])
        for key, value in self.resolver.counts.items():
            self.stats[key] += value
        if self.resolver.proposed:
            names = [f"'{a['short_name'] or a['name']}' ({aid})" for aid, a in self.resolver.proposed.items()]
            notes.append(
                f"{len(names)} cơ quan chưa có trong data/agencies, đề xuất mới (kiểm tra tên, "
                "tỉnh và mã; hoặc thêm tên vào 'aliases' của cơ quan đã có): " + ", ".join(names)
            )
        self.proposed.update(self.resolver.proposed)
        tasks = documents.all_tasks(rec["sections"])
        ids = [a for t in tasks for a in (t.get("lead") or []) + (t.get("coordinating") or [])]
        rec["partnerships"] = tree.plan_partnerships(self.cat, self.issuers.home, ids, all_text)
        notes.append(
            "quan hệ hợp tác (partnerships) suy từ các tỉnh văn bản nêu: kiểm tra"
            if rec["partnerships"]
            else "không tìm được quan hệ hợp tác (partnerships) nào: điền tay hoặc để []"
        )
        flag_leadless(rec["sections"], False)
        notes += unread_timeframes(rec)
        self.stats["inherited"] += sum(
            1
            for s in documents.all_sections(rec["sections"])
            for key in ("timeframe", "lead_text")
            if s.get(key)
        )
        self.stats["tasks"] += len(tasks)


def build_draft(doc: Document, cat: Catalog, plan_id: str) -> Draft:
    """Every plan the document holds, its tasks resolved; ImportFailure when there are none."""
    builder = _Builder(cat, doc.file)
    drafted = []
    home = None
    for index, part in enumerate(documents.split_documents(doc)):
        plan = builder.plan(part, plan_id if index == 0 else None, home)
        if not documents.all_tasks(plan.rec["sections"]):
            continue
        text = " ".join(p.text for p in part["paras"] + [p for a in part["annexes"] for p in a["paras"]])
        builder.finish(plan, text)
        home = builder.issuers.home or home
        drafted.append(plan)
    if not drafted:
        raise ImportFailure(
            doc.file, "không tìm thấy bảng nhiệm vụ hay danh sách nhiệm vụ / no task table or task list found"
        )
    _distinct_ids(drafted, plan_id)
    plans = [typed_plan(plan.rec, plan.notes) for plan in drafted]
    review = doc.notes + review_lines(plans)
    # the document's notes head the first plan's, last first (as the draft has always printed them)
    plans[0] = replace(plans[0], notes=tuple(Note(n) for n in reversed(doc.notes)) + plans[0].notes)
    return Draft(
        plans=plans,
        agencies=[ProposedAgency(**builder.proposed[k]) for k in sorted(builder.proposed)],
        review=review,
        stats=builder.stats,
    )


def _distinct_ids(plans: list[_Drafting], given: str) -> None:
    """Two plans of one document never share an id. When the id given with --plan is the one
    the tool would give a later plan (its province, number and year: the forwarded plan of a
    dispatch), that plan keeps it and the first plan takes its own; any other clash gets -2, -3…"""
    first = plans[0]
    for plan in plans[1:]:
        if plan.rec["id"] == given and first.rec["id"] == given and first.auto_id != given:
            first.rec["id"] = first.auto_id
            first.notes.append(
                f"mã '{given}' (--plan) là mã của kế hoạch kèm theo (cùng tỉnh, "
                f"số hiệu và năm); văn bản này lấy mã '{first.rec['id']}': kiểm tra"
            )
            plan.notes[:] = [m for m in plan.notes if not m.startswith("mã kế hoạch '")]
            plan.notes.append(f"mã '{given}' lấy theo --plan (trùng số hiệu và năm của kế hoạch này)")
    seen: set[str] = set()
    for plan in plans:
        rec = plan.rec
        base, n = rec["id"], 2
        while rec["id"] in seen:
            rec["id"] = f"{base}-{n}"
            n += 1
        if rec["id"] != base:
            plan.notes.append(
                f"mã '{base}' trùng mã một kế hoạch khác trong cùng văn bản: đổi thành '{rec['id']}', kiểm tra"
            )
        seen.add(rec["id"])
