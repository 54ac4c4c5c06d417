"""Turn one shape-checked plan mapping into a Plan: the task tree, labels, inherited fields."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

from ..errors import Location, Problem
from .models import Appendix, Deadline, Plan, Related, Section, Signer, Task, Update
from .datafiles import LocDict
from ..textnorm import slugify
from .timeframes import parse

from .titles import distinct_titles, task_title

PERIOD_HELP = "dạng '2026', '2022-2025' (năm bắt đầu không sau năm kết thúc)"

BULLETS = {"-", "+", "•"}


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _t(value) -> tuple:
    return tuple(value or ())


class _PlanReader:
    def __init__(self, rec: LocDict):
        self.rec = rec
        self.plan_id = rec["id"]
        self.year = rec["year"]
        self.problems: list[Problem] = []
        self.tasks: list[Task] = []
        self.task_ids: dict[str, Location] = {}
        self.anchors: set[str] = set()
        plan_partnerships = _t(rec.get("partnerships"))
        self.default_partnership = plan_partnerships[0] if len(plan_partnerships) == 1 else None

    def timeframe(self, text, where: Location):
        """A task's or section's timeframe: every text is accepted (kept as printed)."""
        return parse(text, self.year)

    def period(self, text, where: Location):
        """The plan's period is the portal's own field: it must read as years ('2026', '2022-2025')."""
        tf = parse(text, self.year)
        if tf.kind != "span":
            years = re.fullmatch(r"\D*(\d{4})\s*-\s*(\d{4})\D*", str(text))
            message = (
                f"giai đoạn '{text}': năm kết thúc {years.group(2)} trước năm bắt đầu {years.group(1)}"
                if years and years.group(2) < years.group(1)
                else f"giai đoạn '{text}' không đọc được thành năm"
            )
            self.problems.append(Problem(where, message, PERIOD_HELP))
        return tf

    def anchor(self, trail: list[str]) -> str:
        base = "muc-" + (slugify("-".join(trail))[:60].strip("-") or "nhiem-vu")
        name, n = base, 2
        while name in self.anchors:
            name, n = f"{base}-{n}", n + 1
        self.anchors.add(name)
        return name

    def section(
        self, rec: LocDict, depth: int, trail: list[str], inherited: dict, parent_anchor: str | None = None
    ) -> Section:
        number, title = rec.get("number"), rec.get("title")
        heading = " ".join(p for p in (number, title) if p) or "Nhiệm vụ"
        here = trail + [heading]
        own = number or title or "muc"
        anchor = self.anchor([parent_anchor.removeprefix("muc-"), own] if parent_anchor else [own])
        inherit = dict(inherited)
        if rec.get("lead") or rec.get("lead_collective") or rec.get("lead_text"):
            inherit["lead"] = (_t(rec.get("lead")), _t(rec.get("lead_collective")), rec.get("lead_text"))
        if rec.get("timeframe"):
            inherit["timeframe"] = (rec["timeframe"], rec.value_locs["timeframe"])
        if rec.get("partnership"):
            inherit["partnership"] = rec["partnership"]
        tasks = []
        numbers: dict[str, Location] = {}
        task_recs = rec.get("tasks") or []
        for index, (trec, loc) in enumerate(zip(task_recs, task_recs.item_locs if task_recs else []), 1):
            num = trec.get("number")
            if num and num not in BULLETS:
                if num in numbers:
                    self.problems.append(
                        Problem(
                            trec.value_locs.get("number", loc),
                            f"số thứ tự '{num}' lặp lại trong mục '{heading}' (đã có ở dòng {numbers[num].line})",
                            "mỗi nhiệm vụ trong một mục một số riêng",
                        )
                    )
                numbers.setdefault(num, trec.value_locs.get("number", loc))
            tasks.append(self.task(trec, index, number, here, anchor, inherit))
        subs = tuple(self.section(s, depth + 1, here, inherit, anchor) for s in rec.get("sections") or [])
        if not tasks and not subs and not rec.get("paragraphs"):
            self.problems.append(
                Problem(
                    rec.loc,
                    f"mục '{heading}' không có nhiệm vụ, mục con hay đoạn văn",
                    "thêm 'tasks:' hoặc 'sections:', hoặc xóa mục",
                )
            )
        return Section(
            number,
            title,
            anchor,
            depth,
            _t(rec.get("paragraphs")),
            rec.get("lead_text"),
            rec.get("timeframe"),
            rec.get("source"),
            rec.get("partnership"),
            tuple(tasks),
            subs,
        )

    def task(self, rec: LocDict, index: int, section_number, trail, anchor, inherit) -> Task:
        tid = rec["id"]
        if tid in self.task_ids:
            self.problems.append(
                Problem(
                    rec.value_locs["id"],
                    f"mã nhiệm vụ '{tid}' trùng (đã có ở dòng {self.task_ids[tid].line})",
                    "mỗi nhiệm vụ trong kế hoạch một mã riêng",
                )
            )
        self.task_ids.setdefault(tid, rec.value_locs["id"])
        number = rec.get("number")
        if number and number not in BULLETS:
            label = number
        else:
            label = f"{section_number} – ý {index}" if section_number else f"ý {index}"
        own_lead = bool(rec.get("lead") or rec.get("lead_collective") or rec.get("lead_text"))
        lead, lead_coll, lead_text = (
            _t(rec.get("lead")),
            _t(rec.get("lead_collective")),
            rec.get("lead_text"),
        )
        if not own_lead and "lead" in inherit:
            lead, lead_coll, lead_text = inherit["lead"]
        if rec.get("timeframe") is not None:
            tf = self.timeframe(rec["timeframe"], rec.value_locs["timeframe"])
            tf_inherited = False
        elif "timeframe" in inherit:
            tf = self.timeframe(*inherit["timeframe"])
            tf_inherited = True
        else:
            tf, tf_inherited = parse(None), False
        partnership = rec.get("partnership") or inherit.get("partnership") or self.default_partnership
        updates = tuple(
            sorted(
                (
                    Update(_date(u["date"]), u["status"], u.get("note"), u["source"])
                    for u in rec.get("updates") or []
                ),
                key=lambda u: u.date,
            )
        )
        task = Task(
            plan=self.plan_id,
            id=tid,
            position=len(self.tasks) + 1,
            number=number,
            label=label,
            section_trail=tuple(trail),
            section_anchor=anchor,
            content=rec["content"].strip(),
            title=" ".join((rec.get("title") or "").split()) or task_title(rec["content"]),
            form=rec.get("form"),
            lead=lead,
            lead_collective=lead_coll,
            lead_text=lead_text,
            lead_from_section=not own_lead and "lead" in inherit,
            coordinating=_t(rec.get("coordinating")),
            coordinating_collective=_t(rec.get("coordinating_collective")),
            coordinating_text=rec.get("coordinating_text"),
            timeframe=tf,
            timeframe_from_section=tf_inherited,
            product=rec.get("product"),
            contact=rec.get("contact"),
            note=rec.get("note"),
            partnership=partnership,
            former_ids=_t(rec.get("former_ids")),
            updates=updates,
            loc=rec.loc,
        )
        self.tasks.append(task)
        return task


def _distinct(tasks: list[Task], sections: tuple[Section, ...]):
    """The plan's tasks and sections with task titles distinct within the plan
    (titles.distinct_titles); the sections hold the same Task objects as the plan."""
    new = {
        t.id: replace(t, title=title) for t, title in zip(tasks, distinct_titles(tasks)) if t.title != title
    }

    def sec(s: Section) -> Section:
        return replace(
            s, tasks=tuple(new.get(t.id, t) for t in s.tasks), sections=tuple(sec(c) for c in s.sections)
        )

    return tuple(new.get(t.id, t) for t in tasks), tuple(sec(s) for s in sections)


def plan_from_record(rec: LocDict, root: Path) -> tuple[Plan | None, list[Problem]]:
    b = _PlanReader(rec)
    period = b.period(rec.get("period"), rec.value_locs.get("period", rec.loc))
    sections = tuple(b.section(s, 0, [], {}) for s in rec.get("sections") or [])
    tasks, sections = _distinct(b.tasks, sections)
    signer = rec.get("signer")
    source = rec["source"]
    if rec.get("title") is None and not rec.get("label"):
        b.problems.append(
            Problem(
                rec.value_locs.get("title", rec.loc),
                "văn bản không có trích yếu thì cần 'label'",
                "label: tên gọi ngắn do cổng đặt, để hiển thị và liên kết",
            )
        )
    plan = Plan(
        id=rec["id"],
        type=rec["type"],
        title=rec.get("title"),
        label=rec.get("label"),
        number=rec.get("number"),
        issued=_date(rec.get("issued")),
        place=rec.get("place"),
        issuer=rec["issuer"],
        year=rec["year"],
        period=period,
        signer=Signer(signer.get("name"), signer.get("position"), _t(signer.get("formula")))
        if signer
        else None,
        partnerships=_t(rec.get("partnerships")),
        focal_agency=rec.get("focal_agency"),
        legal_bases=_t(rec.get("legal_bases")),
        related_documents=tuple(
            Related(r["title"], r.get("number"), _date(r.get("date")), r.get("relation"), r.get("plan"))
            for r in rec.get("related_documents") or []
        ),
        preamble=_t(rec.get("preamble")),
        purpose=_t(rec.get("purpose")),
        requirements=_t(rec.get("requirements")),
        targets=_t(rec.get("targets")),
        budget_sources=_t(rec.get("budget_sources")),
        organisation=_t(rec.get("organisation")),
        reporting_deadlines=tuple(
            Deadline(d["text"], _date(d.get("date")), d.get("to"))
            for d in rec.get("reporting_deadlines") or []
        ),
        closing=_t(rec.get("closing")),
        recipients=_t(rec.get("recipients")),
        appendices=tuple(
            Appendix(a["title"], a.get("subtitle"), _t(a.get("paragraphs")))
            for a in rec.get("appendices") or []
        ),
        sections=sections,
        tasks=tasks,
        source_file=source["file"],
        source_note=source.get("note"),
        source_url=source.get("url"),
        former_ids=_t(rec.get("former_ids")),
        path=rec.loc.path,
        loc=rec.loc,
    )
    return plan, b.problems
