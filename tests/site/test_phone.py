"""Issue 28, a phone that gets out of the way (360 px): every page's height under the bound the
project set itself, the back-to-top button reachable and never under the sticky search bar.

Heights: one browser page, a viewport of 360, document.body.scrollHeight after DOMContentLoaded
(the portal's script has run: folded parts and the filter panel are as a visitor first sees
them), images and fonts not fetched. Every page is measured, the task pages too (they do not
grow with the data, but the issue asks for all of them, not a sample).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

BOUND = 15_000        # px at 360 px wide (issue 21)
TASK = re.compile(r"^ke-hoach/[^/]+/[^/]+/index\.html$")


def _pages(site: Path) -> list[str]:
    """Every page a visitor can open (redirects of old addresses and the 404 page aside)."""
    return [str(p.relative_to(site)) for p in sorted(site.rglob("*.html"))
            if p.name != "404.html" and 'http-equiv="refresh"' not in p.read_text("utf-8")[:3000]]


def test_every_page_a_phone_holds(browser, server, built_site):
    pages = _pages(built_site)
    assert len(pages) > 100
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.route("**/*", lambda r: r.abort() if r.request.resource_type in ("image", "font", "media")
               else r.continue_())
    try:
        heights = {}
        for path in pages:
            page.goto(server + path, wait_until="domcontentloaded")
            heights[path] = page.evaluate("document.body.scrollHeight")
    finally:
        context.close()
    too_tall = {p: h for p, h in heights.items() if h > BOUND}
    assert too_tall == {}, too_tall
    for kind in ("van-ban/", "nhiem-vu/", "lich/", "huong-dan-dong-gop.html", "nhap-ke-hoach.html"):
        assert any(p.startswith(kind) for p in heights), kind                # each measured
    assert sum(1 for p in heights if TASK.match(p)) >= 173                    # every task page


_BACK_TO_TOP = """() => {
  const top = document.querySelector('.md-top');
  const bar = document.querySelector('form.tim-nhanh');
  const r = top.getBoundingClientRect(), b = bar.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {hidden: top.hasAttribute('hidden') || top.classList.contains('md-top--hidden'),
          onScreen: r.top >= 0 && r.bottom <= innerHeight && r.width > 0,
          hit: !!hit && (hit === top || top.contains(hit)),
          overlapsBar: !(r.bottom <= b.top || r.top >= b.bottom || r.right <= b.left || r.left >= b.right)};
}"""


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
def test_back_to_top_is_reachable_and_never_under_the_search_bar(browser, server, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    try:
        page.goto(server + "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/index.html", wait_until="networkidle")
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(400)
        page.mouse.wheel(0, -300)          # Material shows the button when the visitor scrolls up
        page.wait_for_timeout(600)
        got = page.evaluate(_BACK_TO_TOP)
        assert got == {"hidden": False, "onScreen": True, "hit": True, "overlapsBar": False}, got
        page.locator(".md-top").click()
        page.wait_for_timeout(800)
        assert page.evaluate("scrollY") < 50
    finally:
        context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_xem_cho_in_opens_the_part_of_the_source_text_that_holds_the_line(browser, server,
                                                                         built_site, js):
    """The HCM tasks are printed in van-ban/nghe-an-8177-ubnd-cn-2023/ (35,223 px before it was
    folded): the task's link lands on its line, shown, in an open part."""
    task = (built_site / "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-1-y1/index.html").read_text("utf-8")
    href = re.search(r'href="([^"]*van-ban/nghe-an-8177-ubnd-cn-2023/index\.html#dong-\d+)"', task).group(1)
    anchor = href.split("#")[1]
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=js)
    page = context.new_page()
    try:
        page.goto(server + "van-ban/nghe-an-8177-ubnd-cn-2023/index.html#" + anchor,
                  wait_until="networkidle" if js else "load")
        page.wait_for_timeout(300)
        got = page.evaluate("""(id) => {
          const line = document.getElementById(id), r = line.getBoundingClientRect();
          return {open: line.closest('details').open, shown: r.top >= 0 && r.top < innerHeight && r.height > 0,
                  parts: document.querySelectorAll('details.phan-van-ban').length};
        }""", anchor)
        assert got["open"] and got["shown"] and got["parts"] > 3, got
    finally:
        context.close()


def test_source_text_pages_have_no_serious_accessibility_finding(browser, server, built_site):
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for doc in sorted(p.name for p in (built_site / "van-ban").iterdir() if p.is_dir()):
            page.goto(f"{server}van-ban/{doc}/index.html", wait_until="networkidle")
            page.wait_for_timeout(200)
            found = [(v["id"], len(v["nodes"])) for v in axe.run(page).response["violations"]
                     if v["impact"] in ("serious", "critical")]
            assert found == [], (doc, found)
    finally:
        context.close()


_CLS = """window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});"""

FILTERED = ["lich/2026-q4/index.html?chu-tri=son-la-ttxt",
            "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/index.html?trang-thai=qua-thoi-han",
            "nhiem-vu/ho-chi-minh/index.html?tinh=nghe-an",
            "co-quan/ho-chi-minh-itpc/index.html?ky=2023",           # first row at y = 1,906 before
            "tinh-thanh/son-la/index.html?ky=2026",                  # 2,570
            "hop-tac/son-la-hung-yen/index.html?trang-thai=qua-thoi-han"]   # 1,726


@pytest.mark.parametrize("path", FILTERED)
def test_a_filtered_list_on_a_phone_shows_results_first_and_does_not_jump(browser, server, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.add_init_script(_CLS)
    try:
        page.goto(server + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        got = page.evaluate("""() => {
          const row = [...document.querySelectorAll('.bang-nhiem-vu tbody tr')].find(r => !r.hidden && r.offsetHeight);
          const button = document.querySelector('.bo-loc__nut');
          const fields = document.querySelector('.bo-loc__o');
          const empty = [...document.querySelectorAll('.bang-nhiem-vu')].filter(t => t.offsetHeight && !t.querySelector('tbody tr:not([hidden])'));
          return {first: row ? Math.round(row.getBoundingClientRect().top) : null, button: button && button.textContent,
                  fieldsShown: fields.offsetHeight > 0, emptyShown: empty.length, cls: window.__cls};
        }""")
        assert got["first"] is not None, got
        # the first result on the first screen, under the sticky header and search bar (it was
        # at y = 918 on lich/2026-q4/; a shared link to an agency's 2023 tasks opened on its facts)
        assert 100 < got["first"] < 740 * 2 / 3, got
        assert got["button"] == "Lọc (1)" and not got["fieldsShown"], got
        assert got["emptyShown"] == 0, got                                 # no "0/80" group left
        assert got["cls"] <= 0.1, got
        page.locator(".bo-loc__nut").click()
        assert page.locator(".bo-loc__o").is_visible()
        assert page.locator(".bo-loc__nut").get_attribute("aria-expanded") == "true"
    finally:
        context.close()


def test_without_javascript_a_filtered_link_says_filters_need_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "nhiem-vu/ho-chi-minh/index.html?tinh=nghe-an", wait_until="load")
        note = page.locator(".khong-js-loc")
        assert note.is_visible() and "cần JavaScript" in note.inner_text()
        hrefs = note.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert any(h.endswith("co-quan/index.html") for h in hrefs)
        assert any(h.endswith("lich/index.html") for h in hrefs)
    finally:
        context.close()


SEARCHES = ["tim-kiem/index.html?q=son+la",                  # 0.24 before (issue 28)
            "tim-kiem/index.html?q=thanh+hao",               # with "Có phải bạn muốn tìm"
            "tim-kiem/index.html?q=ke+hoach+4778&loai=nhiem-vu"]   # with a filter in the address


@pytest.mark.parametrize("path", SEARCHES)
def test_search_results_arrive_without_moving_the_page_and_on_the_first_screen(browser, server, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.add_init_script(_CLS)
    try:
        page.goto(server + path, wait_until="networkidle")
        page.wait_for_function("document.querySelectorAll('#ket-qua li').length > 0")
        page.wait_for_timeout(500)
        got = page.evaluate("""() => ({cls: window.__cls,
          first: Math.round(document.querySelector('#ket-qua li').getBoundingClientRect().top),
          filtersOpen: document.getElementById('loc-tim').open,
          filtersSay: document.querySelector('#loc-tim summary').textContent})""")
        assert got["cls"] <= 0.1, got
        assert got["first"] < 740 * 0.9, got             # a result, not only panels, on the first screen
        assert not got["filtersOpen"], got               # folded on a phone, counted when in use
        assert ("(1 đang dùng)" in got["filtersSay"]) == ("loai=" in path), got
    finally:
        context.close()


@pytest.mark.parametrize("path", ["ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/index.html",
                                  "co-quan/son-la-ttxt/index.html", "van-ban/nghe-an-8177-ubnd-cn-2023/index.html"])
def test_the_phone_menu_holds_the_page_contents(browser, server, path):
    """Material lists a page's contents in the menu only for pages that are in the menu; plans,
    agencies and source texts are not (issue 28). Tapping a section closes the menu on it."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(server + path, wait_until="networkidle")
        sections = page.evaluate("[...document.querySelectorAll('article h2[id]')].map(h => h.id)")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(400)
        menu = page.locator(".md-sidebar--primary .muc-luc-trang")
        assert menu.is_visible() and "Trên trang này" in menu.inner_text()
        hrefs = menu.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert [h for h in hrefs if h[1:] in sections] == ["#" + s for s in sections], (hrefs, sections)
        box = menu.locator("a").first.bounding_box()
        assert 0 <= box["y"] < 740 and box["x"] >= 0
        target = sections[-1]
        menu.locator(f'a[href="#{target}"]').click()
        page.wait_for_timeout(600)
        assert not page.evaluate("document.getElementById('__drawer').checked")
        top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", target)
        assert 0 <= top < 740 / 2, top
    finally:
        context.close()


def test_on_a_desktop_the_contents_stand_beside_the_page_not_in_the_menu(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(server + "co-quan/son-la-ttxt/index.html", wait_until="networkidle")
        assert page.locator(".md-sidebar--secondary nav.md-nav--secondary").is_visible()
        assert page.locator(".muc-luc-trang").count() == 1
        assert not page.locator(".muc-luc-trang").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["co-quan/son-la-ttxt/index.html", "co-quan/ho-chi-minh-itpc/index.html"])
def test_an_agency_page_on_a_phone_says_how_its_tasks_stand_before_its_other_names(browser, server, path):
    """The status counts were at y = 1,150 on son-la-ttxt/, under the other spellings of the
    name and the documents naming it; those now follow the lists, under "Về cơ quan này"."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(server + path, wait_until="networkidle")
        got = page.evaluate("""() => ({
          counts: Math.round(document.querySelector('.trang-thai-dem').getBoundingClientRect().top),
          about: Math.round(document.getElementById('ve-co-quan').getBoundingClientRect().top),
          list: Math.round(document.getElementById('chu-tri').getBoundingClientRect().top)})""")
        assert got["counts"] < 740 * 0.8 and got["list"] < got["about"], got
        assert "Các cách viết khác" in page.locator("article").inner_text()   # still on the page
    finally:
        context.close()
