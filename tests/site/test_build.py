"""Builds the real portal with MkDocs and checks the whole site."""
import hashlib
import json
import re
import unicodedata
from pathlib import Path

from generator.publish import export
from generator.textnorm import natural_key
from tests.conftest import mkdocs_build
from tests.site.linkcheck import broken_links, external_resources

KINDS = ["plans", "tasks", "agencies", "provinces", "partnerships"]


def test_build_is_strict_and_quiet(tmp_path):
    result = mkdocs_build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def test_every_record_has_its_page(built_site: Path):
    for kind in KINDS:
        records = json.loads((built_site / "opendata" / f"{kind}.json").read_text(encoding="utf-8"))
        assert records, kind
        for rec in records:
            assert rec["url"].endswith("/") and not rec["url"].startswith("/")
            page = built_site / rec["url"] / "index.html"
            assert page.is_file(), f"{kind} {rec['id']}: {page}"


def test_task_page_shows_the_task(built_site: Path):
    html = (built_site / "ke-hoach/son-la-hung-yen-2022-2025/b-5-5/index.html").read_text("utf-8")
    assert "Mục B, số 5.5" in html and "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La" in html
    html = (built_site / "ke-hoach/son-la-thanh-hoa-2026/index.html").read_text("utf-8")
    assert html.count("Không ghi") >= 3  # number, date, blank timeframes
    former = (built_site / "tinh-thanh/bac-kan/index.html").read_text("utf-8")
    assert "Tỉnh cũ" in former and "../thai-nguyen/index.html" in former


def test_every_internal_link_resolves(built_site: Path):
    assert broken_links(built_site) == []


def test_nothing_is_loaded_from_another_host(built_site: Path):
    assert external_resources(built_site) == []


def test_exports_match_the_data(built_site: Path, catalog):
    import datetime
    built_on = datetime.date(2025, 1, 1)    # SOURCE_DATE_EPOCH of the test build (tests/conftest.py)
    expected = export.records(catalog, today=built_on)    # statuses are the build date's
    for kind in KINDS:
        got = json.loads((built_site / "opendata" / f"{kind}.json").read_text(encoding="utf-8"))
        assert got == expected[kind]
        if kind == "tasks":                  # each plan's tasks in the order its document prints them
            assert [(r["plan"], r["position"]) for r in got] == sorted(
                ((r["plan"], r["position"]) for r in got), key=lambda k: (natural_key(k[0]), k[1]))
        else:
            assert [r["id"] for r in got] == sorted((r["id"] for r in got), key=natural_key)
        assert [list(r) for r in got][0] == [name for name, _ in export.FIELDS[kind]]
        raw = (built_site / "opendata" / f"{kind}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
        assert unicodedata.is_normalized("NFC", text)
        assert len(text.splitlines()) >= len(got) + 1
    tasks = {t["id"]: t for t in expected["tasks"]}
    t = tasks["son-la-thanh-hoa-2026/3"]
    assert t["timeframe"] == {"text": None, "start": None, "end": None, "ongoing": False,
                              "kind": "not-stated"}
    assert tasks["son-la-hung-yen-2022-2025/b-2-3"]["timeframe"]["ongoing"] is True


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_build_is_deterministic(tmp_path):
    """Two independent builds of the same data and commit, into two new directories, in
    different process environments (hash seed, time zone, locale): byte-identical sites."""
    one, two = tmp_path / "one", tmp_path / "two"
    for site, env in ((one, {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"}),
                      (two, {"PYTHONHASHSEED": "2", "TZ": "Asia/Ho_Chi_Minh", "LC_ALL": "C"})):
        result = mkdocs_build(site, env)
        assert result.returncode == 0, result.stderr
    first, second = _digest(one), _digest(two)
    assert len(first) > 290
    only = sorted(first.keys() ^ second.keys())
    differ = sorted(k for k in first.keys() & second.keys() if first[k] != second[k])
    assert (only, differ) == ([], []), f"only in one build: {only}; different bytes: {differ}"


def test_edit_link_opens_the_data_line(built_site: Path):
    import re as _re
    html = (built_site / "ke-hoach/son-la-thanh-hoa-2026/9/index.html").read_text(encoding="utf-8")
    link = _re.search(r'<a href="([^"]+)" title="Sửa dữ liệu trang này"', html).group(1)
    path, line = link.rsplit("#L", 1)
    assert path.endswith("/blob/main/data/plans/son-la-thanh-hoa-2026.yml")
    lines = (Path(__file__).resolve().parents[2] / "data/plans/son-la-thanh-hoa-2026.yml") \
        .read_text(encoding="utf-8").splitlines()
    assert lines[int(line) - 1].strip() == '- id: "9"'
    agency = (built_site / "co-quan/son-la-ttxt/index.html").read_text(encoding="utf-8")
    link = _re.search(r'<a href="([^"]+)" title="Sửa dữ liệu trang này"', agency).group(1)
    assert "/data/agencies/son-la.yml#L" in link
    guide = (built_site / "huong-dan-dong-gop.html").read_text(encoding="utf-8")
    assert "/content/huong-dan-dong-gop.md" in guide


def test_published_urls_never_break(built_site: Path):
    """Journalists cite these: each must still be a page or a redirect to its new address."""
    listed = (Path(__file__).resolve().parents[1] / "fixtures/published-urls.txt").read_text("utf-8")
    urls = [line for line in listed.splitlines() if line and not line.startswith("#")]
    assert len(urls) >= 289
    missing = [u for u in urls if not (built_site / u / "index.html").is_file()]
    assert missing == [], f"published URLs that no longer open: {missing[:10]}"


def test_the_test_dataset_builds_with_every_page_and_link(small_built_site: Path):
    """Every edge case of tests/fixtures/data-small through MkDocs: a page per record, every
    internal link and anchor resolves (former ids redirect), nothing from another host."""
    for kind in KINDS:
        for rec in json.loads((small_built_site / "opendata" / f"{kind}.json").read_text("utf-8")):
            assert (small_built_site / rec["url"] / "index.html").is_file(), rec["url"]
    for old in ("ke-hoach/sl-kiem-thu-2026/i-1/", "ke-hoach/son-la-kiem-thu-2026/1/",
                "co-quan/son-la-trung-tam-xuc-tien/", "tinh-thanh/thanh-hoa-cu/", "hop-tac/hcm-cac-tinh/"):
        assert (small_built_site / old / "index.html").is_file(), old
    assert broken_links(small_built_site) == []
    assert external_resources(small_built_site) == []


def _sidebar(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start:html.index("</nav>", start)]


def test_navigation_shared_by_pages_outside_it_and_active_on_its_own(built_site: Path):
    """Material's sidebar is rendered once for every page of one first folder and depth outside
    the navigation (mkdocs_hook.SharedFragments): two tasks of different plans carry the same
    sidebar, its folder's entry open and none marked as the page itself; the pages in the
    navigation still mark their own entry."""
    a = (built_site / "ke-hoach/son-la-thanh-hoa-2026/6/index.html").read_text(encoding="utf-8")
    b = (built_site / "ke-hoach/son-la-thu-hut-dau-tu-2023/iii-4-y1/index.html").read_text(encoding="utf-8")
    assert _sidebar(a) == _sidebar(b) and "md-nav__link--active" not in _sidebar(a)
    assert _sidebar(a).count("md-nav__item--active") == 1
    for page, entry in [("ke-hoach/index.html", "Kế hoạch"), ("gioi-thieu.html", "Giới thiệu"),
                        ("huong-dan-dong-gop.html", "Hướng dẫn đóng góp")]:
        html = (built_site / page).read_text(encoding="utf-8")
        active = html[html.index("md-nav__link--active"):][:400]
        assert entry in active, page


def _lit_tabs(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", t).strip() for t in
            re.findall(r'md-tabs__item md-tabs__item--active">\s*<a[^>]*>(.*?)</a>', html, re.S)]


def test_a_page_outside_the_navigation_lights_the_tab_of_its_folder(built_site: Path):
    """On a plan, task, agency, province or partnership page the desktop tabs say where the
    visitor is (mkdocs_hook.section_entry): one tab lit, its folder's, though the tabs are
    rendered once for all pages of a folder and depth."""
    for page, tab in [("ke-hoach/son-la-thanh-hoa-2026/index.html", "Kế hoạch"),
                      ("ke-hoach/son-la-thanh-hoa-2026/6/index.html", "Kế hoạch"),
                      ("co-quan/son-la-so-cong-thuong/index.html", "Cơ quan"),
                      ("tinh-thanh/son-la/index.html", "Tỉnh, thành phố"),
                      ("hop-tac/son-la-thanh-hoa/index.html", "Quan hệ hợp tác"),
                      ("index.html", "Trang chủ"), ("gioi-thieu.html", "Giới thiệu")]:
        assert _lit_tabs((built_site / page).read_text(encoding="utf-8")) == [tab], page
