"""The steps around the builder (generator/steps.py), without a builder: before it the pages and
files, after it the side files moved in, and the check that every generated page was written."""

from __future__ import annotations

import pytest

from generator.steps import PortalBuild, Settings, StepFailed
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "data-small"


def build_of(tmp_path) -> PortalBuild:
    return PortalBuild(Settings(data_dir=SMALL, site_dir=tmp_path / "site", preview=None), ROOT)


def test_a_build_whose_every_page_was_written_gets_its_side_files(tmp_path):
    build = build_of(tmp_path)
    site = build.before()
    for src_uri in list(site.bodies):
        assert build.take_body(src_uri) is not None
    build.after()
    assert (tmp_path / "site/opendata/datapackage.json").is_file()


def test_a_page_the_builder_never_wrote_fails_the_build(tmp_path):
    build = build_of(tmp_path)
    site = build.before()
    missed = sorted(site.bodies)[0]
    for src_uri in sorted(site.bodies)[1:]:
        build.take_body(src_uri)
    with pytest.raises(StepFailed, match=f"1 trang không được ghi, ví dụ {missed}"):
        build.after()


@pytest.mark.parametrize(
    "raw,expected",
    [(None, None), ('https://github.com/a/b/blob/x"><svg>', "https://github.com/a/b/blob/x%22%3E%3Csvg%3E")],
)
def test_the_edit_base_is_percent_encoded_and_a_page_points_at_its_data_line(tmp_path, raw, expected):
    build = PortalBuild(Settings(data_dir=SMALL, site_dir=tmp_path / "site", edit_base=raw), ROOT)
    assert build.edit_base == expected
    site = build.before()
    try:
        src_uri, where = next(iter(site.edits.items()))
        edit = build.edit_url(src_uri)
        assert edit is None if raw is None else edit == f"{expected}/{where.path}#L{where.line}"
    finally:
        build.cancel()


def test_an_edit_base_that_is_not_http_is_refused(tmp_path):
    with pytest.raises(StepFailed, match="không phải địa chỉ http"):
        PortalBuild(
            Settings(data_dir=SMALL, site_dir=tmp_path / "site", edit_base="javascript:alert(1)"), ROOT
        )
