"""Citable and correctable: real permanent links (or none), the source document one click away,
a way to report a mistake, feeds per agency and province, open data that tools read."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import feedparser
import icalendar
import pytest

from generator.textnorm import fold
from tests.conftest import ROOT, mkdocs_build
from tests.site.linkcheck import target_file

SITE_URL = "https://du-lieu.tinh-mau.vn/cong/"      # a published address, for the second build
EMAIL = "bao-sai@tinh-mau.vn"
PUBLISHER = "Nhóm dữ liệu mở tỉnh Mẫu"
CONTACT = "lien-he@tinh-mau.vn"
PLACEHOLDERS = re.compile(rb"example\.(?:org|com|net|invalid)|\.example[/\"']")
TASK = "ke-hoach/son-la-thanh-hoa-2026/3/"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The portal built as the deploy workflow builds it, with its address and a report email."""
    site = tmp_path_factory.mktemp("published")
    result = mkdocs_build(site, {"PORTAL_SITE_URL": SITE_URL, "PORTAL_REPORT_EMAIL": EMAIL,
                                 "PORTAL_PUBLISHER": PUBLISHER, "PORTAL_CONTACT": CONTACT})
    assert result.returncode == 0, result.stderr
    return site


def test_the_publisher_and_a_contact_are_named_or_said_to_be_missing(built_site: Path, published: Path):
    for page in ("index.html", "gioi-thieu.html", TASK + "index.html", "404.html"):
        footer = re.search(r'<nav class="chan-trang.*?</nav>', (published / page).read_text("utf-8"), re.S).group(0)
        assert f"Cổng do {PUBLISHER} vận hành, không phải trang thông tin chính thức" in footer, page
        assert f'href="mailto:{CONTACT}"' in footer
        footer = re.search(r'<nav class="chan-trang.*?</nav>', (built_site / page).read_text("utf-8"), re.S).group(0)
        assert "chưa ghi đơn vị vận hành (chưa cấu hình)" in footer, page
    about = (published / "gioi-thieu.html").read_text("utf-8")
    assert f"Cổng này do <strong>{PUBLISHER}</strong> vận hành" in about
    assert "<strong>Chưa cấu hình.</strong>" in (built_site / "gioi-thieu.html").read_text("utf-8")
    for site in (built_site, published):                 # the 404 page: a way to report the link
        assert 'class="bao-404__lien-ket"' in (site / "404.html").read_text("utf-8")
    home = (built_site / "index.html").read_text("utf-8")
    assert "Cổng không phải trang thông tin chính thức của cơ quan nhà nước" in home


def _text_files(site: Path):
    """Every text file the portal writes (the search index's result texts included)."""
    return [p for p in site.rglob("*") if p.is_file() and p.suffix in
            (".html", ".xml", ".ics", ".json", ".csv", ".txt", ".js")]


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def test_no_placeholder_domain_in_either_build(built_site: Path, published: Path):
    for site in (built_site, published):
        found = [p.relative_to(site).as_posix() for p in _text_files(site)
                 if PLACEHOLDERS.search(p.read_bytes())]
        assert found == [], found[:10]


def test_without_a_site_url_no_absolute_permanent_link(built_site: Path):
    html = _html(built_site, TASK)
    assert 'rel="canonical"' not in html and 'property="og:url"' not in html
    citation = re.sub(r"<[^>]+>", "", re.search(r'id="trich-dan-van-ban">(.*?)</p>', html).group(1))
    assert citation.endswith(f"Đường dẫn trên cổng: {TASK} (địa chỉ đầy đủ có trên trang đã xuất bản)")
    for name in ("feeds/ke-hoach.xml", "co-quan/son-la-ttxt/nhiem-vu.xml"):
        feed = feedparser.parse((built_site / name).read_bytes())
        assert not feed.bozo and feed.entries
        assert not any(urlsplit(e.link).scheme for e in feed.entries), name
    for name in ("lich/nhiem-vu.ics", "tinh-thanh/son-la/lich.ics"):
        events = icalendar.Calendar.from_ical((built_site / name).read_bytes()).walk("VEVENT")
        assert events and not any("URL" in e for e in events), name
    assert "<loc>" not in (built_site / "sitemap.xml").read_text("utf-8")
    package = json.loads((built_site / "opendata/datapackage.json").read_text("utf-8"))
    assert "homepage" not in package
    assert {t["permalink"] for t in json.loads((built_site / "opendata/tasks.json").read_text())} == {None}


def test_with_a_site_url_every_permanent_link_uses_it(published: Path):
    html = _html(published, TASK)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical == SITE_URL + TASK              # one address: <dir>/, never <dir>/index.html
    assert re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1) == canonical
    citation = re.search(r'id="trich-dan-van-ban">([^<]+)<', html).group(1)
    assert citation.endswith(f". {SITE_URL}{TASK}")
    feed = feedparser.parse((published / "co-quan/son-la-ttxt/nhiem-vu.xml").read_bytes())
    assert feed.entries and all(e.link.startswith(SITE_URL) for e in feed.entries)
    assert feedparser.parse((published / "feeds/ke-hoach.xml").read_bytes()).entries[0].link.startswith(SITE_URL)
    events = icalendar.Calendar.from_ical((published / "lich/nhiem-vu.ics").read_bytes()).walk("VEVENT")
    assert events and all(str(e["URL"]).startswith(SITE_URL) for e in events)
    locs = set(re.findall(r"<loc>([^<]+)</loc>", (published / "sitemap.xml").read_text("utf-8")))
    pages = {p.relative_to(published).as_posix() for p in published.rglob("*.html")
             if p.name != "404.html" and "<title>Trang đã chuyển" not in p.read_text("utf-8")}
    assert {SITE_URL + p.removesuffix("index.html") for p in pages} <= locs
    assert len(locs) >= 290 and all(loc.startswith(SITE_URL) for loc in locs)
    assert not [loc for loc in locs if loc.endswith("index.html")]
    assert SITE_URL + "van-ban/son-la-thanh-hoa-2026/" in locs
    package = json.loads((published / "opendata/datapackage.json").read_text("utf-8"))
    assert package["homepage"] == SITE_URL + "du-lieu-mo/"
    tasks = json.loads((published / "opendata/tasks.json").read_text("utf-8"))
    assert all(t["permalink"] == SITE_URL + t["url"] and t["url"].endswith("/") for t in tasks)
    feed_links = {e.link for e in feed.entries}
    assert SITE_URL + TASK in feed_links or all(link.endswith("/") for link in feed_links)


@pytest.mark.parametrize("value", ["", "https://example.org/", "ten-mien-thieu"])
def test_publish_refuses_without_a_real_site_url(value, tmp_path):
    env = dict(os.environ, PORTAL_SITE_URL=value)
    result = subprocess.run(["make", "-s", "publish"], cwd=ROOT, env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0
    message = [line for line in result.stderr.splitlines() if line.startswith("make publish:")]
    assert len(message) == 1 and "PORTAL_SITE_URL" in message[0], result.stderr


def test_publish_refuses_without_a_publisher_and_a_contact(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_PUBLISHER", "PORTAL_CONTACT")}
    for extra in ({}, {"PORTAL_PUBLISHER": "Nhóm dữ liệu mở tỉnh"}, {"PORTAL_CONTACT": "a@b.vn"}):
        result = subprocess.run(["make", "-s", "publish"], cwd=ROOT, capture_output=True, text=True,
                                env=dict(env, PORTAL_SITE_URL=SITE_URL, **extra))
        assert result.returncode != 0, extra
        message = [line for line in result.stderr.splitlines() if line.startswith("make publish:")]
        assert len(message) == 1 and "extra.publisher" in message[0], result.stderr


def _anchor_target(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    target, fragment = target_file(site.resolve(), (site / page_url / "index.html").resolve(), href)
    return target, fragment


def _line_text(html: str, element_id: str) -> str:
    """The words of one line of a document page (not its number, not its links to tasks)."""
    m = re.search(rf'<h3 [^>]*id="{element_id}"[^>]*>(.*?)</h3>|id="{element_id}"[^>]*>'
                  rf'<a class="dong__so"[^>]*>\d+</a><div class="dong__chu">(.*?)'
                  rf'(?:<span class="dong__nv">.*?)?</div></div>', html, re.S)
    assert m, element_id
    return re.sub(r"<[^>]+>", " ", m.group(1) or m.group(2))


def test_every_task_page_links_to_the_line_that_prints_it(built_site: Path, catalog):
    placed = 0
    for task in catalog.tasks:
        html = _html(built_site, task.url)
        hrefs = re.findall(r'<a href="([^"]*van-ban/[^"]+)">xem chỗ in nhiệm vụ', html)
        assert hrefs, task.key
        target, fragment = _anchor_target(built_site, task.url, hrefs[0])
        assert target.parent.parent.name == "van-ban" and fragment.startswith("dong-"), hrefs[0]
        doc = target.read_text("utf-8")
        start = int(fragment.removeprefix("dong-"))
        text = " ".join(fold(_line_text(doc, f"dong-{n}"))
                        for n in range(start, start + 9) if f'id="dong-{n}"' in doc)
        first = " ".join(fold(task.content).split()[:4]).strip(".,;:")
        assert first in " ".join(text.split())[:300], (task.key, fragment)
        placed += 1
    assert placed == 173


def test_pages_name_the_document_by_number_and_date_never_by_file_name(built_site: Path):
    task = _html(built_site, "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-1-2-y1/")
    assert "Kế hoạch số 4778/KH-UBND, ngày 26/09/2023 (kèm theo Công văn số 8177/UBND-CN)" in task
    undated = _html(built_site, TASK)
    assert re.search(r"ngày ban hành: <span class=\"khong-ghi\">Không ghi</span>", undated)
    agency = _html(built_site, "co-quan/son-la-ttxt/")
    assert "xem chỗ nêu tên lần đầu trong toàn văn" in agency
    plan = _html(built_site, "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/")
    assert 'van-ban/nghe-an-8177-ubnd-cn-2023/index.html#dong-45"' in plan
    names = [p.name for p in (ROOT / "data/sources").glob("*.txt")]
    # (the contributors' guide names one, as the example of `source.file`)
    leaks = [(p.relative_to(built_site).as_posix(), n) for p in built_site.rglob("*.html")
             for n in names if n.split(".")[0] in p.read_text("utf-8")
             and p.name != "huong-dan-dong-gop.html"]
    assert leaks == []


def test_the_document_page(built_site: Path):
    html = _html(built_site, "van-ban/nghe-an-8177-ubnd-cn-2023/")
    for text in ("Toàn văn Công văn số 8177/UBND-CN", "8177/UBND-CN", "27/09/2023",
                 "Đặng Thanh Tùng", "4778/KH-UBND", "Dương Anh Đức", "Tệp chính thức"):
        assert text in html, text
    lines = (ROOT / "data/sources/004_f4e4cd4bac5b5cd1.txt").read_text("utf-8").splitlines()
    kept = [i for i, line in enumerate(lines, 1) if line.strip() not in ("", "|")]
    assert all(f'id="dong-{i}"' in html for i in kept)
    assert html.count("<span class=\"khong-ghi\">Không ghi</span> <small>(cổng chưa ghi") == 2


def _report_link(html: str) -> str:
    return re.search(r'<a class="thao-tac__bao" href="([^"]+)">Báo sai sót</a>', html).group(1)


def test_report_and_edit_links_on_task_and_plan_pages(built_site: Path, published: Path):
    for url in (TASK, "ke-hoach/son-la-thanh-hoa-2026/"):
        html = _html(built_site, url)
        link = _report_link(html).replace("&amp;", "&")
        parts = urlsplit(link)
        assert parts.netloc == "github.com" and parts.path.endswith("/issues/new")
        query = parse_qs(parts.query)
        assert query["title"][0].startswith("Báo sai sót: ")
        assert f"{url}index.html" in query["body"][0]
        edit = re.search(r'<a class="thao-tac__sua" href="([^"]+)" rel="edit">Sửa dữ liệu</a>', html)
        assert edit and "/data/plans/son-la-thanh-hoa-2026.yml#L" in edit.group(1)
    mail = _report_link(_html(published, TASK)).replace("&amp;", "&")
    assert mail.startswith(f"mailto:{EMAIL}?subject=")
    body = parse_qs(urlsplit(mail).query)["body"][0]
    assert SITE_URL + TASK in body


def test_about_page_linked_from_every_footer_and_a_vietnamese_404(built_site: Path):
    about = (built_site / "gioi-thieu.html").read_text("utf-8")
    for heading in ("Ai duy trì", "Dữ liệu lấy từ đâu", "Dữ liệu được kiểm tra ra sao",
                    "Sử dụng lại dữ liệu", "Báo và sửa sai sót"):
        assert heading in about
    pages = [p for p in built_site.rglob("*.html") if "Trang đã chuyển" not in p.read_text("utf-8")
             and p.name != "404.html"]
    assert len(pages) > 290
    for page in pages:
        footer = re.search(r'<nav class="chan-trang[^>]*>(.*?)</nav>', page.read_text("utf-8"), re.S)
        href = re.search(r'<a href="([^"]+)">Giới thiệu</a>', footer.group(1)).group(1)
        target, _ = target_file(built_site.resolve(), page.resolve(), href)
        assert target == (built_site / "gioi-thieu.html").resolve(), page
    missing = (built_site / "404.html").read_text("utf-8")
    assert "<h1>Không tìm thấy trang</h1>" in missing and "404 - Not found" not in missing
    assert re.search(r'<form class="tim-404" role="search" action="[^"]*tim-kiem/index.html"', missing)
    assert 'name="q"' in missing and "ke-hoach/index.html" in missing


def test_agency_and_province_pages_offer_their_own_feed_and_calendar(built_site: Path, catalog):
    pages = [a.url for a in catalog.agencies.values()] + [p.url for p in catalog.provinces.values()]
    for url in pages:
        html = _html(built_site, url)
        links = re.findall(r'<link rel="alternate feed" type="([^"]+)" title="[^"]+" href="([^"]+)">', html)
        assert [t for t, _ in links] == ["application/atom+xml", "text/calendar"], url
        feed_file, _ = _anchor_target(built_site, url, links[0][1])
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo, url
        cal = icalendar.Calendar.from_ical(_anchor_target(built_site, url, links[1][1])[0].read_bytes())
        assert cal["X-WR-CALNAME"]
    assert 'rel="alternate"' not in _html(built_site, "co-quan/son-la-ttxt/")
    agency = _html(built_site, "co-quan/son-la-ttxt/")
    assert 'href="nhiem-vu.xml" type="application/atom+xml">nguồn tin Atom</a>' in agency


def test_the_built_data_package_and_every_csv_validate(built_site: Path):
    from frictionless import Package, Resource, Schema
    opendata = built_site / "opendata"
    report = Package(str(opendata / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((opendata / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["created"] == "2025-01-01T00:00:00Z"       # SOURCE_DATE_EPOCH of the tests
    tasks = next(r for r in package["resources"] if r["name"] == "tasks")["schema"]
    schema = Schema.from_descriptor(tasks | {"foreignKeys": []})
    slices = sorted(p.relative_to(opendata).as_posix() for p in opendata.glob("*/*.csv"))
    assert len(slices) > 60
    for name in slices:
        result = Resource(path=name, basepath=str(opendata), schema=schema).validate()
        assert result.valid, (name, result.flatten(["rowNumber", "fieldName", "type"])[:5])
    page = (built_site / "du-lieu-mo/index.html").read_text("utf-8")
    assert 'rel="license">CC BY 4.0</a>' in page and "01/01/2025" in page
    assert "datapackage.json" in page


@pytest.mark.browser
@pytest.mark.parametrize("today, quarter, active", [
    ("2026-08-15", "Quý III/2026", "2026-q3"), ("2023-11-20", "Quý IV/2023", "2023-q4"),
    ("2031-02-01", "Quý I/2031", None)])
def test_this_quarter_is_the_visitors(browser, server, built_site, today, quarter, active):
    import datetime
    box = re.search(r"data-quy-nay='([^']+)'", (built_site / "index.html").read_text("utf-8"))
    counts = json.loads(box.group(1))
    context = browser.new_context()
    page = context.new_page()
    try:
        page.clock.set_fixed_time(datetime.datetime.fromisoformat(today + "T09:00:00"))
        page.goto(server + "index.html")
        text = page.locator(".quy-nay").inner_text()
        assert quarter in text and "Hôm nay" in text
        if active:
            title, n, due, own_page = counts[active]
            assert f"{n} nhiệm vụ đang thực hiện trong quý, trong đó {due} nhiệm vụ đến hạn" in text
            assert own_page and page.locator(".quy-nay a").get_attribute("href") == f"lich/{active}/index.html"
        else:
            assert "không có nhiệm vụ nào có mốc thời gian trong quý" in text
        if active:
            page.goto(server + "lich/index.html")
            assert page.locator(f'h2[id="{active}"]').inner_text().endswith("(quý này)")
            assert page.locator(f'h2[id="{active}"] + details').get_attribute("open") is not None
    finally:
        context.close()


@pytest.mark.browser
def test_served_without_a_site_url_the_citation_names_the_address_it_is_served_at(browser, server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server + TASK + "index.html")
        text = page.locator("#trich-dan-van-ban").inner_text()
        assert text.endswith(". " + server + TASK) and "Đường dẫn trên cổng" not in text
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_this_quarter_says_the_build_date(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "index.html")
        text = page.locator(".quy-nay").inner_text()
        assert text.startswith("Theo ngày cổng được xây dựng (01/01/2025): Quý I/2025")
    finally:
        context.close()
