"""The portal's search index (generator/publish/search/): what of a page is indexed, its keys, and the
files a query reads. The browser tests (tests/site/test_finding.py) search the real site."""

from __future__ import annotations

import io
import json

import pytest

from generator.publish.search.extract import PageText, page_text
from generator.publish.search.index import Index, kind_of, page_order, read_shard
from generator.publish.search.process import build
from generator.publish.search.words import Keys, one_spelling, words

PAGE = """<header>Trang chủ</header><article>
<div data-tim-body data-tim-filter="loai:Nhiệm vụ">
<nav data-tim-ignore><ol><li>Đường dẫn</li><li>Kế hoạch</li></ol></nav>
<h1>Hội chợ <em>OCOP</em> Sơn La</h1>
<div class="an" data-tim-meta="ke_hoach[data-v]" data-v="Kế hoạch &amp; số 5"></div>
<dl data-tim-ignore="all"><dt>Chủ trì</dt><dd><div>Sở Công Thương</div><div>x</div></dd></dl>
<p>Tổ chức hội chợ cá cảnh<br>tại Thanh Hoá.</p><svg><text>nhãn bản đồ</text></svg>
<ul><li>Mục một<li>Mục hai</ul><script>var bo = "qua";</script>
</div><p>ngoài vùng tìm</p></article>"""


def test_page_text_keeps_the_indexed_part_only():
    text = page_text(PAGE)
    assert text.title == "Hội chợ OCOP Sơn La"
    assert text.meta == {"loai": "Nhiệm vụ", "ke_hoach": "Kế hoạch & số 5"}
    assert text.blocks == [
        "Hội chợ OCOP Sơn La",
        "Tổ chức hội chợ cá cảnh",
        "tại Thanh Hoá.",
        "Mục một",
        "Mục hai",
    ]
    assert page_text("<p>không có vùng tìm</p>") is None


def test_one_spelling_and_words():
    assert one_spelling("hoá") == one_spelling("hóa") == "hóa"
    assert one_spelling("thuỷ") == "thủy"
    assert one_spelling("quý") == "quý" and one_spelling("hoàn") == "hoàn"
    assert words("So\u031bn La, 4778/KH-UBND") == ["sơn", "la", "4778", "kh", "ubnd"]


def test_keys_of_a_page():
    keys = Keys().of_page("Tỉnh Thanh Hoá", ["Tỉnh Thanh Hoá", "Điện Biên; Sơn La"])
    assert {"tinh", "thanh", "hoa", "dien", "bien"} <= keys  # folded, đ -> d
    assert {"hoa=hóa", "dien=điện", "tinh=tỉnh", "la=la"} <= keys  # exact, one spelling
    assert {"thanh~hoa", "dien~bien", "son~la"} <= keys  # phrases
    assert "hoa~dien" not in keys  # not across blocks
    assert {"tinh!", "thanh~hoa!"} <= keys and "son~la!" not in keys  # the page's name


def test_pages_are_numbered_by_kind_then_address():
    urls = [
        "tim-kiem/index.html",
        "ke-hoach/a/index.html",
        "ke-hoach/a/1/index.html",
        "co-quan/x/index.html",
        "tinh-thanh/son-la/index.html",
        "hop-tac/a-b/index.html",
        "van-ban/a/index.html",
        "index.html",
    ]
    assert page_order(urls) == [
        "tinh-thanh/son-la/index.html",
        "hop-tac/a-b/index.html",
        "co-quan/x/index.html",
        "ke-hoach/a/1/index.html",
        "ke-hoach/a/index.html",
        "van-ban/a/index.html",
        "index.html",
        "tim-kiem/index.html",
    ]
    assert kind_of("ke-hoach/a/1/index.html")[1] == "Nhiệm vụ"
    # listing pages before help pages (the home page, the guides, the search page)
    assert page_order(
        ["gioi-thieu.html", "lich/2026-q3/index.html", "tim-kiem/index.html", "du-lieu-mo/index.html"]
    ) == ["lich/2026-q3/index.html", "du-lieu-mo/index.html", "gioi-thieu.html", "tim-kiem/index.html"]
    assert kind_of("lich/2026-q3/index.html")[0] == 6 and kind_of("gioi-thieu.html")[0] == 7
    assert kind_of("huong-dan-dong-gop.html")[1] == "Trang"


def _index(pages: dict[str, str], total_urls: list[str] | None = None) -> tuple[dict, dict]:
    """Build an index through the child's own reading code; (files by path, key -> pages)."""
    frames = [json.dumps(total_urls or list(pages), ensure_ascii=False)]
    frames += [url + "\0" + html for url, html in pages.items()]
    stream = io.BytesIO(b"".join(len(f.encode()).to_bytes(4, "little") + f.encode() for f in frames))
    files = dict(build(stream).files())
    meta = json.loads(files["chi-muc/meta.json"])
    keys: dict[str, list[int]] = {}
    for i, first in enumerate(meta["s"]):
        shard = read_shard(files[f"chi-muc/k/{i}.bin"], meta["n"], meta["w"])
        assert min(shard) == first
        keys.update(shard)
    return files, keys


def _page(title: str, body: str) -> str:
    return f"<div data-tim-body><h1>{title}</h1><p>{body}</p></div>"


def test_index_files_answer_every_key():
    pages = {
        "ke-hoach/a/1/index.html": _page("Cá cảnh", "nuôi cá cảnh và cây cảnh"),
        "ke-hoach/a/2/index.html": _page("Cây ăn quả", "các loại cây"),
        "tinh-thanh/son-la/index.html": _page("Tỉnh Sơn La", "cá"),
    }
    files, keys = _index(pages)
    meta = json.loads(files["chi-muc/meta.json"])
    assert meta["n"] == 3 and meta["w"] == 2
    assert keys["ca"] == [0, 1]  # the province is page 0, the tasks 1 and 2
    assert keys["ca*"] == [0, 1, 2]  # "các" begins with "ca"
    assert keys["cay"] == [1, 2] and "cay*" not in keys  # nothing longer begins with "cay"
    assert keys["c*"] == [0, 1, 2]
    assert keys["ca~canh"] == [1] and keys["ca~canh!"] == [1]
    assert keys["son~la!"] == [0] and keys["ca=cá"] == [0, 1]
    assert keys["cac=các"] == [2]
    shown = json.loads(files["chi-muc/t/1.json"])
    assert shown["url"] == "ke-hoach/a/1/index.html" and shown["title"] == "Cá cảnh"
    assert shown["text"] == "nuôi cá cảnh và cây cảnh"  # the h1 is its title
    assert list(sorted(k for k in files if k.startswith("chi-muc/t/"))) == [
        "chi-muc/t/0.json",
        "chi-muc/t/1.json",
        "chi-muc/t/2.json",
    ]


def test_large_sets_are_bitmaps_and_shards_stay_small():
    urls = [f"ke-hoach/p/{i}/index.html" for i in range(600)]
    pages = {u: _page(f"Nhiệm vụ {i}", f"tỉnh {'chẵn' if i % 2 else 'lẻ'} số{i}") for i, u in enumerate(urls)}
    files, keys = _index(pages)
    number = {url: n for n, url in enumerate(page_order(urls))}
    assert keys["tinh"] == list(range(600))
    assert keys["chan"] == sorted(number[u] for i, u in enumerate(urls) if i % 2)
    assert keys["so599"] == [number[urls[599]]]
    shards = [v for k, v in files.items() if k.startswith("chi-muc/k/")]
    assert len(shards) > 1
    assert max(map(len, shards)) <= 4 * 1024
    # the bitmap form (byte 0 of the entry's form) is used for the dense key
    raw = files[
        "chi-muc/k/"
        + str(next(i for i, f in enumerate(json.loads(files["chi-muc/meta.json"])["s"]) if f > "tinh") - 1)
        + ".bin"
    ]
    at = raw.index(b"\x04tinh") + 5
    assert raw[at] == 1


def test_same_pages_same_bytes_whatever_the_order():
    pages = {f"co-quan/a{i}/index.html": _page(f"Sở {i}", "Sở Công Thương tỉnh Sơn La") for i in range(30)}
    one, _ = _index(pages)
    other, _ = _index(dict(reversed(list(pages.items()))), total_urls=list(pages))
    assert one == other


def test_a_page_added_twice_or_unknown_is_indexed_once():
    index = Index(["a/index.html"])
    text = page_text(_page("A", "b"))
    index.add("a/index.html", text)
    index.add("a/index.html", text)
    index.add("khong-co/index.html", text)
    assert index.postings["a"] == [0]


@pytest.mark.parametrize("query,expected", [("Thanh Hoá", ["thanh", "hoa"])])
def test_query_words_fold_like_the_index(query, expected):
    k = Keys()
    assert [k.fold(w) for w in words(query)] == expected


def test_the_index_process_writes_what_the_library_makes(tmp_path):
    """The process a MkDocs build starts (SearchIndexer) gives the files of Index.files()."""
    from generator.publish.search.process import SearchIndexer

    pages = {
        "ke-hoach/a/1/index.html": "<article>" + _page("Cá cảnh", "nuôi cá cảnh") + "</article>",
        "tim-kiem/index.html": "<article><p>không có vùng tìm</p></article>",
    }
    site = tmp_path / "site"
    child = SearchIndexer(site, list(pages))
    for url, html in pages.items():
        child.add(url, html)
    expected, _ = _index({"ke-hoach/a/1/index.html": _page("Cá cảnh", "nuôi cá cảnh")}, list(pages))
    assert child.finish(site) == len(expected)
    written = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert written == expected
    assert not child.staging.exists()


def test_a_failing_index_process_is_reported(tmp_path):
    from generator.publish.child import ChildError
    from generator.publish.search.process import SearchIndexer

    child = SearchIndexer(tmp_path / "site", ["a/index.html"])
    child.process.stdin.write(b"\xff\xff\xff\x00" + b"\xff" * 10)  # a broken frame
    with pytest.raises(ChildError, match=r"^FrameError: dữ liệu vào bị cắt \(10 trên 16777215 byte\)$"):
        child.finish(tmp_path / "site")
    assert not child.staging.exists()


# --- Forgiving search (issue 20): typos, unfinished words, named pages ------------------------

from generator.publish.search.words import corrections, distance  # noqa: E402


@pytest.mark.parametrize(
    "a,b,d",
    [
        ("lich", "lich", 0),
        ("lihc", "lich", 1),  # two neighbours swapped: one edit
        ("tuu", "tu", 1),
        ("yem", "yen", 1),  # a letter too many, a letter wrong
        ("dau", "daou", 1),
        ("caoo", "cao", 1),
        ("thuongg", "thuong", 1),
        ("thuog", "thuong", 1),
        ("tien", "tein", 1),
        ("nghiep", "ngheip", 1),
        ("thuong", "thuogn", 1),
        ("thuong", "htuogn", 2),  # two swaps
        ("nghiep", "nhgeip", 2),
        ("abc", "xyz", 3),
    ],
)
def test_edit_distance_counts_substitutions_insertions_deletions_and_swaps(a, b, d):
    assert distance(a, b) == d == distance(b, a)
    assert distance(a, b, limit=1) == min(d, 2)  # beyond the limit: limit + 1


VOCAB = [
    "tinh",
    "lich",
    "du",
    "tu",
    "tuy",
    "thu",
    "yen",
    "hung",
    "nghiep",
    "nghe",
    "tien",
    "xuc",
    "dau",
    "cao",
    "cap",
    "can",
    "huong",
]  # the most pages first


def test_corrections_are_one_edit_away_most_frequent_first():
    assert corrections("lihc", VOCAB) == ["lich"]
    assert corrections("tieen", VOCAB) == ["tien"]
    assert corrections("caoo", VOCAB) == ["cao"]
    assert corrections("caop", VOCAB) == ["cao", "cap"]  # both one edit: VOCAB's order
    assert corrections("tuu", VOCAB) == ["tu", "tuy", "thu"]  # three letters: for phrases only
    assert corrections("cao", VOCAB) == ["cap", "can"]  # never the word itself
    assert corrections("du", VOCAB) == [] and corrections("xx", VOCAB) == []  # too short
    assert corrections("2024", VOCAB) == []  # numbers are not corrected


def test_two_edits_only_for_five_letters_and_when_one_finds_nothing():
    assert corrections("ngheip", VOCAB) == ["nghiep"]  # one swap
    assert corrections("nhgeip", VOCAB) == ["nghiep"]  # two edits, six letters
    assert corrections("hnug", VOCAB) == ["hung"]
    assert corrections("hnugg", VOCAB) == ["hung"]  # five letters: two edits
    assert corrections("hgnu", VOCAB) == []  # four letters: one edit only
    assert corrections("huogn", VOCAB) == ["huong"]  # one edit found: no two-edit ones
    assert "hung" not in corrections("huogn", VOCAB)


def test_every_word_of_the_h1_names_the_page():
    title = "Hợp tác giữa Thành phố Hồ Chí Minh và các tỉnh phía Bắc – Nghệ An"
    keys = Keys().of_page(title, [title, "nội dung"])
    assert {"nghe!", "an!", "nghe~an!", "hop~tac!"} <= keys  # past the first eight words too
    assert "noi!" not in keys
    plan = Keys().of_page("Phân công nhiệm vụ Sơn La – Hưng Yên", [], "Kế hoạch")
    assert {"ke!", "hoach!", "ke~hoach!", "son~la!"} <= plan  # its kind names it too
    assert "hoach~phan!" not in plan and "ke" not in plan  # not a word of its text


def test_index_has_title_prefixes_and_a_vocabulary():
    pages = {
        "ke-hoach/a/1/index.html": _page("Xúc tiến đầu tư", "du lịch và xúc tiến"),
        "ke-hoach/a/2/index.html": _page("Du lịch", "xúc tiến thương mại, tiêu dùng"),
        "tinh-thanh/son-la/index.html": _page("Tỉnh Sơn La", "tiến"),
    }
    files, keys = _index(pages)
    assert json.loads(files["chi-muc/meta.json"])["k"] == [0, 1, 1, 1, 3, 3, 3, 3]  # kinds begin
    assert keys["tie*!"] == [1] and keys["tie*"] == [0, 1, 2]  # "tiến" in one h1, "tiêu" in a body
    assert keys["tien!"] == [1] and "tien*!" not in keys  # nothing longer begins "tien"
    vocab = files["chi-muc/tu.txt"].decode().split("\n")
    assert vocab[:4] == ["tien", "du", "lich", "xuc"]  # most pages first, then a-z
    assert sorted(vocab) == sorted(
        {"xuc", "tien", "dau", "tu", "du", "lich", "va", "thuong", "mai", "tieu", "dung", "tinh", "son", "la"}
    )


def test_a_page_of_a_plan_holds_the_plan_s_number():
    pages = {
        "ke-hoach/a/1/index.html": PageText("Cá cảnh", ["Cá cảnh"], {"ke_hoach": "Kế hoạch số 4778/KH-UBND"}),
        "ke-hoach/b/1/index.html": PageText("Cá cảnh", ["Cá cảnh"], {"ke_hoach": "Phân công 2022-2025"}),
    }
    index = Index(list(pages))
    for url, page in pages.items():
        index.add(url, page)
    assert index.postings["4778"] == [0]  # a number after "số"
    assert "2022" not in index.postings and "4778!" not in index.postings
