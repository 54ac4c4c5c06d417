"""What a query means (generator/publish/search/meaning.py): the reviewed vocabulary, abbreviations made
from names, optional words, quarters as numbers. tim-kiem.js's `understand` is held equal to
this one by tests/site/test_finding.py; its ranking is tested on small indexes in
tests/site/test_search_ranking.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish.search import meaning
from generator.publish.search.index import Index
from generator.publish.search.extract import PageText

Y = {
    "o": ["là", "gì", "với", "có"],
    "g": [["doanh nghiệp", "công ty", "nhà đầu tư"], ["du lịch", "tham quan"]],
    "a": {
        "skhcn": ["Sở Khoa học và Công nghệ"],
        "nnmt": ["Nông nghiệp và Môi trường"],
        "tphcm": ["Thành phố Hồ Chí Minh"],
        "ubnd": ["Ủy ban nhân dân"],
    },
}


def slots(query, y=Y):
    return [(s["kind"], s["alts"], s["optional"]) for s in meaning.understand(query, y)]


def test_question_and_function_words_are_optional_unless_every_word_is_one():
    assert slots("hop tac voi nghe an la gi") == [
        ("word", [["hop"]], False),
        ("word", [["tac"]], False),
        ("word", [["voi"]], True),
        ("word", [["nghe"]], False),
        ("word", [["an"]], False),
        ("word", [["la"]], True),
        ("word", [["gi"]], True),
    ]
    assert slots("là gì") == [("word", [["la"]], False), ("word", [["gi"]], False)]
    # typed with other accents it is another word: "cơ" is not "có"
    assert slots("cơ quan") == [("word", [["co"]], False), ("word", [["quan"]], False)]
    assert slots("có quan") == [("word", [["co"]], True), ("word", [["quan"]], False)]


def test_words_that_mean_the_same_are_one_slot_of_alternatives():
    assert slots("cong ty dau tu") == [
        ("same", [["cong", "ty"], ["doanh", "nghiep"], ["nha", "dau", "tu"]], False),
        ("word", [["dau"]], False),
        ("word", [["tu"]], False),
    ]
    got = meaning.understand("Du Lịch Sơn La", Y)[0]
    assert got["typed"] == ["du", "lịch"] and got["shows"] == ["du lịch", "tham quan"]


@pytest.mark.parametrize("query", ["skhcn", "SKHCN", "s.kh.cn", "s kh cn"])
def test_an_abbreviation_with_or_without_dots_and_spaces(query):
    assert slots(query) == [("short", [["skhcn"], ["so", "khoa", "hoc", "va", "cong", "nghe"]], False)]


@pytest.mark.parametrize("query", ["so nn&mt", "sở NN & MT", "so nnmt"])
def test_an_ampersand_form(query):
    assert slots(query)[1] == ("short", [["nnmt"], ["nong", "nghiep", "va", "moi", "truong"]], False)


def test_a_city_written_short():
    for query in ["tp.hcm", "TP HCM", "tphcm"]:
        assert slots(query) == [("short", [["tphcm"], ["thanh", "pho", "ho", "chi", "minh"]], False)], query
    # words that are not parts of an abbreviation stay words
    assert [k for k, _, _ in slots("son la")] == ["word", "word"]


@pytest.mark.parametrize("query", ["quy 3 2026", "quý III/2026", "Q3/2026", "q3 2026"])
def test_a_quarter_as_a_number_or_roman(query):
    got = slots(query)
    assert got[0] == ("word", [["quy"]], False) and got[2] == ("word", [["2026"]], False)
    assert sorted(got[1][1]) == [["3"], ["iii"]]


def test_a_number_not_after_quy_is_a_word():
    assert slots("3 nhiem vu") == [
        ("word", [["3"]], False),
        ("word", [["nhiem"]], False),
        ("word", [["vu"]], False),
    ]


def test_abbreviations_are_made_from_the_names_of_agencies_and_places():
    made = meaning.short_names(
        [
            "Sở Khoa học và Công nghệ tỉnh Sơn La",
            "Sở Nông nghiệp và Môi trường tỉnh Sơn La",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            "Sở Y tế tỉnh Sơn La",
            "Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa",
        ],
        ["Tỉnh Sơn La", "Thành phố Hồ Chí Minh", "Tỉnh Thanh Hóa", "Tỉnh Thừa Thiên Huế"],
    )
    assert made["skhcn"] == ["Sở Khoa học và Công nghệ"] and made["khcn"] == ["Khoa học và Công nghệ"]
    assert made["snnmt"] == ["Sở Nông nghiệp và Môi trường"] and made["nnmt"] == ["Nông nghiệp và Môi trường"]
    assert made["ubnd"] == ["Ủy ban nhân dân"]
    assert made["syt"] == ["Sở Y tế"] and "yt" not in made  # two letters: too many words
    assert made["hcm"] == ["Hồ Chí Minh"] and made["tphcm"] == ["Thành phố Hồ Chí Minh"]
    assert made["tth"] == ["Thừa Thiên Huế"]
    assert made["dhvhttdl"] == ["Đại học Văn hóa Thể thao và Du lịch"]  # the place left out
    local = meaning.short_names(
        ["Ủy ban nhân dân phường Mai Sơn, tỉnh Sơn La", "Huyện Mai Sơn, tỉnh Sơn La"], ["Tỉnh Sơn La"]
    )
    assert local == {"ubnd": ["Ủy ban nhân dân"], "bnd": ["ban nhân dân"]}  # a place is not abbreviated


def test_the_shipped_vocabulary_loads_and_goes_into_the_meta():
    vocabulary, problems = meaning.load()
    assert problems == []
    assert "là" in vocabulary.optional and vocabulary.short["ubnd"] == ("Ủy ban nhân dân",)
    assert any("doanh nghiệp" in g and "công ty" in g for g in vocabulary.groups)
    index = Index(["co-quan/a-so-y-te/index.html", "tinh-thanh/a/index.html"])
    index.add("co-quan/a-so-y-te/index.html", PageText("Sở Y tế tỉnh An Bình", ["Sở Y tế tỉnh An Bình"]))
    index.add("tinh-thanh/a/index.html", PageText("Tỉnh An Bình", ["Tỉnh An Bình"]))
    import json

    meta = json.loads(dict(index.files())["chi-muc/meta.json"])
    assert meta["y"]["a"]["syt"] == ["Sở Y tế"] and meta["y"]["a"]["ubnd"] == ["Ủy ban nhân dân"]
    assert meta["y"]["o"] == list(vocabulary.optional)


@pytest.mark.parametrize(
    "text,message,line",
    [
        ("khong-bat-buoc: [là, hai từ]\n", "khong-bat-buoc phải là danh sách từ đơn", 1),
        ("dong-nghia:\n  - [một]\n", "mỗi nhóm đồng nghĩa là danh sách từ hai cách nói trở lên", 2),
        ("dong-nghia:\n  - [a, b]\n  - [b, c]\n", "“b” đã có trong một nhóm khác", 3),
        ("viet-tat:\n  ABC: 5\n", "chữ viết tắt “ABC”: cần chữ và cụm từ đầy đủ", 2),
        ("tu-lung-tung: []\n", "khóa lạ “tu-lung-tung”", 1),
        ("dong-nghia: [\n", "", 0),
    ],
)
def test_a_bad_vocabulary_file_is_reported_with_its_line(tmp_path: Path, text, message, line):
    path = tmp_path / "tu-dien.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = meaning.load(path, tmp_path)
    assert problems, text
    if message:
        assert problems[0].message == message and problems[0].location.line == line
        assert problems[0].location.path == "tu-dien.yml"


def test_a_bad_vocabulary_stops_the_index_with_the_message(tmp_path: Path, monkeypatch):
    path = tmp_path / "tu-dien.yml"
    path.write_text("dong-nghia:\n  - [một]\n", encoding="utf-8")
    monkeypatch.setattr(meaning, "VOCABULARY", path)
    monkeypatch.setattr(meaning.load, "__defaults__", (path, None))
    with pytest.raises(ValueError, match="tu-dien.yml:2"):
        Index(["index.html"])


def test_the_keys_of_a_query_s_slots():
    keys = meaning.slot_keys(meaning.understand("Cơ quan skhcn", Y))
    assert keys[:3] == ["co", "co!", "co=cơ"]
    assert "so~khoa" in keys and "cong~nghe!" in keys and "skhcn" in keys and "skhcn!" in keys
    assert "hoc~va" not in keys and "va~cong" not in keys  # a linking word's pairs
    assert "quan~skhcn" in keys and "quan~skhcn!" in keys  # across slots, as typed
    assert "skhcn*" not in keys  # beginnings: a word slot only
    assert meaning.slot_keys(meaning.understand("du li", Y))[-2:] == ["li*", "li*!"]


def test_an_optional_word_costs_only_the_pairs_that_may_make_it_part_of_a_name():
    keys = meaning.slot_keys(meaning.understand("nghe an la gi", Y))
    assert "an~la!" in keys
    assert not {"la", "la!", "gi", "gi!", "an~la", "la~gi", "la~gi!"} & set(keys)
