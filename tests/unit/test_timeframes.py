from datetime import date

import pytest

from generator.model.timeframes import KINDS, parse

# Every form printed in the four sources, with the plan year used for year-less forms.
FORMS = [
    ("Năm 2026", 2026, "span", date(2026, 1, 1), date(2026, 12, 31)),
    ("Quý III, Quý IV/2026", 2026, "span", date(2026, 7, 1), date(2026, 12, 31)),
    ("Quý III/2026)", 2026, "span", date(2026, 7, 1), date(2026, 9, 30)),  # stray ")" as printed
    ("Quý III/2026", 2026, "span", date(2026, 7, 1), date(2026, 9, 30)),
    ("Quý II/2026", 2026, "span", date(2026, 4, 1), date(2026, 6, 30)),
    ("Năm 2022-2025", 2022, "span", date(2022, 1, 1), date(2025, 12, 31)),
    ("2022-2025", 2022, "span", date(2022, 1, 1), date(2025, 12, 31)),
    ("2024-2025", 2022, "span", date(2024, 1, 1), date(2025, 12, 31)),
    ("2023 - 2024", 2022, "span", date(2023, 1, 1), date(2024, 12, 31)),
    ("2023", 2022, "span", date(2023, 1, 1), date(2023, 12, 31)),
    ("Năm 2022", 2022, "span", date(2022, 1, 1), date(2022, 12, 31)),
    ("Quý III/2022", 2022, "span", date(2022, 7, 1), date(2022, 9, 30)),
    ("Thường xuyên", 2022, "ongoing", None, None),
    ("Tháng 9", 2023, "span", date(2023, 9, 1), date(2023, 9, 30)),
    ("Tháng 12", 2023, "span", date(2023, 12, 1), date(2023, 12, 31)),
    ("Tháng 4", 2023, "span", date(2023, 4, 1), date(2023, 4, 30)),
    ("Cả năm", 2023, "span", date(2023, 1, 1), date(2023, 12, 31)),
    ("Quý III, IV", 2023, "span", date(2023, 7, 1), date(2023, 12, 31)),
    ("Quý III", 2023, "span", date(2023, 7, 1), date(2023, 9, 30)),
    ("Quý IV", 2023, "span", date(2023, 10, 1), date(2023, 12, 31)),
    ("Theo nhu cầu thực tế của các địa phương", 2023, "as-needed", None, None),
    ("Năm 2024", 2023, "span", date(2024, 1, 1), date(2024, 12, 31)),
]


@pytest.mark.parametrize("text,year,kind,start,end", FORMS)
def test_forms_in_the_sources(text, year, kind, start, end):
    tf = parse(text, year)
    assert (tf.kind, tf.start, tf.end) == (kind, start, end)
    assert tf.text == text  # kept as printed


@pytest.mark.parametrize("text", [None, "", "   "])
def test_blank_is_not_stated(text):
    tf = parse(text, 2026)
    assert tf.kind == "not-stated" and tf.start is None and tf.text is None


def test_variants_of_spelling_and_spacing():
    assert parse("quý  iii/2026", None).start == date(2026, 7, 1)
    assert parse("Năm\n2022-2025", None).end == date(2025, 12, 31)
    assert parse("THƯỜNG XUYÊN", None).ongoing


# How officials write timeframes in real plans (../shared/realdocs, issue 26): read, never refused.
REAL = [
    ("Quý IV-2025", "span", date(2025, 10, 1), date(2025, 12, 31)),
    ("Quí IV/2025", "span", date(2025, 10, 1), date(2025, 12, 31)),
    ("Quý III và Quý IV năm 2026", "span", date(2026, 7, 1), date(2026, 12, 31)),
    ("Quý IV/2025 và Quý I/2026", "span", date(2025, 10, 1), date(2026, 3, 31)),
    ("Trước ngày 15/3/2026", "span", date(2026, 3, 15), date(2026, 3, 15)),
    ("Từ 8 giờ 00 ngày 15/3/2026", "span", date(2026, 3, 15), date(2026, 3, 15)),
    (
        "Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026",
        "span",
        date(2025, 12, 17),
        date(2026, 2, 1),
    ),
    ("2026 - 2030", "span", date(2026, 1, 1), date(2030, 12, 31)),
    ("Giai đoạn 2026 - 2027", "span", date(2026, 1, 1), date(2027, 12, 31)),
    ("Tháng 11 - 12/2025", "span", date(2025, 11, 1), date(2025, 12, 31)),
    ("Từ tháng 12/2025 đến quý I/2026", "span", date(2025, 12, 1), date(2026, 3, 31)),
    (
        "Hoàn thành trong năm 2026 và có rà soát trong các năm tiếp theo (nếu có)",
        "span",
        date(2026, 1, 1),
        date(2026, 12, 31),
    ),
    ("Hằng năm", "recurring", None, None),
    ("Hàng năm", "recurring", None, None),
    ("Định kỳ 6 tháng", "recurring", None, None),
    ("Trước ngày 15 hằng tháng", "recurring", None, None),
    ("Thường xuyên, hằng năm", "recurring", None, None),
    ("Thực hiện thường xuyên, liên tục", "ongoing", None, None),
    ("Khi có yêu cầu", "as-needed", None, None),
    ("Theo quy định tại Điều 12 Nghị định số 30/2020/NĐ-CP", "unread", None, None),
    ("Trước khi tiến hành kiểm tra", "unread", None, None),
    ("Kết thúc cuộc bầu cử", "unread", None, None),
]


@pytest.mark.parametrize("text,kind,start,end", REAL)
def test_forms_officials_write(text, kind, start, end):
    tf = parse(text, 2026)
    assert (tf.kind, tf.start, tf.end) == (kind, start, end)
    assert tf.text == text and kind in KINDS


@pytest.mark.parametrize("text", ["2025-2022", "Quý V/2026", "Tháng 13/2026", "sớm nhất có thể", "Năm 3026"])
def test_what_no_rule_reads_is_unread_not_an_error(text):
    tf = parse(text, 2026)
    assert (tf.text, tf.kind, tf.start, tf.end) == (text, "unread", None, None)


def test_year_less_form_without_plan_year_is_unread():
    assert parse("Cả năm", None).kind == "unread"


def test_quarters_covered():
    assert parse("Quý III, Quý IV/2026").quarters() == [(2026, 3), (2026, 4)]
    assert parse("2022-2023").quarters()[0] == (2022, 1) and len(parse("2022-2023").quarters()) == 8
