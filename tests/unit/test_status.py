"""The status rules (generator/status.py) on small fixtures: each timeframe kind, a report, a
period that ended, the visitor's date moving a task between states."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.models import Update
from generator.model.status import PLAN_STATUSES, TASK_STATUSES, count, period_status, timeframe_status
from generator.model.timeframes import Timeframe, parse

YEAR_2023 = parse("Năm 2023")
Q4_2026 = parse("Quý IV/2026")


def report(day, status="hoan-thanh", source="Báo cáo số 1/BC-UBND"):
    return Update(date=day, status=status, note=None, source=source)


@pytest.mark.parametrize(
    "tf, today, key",
    [
        (YEAR_2023, date(2026, 12, 7), "qua-thoi-han"),  # "năm 2023" read in December 2026
        (YEAR_2023, date(2023, 12, 31), "den-han-quy-nay"),  # its last day
        (YEAR_2023, date(2024, 1, 1), "qua-thoi-han"),  # the day after
        (YEAR_2023, date(2023, 9, 30), "trong-thoi-han"),  # a quarter before its end
        (YEAR_2023, date(2022, 5, 1), "trong-thoi-han"),  # before it starts: time is left
        (Q4_2026, date(2026, 12, 7), "den-han-quy-nay"),
        (Q4_2026, date(2026, 9, 30), "trong-thoi-han"),
    ],
)
def test_a_dated_task_without_a_report_stands_by_its_end_date(tf, today, key):
    status = timeframe_status(tf, (), today)
    assert (status.key, status.name, status.due, status.on) == (key, TASK_STATUSES[key], tf.end, today)
    assert "31/12" in status.detail


def test_the_visitors_date_moves_a_task_between_states():
    keys = [
        timeframe_status(Q4_2026, (), day).key
        for day in (date(2026, 6, 30), date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 1))
    ]
    assert keys == ["trong-thoi-han", "den-han-quy-nay", "den-han-quy-nay", "qua-thoi-han"]


@pytest.mark.parametrize(
    "tf, key",
    [
        (parse("Thường xuyên"), "thuong-xuyen"),
        (parse("Theo nhu cầu thực tế"), "theo-nhu-cau"),
        (parse(None), "khong-ghi-thoi-gian"),
        (Timeframe("Hằng năm", "recurring"), "thuong-xuyen"),
        (Timeframe("Định kỳ 6 tháng", "recurring"), "thuong-xuyen"),
        (Timeframe("Trước ngày 15 hằng tháng", "recurring"), "thuong-xuyen"),
        (Timeframe("Sau khi có ý kiến của Bộ", "unread"), "khong-han-cu-the"),
        (Timeframe("Kiểu chưa có", "some-kind-to-come"), "khong-han-cu-the"),
    ],
)
def test_a_timeframe_without_an_end_date_never_pretends_a_deadline(tf, key):
    status = timeframe_status(tf, (), date(2026, 12, 7))
    assert status.key == key and status.due is None
    assert "thời hạn" not in status.name.lower().replace("không có hạn", "")
    if tf.text:
        assert tf.text in status.detail  # the text as printed is what the page shows


def test_a_report_decides_with_its_date_and_source():
    status = timeframe_status(
        YEAR_2023,
        (report(date(2023, 11, 2), "cham"), report(date(2024, 3, 1), "hoan-thanh", "Báo cáo 9/BC")),
        date(2026, 12, 7),
    )
    assert (status.key, status.name, status.due) == ("hoan-thanh", "Hoàn thành", None)
    assert status.detail == "Theo báo cáo ngày 01/03/2024 (nguồn: Báo cáo 9/BC)"


def test_a_report_in_progress_is_dang_thuc_hien_and_a_late_one_cham():
    assert (
        timeframe_status(Q4_2026, (report(date(2026, 10, 1), "dang-trien-khai"),), date(2026, 12, 7)).name
        == "Đang thực hiện"
    )
    assert timeframe_status(Q4_2026, (report(date(2026, 10, 1), "cham"),), date(2026, 12, 7)).name == "Chậm"


def test_a_report_dated_after_the_day_is_not_known_yet():
    status = timeframe_status(YEAR_2023, (report(date(2027, 1, 5)),), date(2026, 12, 7))
    assert status.key == "qua-thoi-han"


@pytest.mark.parametrize(
    "period, today, key, name",
    [
        ("2022-2025", date(2026, 12, 7), "het-giai-doan", "Đã hết giai đoạn kế hoạch (31/12/2025)"),
        ("2022-2025", date(2025, 12, 31), "dang-thuc-hien", "Đang thực hiện (đến 31/12/2025)"),
        ("2026", date(2026, 12, 7), "dang-thuc-hien", "Đang thực hiện (đến 31/12/2026)"),
        ("2027", date(2026, 12, 7), "chua-den-ky", "Chưa đến kỳ (từ 01/01/2027)"),
    ],
)
def test_a_plan_stands_by_its_period(period, today, key, name):
    status = period_status(parse(period), today)
    assert (status.key, status.name) == (key, name)
    assert status.name == PLAN_STATUSES[key].format(
        start="01/01/2027" if key == "chua-den-ky" else "", end=name[-11:-1]
    )


def test_a_plan_without_dates_says_so():
    status = period_status(Timeframe("Thường xuyên", "ongoing"), date(2026, 12, 7))
    assert status.key == "khong-ghi-giai-doan" and status.due is None


class _T:  # the two attributes count() reads
    def __init__(self, tf, updates=()):
        self.timeframe, self.updates = tf, tuple(updates)


def test_counts_by_status_and_what_the_browser_recounts_from():
    tasks = [
        _T(YEAR_2023),
        _T(YEAR_2023),
        _T(Q4_2026),
        _T(parse("Thường xuyên")),
        _T(YEAR_2023, [report(date(2024, 1, 2))]),
    ]
    c = count(tasks, date(2026, 12, 7))
    assert c.counts == (
        ("qua-thoi-han", TASK_STATUSES["qua-thoi-han"], 2),
        ("den-han-quy-nay", "Đến hạn trong quý này", 1),
        ("hoan-thanh", "Hoàn thành", 1),
        ("thuong-xuyen", TASK_STATUSES["thuong-xuyen"], 1),
    )
    assert c.total == 5 and c.late == 2
    assert c.data == {
        "co-dinh": {"hoan-thanh": 1, "thuong-xuyen": 1},
        "han": {"2023-12-31": 2, "2026-12-31": 1},
    }
