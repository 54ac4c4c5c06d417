"""Page contexts on the test dataset (tests/fixtures/data-small): what each page shows, decided
in Python, with the values worked out by hand from the fixture files."""

import datetime

import pytest

from generator.pages.contexts.common import AgencyList, Link, Rows
from generator.pages.contexts.entities import agency_page, partnership_page, province_page
from generator.pages.contexts.indexes import (
    agencies_index_page,
    home_page,
    plans_index_page,
    provinces_index_page,
)
from generator.pages.contexts.task_indexes import calendar_page
from generator.pages.contexts.plan import plan_page, task_page
from generator.pages.visuals import MapView, map_data

KH = "ke-hoach/son-la-kiem-thu-2026/"
TODAY = datetime.date(2026, 8, 15)


@pytest.fixture(scope="module")
def cat(small_catalog):
    return small_catalog


def task_ctx(cat, plan_id, task_id, site_url="https://x.org/"):
    plan = cat.plans[plan_id]
    return task_page(cat, plan, [t.id for t in plan.tasks].index(task_id), site_url)


def test_a_task_with_everything(cat):
    page = task_ctx(cat, "son-la-kiem-thu-2026", "i-1")
    assert page.lead == AgencyList(
        (Link("Sở Công Thương tỉnh Sơn La", "co-quan/son-la-so-cong-thuong/"),), ()
    )
    assert page.task.lead_from_section and page.task.timeframe_from_section  # stated once for section I
    assert (page.task.timeframe.start, page.task.timeframe.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert page.coordinating == AgencyList(
        (
            Link("Sở Công Thương tỉnh Thanh Hóa", "co-quan/thanh-hoa-so-cong-thuong/"),
            Link("Sở Tài chính tỉnh Sơn La", "co-quan/son-la-so-tai-chinh/"),
        ),
        ("Các sở, ban, ngành liên quan",),
    )
    assert (page.coordinating_first, page.coordinating_more) == (page.coordinating, 0)
    assert page.partnership == Link("Sơn La – Thanh Hóa", "hop-tac/son-la-thanh-hoa/")  # the plan's only one
    assert page.section == Link("I NHIỆM VỤ CHUNG", f"{KH}#{page.task.section_anchor}")
    assert page.label == "Mục I, số 1 · Kế hoạch số 12/KH-UBND"  # the document's numbering
    assert page.citation == (
        "Kế hoạch số 12/KH-UBND (Thực hiện Biên bản ghi nhớ kiểm "
        "thử giữa tỉnh Sơn La và tỉnh Thanh Hóa năm 2026), Ủy ban nhân dân tỉnh Sơn La, ngày "
        f"30/03/2026, mục I, số 1: “Tuần hàng kiểm thử”. https://x.org/{KH}i-1/"
    )
    assert page.prev is None and page.next == Link("Mục I, số 2", f"{KH}i-2/")


def test_collective_lead_and_partnerships_that_differ_from_the_plans(cat):
    i2 = task_ctx(cat, "son-la-kiem-thu-2026", "i-2")
    assert i2.lead == AgencyList((), ("UBND các xã, phường",)) and not i2.task.lead_from_section
    assert i2.partnership.url == "hop-tac/ho-chi-minh-cac-tinh/"  # its own
    sub = task_ctx(cat, "son-la-kiem-thu-2026", "ii-1-2")
    assert sub.partnership.url == "hop-tac/ho-chi-minh-bac-kan/"  # its section's
    assert [l.url for l in sub.lead.links] == ["co-quan/son-la-ttxt/"]  # from section II, two levels up
    assert sub.prev.name == "Mục II, số 1.1" and sub.next.name == "Mục II.1, số 5.5"


@pytest.mark.parametrize(
    "task_id,label", [("i-y3", "I – ý 3"), ("ii-1-y4", "1 – ý 4"), ("ii-2-5", "2 – ý 5"), ("ii-1-3", "5.5")]
)
def test_unnumbered_and_bulleted_tasks_are_named_by_section_and_position(cat, task_id, label):
    assert task_ctx(cat, "son-la-kiem-thu-2026", task_id).task.label == label


def test_a_dispatch_with_nothing_stated(cat):
    page = task_ctx(cat, "thanh-hoa-chuyen-tiep", "y1")
    assert not page.lead and not page.coordinating and page.partnership is None  # two plan partnerships
    assert page.task.timeframe.kind == "not-stated"
    assert page.section == Link("Nhiệm vụ", "ke-hoach/thanh-hoa-chuyen-tiep/#muc-muc")  # untitled section
    assert page.citation == (
        "Công văn chuyển tiếp kiểm thử, Ủy ban nhân dân tỉnh Thanh Hóa, ngày "
        "ban hành: không ghi, đoạn thứ 1: “Ý không đánh số, mọi ô để trống”. "
        "https://x.org/ke-hoach/thanh-hoa-chuyen-tiep/y1/"
    )
    plan = plan_page(cat, cat.plans["thanh-hoa-chuyen-tiep"], Rows(cat))
    assert plan.focal is None and plan.deadlines == () and plan.appendices == ()
    assert [p.id for p in plan.referenced_by] == ["son-la-kiem-thu-2026"]


def test_plan_page(cat):
    page = plan_page(cat, cat.plans["son-la-kiem-thu-2026"], Rows(cat))
    assert page.issuer == Link("Ủy ban nhân dân tỉnh Sơn La", "co-quan/son-la-ubnd/")
    assert page.focal.url == "co-quan/son-la-ttxt/"
    assert [l.url for l in page.partnerships] == [  # the plan's and its tasks', Vietnamese order
        "hop-tac/son-la-thanh-hoa/",
        "hop-tac/ho-chi-minh-bac-kan/",
        "hop-tac/ho-chi-minh-cac-tinh/",
    ]
    assert [l.name for l in page.provinces] == ["Bắc Kạn", "Sơn La", "Thanh Hóa", "Thành phố Hồ Chí Minh"]
    assert (page.summary.counts, page.summary.unreported, page.summary.total) == (
        [("Chưa triển khai", 1), ("Hoàn thành", 1), ("Chậm", 1)],
        9,
        12,
    )
    shape = [
        (s.heading, s.level, len(s.rows), [(c.heading, c.level, len(c.rows)) for c in s.sections])
        for s in page.sections
    ]
    assert shape == [
        ("I NHIỆM VỤ CHUNG", 3, 3, []),
        ("II NHIỆM VỤ CỤ THỂ", 3, 0, [("1 Thương mại", 4, 4), ("2 Du lịch", 4, 5)]),
        ("III KIỂM TRA, GIÁM SÁT", 3, 0, []),
    ]
    assert page.sections[0].lead_text == "Sở Công Thương chủ trì:" and page.sections[0].timeframe == "Cả năm"
    assert [(d.date, d.to) for d in page.deadlines] == [
        (
            datetime.date(2026, 12, 10),
            Link("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La", "co-quan/son-la-ttxt/"),
        ),
        (None, None),
    ]
    assert [r.link for r in page.related] == [
        None,
        Link("Công văn chuyển tiếp kiểm thử", "ke-hoach/thanh-hoa-chuyen-tiep/"),
    ]
    assert [p.id for p in page.referenced_by] == ["thanh-hoa-chuyen-tiep"]
    assert page.filters.statuses == [
        ("span", "Có mốc thời gian"),
        ("ongoing", "Thường xuyên"),
        ("as-needed", "Theo nhu cầu"),
        ("not-stated", "Không ghi thời gian"),
    ]
    assert [k for k, _ in page.filters.periods] == [
        "2026",
        "2026-q1",
        "2026-q2",
        "2026-q3",
        "2026-q4",
        "2027",
        "2027-q1",
        "2027-q2",
        "2027-q3",
        "2027-q4",
    ]


def test_calendar_by_quarter(cat):
    page, pages = calendar_page(cat, Rows(cat), TODAY)
    assert [q.key for q in page.quarters] == [
        "2027-q4",
        "2027-q3",
        "2027-q2",
        "2027-q1",
        "2026-q4",
        "2026-q3",
        "2026-q2",
        "2026-q1",
        "2025-q4",
        "2025-q3",
        "2025-q2",
        "2025-q1",
        "2024-q4",
        "2024-q3",
        "2024-q2",
        "2024-q1",
    ]
    (now,) = [q for q in page.quarters if q.current]
    assert (now.key, now.title) == ("2026-q3", "Quý III/2026")
    assert [r.url.split("/")[-2] for r in now.rows] == ["i-1", "i-y3", "ii-1-1", "ii-1-2", "ii-2-5"]
    long, ongoing, unscheduled = page.others
    assert [r.url for r in long.rows] == [
        "ke-hoach/son-la-giai-doan-2022-2025/a-1/",  # > 4 quarters
        "ke-hoach/son-la-giai-doan-2022-2025/a-2/",
    ]
    assert [r.url for r in ongoing.rows] == [f"{KH}ii-2-1/"]
    assert [r.url for r in unscheduled.rows] == [
        f"{KH}ii-2-2/",
        f"{KH}ii-2-3/",
        "ke-hoach/thanh-hoa-chuyen-tiep/y1/",
    ]
    assert all(r.plan is not None for q in page.quarters for r in q.rows)
    assert [s.pages for s in page.others] == [
        ("lich/nhieu-nam/",),
        ("lich/thuong-xuyen/",),
        ("lich/khong-ghi/",),
    ]
    assert page.now.page and page.now.data["2026-q3"][3]  # "this quarter" has its page
    assert [p.url for p in pages] == [f"lich/{q.key}/" for q in reversed(page.quarters)] + [
        "lich/nhieu-nam/",
        "lich/thuong-xuyen/",
        "lich/khong-ghi/",
    ]


def test_home_page(cat):
    home = home_page(cat, calendar_page(cat, Rows(cat), TODAY)[0], MapView(map_data(cat), None))
    assert (
        home.counts.plans,
        home.counts.tasks,
        home.counts.agencies,
        home.counts.provinces,
        home.counts.partnerships,
    ) == (3, 18, 9, 4, 3)
    assert home.this_quarter.key == "2026-q3"
    assert [(p.id, [(l.url, n) for l, n in p.children], p.tasks, p.plans) for p in home.partnerships] == [
        ("son-la-thanh-hoa", [], 7, 2),
        ("ho-chi-minh-cac-tinh", [("hop-tac/ho-chi-minh-bac-kan/", 4)], 1, 2),
    ]
    assert [p.id for p in home.plans] == [
        "son-la-kiem-thu-2026",
        "thanh-hoa-chuyen-tiep",
        "son-la-giai-doan-2022-2025",
    ]  # newest year first


def test_agency_pages(cat):
    ttxt = agency_page(cat, cat.agencies["son-la-ttxt"], Rows(cat))
    assert (ttxt.led_count, ttxt.coordinated_count) == (7, 0)  # every task of section II without its own
    assert [r.url.split("/")[-2] for g in ttxt.led for r in g.rows] == [
        "ii-1-2",
        "ii-1-3",
        "ii-1-y4",
        "ii-2-2",
        "ii-2-3",
        "ii-2-4",
        "ii-2-5",
    ]
    assert [p.id for p in ttxt.focal] == ["son-la-kiem-thu-2026"] and ttxt.issued == ()
    assert ttxt.province.id == "son-la"
    ubnd = agency_page(cat, cat.agencies["son-la-ubnd"], Rows(cat))
    assert [p.id for p in ubnd.issued] == ["son-la-kiem-thu-2026", "son-la-giai-doan-2022-2025"]
    assert ubnd.led == () and ubnd.summary.total == 0
    central = agency_page(cat, cat.agencies["bo-cong-thuong"], Rows(cat))
    assert central.province is None and [g.title for g in central.coordinated] == ["Kế hoạch số 12/KH-UBND"]


def test_agencies_index_groups_by_province_then_central(cat):
    groups = agencies_index_page(cat).groups
    assert [(g.anchor, [(c.agency.id, c.led, c.coordinated) for c in g.agencies]) for g in groups] == [
        (
            "son-la",
            [
                ("son-la-so-cong-thuong", 3, 0),
                ("son-la-so-tai-chinh", 3, 1),
                ("son-la-ttxt", 7, 0),
                ("son-la-ubnd", 0, 0),
            ],
        ),
        (
            "thanh-hoa",
            [("thanh-hoa-so-cong-thuong", 0, 1), ("thanh-hoa-so-van-hoa", 2, 0), ("thanh-hoa-ubnd", 0, 0)],
        ),
        ("ho-chi-minh", [("ho-chi-minh-so-cong-thuong", 1, 0)]),
        ("trung-uong", [("bo-cong-thuong", 0, 1)]),
    ]


def test_former_province_and_its_successor(cat):
    drawn = map_data(cat)
    former = province_page(cat, cat.provinces["bac-kan"], Rows(cat), MapView(drawn, "thai-nguyen"))
    assert former.successor.id == "thai-nguyen" and former.former == ()
    assert [p.id for p in former.partnerships] == ["ho-chi-minh-bac-kan", "ho-chi-minh-cac-tinh"]
    assert [p.id for p in former.plans] == ["son-la-kiem-thu-2026", "thanh-hoa-chuyen-tiep"]
    assert former.agencies == ()
    successor = province_page(cat, cat.provinces["thai-nguyen"], Rows(cat), MapView(drawn, "thai-nguyen"))
    assert [p.id for p in successor.former] == ["bac-kan"] and successor.task_count == 0
    index = provinces_index_page(cat)
    assert [(p.id, active) for p, active in index.current] == [
        ("dien-bien", False),
        ("son-la", True),
        ("thai-nguyen", False),
        ("thanh-hoa", True),
        ("ho-chi-minh", True),
    ]
    assert [p.id for p in index.former] == ["bac-kan"]


def test_a_partnership_without_agreements_shows_its_parents(cat):
    page = partnership_page(cat, cat.partnerships["ho-chi-minh-bac-kan"], Rows(cat))
    assert page.parent.id == "ho-chi-minh-cac-tinh" and page.agreements_inherited
    assert [a.kind for a in page.agreements] == ["thoa-thuan"]
    assert [(p.link.name, p.now_in) for p in page.provinces] == [
        ("Thành phố Hồ Chí Minh", None),
        ("Bắc Kạn", "Thái Nguyên"),
    ]
    assert page.task_count == 4 and [p.id for p in page.plans] == ["son-la-kiem-thu-2026"]
    parent = partnership_page(cat, cat.partnerships["ho-chi-minh-cac-tinh"], Rows(cat))
    assert not parent.agreements_inherited and [c.id for c in parent.children] == ["ho-chi-minh-bac-kan"]
    assert [p.id for p in parent.plans] == ["son-la-kiem-thu-2026", "thanh-hoa-chuyen-tiep"]


def test_plans_index_names(cat):
    assert [r.name for r in plans_index_page(cat).plans] == [
        "Kế hoạch số 12/KH-UBND",
        "Công văn chuyển tiếp kiểm thử",
        "Kế hoạch Phân công nhiệm vụ kiểm thử giai đoạn 2022-2025",
    ]


def test_calendar_lists_recurring_and_unread_timeframes_apart(tmp_path):
    """'Hằng năm' is on lich/dinh-ky/, a timeframe no rule reads on lich/chua-doc/ (shown as
    printed), neither in a quarter; data without them has neither page (test above)."""
    from generator.model.read import read_catalog
    from tests.smalldata import PLAN, ROOT, copy_small, edit

    data = copy_small(tmp_path)
    edit(data, PLAN, "timeframe: Quý II/2026\n", "timeframe: Hằng năm\n")
    edit(data, PLAN, "timeframe: Tháng 12\n", "timeframe: Trước khi tiến hành kiểm tra\n")
    small = read_catalog(data, ROOT)
    page, pages = calendar_page(small, Rows(small), TODAY)
    by_key = {s.pages[0]: s for s in page.others}
    assert [r.url.split("/")[-2] for r in by_key["lich/dinh-ky/"].rows] == ["i-2"]
    (unread,) = by_key["lich/chua-doc/"].rows
    assert "lich/chua-doc/" in [p.url for p in pages]
    assert all(r.url != unread.url for q in page.quarters for r in q.rows)
