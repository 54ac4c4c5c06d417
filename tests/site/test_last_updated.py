"""Issue 28: "Cập nhật lần cuối" on every plan, task, agency, province and partnership page
equals `git log -1` of the record's data file, and each plan lists its file's commits."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.smalldata import ROOT

UPDATED = re.compile(r'Cập nhật lần cuối</dt><dd class="cap-nhat"[^>]*><time datetime="([0-9-]+)">')


def _git(*args) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture(scope="module")
def shallow() -> bool:
    return _git("rev-parse", "--is-shallow-repository") == "true"


def _records(catalog):
    for plan in catalog.plans.values():
        yield plan.url, plan.path
        for task in plan.tasks[:3] + plan.tasks[-1:]:
            yield task.url, task.loc.path
    for kind in (catalog.agencies, catalog.provinces, catalog.partnerships):
        for entity in list(kind.values())[:4]:
            yield entity.url, entity.loc.path


def test_every_record_page_says_when_its_file_last_changed(built_site: Path, catalog, shallow):
    if shallow:
        pytest.skip("a shallow clone has no history: the line is left out (test below)")
    checked = 0
    for url, path in _records(catalog):
        html = (built_site / url / "index.html").read_text("utf-8")
        found = UPDATED.search(html)
        assert found, f"{url}: no 'Cập nhật lần cuối'"
        assert found.group(1) == _git("log", "-1", "--format=%cs", "--", path), url
        checked += 1
    assert checked > 20


def test_a_plan_lists_the_commits_of_its_file(built_site: Path, catalog, shallow):
    if shallow:
        pytest.skip("no history in a shallow clone")
    plan = catalog.plans["son-la-thanh-hoa-2026"]
    html = (built_site / plan.url / "index.html").read_text("utf-8")
    part = html[html.index('id="lich-su-thay-doi"'):]
    dates = re.findall(r'<li><time datetime="([0-9-]+)">', part)
    assert dates == _git("log", "--format=%cs", "--", plan.path).split("\n")
    subject = _git("log", "-1", "--format=%s", "--", plan.path)
    assert subject[:40].replace("'", "&#39;") in part or subject[:40] in part


def test_without_history_the_line_is_left_out(tmp_path):
    """A build whose data has no git history (a copy outside any repository) invents no date."""
    import datetime
    import os
    from generator.build import build_site
    from generator.model.history import read_changes
    from tests.smalldata import copy_small
    data = copy_small(tmp_path)
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        changes = read_changes(data)
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]
    assert changes is None
    site = build_site(data, tmp_path, now=datetime.datetime(2026, 12, 7, tzinfo=datetime.timezone.utc),
                      with_side_files=False, changes=changes)
    records = [site.bodies[uri].body for uri in site.edits]     # the pages of a data record
    assert len(records) > 20
    assert not any("Cập nhật lần cuối" in b or 'id="lich-su-thay-doi"' in b for b in records)
