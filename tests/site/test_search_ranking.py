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

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEARCH_PAGE = """<!doctype html><meta charset="utf-8"><title>Tìm</title>
<form class="tim-nhanh" action="index.html"><input name="q"></form>
<script src="../assets/tim-kiem.js"></script>"""
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

    def run(pages: dict[str, tuple[str, str]], query: str, what: str = "portalSearchRanked"):
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
        page.wait_for_function("window.portalSearchRanked")
        out = page.evaluate(f"q => window.{what}(q)", query)
        return [u.lstrip("/") for u in out] if what == "portalSearchRanked" else out

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
    pages = {"ke-hoach/a/1/index.html": ("Nhiệm vụ một", "lịch du khách cộng đồng"),
             "ke-hoach/a/2/index.html": ("Nhiệm vụ hai", "du lịch cộng đồng"),
             "ke-hoach/a/3/index.html": ("Nhiệm vụ ba", "du lịch cộng tác"),
             "ke-hoach/a/4/index.html": ("Nhiệm vụ bốn", "khác")}
    assert rank(pages, "du lich cong dong") == ["ke-hoach/a/2/index.html", "ke-hoach/a/1/index.html",
                                                "ke-hoach/a/3/index.html"]   # 3: three words of four
    missing = rank(pages, "du lich cong dong", "portalSearchExplain")
    assert [score.split(",")[0] for _, score in missing] == ["4", "4", "3"]


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


def test_a_typo_is_corrected_only_when_the_word_as_typed_finds_too_little(rank):
    pages = {"ke-hoach/a/1/index.html": ("Một", "du lịch cộng đồng"),
             "ke-hoach/a/2/index.html": ("Hai", "lihc"),
             "ke-hoach/a/3/index.html": ("Ba", "khác")}
    # "lihc" is on a page, but no page has "du" and "lihc": the rarer word is corrected
    assert rank(pages, "du lihc") == ["ke-hoach/a/1/index.html"]
    assert rank(pages, "du lihc", "portalSearchSuggestion") == "du lich"
    assert rank(pages, "lihc") == ["ke-hoach/a/2/index.html"]           # found as typed
    assert rank(pages, "lihc", "portalSearchSuggestion") == ""
    assert rank(pages, "lich", "portalSearchSuggestion") == ""
    # a page with the words as typed comes before one that has only most of them
    pages["ke-hoach/a/3/index.html"] = ("Ba", "du lihc cộng")
    assert rank(pages, "du lihc cong") == ["ke-hoach/a/3/index.html", "ke-hoach/a/1/index.html"]
    assert rank(pages, "du lihc cong", "portalSearchSuggestion") == ""
