"""Renaming an id keeps every published link working (on the test dataset)."""

import pytest

from generator.model.read import collect_problems
from generator.build import build_site
from generator.errors import GeneratorError
from tests.smalldata import PLAN, SMALL, mutated

URL = "https://portal.example/"


@pytest.fixture(scope="module")
def small_site():
    return build_site(SMALL, SMALL.parent, site_url=URL)


def test_every_former_id_of_the_dataset_has_its_redirect(small_site):
    pages = small_site.files
    cases = {
        "ke-hoach/sl-kiem-thu-2026/": "../son-la-kiem-thu-2026/index.html",  # plan
        "ke-hoach/sl-kiem-thu-2026/ii-2-1/": "../../son-la-kiem-thu-2026/ii-2-1/index.html",  # its tasks
        "ke-hoach/son-la-kiem-thu-2026/1/": "../i-1/index.html",  # a task
        "ke-hoach/sl-kiem-thu-2026/1/": "../../son-la-kiem-thu-2026/i-1/index.html",  # both
        "co-quan/son-la-trung-tam-xuc-tien/": "../son-la-ttxt/index.html",
        "tinh-thanh/thanh-hoa-cu/": "../thanh-hoa/index.html",
        "hop-tac/hcm-cac-tinh/": "../ho-chi-minh-cac-tinh/index.html",
        "co-quan/son-la-trung-tam-xuc-tien/chu-tri/": "../../son-la-ttxt/chu-tri/index.html",
        "co-quan/son-la-trung-tam-xuc-tien/phoi-hop/": "../../son-la-ttxt/phoi-hop/index.html",
        "tinh-thanh/thanh-hoa-cu/nhiem-vu/": "../../thanh-hoa/nhiem-vu/index.html",
        "hop-tac/hcm-cac-tinh/nhiem-vu/": "../../ho-chi-minh-cac-tinh/nhiem-vu/index.html",
    }
    for old, target in cases.items():
        html = pages[f"{old}index.html"].decode()
        assert f'content="0; url={target}"' in html, old
    redirects = {
        p for p, c in pages.items() if b'http-equiv="refresh"' in c and b"index.html#" not in c
    }  # not the task tables shown on their entity's page
    assert redirects == {f"{old}index.html" for old in cases} | {
        f"ke-hoach/sl-kiem-thu-2026/{t.id}/index.html"
        for t in small_site.catalog.plans["son-la-kiem-thu-2026"].tasks
    }


def test_renamed_agency_keeps_its_old_url(tmp_path):
    old = "thanh-hoa-so-van-hoa"
    data = mutated(
        tmp_path,
        ("agencies/thanh-hoa.yml", f"- id: {old}", f"- id: thanh-hoa-so-vhttdl\n  former_ids: [{old}]"),
        (PLAN, f"lead: [{old}]", "lead: [thanh-hoa-so-vhttdl]"),
        ("plans/thanh-hoa-chuyen-tiep.yml", f"lead: [{old}]", "lead: [thanh-hoa-so-vhttdl]"),
    )
    site = build_site(data, tmp_path, site_url=URL)
    html = site.files[f"co-quan/{old}/index.html"].decode()
    assert 'content="0; url=../thanh-hoa-so-vhttdl/index.html"' in html
    assert 'href="https://portal.example/co-quan/thanh-hoa-so-vhttdl/"' in html
    assert "co-quan/thanh-hoa-so-vhttdl/index.md" in site.pages
    assert f"co-quan/{old}/index.md" not in site.pages


def test_renamed_task_keeps_its_old_url(tmp_path):
    data = mutated(
        tmp_path, (PLAN, "      - id: i-2\n", '      - id: xuc-tien\n        former_ids: ["i-2"]\n')
    )
    site = build_site(data, tmp_path, site_url=URL)
    html = site.files["ke-hoach/son-la-kiem-thu-2026/i-2/index.html"].decode()
    assert "url=../xuc-tien/index.html" in html
    assert "ke-hoach/son-la-kiem-thu-2026/xuc-tien/index.md" in site.pages


def test_former_id_may_not_shadow_a_page(tmp_path):
    data = mutated(tmp_path, (PLAN, 'former_ids: ["1"]', 'former_ids: ["i-2"]'))
    with pytest.raises(
        GeneratorError,
        match="mã cũ tạo đường dẫn 'ke-hoach/son-la-kiem-thu-2026/i-2/' trùng với một trang đang có",
    ):
        build_site(data, tmp_path)
    # `validate` refuses it too, naming the task whose former id it is
    problems = [str(p) for p in collect_problems(data, tmp_path)]
    assert len(problems) == 1 and "trùng với một trang đang có" in problems[0]
    assert problems[0].startswith(f"data/{PLAN}:"), problems
