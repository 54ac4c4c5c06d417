"""What the task-table filters read (generator/pages/tablefilters.py, Catalog.task_provinces), on the
test dataset."""

import pytest

from datetime import date

from generator.pages.contexts.common import row_attributes
from generator.pages.tablefilters import filter_options, task_periods


TODAY = date(2026, 12, 7)


def task(cat, key):
    plan, tid = key.split("/")
    return next(t for t in cat.plans[plan].tasks if t.id == tid)


@pytest.mark.parametrize(
    "key,provinces",
    [
        ("son-la-kiem-thu-2026/i-1", ["son-la", "thanh-hoa"]),  # its agencies and partnership
        ("son-la-kiem-thu-2026/ii-1-1", ["bac-kan", "ho-chi-minh", "son-la"]),  # a central agency adds none
        ("son-la-kiem-thu-2026/i-2", ["bac-kan", "ho-chi-minh", "son-la", "thanh-hoa"]),  # collective lead
        ("thanh-hoa-chuyen-tiep/y1", []),  # nothing stated
    ],
)
def test_task_provinces(small_catalog, key, provinces):
    assert small_catalog.task_provinces(task(small_catalog, key)) == provinces


def test_task_periods(small_catalog):
    assert task_periods(task(small_catalog, "son-la-kiem-thu-2026/i-2")) == ["2026", "2026-q2"]
    assert task_periods(task(small_catalog, "son-la-giai-doan-2022-2025/a-2")) == [
        "2023",
        "2024",
        *(f"{y}-q{q}" for y in (2023, 2024) for q in (1, 2, 3, 4)),
    ]
    assert task_periods(task(small_catalog, "son-la-kiem-thu-2026/ii-2-1")) == []  # ongoing


def test_filter_options_of_the_dispatch(small_catalog):
    options = filter_options(small_catalog, list(small_catalog.plans["thanh-hoa-chuyen-tiep"].tasks))
    assert options.leads == [("thanh-hoa-so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa")]
    assert options.provinces == [("thanh-hoa", "Thanh Hóa")]
    assert options.periods == [("2025", "Năm 2025")] + [
        (f"2025-q{q}", f"  Quý {r}/2025") for q, r in zip((1, 2, 3, 4), ("I", "II", "III", "IV"))
    ]
    assert options.statuses == [("span", "Có mốc thời gian"), ("not-stated", "Không ghi thời gian")]
    assert options.count == 2


def test_filter_options_sort_names_in_vietnamese_order(small_catalog):
    options = filter_options(small_catalog, small_catalog.tasks)
    assert [name for _, name in options.provinces] == [
        "Bắc Kạn",
        "Sơn La",
        "Thanh Hóa",
        "Thành phố Hồ Chí Minh",
    ]
    names = [name for _, name in options.leads]
    assert (
        names[0] == "Sở Công Thương Thành phố Hồ Chí Minh"
        and names[-1] == "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La"
    )


def test_row_attributes(small_catalog):
    assert row_attributes(small_catalog, task(small_catalog, "son-la-kiem-thu-2026/ii-1-y4"), TODAY) == {
        "data-chu-tri": "son-la-ttxt",
        "data-tinh": "bac-kan ho-chi-minh son-la",
        "data-ky": "2026 2026-q1",
        "data-tt": "span",
        "data-bat-dau": "2026-03-01",
        "data-vi-tri": "son-la-kiem-thu-2026/0007",
        "data-trang-thai": "qua-thoi-han",
        "data-han": "2026-03-31",
    }  # its status, its end date
    undated = row_attributes(small_catalog, task(small_catalog, "thanh-hoa-chuyen-tiep/y1"), TODAY)
    assert (
        undated["data-tt"],
        undated["data-bat-dau"],
        undated["data-ky"],
        undated["data-chu-tri"],
        undated["data-trang-thai"],
        "data-han" in undated,
    ) == ("not-stated", "", "", "", "khong-ghi-thoi-gian", False)


def test_the_status_filter_offers_every_status_a_row_can_have_on_any_date(small_catalog):
    options = filter_options(small_catalog, small_catalog.tasks)
    keys = [k for k, _ in options.states]
    # dated tasks: all three by-date statuses, whatever the build's date; reports as reported
    assert keys == [
        "qua-thoi-han",
        "den-han-quy-nay",
        "trong-thoi-han",
        "cham",
        "chua-trien-khai",
        "dang-thuc-hien",
        "hoan-thanh",
        "thuong-xuyen",
        "theo-nhu-cau",
        "khong-ghi-thoi-gian",
    ]
