"""The built portal as a visitor sees it, in headless Chromium, on a phone and a desktop."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.conftest import ARTIFACTS, open_filters

pytestmark = pytest.mark.browser

# One page of every kind.
PAGES = {
    "home": "index.html",
    "plans-index": "ke-hoach/index.html",
    "plan": "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/index.html",
    "task": "ke-hoach/son-la-thanh-hoa-2026/6/index.html",
    "tasks-index": "nhiem-vu/index.html",
    "agencies-index": "co-quan/index.html",
    "agency": "co-quan/son-la-ttxt/index.html",
    "provinces-index": "tinh-thanh/index.html",
    "province": "tinh-thanh/son-la/index.html",
    "former-province": "tinh-thanh/quang-binh/index.html",
    "partnerships-index": "hop-tac/index.html",
    "partnership": "hop-tac/son-la-hung-yen/index.html",
    "opendata": "du-lieu-mo/index.html",
    "guide": "huong-dan-dong-gop.html",
    "import-guide": "nhap-ke-hoach.html",          # code blocks: reachable by keyboard (issue 28)
    "calendar-ongoing": "lich/thuong-xuyen/index.html",
    "search": "tim-kiem/index.html?q=son+la",
    "calendar": "lich/index.html",
    "calendar-quarter": "lich/2026-q3/index.html",
    "tasks-of-a-province": "nhiem-vu/son-la/index.html",
    "document": "van-ban/son-la-thanh-hoa-2026/index.html",
    "about": "gioi-thieu.html",
}
VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 800)}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def visit(browser, server, path, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + path, wait_until="networkidle")
    return context, page, requests, errors


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGES)
def test_page_as_a_visitor_sees_it(browser, server, axe, kind, viewport):
    context, page, requests, errors = visit(browser, server, PAGES[kind], viewport)
    try:
        shots = ARTIFACTS / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{kind}-{viewport}.png"), full_page=True)
        foreign = [u for u in requests if urlsplit(u).hostname not in ("127.0.0.1",)
                   and not u.startswith(("data:", "blob:"))]
        assert foreign == [], f"requests to other hosts: {foreign}"
        assert errors == [], f"console errors: {errors}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page scrolls sideways by {overflow}px"
        page.wait_for_timeout(300)  # let Material finish its transitions before measuring colours
        results = axe.run(page)
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
    finally:
        context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_structure(browser, server, kind):
    context, page, _, _ = visit(browser, server, PAGES[kind], "desktop")
    try:
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.locator("h1").count() == 1
        levels = page.evaluate(
            "[...document.querySelectorAll('article h1, article h2, article h3, article h4,"
            " article h5, article h6')].map(h => +h.tagName[1])")
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"heading jumps from h{before} to h{after}"
        missing_alt = page.evaluate(
            "[...document.querySelectorAll('img:not([alt])')].map(i => i.src)")
        assert missing_alt == []
        bad_svg = page.evaluate(
            "[...document.querySelectorAll('article svg')].filter(s => !(s.getAttribute('aria-hidden')"
            " === 'true' || (['img', 'group'].includes(s.getAttribute('role')) && (s.getAttribute('aria-label') ||"
            " s.getAttribute('aria-labelledby') ||"
            " s.querySelector('title'))) || (s.closest('a,button') && (s.closest('a,button')"
            ".getAttribute('title') || s.closest('a,button').getAttribute('aria-label'))))).length")
        assert bad_svg == 0
        vague = page.evaluate(
            "[...document.querySelectorAll('article a')].map(a => (a.getAttribute('aria-label') ||"
            " a.textContent.trim() || a.getAttribute('title') || '').trim().toLowerCase()).filter(t => ['xem', 'tại đây', 'đây', 'link',"
            " ''].includes(t))")
        assert vague == []
    finally:
        context.close()


@pytest.mark.parametrize("kind", [k for k in PAGES if k not in ("search",)])
def test_works_without_javascript(browser, server, kind):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(server + PAGES[kind])
        assert page.locator("article h1").count() == 1
        assert len(page.locator("article").inner_text()) > 300  # the content is in the HTML
        if kind in ("plan", "agency", "tasks-index", "partnership", "province", "calendar",
                    "calendar-quarter", "tasks-of-a-province"):
            assert page.locator("article .bang-nhiem-vu tbody tr").count() > 0
            assert page.locator("form[data-bo-loc]").is_hidden()  # no dead controls without JS
        if kind == "task":
            assert "Cơ quan chủ trì" in page.locator("article").inner_text()
    finally:
        context.close()


def test_skip_link_and_visible_focus(browser, server):
    context, page, _, _ = visit(browser, server, PAGES["plan"], "desktop")
    try:
        page.keyboard.press("Tab")
        page.wait_for_timeout(400)  # Material fades the skip link in
        skip = page.evaluate("[document.activeElement.classList.contains('md-skip'),"
                             " document.activeElement.textContent.trim(),"
                             " getComputedStyle(document.activeElement).opacity]")
        assert skip == [True, "Chuyển đến nội dung", "1"]  # hidden until focused, then shown
        page.focus("select[name=chu-tri]")
        style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' +"
                              " getComputedStyle(document.activeElement).outlineWidth")
        assert style.startswith("solid") and not style.endswith(" 0px"), style
        page.locator("#dong-thoi-gian + details > summary").click()   # folded on a long plan
        page.focus("svg.dong-thoi-gian a")
        assert page.evaluate("document.activeElement.tagName.toLowerCase()") == "a"
    finally:
        context.close()


def test_task_page_from_plan_to_agency(browser, server):
    """A citizen's path: plan → task → lead agency → its other tasks."""
    context, page, _, _ = visit(browser, server, "ke-hoach/son-la-thanh-hoa-2026/index.html", "phone")
    try:
        page.get_by_role("link", name="Nhiệm vụ 9", exact=True).click()
        assert "Tổ chức tuần nông sản" in page.locator("article").inner_text()
        page.locator("dd a", has_text="Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La").first.click()
        assert page.locator("h1").inner_text().startswith("Trung tâm Xúc tiến")
        assert "Chủ trì" in page.locator("article").inner_text()
    finally:
        context.close()


def test_search_with_the_keyboard_alone(browser, server):
    """Tab to the header's search box, type, Enter: the search page lists the results, and
    Tab from its box reaches the button, the filters and then the first result."""
    context, page, _, _ = visit(browser, server, PAGES["plan"], "desktop")
    try:
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "tim-nhanh-o":
                break
        else:
            raise AssertionError("the header search box cannot be reached with Tab")
        page.keyboard.type("cong thuong")
        page.keyboard.press("Enter")
        page.wait_for_url("**/tim-kiem/index.html?q=cong+thuong")
        page.wait_for_function("document.querySelectorAll('#ket-qua li').length > 0")
        assert page.evaluate("document.activeElement.id") == "tu-khoa"  # autofocus on the box
        assert page.input_value("#tu-khoa") == "cong thuong"
        page.keyboard.press("Tab")  # the search button
        page.keyboard.press("Tab")  # the filters of the results (folded)
        assert page.evaluate("document.activeElement.closest('#loc-tim') !== null")
        page.keyboard.press("Tab")  # the first result
        assert "cong-thuong" in page.evaluate("document.activeElement.getAttribute('href')")
    finally:
        context.close()


# Long pages stay usable on a phone: grouped in collapsible sections (issue 12, item 5).
TALL_LIMIT = 15000


@pytest.mark.parametrize("kind", ["calendar", "tasks-index"])
def test_long_lists_fit_on_a_phone(browser, server, kind):
    context, page, _, errors = visit(browser, server, PAGES[kind], "phone")
    try:
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < TALL_LIMIT, f"{kind} is {height}px tall at 360px"
        assert page.locator("details.nhom").count() >= 2
        assert errors == []
    finally:
        context.close()


def test_a_link_to_a_folded_group_opens_it(browser, server):
    context, page, _, _ = visit(browser, server, "lich/index.html", "phone")
    try:
        first = page.locator(".muc-quy a").first
        key = first.get_attribute("href").lstrip("#")
        first.click()
        assert page.evaluate(f"document.getElementById('{key}').nextElementSibling.open")
    finally:
        context.close()


def test_keyword_box_filters_accent_insensitively_and_keeps_it_in_the_url(browser, server):
    context, page, _, _ = visit(browser, server, "nhiem-vu/index.html", "phone")
    try:
        open_filters(page)
        box = page.get_by_label("Từ khóa")
        box.fill("tuan nong san")
        page.wait_for_function("location.search.indexOf('tu-khoa=') >= 0")
        visible = page.locator(".bang-nhiem-vu tbody tr:not([hidden])")
        assert visible.count() >= 1
        texts = [t.lower() for t in visible.all_inner_texts()]
        assert all("tuần" in t and "nông" in t and "sản" in t for t in texts)
        assert page.locator("details.nhom[open]").count() >= 1      # the matching group opens
        page.goto(page.url, wait_until="networkidle")               # shared link keeps the filter
        open_filters(page)
        assert page.get_by_label("Từ khóa").input_value() == "tuan nong san"
        assert page.locator(".bang-nhiem-vu tbody tr:not([hidden])").count() == visible.count()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_task_page_opens_with_its_facts(browser, server, viewport):
    context, page, _, _ = visit(browser, server, PAGES["task"], viewport)
    try:
        summary = page.locator("dl.tom-tat")
        box = summary.bounding_box()
        assert box["y"] + min(box["height"], 150) <= VIEWPORTS[viewport][1], "summary below the first screen"
        facts = summary.inner_text()
        assert "Chủ trì" in facts and "Thời gian" in facts and "Kế hoạch" in facts
        content = page.locator("#noi-dung").bounding_box()
        assert content["y"] > box["y"]                              # facts, then the content
        line = page.locator("p.thuoc")
        if line.count():
            assert line.bounding_box()["height"] < 30, "the 'Thuộc' line wraps"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_plan_timeline_labels_are_readable(browser, server, viewport):
    context, page, _, _ = visit(browser, server, PAGES["plan"], viewport)
    try:
        size = page.evaluate("""() => {
            const t = document.querySelector('svg.dong-thoi-gian text.nhan-hang');
            return t.getBoundingClientRect().height; }""")
        assert size >= 12, f"timeline labels are {size}px tall"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0                                        # the figure scrolls, not the page
    finally:
        context.close()


def test_old_anchors_of_a_paged_calendar_lead_to_the_quarter_page(browser, small_catalog):
    """Above the bound, lich/ holds no table: a shared lich/#2026-q3 goes to lich/2026-q3/, and
    the visitor's quarter is named in the list (the overview as the generator writes it, with
    the bound lowered, and assets/portal.js)."""
    import datetime
    from pathlib import Path
    from tests.unit.test_listings import listing_pages
    body = listing_pages(small_catalog, bound=5)["lich/"]
    script = (Path(__file__).resolve().parents[2] / "content/assets/portal.js").read_text("utf-8")
    site = "http://lich.invalid/"
    pages = {"lich/index.html": f"<!doctype html><html lang=vi><body>{body}<script>{script}</script>",
             "lich/2026-q3/index.html": "<!doctype html><title>Quý III/2026</title>"}
    context = browser.new_context()
    try:
        context.route(f"{site}**", lambda route: route.fulfill(
            content_type="text/html; charset=utf-8", body=pages[route.request.url[len(site):].split("#")[0]]))
        page = context.new_page()
        page.clock.set_fixed_time(datetime.datetime(2026, 8, 15, 9))
        page.goto(site + "lich/index.html")
        assert page.locator('li[id="2026-q3"]').inner_text().count("quý này") == 1
        assert page.locator(".quy-nay a").get_attribute("href") == "2026-q3/index.html"
        page.goto(site + "lich/index.html#2026-q3")
        page.wait_for_url(site + "lich/2026-q3/index.html", timeout=5000)
        assert page.title() == "Quý III/2026"
    finally:
        context.close()


@pytest.mark.parametrize("hash_", ["#%E0%A4%A", "#%", "#%ZZ"])
def test_a_malformed_hash_breaks_nothing(browser, server, hash_):
    """decodeURIComponent threw URIError on a malformed escape, and the scripts after it (the
    citation button) never ran."""
    context, page, _, errors = visit(browser, server, PAGES["task"] + hash_, "desktop")
    try:
        assert page.get_by_role("button", name="Chép trích dẫn").count() == 1
        assert not errors, errors
    finally:
        context.close()
