"""Golden pages: the test dataset (tests/fixtures/data-small) rendered without MkDocs, by the
library (generator.build: page specs -> Jinja templates), compared byte for byte with the
committed files under tests/fixtures/golden/ (a handful of pages of different kinds).

After an intended change to templates, contexts or the fixture, regenerate them and review the
diff before committing it with the change:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_golden.py
    git diff tests/fixtures/golden/
"""

import datetime
import difflib
import os

import pytest

from generator.build import build_site, render_html
from generator.pages.render import make_env
from tests.smalldata import ROOT, SMALL

GOLDEN = ROOT / "tests" / "fixtures" / "golden"
NOW = datetime.datetime(2026, 8, 15, 9, 30, tzinfo=datetime.timezone.utc)
PAGES = [  # page bodies, as the templates write them
    "ke-hoach/son-la-kiem-thu-2026/",  # a plan with every field
    "ke-hoach/son-la-kiem-thu-2026/i-1/",  # a task with every field and reports
    "ke-hoach/thanh-hoa-chuyen-tiep/y1/",  # a task of a dispatch: "Không ghi"
    "co-quan/son-la-ttxt/",  # an agency leading through a section
    "tinh-thanh/bac-kan/",  # a former province, with the map
    "hop-tac/ho-chi-minh-bac-kan/",  # a partnership inheriting its parent's agreement
    "lich/",  # the calendar by quarter
    "lich/2026-q3/",  # one quarter's page of it
    "nhiem-vu/son-la/",  # tasks of the plans one province issued
]
FILES = [
    "feeds/ke-hoach.xml",  # the Atom feed
    "ke-hoach/sl-kiem-thu-2026/index.html",
]  # a redirect at a former id


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    site = build_site(SMALL, ROOT, site_url="https://portal.example/", now=NOW)
    env, specs = make_env(), {s.url: s for s in site.specs}
    out = {f"{url}index.html": render_html(env, specs[url]).encode("utf-8") for url in PAGES}
    out.update({rel: site.files[rel] for rel in FILES})
    return out


def _diff(expected: bytes, got: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        expected.decode().splitlines(),
        got.decode().splitlines(),
        f"golden/{name}",
        "rendered",
        lineterm="",
        n=2,
    )
    return "\n".join(list(lines)[:60])


@pytest.mark.parametrize("name", [f"{u}index.html" for u in PAGES] + FILES)
def test_rendered_page_matches_its_golden_file(rendered, name):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered[name])
    assert path.is_file(), f"no golden file {path}: run UPDATE_GOLDEN=1 (see {__file__})"
    expected = path.read_bytes()
    assert rendered[name] == expected, (
        "rendered page differs from its golden file; if the change is intended, regenerate with "
        f"UPDATE_GOLDEN=1 (see the top of {__name__}):\n" + _diff(expected, rendered[name], name)
    )


def test_no_stale_golden_file():
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert on_disk == sorted([f"{u}index.html" for u in PAGES] + FILES)
