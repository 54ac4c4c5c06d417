"""The typed draft (generator/importer/draftrecords.py): review notes are values on the record
they concern, written as '# KIỂM TRA:' lines just above it, and never a field of the record."""

import datetime
import json

import pytest

from generator.importer.draftrecords import (
    Draft,
    DraftPlan,
    Note,
    PlanSection,
    PlanTask,
    ProposedAgency,
    review_lines,
)
from generator.importer.emit import plan_yaml
from generator.importer.output import json_text


def _plan() -> DraftPlan:
    task = PlanTask(
        id="1-2",
        number="2",
        content="Tổ chức hội nghị",
        lead_text="Sở Tài chính",
        line=14,
        notes=(Note("cơ quan chủ trì 'Sở Tài chính' đọc từ câu trong nội dung", 14),),
    )
    plain = PlanTask(id="1-1", number="1", content="Rà soát")
    section = PlanSection(
        number="1", title="Nhiệm vụ", paragraphs=[], tasks=[plain, task], notes=(Note("mục đọc theo nhãn"),)
    )
    return DraftPlan(
        id="son-la-thu-2026",
        title="Thử",
        issued=datetime.date(2026, 3, 2),
        year=2026,
        sections=[section],
        source={"file": "thu.txt", "note": None},
        notes=(Note("số hiệu: kiểm tra"),),
    )


def test_a_note_on_a_task_is_the_review_comment_just_above_that_task():
    lines = plan_yaml(_plan(), "thu.txt").splitlines()
    at = lines.index("      - id: 1-2")
    assert lines[at - 1] == "      # KIỂM TRA: cơ quan chủ trì 'Sở Tài chính' đọc từ câu trong nội dung"
    assert lines[lines.index("      - id: 1-1") - 1] == "    tasks:"  # a task without notes: none
    assert lines[lines.index('  - number: "1"') - 1] == "  # KIỂM TRA: mục đọc theo nhãn"
    assert lines[3] == "# KIỂM TRA: số hiệu: kiểm tra"  # the plan's, under the header comments
    assert not [x for x in lines if x.strip().startswith(("notes:", "line:", "_review:"))]


def test_notes_are_no_field_of_the_record_and_are_listed_with_where_they_are():
    plan = _plan()
    task = plan.sections[0].tasks[1]
    with pytest.raises(KeyError):
        task["_review"]
    assert "notes" not in plan.to_record() and "notes" not in plan.to_record()["sections"][0]["tasks"][1]
    assert plan.to_record()["sections"][0]["tasks"][1]["lead_text"] == "Sở Tài chính"
    assert task.notes[0].line == 14
    assert review_lines([plan]) == [
        "son-la-thu-2026: số hiệu: kiểm tra",
        "son-la-thu-2026 › 1 Nhiệm vụ: mục đọc theo nhãn",
        "son-la-thu-2026 › 1 Nhiệm vụ › nhiệm vụ 1-2: cơ quan chủ trì 'Sở Tài chính' đọc từ câu trong nội dung",
    ]


def test_json_prints_the_typed_draft_with_every_field_of_a_proposed_agency():
    agency = ProposedAgency(id="son-la-so-moi", name="Sở Mới", province="son-la", source="thu.txt")
    plan = _plan()
    out = json.loads(
        json_text(Draft(plans=[plan], agencies=[agency], review=review_lines([plan])), "thu.txt")
    )
    assert list(out["agencies"][0]) == ["id", "name", "short_name", "province", "aliases", "note", "source"]
    assert out["plans"][0]["sections"][0]["tasks"][1] == {
        "id": "1-2",
        "number": "2",
        "content": "Tổ chức hội nghị",
        "lead_text": "Sở Tài chính",
    }
    assert out["review"][2].endswith("nhiệm vụ 1-2: cơ quan chủ trì 'Sở Tài chính' đọc từ câu trong nội dung")
    assert out["files"] == ["data/plans/son-la-thu-2026.yml", "data/agencies/son-la-thu-2026.de-xuat.yml"]


def test_a_tree_node_keeps_typed_notes_in_order_and_a_task_gives_them_its_line():
    from generator.importer.typedtree import add_note, typed_section

    task = {"number": "1", "content": "Tổ chức hội nghị", "_line": 7}
    add_note(task, "thứ hai")
    add_note(task, "thứ nhất", first=True)
    section = {"number": "II", "title": "NHIỆM VỤ", "tasks": [task], "sections": []}
    add_note(section, "của mục")
    typed = typed_section(section)
    assert typed.tasks[0].notes == (Note("thứ nhất", 7), Note("thứ hai", 7))
    assert typed.notes == (Note("của mục"),)
    record = typed.to_record()["tasks"][0]
    assert (record["number"], record["content"]) == ("1", "Tổ chức hội nghị")
    assert not [k for k in record if k.startswith("_") or k in ("notes", "line")]
