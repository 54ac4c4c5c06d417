"""The side files (open data, feeds, calendars) made by the second process of a MkDocs build
are the ones build_site makes in memory, byte for byte; a failure is a message, not a hang."""

import datetime

import pytest

from generator.build import build_site
from generator.publish.datapackage import DEFAULT_LICENCE
from generator.publish.sidefiles import SideFileError, SideFiles
from tests.smalldata import ROOT, SMALL

NOW = datetime.datetime(2026, 7, 1, tzinfo=datetime.timezone.utc)


def test_the_child_writes_what_build_site_makes(tmp_path):
    site_dir = tmp_path / "site"
    side = SideFiles(SMALL, site_dir, "https://cong.example.vn/", NOW, DEFAULT_LICENCE, None)
    expected = build_site(SMALL, ROOT, site_url="https://cong.example.vn/", now=NOW).files
    pages_only = build_site(
        SMALL, ROOT, site_url="https://cong.example.vn/", now=NOW, with_side_files=False
    ).files
    assert side.finish(site_dir) == len(expected) - len(pages_only)
    written = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    assert written == {k: v for k, v in expected.items() if k not in pages_only}
    assert any(k.endswith(".ics") for k in written) and "opendata/tasks.json" in written
    assert not side.staging.exists()


def test_a_failing_child_is_reported_and_cleaned_up(tmp_path):
    side = SideFiles(tmp_path / "khong-co", tmp_path / "site", "", NOW, DEFAULT_LICENCE, None)
    with pytest.raises(SideFileError, match="lỗi"):
        side.finish(tmp_path / "site")
    assert not side.staging.exists() and not (tmp_path / "site").exists()
