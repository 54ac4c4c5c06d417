"""Builds the real portal with MkDocs and checks the whole site."""
import hashlib
import json
import unicodedata
from pathlib import Path

from generator import export
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
    assert "Nhiệm vụ 5.5" in html and "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La" in html
    html = (built_site / "ke-hoach/son-la-thanh-hoa-2026/index.html").read_text("utf-8")
    assert html.count("Không ghi") >= 3  # number, date, blank timeframes
    former = (built_site / "tinh-thanh/bac-kan/index.html").read_text("utf-8")
    assert "Tỉnh cũ" in former and "../thai-nguyen/index.html" in former


def test_every_internal_link_resolves(built_site: Path):
    assert broken_links(built_site) == []


def test_nothing_is_loaded_from_another_host(built_site: Path):
    assert external_resources(built_site) == []


def test_exports_match_the_data(built_site: Path, catalog):
    expected = export.records(catalog)
    for kind in KINDS:
        got = json.loads((built_site / "opendata" / f"{kind}.json").read_text(encoding="utf-8"))
        assert got == expected[kind]
        assert [r["id"] for r in got] == sorted(r["id"] for r in got)
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


def test_build_is_deterministic(built_site: Path, tmp_path):
    again = tmp_path / "again"
    assert mkdocs_build(again).returncode == 0
    first, second = _digest(built_site), _digest(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
