"""Printed agency names -> ids: case, Unicode form, tone placement and spacing do not matter;
the plan's province is the default, a name's own province wins, a former province resolves
through its successor; groups stay as written; an unknown name is proposed whole."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.model.read import read_catalog
from generator.importer.agencies import Resolver

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cat(tmp_path_factory):
    data = tmp_path_factory.mktemp("imp") / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "agencies/thai-nguyen.yml").write_text(
        '- id: thai-nguyen-so-cong-thuong\n  name: "Sở Công Thương tỉnh Thái Nguyên"\n'
        '  short_name: "Sở Công Thương"\n  province: thai-nguyen\n  source: "thử nghiệm"\n',
        encoding="utf-8",
    )
    return read_catalog(data, ROOT)


@pytest.mark.parametrize(
    "printed",
    [
        "Sở Văn hóa, Thể thao và Du lịch",
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "Sở Văn hoá, Thể thao và Du lịch",  # the other tone placement
        unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch"),
        "Sở  Văn hóa,   Thể thao và Du lịch tỉnh Sơn La",
    ],
)
def test_spellings_of_one_agency(cat, printed):
    assert Resolver(cat, "son-la").resolve(printed).ids == ["son-la-so-van-hoa-the-thao-du-lich"]


def test_the_plans_province_and_the_names_own(cat):
    assert Resolver(cat, "son-la").resolve("Sở Công Thương").ids == ["son-la-so-cong-thuong"]
    assert Resolver(cat, "son-la").resolve("Sở Công Thương tỉnh Thanh Hóa").ids == [
        "thanh-hoa-so-cong-thuong"
    ]
    both = Resolver(cat, "son-la").resolve("Sở Công thương tỉnh Thanh Hóa và Sơn La")
    assert both.ids == ["thanh-hoa-so-cong-thuong", "son-la-so-cong-thuong"]


def test_a_former_province_through_its_successor(cat):
    # Bắc Kạn merged into Thái Nguyên on 1/7/2025
    assert Resolver(cat, "ho-chi-minh").resolve("Sở Công Thương tỉnh Bắc Kạn").ids == [
        "thai-nguyen-so-cong-thuong"
    ]


def test_lists_groups_and_proposals(cat):
    r = Resolver(cat, "son-la")
    found = r.resolve(
        "Các sở: Tài chính, Xây dựng; Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch; "
        "UBND các xã, phường; Hợp tác xã Chè Tà Xùa"
    )
    assert found.ids == [
        "son-la-so-tai-chinh",
        "son-la-so-xay-dung",
        "son-la-ttxt",
        "son-la-hop-tac-xa-che-ta-xua",
    ]
    assert found.collective == ["UBND các xã, phường"]
    assert list(r.proposed) == ["son-la-hop-tac-xa-che-ta-xua"]
    assert r.proposed["son-la-hop-tac-xa-che-ta-xua"]["name"] == "Hợp tác xã Chè Tà Xùa"
    assert found.review == []  # the proposal is listed once, on the plan (draft.finish)


def test_a_cell_naming_several_bodies_is_split_where_each_part_is_an_agency(cat):
    r = Resolver(cat, "hung-yen")
    found = r.resolve("Sở Nông nghiệp, Môi trường và Sở Thủy lợi tỉnh Hưng Yên")
    assert found.ids == ["hung-yen-so-nong-nghiep-moi-truong", "hung-yen-so-thuy-loi"]
    r = Resolver(cat, None, ministry={"name": "Bộ Nông nghiệp và Môi trường"})
    found = r.resolve("Cục Lâm nghiệp và Kiểm lâm, Vụ Kế hoạch - Tài chính và Viện Điều tra, Quy hoạch rừng")
    assert found.ids == [
        "central-bnnmt-cuc-lam-nghiep-va-kiem-lam",
        "central-bnnmt-vu-ke-hoach-tai-chinh",
        "central-bnnmt-vien-dieu-tra-quy-hoach-rung",
    ]
    assert all(r.proposed[i]["province"] is None for i in found.ids)


def test_one_agency_name_with_commas_is_not_split(cat):
    r = Resolver(cat, "lao-cai")
    found = r.resolve("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch")
    assert found.ids == ["lao-cai-trung-tam-xuc-tien-dau-tu-thuong-mai-va-du-lich"]


def test_a_bare_name_stays_in_the_documents_province(cat):
    """Nghệ An has no Sở Công Thương in data/ (Sơn La and Hưng Yên do): a Nghệ An plan's bare
    'Sở Công Thương' is proposed as Nghệ An's, never taken from another province."""
    r = Resolver(cat, "nghe-an", partners=["son-la"])
    found = r.resolve("Sở Công Thương")
    assert found.ids == ["nghe-an-so-cong-thuong"]
    assert r.proposed["nghe-an-so-cong-thuong"]["name"] == "Sở Công Thương tỉnh Nghệ An"
    assert r.proposed["nghe-an-so-cong-thuong"]["province"] == "nghe-an"
    assert any("son-la-so-cong-thuong" in msg for msg in found.review)
    assert Resolver(cat, "lao-cai").resolve("Công an tỉnh").ids == ["lao-cai-cong-an"]


def test_a_document_of_unknown_province_matches_a_partner_only_with_a_review_line(cat):
    r = Resolver(cat, None, partners=["son-la"])
    found = r.resolve("Sở Xây dựng")
    assert found.ids == ["son-la-so-xay-dung"] and any("kiểm tra" in m for m in found.review)
    assert Resolver(cat, None).resolve("Sở Xây dựng").ids == ["central-so-xay-dung"]


# --- issue 26: what is no agency, persons, abbreviations, the issuer's own name ----------------


@pytest.mark.parametrize(
    "printed",
    [
        "Theo phân công tại Quyết định số 12/QĐ-UBND",
        "Các cơ quan, đơn vị liên quan",
        "UBND các xã, phường",
        "các sở, ban, ngành",
        "Doanh nghiệp, cộng đồng, tổ chức, cá nhân",
        "chính quyền các cấp",
    ],
)
def test_a_phrase_that_is_no_body_is_kept_as_written(cat, printed):
    r = Resolver(cat, "son-la")
    got = r.resolve(printed)
    assert got.ids == [] and got.collective == [printed] and r.proposed == {}


@pytest.mark.parametrize(
    "printed",
    [
        "Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Giám sát",
        "Chủ tịch UBND xã",
        "Trưởng thôn",
        "Trưởng Ban Chỉ đạo",
    ],
)
def test_a_person_is_never_proposed_as_an_agency(cat, printed):
    r = Resolver(cat, "son-la")
    got = r.resolve(printed)
    assert got.ids == [] and r.proposed == {}


@pytest.mark.parametrize(
    "printed,want",
    [
        ("Sở KH&CN", "son-la-so-khoa-hoc-cong-nghe"),
        ("Công an tỉnh", "son-la-cong-an"),
        ("UBND tỉnh", "son-la-ubnd"),
    ],
)
def test_abbreviations_and_the_own_province_left_implicit(cat, printed, want):
    assert Resolver(cat, "son-la").resolve(printed).ids == [want]


def test_a_body_and_a_group_in_one_cell(cat):
    r = Resolver(cat, "son-la")
    got = r.resolve("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội")
    assert got.collective == ["các tổ chức chính trị - xã hội"] and len(got.ids) == 1
    assert r.proposed.get(
        got.ids[0], {"name": cat.agencies.get(got.ids[0]) and cat.agencies[got.ids[0]].name}
    )["name"].startswith("Ủy ban Mặt trận Tổ quốc Việt Nam")


def test_one_new_body_printed_two_ways_is_one_proposal(cat):
    r = Resolver(cat, "son-la")
    first = r.resolve("Trung tâm Hỗ trợ khởi nghiệp, đổi mới sáng tạo").ids
    second = r.resolve("Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo").ids
    assert first == second and len(r.proposed) == 1
    assert "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo" in r.proposed[first[0]]["aliases"]


def test_the_issuing_front_named_without_its_commune(cat):
    issuer = {
        "id": "son-la-ban-thuong-truc-mttq-xa-muong-bu",
        "name": "Ban Thường trực Ủy ban MTTQ Việt Nam xã Mường Bú",
        "aliases": [],
    }
    r = Resolver(cat, "son-la", issuer=issuer)
    assert r.resolve("Ban Thường trực Ủy ban MTTQ Việt Nam xã").ids == [issuer["id"]]
    assert issuer["aliases"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"] and r.proposed == {}
