"""Finding and citing, in headless Chromium: search, filters, timeline, map, citation."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.site.searchprobe import probe
from tests.site.conftest import open_filters

pytestmark = pytest.mark.browser


def search(page, server, query):
    page.goto(server + "tim-kiem/index.html")
    page.fill("#tu-khoa", query)
    page.wait_for_function("document.getElementById('trang-thai-tim').textContent.includes('kết quả')",
                           timeout=15000)
    hits = page.eval_on_selector_all(
        "#ket-qua li", "els => els.map(li => [li.querySelector('.ket-qua__loai').textContent,"
        " li.querySelector('a').getAttribute('href')])")
    return hits


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


# query typed without accents -> a page that must be among the first ten results
@pytest.mark.parametrize("query,expected", [
    ("son la", "tinh-thanh/son-la/"),
    ("thanh hoa", "tinh-thanh/thanh-hoa/"),
    ("cong thuong", "co-quan/son-la-so-cong-thuong/"),
    ("vung long ho", "ke-hoach/son-la-thu-hut-dau-tu-2023/iii-4-y1/"),
    ("hoi cho ocop", "ke-hoach/son-la-thanh-hoa-2026/6/"),
    ("dien bien", "tinh-thanh/dien-bien/"),                            # đ -> d
    ("SƠN LA", "tinh-thanh/son-la/"),                                    # case
    ("So\u031bn La", "tinh-thanh/son-la/"),                              # decomposed input
    ("Thanh Hoá", "tinh-thanh/thanh-hoa/"),                              # other tone placement
    ("van hoa va the thao", "co-quan/ho-chi-minh-so-van-hoa-the-thao/"),
])
def test_accent_free_search_finds_the_page(page, server, query, expected):
    urls = [href for _, href in search(page, server, query)]
    assert any(expected in u for u in urls), urls


def test_results_say_what_they_are_and_rank_own_pages_first(page, server):
    hits = search(page, server, "cong thuong")
    assert hits[0][0] == "Cơ quan" and "cong-thuong" in hits[0][1]
    hits = search(page, server, "tuan nong san")
    task = next(kind for kind, href in hits if "son-la-thanh-hoa-2026/9/" in href)
    assert task.startswith("Nhiệm vụ · Kế hoạch thực hiện Biên bản ghi nhớ")
    assert "q=tuan+nong+san" in page.url or "q=tuan%20nong%20san" in page.url


def all_hits(page, server, query):
    """Every result's URL as the search page computes them (the page shows the first ten)."""
    page.goto(server + "tim-kiem/index.html")
    return set(probe(page, "ranked", query))


def test_unaccented_query_returns_what_the_accented_one_returns(page, server):
    for plain, accented in [("dien bien", "Điện Biên"), ("son la", "Sơn La"), ("thanh hoa", "Thanh Hóa"),
                            ("cong thuong", "Công Thương"), ("vung long ho", "Vùng lòng hồ"),
                            ("hoi cho ocop", "Hội chợ OCOP")]:
        wanted = all_hits(page, server, accented)
        assert wanted and wanted <= all_hits(page, server, plain), plain


@pytest.mark.parametrize("one,other", [("hoà", "hòa"), ("Thanh Hoá", "Thanh Hóa"), ("thuỷ", "thủy"),
                                       ("Hoà Bình", "hoa binh")])
def test_tone_placements_and_accents_match_the_same_pages(page, server, one, other):
    a, b = all_hits(page, server, one), all_hits(page, server, other)
    assert a and a == b


def test_filter_narrows_the_table_and_survives_a_reload(page, server):
    page.goto(server + "nhiem-vu/index.html")
    open_filters(page)
    rows = page.locator(".bang-nhiem-vu tbody tr")
    total = rows.count()
    page.select_option("select[name=chu-tri]", "son-la-so-cong-thuong")
    visible = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert "chu-tri=son-la-so-cong-thuong" in page.url
    page.reload()
    open_filters(page)
    assert page.input_value("select[name=chu-tri]") == "son-la-so-cong-thuong"
    assert page.locator(".bang-nhiem-vu tbody tr:not([hidden])").count() == visible.count()
    page.select_option("select[name=ky]", "2026-q3")
    shown = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert all("2026-q3" in (shown.nth(i).get_attribute("data-ky") or "") for i in range(shown.count()))
    page.click("button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('.bang-nhiem-vu tbody tr:not([hidden])').length === {total}")


def test_filters_work_with_the_keyboard(page, server):
    page.goto(server + "ke-hoach/son-la-hung-yen-2022-2025/index.html")
    open_filters(page)
    page.focus("select[name=tt]")
    page.keyboard.press("ArrowDown")  # "Có mốc thời gian"
    page.keyboard.press("ArrowDown")  # "Thường xuyên"
    assert page.input_value("select[name=tt]") == "ongoing"
    shown = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert shown.count() > 0
    assert {shown.nth(i).get_attribute("data-tt") for i in range(shown.count())} == {"ongoing"}


TABLE_ORDER = """() => Array.from(document.querySelectorAll('.bang-nhiem-vu tbody')).map(body =>
    Array.from(body.rows).map(r => [r.getAttribute('data-bat-dau'), r.getAttribute('data-vi-tri')]))"""


def by_start(rows):
    return sorted(rows, key=lambda r: (r[0] or "9999", r[1]))


@pytest.mark.parametrize("url", ["ke-hoach/son-la-hung-yen-2022-2025/index.html", "nhiem-vu/index.html",
                                 "nhiem-vu/son-la/index.html"])
def test_sort_by_start_date(page, server, url):
    """Every task table of the page is sorted by start date (undated last, then source order),
    and back in source order without ?sx."""
    page.goto(server + url)
    as_built = page.evaluate(TABLE_ORDER)
    assert len(as_built) > 1 and all(as_built)
    assert all(rows == sorted(rows, key=lambda r: r[1]) for rows in as_built)
    assert any(rows != by_start(rows) for rows in as_built)   # the sort has something to do
    page.goto(server + url + "?sx=bat-dau")
    tables = page.evaluate(TABLE_ORDER)
    assert [sorted(rows) for rows in tables] == [sorted(rows) for rows in as_built]  # same rows
    for rows in tables:
        assert rows == by_start(rows)
    open_filters(page)
    page.select_option("select[name=sx]", "")
    assert page.evaluate(TABLE_ORDER) == as_built


def test_timeline_and_map_render(page, server):
    page.goto(server + "ke-hoach/son-la-hung-yen-2022-2025/index.html")
    bars = page.locator("svg.dong-thoi-gian rect.thanh")
    assert bars.count() == 42
    assert page.locator("svg.dong-thoi-gian .thanh--thuong-xuyen").count() == 11
    page.locator("#dong-thoi-gian + details > summary").click()      # folded on a 42-task plan
    box = bars.first.bounding_box()
    assert box and box["width"] > 10
    page.goto(server + "index.html")
    assert page.locator("svg.ban-do line").count() == 11
    assert page.locator("svg.ban-do a").count() == 0                 # a picture: the list links
    assert page.locator("svg.ban-do circle.tinh--hop-tac").count() >= 10
    page.goto(server + "tinh-thanh/bac-kan/index.html")
    assert page.locator("svg.ban-do .tinh--chon").count() == 1  # drawn at Thái Nguyên


def test_citation_is_copied(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(server + "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/pl2-ii-5-1/index.html")
        page.get_by_role("button", name="Chép trích dẫn").click()
        page.wait_for_function("document.querySelector('.chep-trang-thai').textContent === 'Đã chép.'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("Kế hoạch số 4778/KH-UBND") and ", PHỤ LỤC II, mục II, số 5.1: “" in copied
        assert "26/09/2023" in copied and copied.endswith("ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/pl2-ii-5-1/")
    finally:
        context.close()


# --- Ranking (assets/tim-kiem.js): what the visitor meant comes first --------------------------

def ranked(page, server, query):
    """Every result URL of a query in the order the search page ranks them."""
    if "tim-kiem/" not in page.url:
        page.goto(server + "tim-kiem/index.html")
    return probe(page, "ranked", query)


def page_words(built_site, url):
    import re
    html = (built_site / url.lstrip("/")).read_text(encoding="utf-8")
    body = html[html.index("data-tim-body"):]
    return set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", body).lower()))


# a phrase that stands in one task, typed with or without accents -> that task first
@pytest.mark.parametrize("query,task", [
    ("ca canh", "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-3-b-6-y2/"),
    ("cá cảnh", "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-3-b-6-y2/"),
    ("nam duoc lieu", "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-3-b-6-y2/"),
    ("vung long ho", "ke-hoach/son-la-thu-hut-dau-tu-2023/iii-4-y1/"),
])
def test_a_phrase_from_one_task_puts_that_task_first(page, server, query, task):
    assert task in ranked(page, server, query)[0]


def test_accents_as_typed_come_before_other_accents(page, server, built_site):
    for word in ["tầm", "tâm"]:
        first = ranked(page, server, word)[0]
        assert word in page_words(built_site, first), (word, first)


def test_whole_words_come_before_prefixes(page, server, built_site):
    import unicodedata

    def fold(w):
        return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
    urls = ranked(page, server, "ca")
    assert len(urls) > 20  # "các", "cây", "cả" … match too, after the whole word
    for url in urls[:10]:
        assert "ca" in {fold(w) for w in page_words(built_site, url)}, url


def test_both_tone_placements_rank_alike(page, server):
    assert ranked(page, server, "Thanh Hoá")[:10] == ranked(page, server, "Thanh Hóa")[:10]


def test_every_result_is_reachable(page, server):
    page.goto(server + "tim-kiem/index.html?q=hop+tac+phat+trien")
    page.wait_for_function("document.querySelectorAll('#ket-qua li').length === 10")
    status = page.text_content("#trang-thai-tim")
    total = int(status.split()[0])
    assert total > 20 and "đang hiện 10" in status
    while page.is_visible("#xem-them"):
        before = page.locator("#ket-qua li").count()
        page.click("#xem-them")
        page.wait_for_function(f"document.querySelectorAll('#ket-qua li').length > {before}")
    assert page.locator("#ket-qua li").count() == total


def test_excerpts_show_the_matched_words(page, server):
    page.goto(server + "tim-kiem/index.html?q=ca+canh")
    page.wait_for_selector("#ket-qua li mark")
    excerpt = page.text_content("#ket-qua li .ket-qua__trich")
    assert "cá cảnh" in excerpt


# --- The search form in the header of every page ---------------------------------------------

@pytest.mark.parametrize("path", ["index.html", "ke-hoach/son-la-thanh-hoa-2026/6/index.html",
                                  "co-quan/son-la-ttxt/index.html", "huong-dan-dong-gop.html"])
def test_header_search_without_javascript_opens_the_search_page(browser, server, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + path)
        box = page.get_by_role("search", name="Tìm trên cổng", exact=True).get_by_role("searchbox")
        box.fill("hoi cho ocop")
        box.press("Enter")
        page.wait_for_url("**/tim-kiem/index.html?q=hoi+cho+ocop")
    finally:
        context.close()


def test_header_search_shows_results_as_you_type(page, server):
    page.goto(server + "ke-hoach/son-la-thanh-hoa-2026/6/index.html")
    page.get_by_role("search", name="Tìm trên cổng", exact=True).get_by_role("searchbox").type("ca canh")
    panel = page.locator(".tim-nhanh__ket-qua")
    # The panel may first show the results of "ca" (a pause while typing runs a search): wait
    # for those of the whole query, which replace them (the test read them too early before).
    expect(panel.locator("li a").first).to_have_attribute("href", re.compile(r"ii-2-3-b-6-y2/"))
    page.keyboard.press("Escape")
    assert panel.is_hidden()


@pytest.mark.parametrize("query", ["Thanh Hoá", "thanh hoa", "Điện Biên", "thuỷ lợi", "Quý III/2026",
                                   "So\u031bn La", "4778/KH-UBND", "  ", "ĐẦU TƯ", "Sở KH&CN Hà Nội",
                                   "công ty du lịch là gì", "q3 2026"])
def test_the_page_asks_for_the_keys_the_index_was_made_with(page, server, built_site, query):
    """tim-kiem.js's query keys are generator/publish/search/meaning.py's (fold, one spelling, phrases,
    the forms of what the query means)."""
    import json
    from generator.publish.search.meaning import slot_keys, understand
    y = json.loads((built_site / "chi-muc/meta.json").read_text(encoding="utf-8"))["y"]
    page.goto(server + "tim-kiem/index.html")
    assert probe(page, "keys", query) == slot_keys(understand(query, y))


@pytest.mark.parametrize("url", ["nhiem-vu/son-la/index.html", "lich/2023-q4/index.html"])
def test_filters_work_on_a_page_of_a_listing(page, server, url):
    """A page of nhiem-vu/ or lich/ filters its own rows and keeps the choice in the URL."""
    page.goto(server + url)
    open_filters(page)
    rows = page.locator(".bang-nhiem-vu tbody tr")
    total = rows.count()
    lead = page.eval_on_selector("select[name=chu-tri] option:nth-child(2)", "o => o.value")
    page.select_option("select[name=chu-tri]", lead)
    visible = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all(lead in (visible.nth(i).get_attribute("data-chu-tri") or "").split()
               for i in range(visible.count()))
    page.reload()
    assert page.input_value("select[name=chu-tri]") == lead
    assert page.locator(".bang-nhiem-vu tbody tr:not([hidden])").count() == visible.count()


# --- Search that forgives (issue 20) ---------------------------------------------------------

@pytest.mark.parametrize("query,first,suggestion", [
    ("du lihc", "ke-hoach/", "du lich"),                      # two letters swapped
    ("hung yem", "tinh-thanh/hung-yen/", "hung yen"),         # three letters: into a phrase
    ("thanh hao", "tinh-thanh/thanh-hoa/", "thanh hoa"),
    ("xuc tien dau tuu", "", "xuc tien dau tu"),
])
def test_a_typo_still_finds_the_page_and_says_what_it_searched(page, server, built_site, query, first,
                                                              suggestion):
    hits = search(page, server, query)
    assert hits and first in hits[0][1], hits[:3]
    assert page.text_content("#goi-y-tim") == "Có phải bạn muốn tìm: " + suggestion
    assert page.get_attribute("#goi-y-tim a", "href").endswith("?q=" + suggestion.replace(" ", "%20"))
    if query == "du lihc":
        assert {"du", "lich"} <= page_words(built_site, hits[0][1]) | {"lich"}


def test_a_correct_query_suggests_nothing(page, server):
    search(page, server, "du lich")
    assert page.get_attribute("#goi-y-tim", "hidden") is not None


@pytest.mark.parametrize("query,phrase", [("nong sa", "nông sản"), ("xuc tie", "xúc tiến"),
                                          ("hoi cho oc", "hội chợ")])
def test_an_unfinished_last_word_finds_what_it_begins_in_a_title_first(page, server, built_site, query, phrase):
    import re
    urls = ranked(page, server, query)
    html = (built_site / urls[0].lstrip("/")).read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    words = query.split()
    assert phrase in html.lower(), urls[:3]
    from generator.textnorm import fold
    assert all(any(fold(t).startswith(w) for t in re.findall(r"\w+", title.lower())) for w in words), title


@pytest.mark.parametrize("query,first", [
    ("so cong thuong son la", "co-quan/son-la-so-cong-thuong/"),             # an agency
    ("Sở Công Thương tỉnh Thanh Hóa", "co-quan/thanh-hoa-so-cong-thuong/"),
    ("ke hoach son la hung yen", "ke-hoach/son-la-hung-yen-2022-2025/"),     # a plan, by its kind
    ("ke hoach thu hut dau tu son la", "ke-hoach/son-la-thu-hut-dau-tu-2023/"),
    ("hop tac ho chi minh nghe an", "hop-tac/ho-chi-minh-nghe-an/"),          # past the 8th word
    ("son la", "tinh-thanh/son-la/"),
])
def test_a_query_naming_a_page_puts_it_first(page, server, query, first):
    assert first in ranked(page, server, query)[0]


def test_plans_of_a_province_come_right_after_its_own_pages(page, server):
    urls = ranked(page, server, "son la")
    plans = [i for i, u in enumerate(urls) if u.count("/") == 3 and u.startswith("/ke-hoach/son-la")]
    assert len(plans) == 3 and max(plans) < 10, plans


def test_a_query_with_a_wrong_word_brings_the_rest_after_full_matches_marked(page, server):
    hits = search(page, server, "du lich cong dong ban lang tay bac")
    status = page.text_content("#trang-thai-tim")
    assert "có đủ các từ" in status and "thiếu từ, xếp sau" in status, status
    full = int(status.split("(")[1].split()[0])
    assert len(hits) > full >= 1
    marks = page.eval_on_selector_all("#ket-qua li", "els => els.map(li => !!li.querySelector('.ket-qua__thieu'))")
    assert marks == [False] * full + [True] * (len(marks) - full)
    assert "ke-hoach/son-la-thanh-hoa-2026/" in ranked(page, server, "ke hoach son la thanh hoa nam 2025")[0]


def test_edit_distance_and_corrections_in_the_page_are_python_s(page, server, built_site):
    """tim-kiem.js's editDistance and corrections are words.py's, on the real vocabulary."""
    from generator.publish.search.words import corrections, distance
    vocabulary = (built_site / "chi-muc/tu.txt").read_text(encoding="utf-8").split("\n")
    page.goto(server + "tim-kiem/index.html")
    pairs = [("lihc", "lich"), ("thuong", "htuogn"), ("nghiep", "nhgeip"), ("abc", "xyz"), ("", "ab"),
             ("caoo", "cao"), ("tuu", "tu")]
    for a, b in pairs:
        for limit in (1, 2):
            assert probe(page, "distance", [a, b, limit]) \
                == distance(a, b, limit), (a, b, limit)
    for word in ["lihc", "tuu", "yem", "caoo", "hnug", "thuongg", "nhgiep", "dy", "2025", "xuc", "tieen"]:
        assert probe(page, "corrections", [word, vocabulary]) \
            == corrections(word, vocabulary), word


# --- What a query means (issue 27) ----------------------------------------------------------

@pytest.mark.parametrize("query", ["hop tac voi nghe an la gi", "skhcn son la", "so NN&MT son la", "TP.HCM",
                                   "tp hcm", "cong ty dau tu", "Quý 3/2026", "q4 2025", "có quan", "ubnd",
                                   "du lich cong dong", "  ", "Sở KH & CN"])
def test_the_page_reads_a_query_as_python_does(page, server, built_site, query):
    """tim-kiem.js's understand is meaning.py's, with the index's own meta.y."""
    import json
    from generator.publish.search.meaning import understand
    y = json.loads((built_site / "chi-muc/meta.json").read_text(encoding="utf-8"))["y"]
    page.goto(server + "tim-kiem/index.html")
    assert probe(page, "understand", query) == understand(query, y)


@pytest.mark.parametrize("query,first", [
    ("skhcn son la", "co-quan/son-la-so-khoa-hoc-cong-nghe/"),        # initials of the name
    ("so nn&mt son la", "co-quan/son-la-so-nong-nghiep-moi-truong/"),  # an "&" form
    ("ubnd tp hcm", "co-quan/ho-chi-minh-ubnd/"),                     # reviewed + a city's short name
    ("nghe an o dau", "tinh-thanh/nghe-an/"),                          # question words optional
    ("quy 4 2025", "lich/2025-q4/"),                                   # a quarter as a number
    ("4778 ca canh", "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-3-b-6-y2/"),  # a plan's number
])
def test_what_a_query_means_finds_the_page_first(page, server, query, first):
    assert first in ranked(page, server, query)[0]


def test_a_question_naming_a_province_puts_it_and_its_partnerships_first(page, server):
    urls = ranked(page, server, "hop tac voi thanh hoa la gi")
    assert {u.split("/")[1] + "/" + u.split("/")[2] for u in urls[:3]} == {
        "tinh-thanh/thanh-hoa", "hop-tac/son-la-thanh-hoa", "hop-tac/ho-chi-minh-thanh-hoa"}, urls[:3]


def test_the_results_say_what_was_searched(page, server):
    search(page, server, "doanh nghiep son la")
    said = page.text_content("#nghia-tim")
    assert said.startswith("Kết quả cho: doanh nghiep (") and "nhà đầu tư" in said, said
    search(page, server, "son la")
    assert page.get_attribute("#nghia-tim", "hidden") is not None


def test_help_pages_come_after_content(page, server):
    urls = ranked(page, server, "hoi cho")
    helps = [i for i, u in enumerate(urls) if u.count("/") == 1 or u.startswith(("/tim-kiem/", "/du-lieu-mo/"))]
    assert helps and min(helps) > len(urls) - len(helps) - 1, (helps, len(urls))


def test_filters_narrow_the_results_with_the_keyboard_on_a_phone_and_stay_in_the_address(page, server):
    """The page fixture is 360 px wide. Province, then quarter, chosen with the keyboard."""
    search(page, server, "du lich")
    total = int(page.text_content("#trang-thai-tim").split()[0])
    page.focus("#loc-tim summary")
    page.keyboard.press("Enter")                                   # opens the filters
    page.wait_for_function("document.querySelector('#loc-tim select[name=tinh]').options.length > 2")
    options = page.eval_on_selector_all("#loc-tim select[name=tinh] option", "os => os.map(o => o.value)")
    assert "son-la" in options
    assert page.is_disabled("#loc-tim select[name=co-quan]")      # an agency within its province
    box = page.locator("#loc-tim select[name=tinh]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.focus("#loc-tim select[name=tinh]")
    page.select_option("#loc-tim select[name=tinh]", "son-la")
    page.wait_for_function("document.getElementById('trang-thai-tim').textContent.includes('lọc còn')")
    narrowed = int(page.text_content("#trang-thai-tim").split("lọc còn ")[1].split()[0])
    assert 0 < narrowed < total
    assert "tinh=son-la" in page.url
    agencies = page.eval_on_selector_all("#loc-tim select[name=co-quan] option", "os => os.map(o => o.value)")
    assert len(agencies) > 2 and all(a.startswith("son-la-") for a in agencies[1:]), agencies
    page.select_option("#loc-tim select[name=ky]", "2026-q3")
    page.wait_for_function(f"!document.getElementById('trang-thai-tim').textContent.includes('lọc còn {narrowed} ')")
    hrefs = page.eval_on_selector_all("#ket-qua li a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all("son-la" in h for h in hrefs), hrefs
    # the counts beside each choice are those of the results
    kinds = page.eval_on_selector_all("#loc-tim select[name=loai] option", "os => os.map(o => o.textContent)")
    shown = int(page.text_content("#trang-thai-tim").split("lọc còn ")[1].split()[0])
    assert kinds[0] == f"Tất cả ({shown})"
    # a shared address opens with the same filters
    url = page.url
    assert "ky=2026-q3" in url
    page.goto(url)
    page.wait_for_function("document.getElementById('trang-thai-tim').textContent.includes('lọc còn')")
    assert page.input_value("#loc-tim select[name=ky]") == "2026-q3"
    assert page.eval_on_selector_all("#ket-qua li a", "as => as.map(a => a.getAttribute('href'))") == hrefs


def test_the_filters_cost_nothing_until_opened_and_narrow_by_kind(page, server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    search(page, server, "son la")
    assert not any("nhom." in u for u in requests)        # a search fetches no filter data
    page.click("#loc-tim summary")
    page.select_option("#loc-tim select[name=loai]", "co-quan")
    page.wait_for_function("document.getElementById('trang-thai-tim').textContent.includes('lọc còn')")
    kinds = page.eval_on_selector_all("#ket-qua li .ket-qua__loai", "ps => ps.map(p => p.textContent)")
    assert kinds and all(k.startswith("Cơ quan") for k in kinds)
    assert "loai=co-quan" in page.url
