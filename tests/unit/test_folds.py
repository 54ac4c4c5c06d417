"""Long pages fold their parts (issue 21): the rule, on the real data."""

from generator.pages.contexts.entities import FOLD_TASKS, folds
from generator.pages.contexts.plan import folded_parts, page_toc


def test_a_long_plan_folds_its_tasks_timeline_and_long_texts_a_short_one_nothing(catalog):
    hcm = catalog.plans["ho-chi-minh-4778-kh-ubnd-2023"]
    parts = folded_parts(hcm)
    assert {"nhiem-vu", "dong-thoi-gian", "to-chuc-thuc-hien", "van-ban-lien-quan"} <= parts
    assert "mo-dau" not in parts  # a short text stays open
    assert folded_parts(catalog.plans["son-la-thanh-hoa-2026"]) == frozenset()  # 14 tasks


def test_the_contents_of_a_long_plan_name_its_parts_in_page_order(catalog):
    toc = page_toc(catalog.plans["ho-chi-minh-4778-kh-ubnd-2023"])
    anchors = [a for a, _, _ in toc]
    assert anchors[0] == "can-cu" and anchors[-1] == "nguon"
    assert anchors.index("nhiem-vu") < anchors.index("to-chuc-thuc-hien")
    assert [n for _, n, d in toc if d == 1][0].startswith("II NỘI DUNG")


def test_entities_fold_past_the_bound():
    assert not folds(FOLD_TASKS) and folds(FOLD_TASKS + 1)
