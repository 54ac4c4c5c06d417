"""A task's place in the document's own terms (generator/citeterms.py), on the real data."""

from __future__ import annotations

import pytest

from generator.pages.citeterms import capital, places


@pytest.mark.parametrize(
    "plan, label, place",
    [
        ("ho-chi-minh-4778-kh-ubnd-2023", "2.1 – ý 3", "mục II.2.1, gạch đầu dòng thứ 3"),
        ("ho-chi-minh-4778-kh-ubnd-2023", "9.1", "PHỤ LỤC II, mục II, số 9.1"),  # 9.1 extends 9
        ("ho-chi-minh-4778-kh-ubnd-2023", "1.2 – ý 2", "mục II.1.2, gạch đầu dòng thứ 2"),
        ("son-la-hung-yen-2022-2025", "1.1 – ý 3", "mục B.1.1, gạch đầu dòng thứ 3"),
        ("son-la-hung-yen-2022-2025", "1", "mục A, số 1"),
        ("son-la-thu-hut-dau-tu-2023", "11 – ý 4", "mục III.11, đoạn thứ 4"),  # no mark printed
        ("nghe-an-8177-ubnd-cn-2023", "ý 2", "gạch đầu dòng thứ 2"),  # no section number
    ],
)
def test_the_place_is_in_the_documents_numbering(catalog, plan, label, place):
    p = catalog.plans[plan]
    task = next(t for t in p.tasks if t.label == label)
    assert places(p)[task.id] == place


def test_marks_inside_a_numbered_section_follow_as_printed(catalog):
    p = catalog.plans["ho-chi-minh-4778-kh-ubnd-2023"]
    got = {places(p)[t.id] for t in p.tasks}
    assert "mục II.2.3 b) (1), gạch đầu dòng thứ 5" in got
    assert "mục II.2.3 a), gạch đầu dòng thứ 1" in got


def test_a_section_without_a_number_is_named_by_its_title(catalog):
    p = catalog.plans["son-la-thanh-hoa-2026"]
    assert places(p)[p.tasks[5].id] == (
        "mục “Phân công nhiệm vụ thực hiện Biên bản ghi nhớ về hợp tác …”, số 6"
    )


def test_every_task_has_one_place_of_its_own_in_its_plan(catalog):
    for plan in catalog.plans.values():
        where = places(plan)
        assert set(where) == {t.id for t in plan.tasks}
        assert len(set(where.values())) == len(where), plan.id
        assert not any("ý " in w and "“+”" not in w for w in where.values())  # no portal label


def test_capital():
    assert capital("mục II.2.1, gạch đầu dòng thứ 3") == "Mục II.2.1, gạch đầu dòng thứ 3"


def test_short_drops_a_section_named_by_its_title():
    from generator.pages.citeterms import short

    assert short("mục “Phân công nhiệm vụ …”, số 6") == "số 6"
    assert short("mục II.2.1, gạch đầu dòng thứ 3") == "mục II.2.1, gạch đầu dòng thứ 3"
