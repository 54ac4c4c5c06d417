"""Issue 28: where a plan and a task stand, first on their pages at 360 and 1280 px, counted by
status, filterable, and moved to the visitor's date in the browser (the site is built for
SOURCE_DATE_EPOCH = 1/1/2025, tests/conftest.py; the browser's clock is set to 7/12/2026)."""
from __future__ import annotations

import datetime

import pytest

from generator.model.status import count, period_status, task_status
from tests.site.test_browser import VIEWPORTS

pytestmark = pytest.mark.browser

VISIT = datetime.date(2026, 12, 7)
BUILT = datetime.date(2025, 1, 1)
HCM = "ho-chi-minh-4778-kh-ubnd-2023"
TASK = f"ke-hoach/{HCM}/ii-2-1-y1/index.html"     # "năm 2023", no report
DUE = "ke-hoach/son-la-thanh-hoa-2026/5/index.html"   # "Quý III/2026": in time on 1/1/2025


def _open(browser, server, path, viewport, day=VISIT, js=True):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=js)
    page = context.new_page()
    if js:
        page.clock.set_fixed_time(datetime.datetime(day.year, day.month, day.day, 9, 0))
    page.goto(server + path, wait_until="networkidle" if js else "load")
    return context, page


_FIRST_SCREEN = """() => {
  const box = document.querySelector('.trang-thai');
  const r = box.getBoundingClientRect();
  return {name: box.querySelector('.trang-thai__ten').textContent, top: r.top, bottom: r.bottom,
          key: box.getAttribute('data-trang-thai'), h: innerHeight};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_plans_status_is_on_the_first_screen_for_the_visitors_date(browser, server, catalog,
                                                                    viewport):
    context, page = _open(browser, server, f"ke-hoach/{HCM}/index.html", viewport)
    try:
        got = page.evaluate(_FIRST_SCREEN)
        assert got["name"] == "Đã hết giai đoạn kế hoạch (31/12/2025)"
        assert got["key"] == period_status(catalog.plans[HCM].period, VISIT).key
        assert 0 <= got["top"] and got["bottom"] <= got["h"], got
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_tasks_status_is_on_the_first_screen_for_the_visitors_date(browser, server, catalog,
                                                                    viewport):
    context, page = _open(browser, server, TASK, viewport)
    try:
        got = page.evaluate(_FIRST_SCREEN)
        assert got["name"] == "Đã qua thời hạn ghi trong văn bản — chưa có báo cáo"
        assert 0 <= got["top"] and got["bottom"] <= got["h"], got
        assert "Tính theo hôm nay (07/12/2026)" in page.inner_text(".trang-thai")
    finally:
        context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_visitors_date_moves_a_task_and_without_javascript_the_build_date_shows(
        browser, server, js):
    context, page = _open(browser, server, DUE, "phone", js=js)
    try:
        text = page.inner_text(".trang-thai")
        if js:
            assert "Đã qua thời hạn ghi trong văn bản — chưa có báo cáo" in text
            assert "Tính theo hôm nay (07/12/2026)" in text
        else:
            assert "Trong thời hạn" in text and "Tính theo ngày 01/01/2025" in text
        context.close()
        context, page = _open(browser, server, f"ke-hoach/{HCM}/index.html", "phone", js=js)
        name = page.inner_text(".trang-thai__ten")
        assert name == ("Đã hết giai đoạn kế hoạch (31/12/2025)" if js
                        else "Đang thực hiện (đến 31/12/2025)")
    finally:
        context.close()


def test_the_counts_on_home_are_pythons_for_the_visitors_date(browser, server, catalog):
    context, page = _open(browser, server, "index.html", "phone")
    try:
        shown = page.eval_on_selector_all(
            ".trang-thai-dem__muc", "items => items.map(li => li.textContent.trim())")
        want = [f"{name}: {n}" for _, name, n in count(catalog.tasks, VISIT).counts]
        assert shown == want
        assert want != [f"{name}: {n}" for _, name, n in count(catalog.tasks, BUILT).counts]
    finally:
        context.close()


def test_the_status_filter_keeps_the_rows_of_that_status_on_the_visitors_date(browser, server,
                                                                              catalog):
    context, page = _open(browser, server, f"ke-hoach/{HCM}/index.html?trang-thai=qua-thoi-han",
                          "desktop")
    try:
        shown = page.eval_on_selector_all(
            ".bang-nhiem-vu tbody tr:not([hidden]) td.so a", "links => links.map(a => a.href)")
        late = [t for t in catalog.plans[HCM].tasks if task_status(t, VISIT).key == "qua-thoi-han"]
        assert len(shown) == len(late) > 0
        assert sorted(h.split(f"{HCM}/")[1].split("/")[0] for h in shown) == sorted(t.id for t in late)
    finally:
        context.close()
