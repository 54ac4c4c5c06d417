from datetime import date

import pytest

from generator.model.timeframes import TimeframeError, parse

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


@pytest.mark.parametrize("text,message", [
    ("2025-2022", "trước năm bắt đầu"),
    ("Quý V/2026", "quý"),
    ("Tháng 13/2026", "tháng 13"),
    ("Quý I, III/2026", "không liền nhau"),
    ("sớm nhất có thể", "không đọc được"),
    ("Năm 3026", "ngoài khoảng"),
])
def test_unreadable_timeframes_are_errors(text, message):
    with pytest.raises(TimeframeError, match=message):
        parse(text, 2026)


def test_year_less_form_without_plan_year_is_an_error():
    with pytest.raises(TimeframeError, match="không ghi năm"):
        parse("Cả năm", None)


def test_quarters_covered():
    assert parse("Quý III, Quý IV/2026").quarters() == [(2026, 3), (2026, 4)]
    assert parse("2022-2023").quarters()[0] == (2022, 1) and len(parse("2022-2023").quarters()) == 8
