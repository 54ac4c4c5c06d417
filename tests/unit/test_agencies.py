import pytest


@pytest.mark.parametrize(
    "printed,province,expected",
    [
        ("Sở Công thương", "son-la", "son-la-so-cong-thuong"),
        ("Sở Công Thương", "son-la", "son-la-so-cong-thuong"),
        ("sở công thương.", "son-la", "son-la-so-cong-thuong"),
        ("Sở Công Thương", "ho-chi-minh", "ho-chi-minh-so-cong-thuong"),
        ("Sở Công thương Thành phố Hồ Chí Minh", "ho-chi-minh", "ho-chi-minh-so-cong-thuong"),
        ("Trung tâm Xúc tiến Đầu tư, TM và Du lịch", "nghe-an", "nghe-an-ttxt"),
        ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "son-la", "son-la-ttxt"),
        ("Trung tâm Xúc tiến Thương mại và Đầu tư TP.HCM", "ho-chi-minh", "ho-chi-minh-itpc"),
        ("Sở Văn hoá, Thể thao và Du lịch", "son-la", "son-la-so-van-hoa-the-thao-du-lich"),
    ],
)
def test_spelling_variants_resolve_to_one_agency(catalog, printed, province, expected):
    assert catalog.resolve_agency(printed, province) == expected


def test_same_name_in_two_provinces_is_two_agencies(catalog):
    son_la = catalog.resolve_agency("Sở Công Thương", "son-la")
    thanh_hoa = catalog.resolve_agency("Sở Công Thương", "thanh-hoa")
    assert son_la and thanh_hoa and son_la != thanh_hoa
    assert catalog.agencies[thanh_hoa].province == "thanh-hoa"


def test_unknown_or_collective_names_do_not_resolve(catalog):
    assert catalog.resolve_agency("UBND các xã, phường", "son-la") is None
    assert catalog.resolve_agency("Sở Công Thương", "ha-noi") is None


def test_task_9_names_both_provinces_departments(catalog):
    task = next(t for t in catalog.plans["son-la-thanh-hoa-2026"].tasks if t.number == "9")
    assert set(task.coordinating) >= {"son-la-so-cong-thuong", "thanh-hoa-so-cong-thuong"}


def test_collective_entries_stay_as_written(catalog):
    task = next(t for t in catalog.plans["son-la-thanh-hoa-2026"].tasks if t.number == "2")
    assert "UBND xã, phường" in task.coordinating_collective
    assert not any(a.startswith("ubnd") or "xa-phuong" in a for a in catalog.agencies)


def test_central_body_has_no_province(catalog):
    assert catalog.agencies["central-dhqg-ho-chi-minh"].province is None
