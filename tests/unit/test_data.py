"""Facts of the real data that must hold: nothing dropped, nothing invented."""

from collections import Counter


def test_counts(catalog):
    tasks = Counter(t.plan for t in catalog.tasks)
    assert tasks == {
        "son-la-thanh-hoa-2026": 14,
        "son-la-hung-yen-2022-2025": 42,
        "son-la-thu-hut-dau-tu-2023": 35,
        "nghe-an-8177-ubnd-cn-2023": 2,
        "ho-chi-minh-4778-kh-ubnd-2023": 80,
    }


def test_numbers_kept_as_printed(catalog):
    numbers = [t.number for t in catalog.plans["son-la-hung-yen-2022-2025"].tasks]
    assert "5.5" in numbers and "5.1" not in numbers
    assert numbers.index("5.5") < numbers.index("5.2")
    assert [t.number for t in catalog.plans["son-la-thanh-hoa-2026"].tasks] == [str(n) for n in range(1, 15)]


def test_not_stated_metadata_is_null(catalog):
    for pid in ("son-la-thanh-hoa-2026", "son-la-hung-yen-2022-2025", "son-la-thu-hut-dau-tu-2023"):
        plan = catalog.plans[pid]
        assert plan.number is None and plan.issued is None
    assert catalog.plans["son-la-hung-yen-2022-2025"].signer is None
    assert catalog.plans["son-la-hung-yen-2022-2025"].title is None


def test_stated_metadata(catalog):
    hcm = catalog.plans["ho-chi-minh-4778-kh-ubnd-2023"]
    assert (hcm.number, hcm.issued.isoformat(), hcm.signer.name) == (
        "4778/KH-UBND",
        "2023-09-26",
        "Dương Anh Đức",
    )
    na = catalog.plans["nghe-an-8177-ubnd-cn-2023"]
    assert (na.number, na.issued.isoformat(), na.type) == ("8177/UBND-CN", "2023-09-27", "cong-van")
    assert catalog.plans["son-la-thanh-hoa-2026"].reporting_deadlines[0].date.isoformat() == "2026-12-10"


def test_blank_timeframes_are_not_stated(catalog):
    plan = catalog.plans["son-la-thanh-hoa-2026"]
    blank = [t.number for t in plan.tasks if t.timeframe.kind == "not-stated"]
    assert blank == ["3", "7"]


def test_continuation_rows_are_merged(catalog):
    task5 = next(t for t in catalog.plans["son-la-thanh-hoa-2026"].tasks if t.number == "5")
    assert "vai trò của Hiệp hội trong việc đồng hành cùng chính quyền cải thiện môi trường" in task5.content


def test_every_text_is_nfc(catalog):
    import unicodedata

    for t in catalog.tasks:
        assert unicodedata.is_normalized("NFC", t.content), t.key


def test_bilateral_rows_belong_to_their_partnership(catalog):
    tasks = catalog.tasks_of_partnership("ho-chi-minh-nghe-an")
    assert {t.label for t in tasks if t.plan == "ho-chi-minh-4778-kh-ubnd-2023"} >= {
        "5.1",
        "5.2",
        "5.3",
        "5.4",
        "5.5",
        "5.6",
        "5.7",
        "5.8",
    }
    assert all(t.partnership is None for t in catalog.plans["son-la-thu-hut-dau-tu-2023"].tasks)
