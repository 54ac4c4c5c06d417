"""Finding and citing, in headless Chromium: search, filters, timeline, map, citation."""
from __future__ import annotations

import pytest

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
    ("van hoa the thao", "co-quan/ho-chi-minh-so-van-hoa-the-thao/"),
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
    return set(page.evaluate("q => window.portalSearchAll(q)", query))


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
    rows = page.locator(".bang-nhiem-vu tbody tr")
    total = rows.count()
    page.select_option("select[name=chu-tri]", "son-la-so-cong-thuong")
    visible = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert "chu-tri=son-la-so-cong-thuong" in page.url
    page.reload()
    assert page.input_value("select[name=chu-tri]") == "son-la-so-cong-thuong"
    assert page.locator(".bang-nhiem-vu tbody tr:not([hidden])").count() == visible.count()
    page.select_option("select[name=ky]", "2026-q3")
    shown = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert all("2026-q3" in (shown.nth(i).get_attribute("data-ky") or "") for i in range(shown.count()))
    page.click("button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('.bang-nhiem-vu tbody tr:not([hidden])').length === {total}")


def test_filters_work_with_the_keyboard(page, server):
    page.goto(server + "ke-hoach/son-la-hung-yen-2022-2025/index.html")
    page.focus("select[name=tt]")
    page.keyboard.press("ArrowDown")  # "Có mốc thời gian"
    page.keyboard.press("ArrowDown")  # "Thường xuyên"
    assert page.input_value("select[name=tt]") == "ongoing"
    shown = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
    assert shown.count() > 0
    assert {shown.nth(i).get_attribute("data-tt") for i in range(shown.count())} == {"ongoing"}


def test_sort_by_start_date(page, server):
    page.goto(server + "ke-hoach/son-la-hung-yen-2022-2025/index.html?sx=bat-dau")
    starts = page.eval_on_selector_all(
        "#muc-b-1-1-1 ~ div.bang-nhiem-vu tbody tr, .bang-nhiem-vu tbody tr",
        "els => els.filter(e => e.closest('tbody') === els[0].closest('tbody'))"
        ".map(e => e.getAttribute('data-bat-dau'))")
    assert starts == sorted(starts, key=lambda s: s or "9999")


def test_timeline_and_map_render(page, server):
    page.goto(server + "ke-hoach/son-la-hung-yen-2022-2025/index.html")
    bars = page.locator("svg.dong-thoi-gian rect.thanh")
    assert bars.count() == 42
    assert page.locator("svg.dong-thoi-gian .thanh--thuong-xuyen").count() == 11
    box = bars.first.bounding_box()
    assert box and box["width"] > 10
    page.goto(server + "index.html")
    assert page.locator("svg.ban-do line").count() == 11
    assert page.locator("svg.ban-do a[href$='tinh-thanh/son-la/index.html'] circle").count() == 1
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
        assert copied.startswith("Nhiệm vụ 5.1 “") and "”, Kế hoạch số 4778/KH-UBND" in copied
        assert "26/09/2023" in copied and copied.endswith("ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/pl2-ii-5-1/")
    finally:
        context.close()
