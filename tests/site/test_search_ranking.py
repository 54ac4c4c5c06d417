"""The search page's ranking (content/assets/tim-kiem.js) on small hand-made indexes: each test
writes a few pages through generator/publish/search/ (the build's own index code), serves them with the
real tim-kiem.js in headless Chromium, and checks the order of the results."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from generator.publish.search.extract import page_text
from generator.publish.search.index import Index
from tests.site.searchprobe import probe

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEARCH_PAGE = """<!doctype html><meta charset="utf-8"><title>Tìm</title>
<form class="tim-nhanh" action="index.html"><input name="q"></form>
<script type="module" src="../assets/tim-kiem.js"></script>"""
KIND = {"tinh-thanh": "Tỉnh, thành phố", "hop-tac": "Quan hệ hợp tác", "co-quan": "Cơ quan",
        "ke-hoach": "Kế hoạch", "van-ban": "Văn bản"}


def _html(url: str, title: str, body: str) -> str:
    parts = url.split("/")
    kind = "Nhiệm vụ" if len(parts) == 4 and parts[0] == "ke-hoach" else KIND.get(parts[0], "Trang")
    return f'<div data-tim-body data-tim-filter="loai:{kind}"><h1>{title}</h1><p>{body}</p></div>'


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def rank(browser, tmp_path):
    """rank(pages, query) -> result addresses in order; pages: {url: (h1, text)}."""
    servers, contexts = [], []

    def run(pages: dict[str, tuple[str, str]], query: str, what: str = "ranked"):
        site = tmp_path / f"site{len(servers)}"
        index = Index(list(pages))
        for url, (title, body) in pages.items():
            index.add(url, page_text(_html(url, title, body)))
        for path, data in index.files():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(data)
        (site / "assets").mkdir()
        shutil.copy(ROOT / "content/assets/tim-kiem.js", site / "assets/tim-kiem.js")
        (site / "tim-kiem").mkdir()
        (site / "tim-kiem/index.html").write_text(SEARCH_PAGE, encoding="utf-8")
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/tim-kiem/index.html")
        out = probe(page, what, query)
        return [u.lstrip("/") for u in out] if what == "ranked" else out

    yield run
    for c in contexts:
        c.close()
    for s in servers:
        s.shutdown()


def test_words_in_the_h1_come_before_words_in_the_text_all_of_the_h1(rank):
    long_title = "Tổ chức hội nghị hợp tác giữa các tỉnh phía Bắc và Bắc Trung Bộ với tỉnh Nghệ An"
    pages = {"ke-hoach/a/1/index.html": ("Hội nghị đầu tư", "các tỉnh và Nghệ An cùng dự"),
             "ke-hoach/a/2/index.html": (long_title, "nội dung khác")}
    assert rank(pages, "nghe an") == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html"]


def test_a_page_the_query_names_comes_first_then_its_kind(rank):
    pages = {"co-quan/son-la-sct/index.html": ("Sở Công Thương tỉnh Sơn La", "Cơ quan của tỉnh"),
             "co-quan/hung-yen-sct/index.html": ("Sở Công Thương tỉnh Hưng Yên", "phối hợp với Sơn La"),
             "ke-hoach/a/1/index.html": ("Hội chợ", "Sở Công Thương tỉnh Sơn La chủ trì"),
             "ke-hoach/son-la-a/index.html": ("Phân công nhiệm vụ Sơn La – Hưng Yên", "các nhiệm vụ"),
             "tinh-thanh/son-la/index.html": ("Tỉnh Sơn La", "Sở Công Thương")}
    assert rank(pages, "so cong thuong son la")[0] == "co-quan/son-la-sct/index.html"
    # the kind names a page too: "kế hoạch" + the provinces is the plan, not a province
    assert rank(pages, "ke hoach son la hung yen")[0] == "ke-hoach/son-la-a/index.html"
    # named several times: the province, then the plan, then the agency
    assert rank(pages, "son la")[:3] == ["tinh-thanh/son-la/index.html", "ke-hoach/son-la-a/index.html",
                                         "co-quan/son-la-sct/index.html"]


def test_all_words_before_most_then_phrase_before_words_apart(rank):
    pages = {"ke-hoach/a/1/index.html": ("Nhiệm vụ một", "cảnh cá nước ngọt"),
             "ke-hoach/a/2/index.html": ("Nhiệm vụ hai", "cá cảnh nước ngọt"),
             "ke-hoach/a/3/index.html": ("Nhiệm vụ ba", "cá cảnh nước mặn"),
             "ke-hoach/a/4/index.html": ("Nhiệm vụ bốn", "khác")}
    assert rank(pages, "ca canh nuoc ngot") == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html",
                                                "ke-hoach/a/3/index.html"]   # 3: three words of four
    missing = rank(pages, "ca canh nuoc ngot", "explain")
    assert [score.split(",")[1] for _, score in missing] == ["4", "4", "3"]


def test_accents_as_typed_before_folded_and_whole_words_before_beginnings(rank):
    pages = {"ke-hoach/a/1/index.html": ("Một", "trung tâm thành phố"),
             "ke-hoach/a/2/index.html": ("Hai", "tầm nhìn thành phố"),
             "ke-hoach/a/3/index.html": ("Ba", "tâm huyết")}
    assert rank(pages, "tầm") == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html",
                                  "ke-hoach/a/3/index.html"]
    pages = {"ke-hoach/a/1/index.html": ("Một", "cây cảnh"), "ke-hoach/a/2/index.html": ("Hai", "cá")}
    assert rank(pages, "ca") == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html"]


def test_an_unfinished_last_word_in_a_title_before_one_in_the_text(rank):
    pages = {"ke-hoach/a/1/index.html": ("Hợp tác", "xúc tiến thương mại"),
             "ke-hoach/a/2/index.html": ("Xúc tiến đầu tư", "hợp tác"),
             "ke-hoach/a/0/index.html": ("Xúc", "tiêu dùng")}          # numbered first
    assert rank(pages, "xuc tie")[:2] == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html"]


def test_a_word_on_some_page_is_never_corrected_a_word_on_none_only_into_a_match(rank):
    pages = {"ke-hoach/a/1/index.html": ("Một", "du lịch cộng đồng"),
             "ke-hoach/a/2/index.html": ("Hai", "lihc"),
             "ke-hoach/a/3/index.html": ("Ba", "khác")}
    # "lihc" is on a page: it is a word of the pages, never corrected, though no page has both
    assert rank(pages, "du lihc", "results")["suggestion"] == ""
    assert rank(pages, "lihc") == ["ke-hoach/a/2/index.html"]
    assert rank(pages, "lich", "results")["suggestion"] == ""
    # "lichh" is on no page: corrected to the near word that makes the query match
    found = rank(pages, "du lichh", "results")
    assert found["suggestion"] == "du lich" and found["urls"] == ["/ke-hoach/a/1/index.html"]
    # "khacc" is on no page and its near word "khac" matches nothing with "du": left, and said
    found = rank(pages, "du khacc", "results")
    assert found["suggestion"] == "" and found["unknown"] == ["khacc"]
    assert found["urls"] == ["/ke-hoach/a/1/index.html"]
    # a page with the words as typed comes before one that has only most of them
    pages["ke-hoach/a/3/index.html"] = ("Ba", "du lihc cộng")
    assert rank(pages, "du lihc cong") == ["ke-hoach/a/3/index.html", "ke-hoach/a/1/index.html"]
    assert rank(pages, "du lihc cong", "results")["suggestion"] == ""


def test_optional_words_are_never_required_and_weigh_less(rank):
    pages = {"tinh-thanh/nghe-an/index.html": ("Tỉnh Nghệ An", "hợp tác với các tỉnh"),
             "tinh-thanh/son-la/index.html": ("Tỉnh Sơn La", "hợp tác"),
             "hop-tac/a-nghe-an/index.html": ("Hợp tác A – Nghệ An", "các nhiệm vụ"),
             "ke-hoach/a/1/index.html": ("Hội nghị", "hợp tác là gì với Nghệ An, những việc gì")}
    urls = rank(pages, "hop tac voi nghe an la gi")
    # the question words are on one page only: the others are results too, the named first
    assert urls[:2] == ["hop-tac/a-nghe-an/index.html", "tinh-thanh/nghe-an/index.html"]
    assert "ke-hoach/a/1/index.html" in urls
    # "la" beside "son" spells a province's name: then it is required
    assert rank(pages, "son la")[0] == "tinh-thanh/son-la/index.html"
    assert "ke-hoach/a/1/index.html" not in rank(pages, "son la")
    said = rank(pages, "hop tac voi nghe an la gi", "results")["meaning"]
    assert said.endswith("không bắt buộc: voi, la, gi")


def test_abbreviations_made_from_names_and_reviewed(rank):
    pages = {"co-quan/b-so-khcn/index.html": ("Sở Khoa học và Công nghệ tỉnh Bê", "cơ quan"),
             "co-quan/b-so-nnmt/index.html": ("Sở Nông nghiệp và Môi trường tỉnh Bê", "cơ quan"),
             "tinh-thanh/b/index.html": ("Tỉnh Bê", "tỉnh"),
             "ke-hoach/a/1/index.html": ("Một", "Ủy ban nhân dân tỉnh Bê giao"),
             "ke-hoach/a/2/index.html": ("Hai", "khoa học")}
    assert rank(pages, "skhcn") == ["co-quan/b-so-khcn/index.html"]
    assert rank(pages, "SKHCN")[0] == "co-quan/b-so-khcn/index.html"
    for query in ["so nn&mt", "sở NN & MT", "nnmt be"]:
        assert rank(pages, query)[0] == "co-quan/b-so-nnmt/index.html", query
    assert rank(pages, "ubnd tinh be")[0] == "ke-hoach/a/1/index.html"           # the reviewed list
    assert rank(pages, "skhcn", "results")["meaning"] == "skhcn (Sở Khoa học và Công nghệ)"


def test_words_that_mean_the_same_and_quarters_as_numbers(rank):
    pages = {"ke-hoach/a/1/index.html": ("Một", "hỗ trợ doanh nghiệp đầu tư"),
             "ke-hoach/a/2/index.html": ("Hai", "nhà đầu tư và công ty"),
             "ke-hoach/a/3/index.html": ("Ba", "doanh thu"),
             "lich/2026-q3/index.html": ("Nhiệm vụ trong Quý III/2026", "các nhiệm vụ"),
             "ke-hoach/a/4/index.html": ("Bốn", "thực hiện trong Quý III/2026 và Quý II/2027")}
    assert set(rank(pages, "cong ty")) == {"ke-hoach/a/1/index.html", "ke-hoach/a/2/index.html"}
    said = rank(pages, "cong ty", "results")["meaning"]
    assert said == "cong ty (doanh nghiệp, nhà đầu tư)"
    # a word of the page's kind counts as the page's: no task's text says "nhiệm vụ"
    assert rank(pages, "nhiem vu doanh thu")[0] == "ke-hoach/a/3/index.html"
    for query in ["quy 3 2026", "quý III 2026", "Q3/2026"]:
        assert rank(pages, query) == ["lich/2026-q3/index.html", "ke-hoach/a/4/index.html"], query


def test_a_phrase_beats_scattered_h1_words_and_content_comes_before_help(rank):
    pages = {"ke-hoach/a/1/index.html": ("Quản lý đất đai và thanh tra", "nội dung"),
             "ke-hoach/a/2/index.html": ("Nhân rộng mô hình", "áp dụng đại trà"),
             "gioi-thieu.html": ("Giới thiệu", "cá cảnh nước ngọt"),
             "ke-hoach/a/3/index.html": ("Ba", "nước ngọt, cá cảnh")}
    assert rank(pages, "dai tra")[0] == "ke-hoach/a/2/index.html"
    # the help page spells the phrase, the task only its words: the task still comes first
    assert rank(pages, "ca canh nuoc ngot") == ["ke-hoach/a/3/index.html", "gioi-thieu.html"]
    assert rank(pages, "gioi thieu")[0] == "gioi-thieu.html"
