"""Issue 21, what a visitor meets, in headless Chromium at 360 and 1280 px: the main sections
reachable on a desktop, targets a thumb can hit, pages a phone can hold, the no-JS search page."""
from __future__ import annotations

import pytest

from tests.site.conftest import open_filters
from tests.site.test_browser import PAGES, VIEWPORTS

pytestmark = pytest.mark.browser

SECTIONS = ["Kế hoạch", "Nhiệm vụ", "Cơ quan", "Tỉnh, thành phố", "Quan hệ hợp tác"]
SECTION_URLS = ["ke-hoach/index.html", "nhiem-vu/index.html", "co-quan/index.html",
                "tinh-thanh/index.html", "hop-tac/index.html"]


def _open(browser, server, path, viewport, js=True):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=js)
    page = context.new_page()
    page.goto(server + path, wait_until="networkidle" if js else "load")
    return context, page


# A link is reachable when it is on screen and a click at its centre lands on it.
_HIT = """(names) => names.map(name => {
  const links = [...document.querySelectorAll('a')].filter(a => a.textContent.trim() === name);
  for (const a of links) {
    const r = a.getBoundingClientRect();
    if (!r.width || !r.height || r.bottom < 0 || r.top > innerHeight) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && (hit === a || a.contains(hit))) return a.href;
  }
  return null;
})"""


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("kind", ["home", "task", "plan", "province"])
def test_desktop_shows_the_five_sections_and_they_can_be_clicked(browser, server, kind, js):
    context, page = _open(browser, server, PAGES[kind], "desktop", js)
    try:
        hrefs = page.evaluate(_HIT, SECTIONS)
        missing = [name for name, href in zip(SECTIONS, hrefs) if href is None]
        assert missing == [], f"not visible or covered at 1280 px on {kind}: {missing}"
        for href, url in zip(hrefs, SECTION_URLS):
            assert href.endswith(url), (href, url)
        page.locator(".md-tabs a", has_text="Cơ quan").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("co-quan/index.html")
    finally:
        context.close()


def test_phone_reaches_the_five_sections_from_the_menu(browser, server):
    context, page = _open(browser, server, PAGES["task"], "phone")
    try:
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(400)
        assert page.evaluate(_HIT, SECTIONS).count(None) == 0
    finally:
        context.close()


# Every link and control on screen or below it, at least 24 x 24 px (WCAG 2.2, 2.5.8), counted
# without the "inline in a sentence" exception: none is needed on these pages.
_SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, summary, [role=button]')]
  .filter(e => {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || r.right < 0 || r.left > innerWidth) return false;
    if (getComputedStyle(e).visibility === 'hidden' || e.closest('[hidden]')) return false;
    return r.width < 24 || r.height < 24;
  })
  .map(e => `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 30)}"`
            + ` in ${e.parentElement.tagName.toLowerCase()}.${e.parentElement.className}`)"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", ["home", "task", "plan", "province", "agency", "partnership"])
def test_every_target_is_at_least_24_px(browser, server, kind, viewport):
    context, page = _open(browser, server, PAGES[kind], viewport)
    try:
        small = page.evaluate(_SMALL_TARGETS)
        assert small == [], f"{len(small)} targets under 24 x 24 px on {kind}: {small[:8]}"
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["home", "province"])
def test_the_map_asks_for_no_tap_and_its_list_links_every_partnership(browser, server, kind):
    context, page = _open(browser, server, PAGES[kind], "phone")
    try:
        figure = page.locator("figure.khung-ban-do")
        assert figure.locator("svg a").count() == 0          # a picture, not hairline targets
        assert "bấm" not in figure.inner_text().lower()
        listed = page.evaluate("""() => new Set([...document.querySelectorAll('article li a')]
            .map(a => a.getAttribute('href')).filter(h => h.includes('hop-tac/'))).size""")
        assert listed >= 2
    finally:
        context.close()


LONG = 15000     # px at 360 px: what a phone can hold (listings were bounded so in issue 12)


def _entity_pages(site):
    for folder in ("ke-hoach", "tinh-thanh", "co-quan", "hop-tac"):
        for page in sorted((site / folder).glob("*/index.html")):
            if "<title>Trang đã chuyển" not in page.read_text("utf-8"):
                yield page.relative_to(site).as_posix()


def test_every_plan_province_agency_and_partnership_page_fits_on_a_phone(browser, server, built_site):
    context, page = _open(browser, server, "index.html", "phone")
    try:
        tall = []
        for path in _entity_pages(built_site):
            page.goto(server + path, wait_until="load")
            height = page.evaluate("document.documentElement.scrollHeight")
            if height > LONG:
                tall.append((path, height))
        assert tall == [], tall
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_long_plan_lists_its_parts_and_a_link_opens_a_folded_one(browser, server, viewport):
    plan = PAGES["plan"]
    context, page = _open(browser, server, plan, viewport)
    try:
        toc = page.locator("nav.muc-luc-trang a")
        assert toc.count() >= 8
        target = page.evaluate("""() => { const d = document.querySelector('details.nhom:not([open])');
            return d.previousElementSibling.id; }""")
        assert target
        page.goto(server + plan + "#" + target, wait_until="networkidle")
        assert page.evaluate(f"document.getElementById('{target}').nextElementSibling.open")
        assert page.locator(f"[id='{target}'] + details tbody tr, [id='{target}'] + details p").first.is_visible()
    finally:
        context.close()


def test_the_search_bar_stays_on_screen_down_a_long_page_on_a_phone(browser, server):
    context, page = _open(browser, server, PAGES["plan"], "phone")
    try:
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(500)
        assert page.evaluate("scrollY") > 3000
        box = page.locator("#tim-nhanh-o").bounding_box()
        assert box and 0 <= box["y"] < 740 and box["height"] >= 24
        hit = page.evaluate("(() => { const r = document.getElementById('tim-nhanh-o').getBoundingClientRect();"
                            " return document.elementFromPoint(r.left + 10, r.top + r.height / 2).id; })()")
        assert hit == "tim-nhanh-o"
    finally:
        context.close()


def _fold(text):
    import unicodedata
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_keyword_looks_at_the_task_not_at_its_agency(browser, server, viewport):
    context, page = _open(browser, server, "ke-hoach/son-la-thanh-hoa-2026/index.html", viewport)
    try:
        open_filters(page)
        page.get_by_label("Từ khóa").fill("du lich")
        page.wait_for_function("location.search.indexOf('tu-khoa=') >= 0")
        rows = page.locator(".bang-nhiem-vu tbody tr")
        shown = [_fold(t) for t in page.locator(".bang-nhiem-vu tbody tr:not([hidden]) td[data-nhan='Nội dung']").all_inner_texts()]
        assert shown and all("du lich" in t for t in shown)
        hidden_by_agency = page.evaluate("""() => [...document.querySelectorAll('.bang-nhiem-vu tbody tr[hidden]')]
            .filter(r => /Du lịch/.test(r.querySelector("td[data-nhan='Chủ trì']").textContent)).length""")
        assert hidden_by_agency >= 1          # led by the "… Thương mại và Du lịch" centre
        assert f"Đang hiện {len(shown)}/{rows.count()} nhiệm vụ" in page.locator(".bo-loc__dem").inner_text()
    finally:
        context.close()


def test_group_counts_follow_the_filter(browser, server):
    context, page = _open(browser, server, "tinh-thanh/son-la/index.html", "phone")
    try:
        open_filters(page)
        page.get_by_label("Từ khóa").fill("ca tam")
        page.wait_for_function("location.search.indexOf('tu-khoa=') >= 0")
        counts = page.evaluate("""() => [...document.querySelectorAll('article h3 .dem-nhom')].map(s => {
            const g = s.closest('h3').nextElementSibling;
            return [s.textContent, g.querySelectorAll('tbody tr:not([hidden])').length,
                    g.querySelectorAll('tbody tr').length]; })""")
        assert counts and all(text == f"{shown}/{total}" for text, shown, total in counts), counts
        assert any(shown == 0 for _, shown, _ in counts)     # an empty group says 0/…, not its total
    finally:
        context.close()


def test_an_agency_page_says_how_many_it_leads_and_coordinates(browser, server):
    context, page = _open(browser, server, PAGES["agency"], "desktop")
    try:
        page.get_by_label("Từ khóa").fill("du lich")
        page.wait_for_function("location.search.indexOf('tu-khoa=') >= 0")
        text = page.locator(".bo-loc__dem").inner_text()
        assert "chủ trì" in text and "phối hợp" in text, text
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_due_this_quarter_is_a_choice_and_this_quarter_is_marked(browser, server, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        import datetime
        page.clock.set_fixed_time(datetime.datetime(2026, 8, 15, 9, 0))
        page.goto(server + "nhiem-vu/index.html", wait_until="networkidle")
        open_filters(page)
        select = page.locator("select[name=ky]")
        options = select.locator("option").all_inner_texts()
        assert "Đến hạn trong quý này (Quý III/2026)" in options
        assert [o for o in options if o.endswith("(quý này)")] != []
        select.select_option("den-han")
        shown = page.evaluate("""() => [...document.querySelectorAll('.bang-nhiem-vu tbody tr:not([hidden])')]
            .map(r => r.getAttribute('data-ky').split(' ').filter(k => k.includes('-q')).pop())""")
        assert shown and set(shown) == {"2026-q3"}
        assert "ky=den-han" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_without_javascript_offers_the_ways_that_work(browser, server, viewport):
    context, page = _open(browser, server, "tim-kiem/index.html?q=du+lich", viewport, js=False)
    try:
        help_ = page.locator(".tim-khong-js")
        assert help_.is_visible()
        hrefs = help_.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        for where in ("nhiem-vu/", "lich/", "co-quan/", "tinh-thanh/"):
            assert any(where in h for h in hrefs), (where, hrefs)
        assert page.locator(".huong-dan-tim").is_visible()            # what to type
        page.get_by_label("Từ khóa").fill("ca tam")
        page.locator("form.tim-kiem button[type=submit]").click()
        page.wait_for_load_state()
        assert "q=ca+tam" in page.url                              # the form still works
    finally:
        context.close()


def test_search_with_javascript_keeps_the_query_and_an_empty_one_says_what_to_type(browser, server):
    context, page = _open(browser, server, "tim-kiem/index.html?q=du+lich", "phone")
    try:
        assert page.locator("#tu-khoa").input_value() == "du lich"
        page.goto(server + "tim-kiem/index.html", wait_until="networkidle")
        assert page.locator("#tu-khoa").input_value() == ""
        assert "Gõ một vài chữ" in page.locator(".huong-dan-tim").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_says_who_publishes_it_and_the_404_offers_a_report(browser, server, viewport):
    context, page = _open(browser, server, "index.html", viewport)
    try:
        line = page.locator(".chan-trang__don-vi")
        line.scroll_into_view_if_needed()
        assert line.is_visible() and "không phải trang thông tin chính thức" in line.inner_text()
        page.goto(server + "404.html", wait_until="networkidle")
        report = page.locator("a.bao-404__lien-ket")
        assert report.is_visible()
        box = report.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_task_page_and_its_shared_link_say_the_whole_task(browser, server, viewport):
    context, page = _open(browser, server, "ke-hoach/son-la-hung-yen-2022-2025/b-3-6/index.html", viewport)
    try:
        h1 = page.locator("article h1").inner_text()
        assert "cá tầm" in h1 and not h1.endswith("…")
        assert "cá tầm" in page.title()
        og = page.locator('meta[property="og:title"]').get_attribute("content")
        assert og == h1
        assert "cá tầm" in page.locator("#trich-dan-van-ban").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_two_tasks_of_the_long_plan_share_a_title_and_few_are_shortened(browser, server, viewport):
    context, page = _open(browser, server, PAGES["plan"], viewport)
    try:
        titles = page.evaluate("""() => [...document.querySelectorAll(
            "article .bang-nhiem-vu td[data-nhan='Nội dung'] a")].map(a => a.textContent.trim())""")
        assert len(titles) >= 70
        assert len(set(titles)) == len(titles)
        assert sum(t.endswith("…") for t in titles) * 10 <= len(titles)
    finally:
        context.close()
