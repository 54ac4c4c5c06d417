import vietnam_provinces

from generator.textnorm import fold


def test_current_provinces_match_the_statistics_office_list(catalog):
    official = {f"{int(p.code):02d}": p.name for p in vietnam_provinces.Province.iter_all()}
    ours = {p.code: p.name for p in catalog.provinces.values() if not p.is_former}
    assert len(official) == 34
    assert ours == official


def test_former_provinces_point_at_a_current_successor(catalog):
    former = {p.id: p.merged_into for p in catalog.provinces.values() if p.is_former}
    assert former == {
        "bac-kan": "thai-nguyen",
        "ha-nam": "ninh-binh",
        "quang-binh": "quang-tri",
        "thua-thien-hue": "hue",
    }
    for successor in former.values():
        assert not catalog.provinces[successor].is_former


def test_every_province_the_sources_name_is_known(catalog):
    named = [
        "Sơn La",
        "Thanh Hóa",
        "Hưng Yên",
        "Cao Bằng",
        "Bắc Kạn",
        "Hà Nam",
        "Hà Tĩnh",
        "Nghệ An",
        "Quảng Bình",
        "Thanh Hóa",
        "Quảng Trị",
        "Thừa Thiên Huế",
        "Thành phố Hồ Chí Minh",
    ]
    names = {fold(p.name) for p in catalog.provinces.values()}
    assert {fold(n) for n in named} <= names
