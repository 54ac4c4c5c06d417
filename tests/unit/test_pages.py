"""Page specs (generator/pages/specs.py) on the test dataset: which pages exist, their URLs, titles,
descriptions, breadcrumbs, the data line each is edited at, and what the map highlights."""

import datetime

import pytest

from generator.pages.specs import AGENCIES, HOME, PLANS, PROVINCES, Crumb, all_pages, task_description
from tests.smalldata import PLAN, line_of

INDEXES = ["", "co-quan/", "hop-tac/", "ke-hoach/", "lich/", "nhiem-vu/", "tim-kiem/", "tinh-thanh/"]


@pytest.fixture(scope="module")
def specs(small_catalog):
    return {s.url: s for s in all_pages(small_catalog, datetime.date(2026, 8, 15), "https://x.org/")}


def test_one_page_per_record_and_index(specs, small_catalog):
    cat = small_catalog
    quarters = sorted(
        {
            f"lich/{y}-q{q}/"
            for t in cat.tasks
            if t.timeframe.start and len(t.timeframe.quarters()) <= 4
            for y, q in t.timeframe.quarters()
        }
    )
    listings = quarters + [
        "lich/nhieu-nam/",
        "lich/thuong-xuyen/",
        "lich/khong-ghi/",
        "nhiem-vu/son-la/",
        "nhiem-vu/thanh-hoa/",
    ]  # by the issuer's province
    expected = (
        INDEXES
        + listings
        + [p.url for p in cat.plans.values()]
        + [t.url for t in cat.tasks]
        + [r.url for kind in (cat.agencies, cat.provinces, cat.partnerships) for r in kind.values()]
    )
    # every entity's tables fit on its page: their URLs are redirects (test_entity_tasks), not pages
    assert len(expected) == 8 + 16 + 3 + 2 + 3 + 18 + 9 + 6 + 3
    assert sorted(specs) == sorted(expected)
    assert list(specs) == sorted(specs)  # all_pages sorts by URL
    assert all(s.src_uri == f"{s.url}index.md" for s in specs.values())


def test_task_page_spec(specs, small_catalog):
    spec = specs["ke-hoach/son-la-kiem-thu-2026/i-1/"]
    assert (spec.template, spec.title, spec.crumb) == ("task.html.j2", "Tuần hàng kiểm thử", "Mục I, số 1")
    assert spec.crumbs == [HOME, PLANS, Crumb("Kế hoạch số 12/KH-UBND", "ke-hoach/son-la-kiem-thu-2026/")]
    assert spec.description == (
        "Tổ chức tuần hàng kiểm thử tại tỉnh Sơn La. Đoạn thứ hai của nội dung nhiệm vụ."
    )
    assert (spec.edit.path, spec.edit.line) == (
        f"tests/fixtures/data-small/{PLAN}",
        line_of(PLAN, "- id: i-1"),
    )
    untitled = specs["ke-hoach/thanh-hoa-chuyen-tiep/y1/"]
    assert untitled.title == "Ý không đánh số, mọi ô để trống"  # the content's first clause


def test_plan_agency_province_partnership_specs(specs):
    plan = specs["ke-hoach/thanh-hoa-chuyen-tiep/"]
    assert (plan.title, plan.description) == (
        "Công văn chuyển tiếp kiểm thử",
        "Công văn chuyển tiếp kiểm thử — 2 nhiệm vụ",
    )  # the type once
    assert (plan.edit.path, plan.edit.line) == (
        "tests/fixtures/data-small/plans/thanh-hoa-chuyen-tiep.yml",
        3,
    )
    agency = specs["co-quan/son-la-ttxt/"]
    assert agency.crumbs == [HOME, AGENCIES, Crumb("Tỉnh Sơn La", "tinh-thanh/son-la/")]
    assert agency.description == (
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La: chủ trì 7, phối hợp 0 nhiệm vụ"
    )
    assert specs["co-quan/bo-cong-thuong/"].crumbs == [HOME, AGENCIES]  # central: no province
    city = specs["tinh-thanh/ho-chi-minh/"]
    assert (city.title, city.crumbs) == ("Thành phố Hồ Chí Minh", [HOME, PROVINCES])
    assert specs["tinh-thanh/bac-kan/"].title == "Tỉnh Bắc Kạn"
    ps = specs["hop-tac/ho-chi-minh-bac-kan/"]
    assert (ps.title, ps.description) == (
        "Hợp tác Thành phố Hồ Chí Minh – Bắc Kạn",
        "Quan hệ hợp tác Thành phố Hồ Chí Minh – Bắc Kạn: 4 nhiệm vụ",
    )


def test_the_map_highlights_the_province_or_its_successor(specs):
    assert specs["tinh-thanh/bac-kan/"].context.map.highlight == "thai-nguyen"
    assert specs["tinh-thanh/thanh-hoa/"].context.map.highlight == "thanh-hoa"
    assert specs[""].context.map.highlight is None
    # one map for the whole build, however many pages show it
    assert len({id(s.context.map.data) for s in specs.values() if hasattr(s.context, "map")}) == 1


def test_index_pages_have_no_edit_line(specs):
    assert [u for u in INDEXES if specs[u].edit is not None] == []
    assert all(specs[u].crumbs == ([] if u == "" else [HOME]) for u in INDEXES)


def test_task_description_cuts_at_a_word():
    assert task_description("  a\n b  ") == "a b"
    text = "từ " * 80
    cut = task_description(text)
    assert len(cut) <= 200 and cut.endswith(" từ …") and "  " not in cut
