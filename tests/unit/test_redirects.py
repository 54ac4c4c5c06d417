"""Renaming an id keeps every published link working."""
import shutil
from pathlib import Path

import pytest

from generator.build import build_site
from generator.errors import GeneratorError

ROOT = Path(__file__).resolve().parents[2]
PLAN = "plans/son-la-thanh-hoa-2026.yml"


def renamed(tmp_path, *edits):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for path, old, new in edits:
        target = tmp_path / "data" / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")
    return build_site(tmp_path / "data", tmp_path, site_url="https://portal.example/")


def test_renamed_agency_keeps_its_old_url(tmp_path):
    old = "thanh-hoa-truong-dh-van-hoa-the-thao-du-lich"
    site = renamed(tmp_path,
                   ("agencies/thanh-hoa.yml", f"- id: {old}", f"- id: thanh-hoa-dh-vhttdl\n  former_ids: [{old}]"),
                   (PLAN, f"coordinating: [{old}]", "coordinating: [thanh-hoa-dh-vhttdl]"))
    html = site.files[f"co-quan/{old}/index.html"].decode()
    assert 'content="0; url=../thanh-hoa-dh-vhttdl/index.html"' in html
    assert 'href="https://portal.example/co-quan/thanh-hoa-dh-vhttdl/"' in html
    assert "co-quan/thanh-hoa-dh-vhttdl/index.md" in site.pages


def test_renamed_task_keeps_its_old_url(tmp_path):
    site = renamed(tmp_path, (PLAN, '      - id: "9"\n',
                              '      - id: tuan-nong-san\n        former_ids: ["9"]\n'))
    html = site.files["ke-hoach/son-la-thanh-hoa-2026/9/index.html"].decode()
    assert "url=../tuan-nong-san/index.html" in html
    assert "ke-hoach/son-la-thanh-hoa-2026/tuan-nong-san/index.md" in site.pages


def test_renamed_plan_keeps_the_old_urls_of_all_its_tasks(tmp_path):
    site = renamed(tmp_path, (PLAN, "id: son-la-thanh-hoa-2026\n",
                              "id: son-la-thanh-hoa-2026\nformer_ids: [sl-th-2026]\n"))
    assert "ke-hoach/sl-th-2026/index.html" in site.files
    assert "url=../../son-la-thanh-hoa-2026/14/index.html" in \
        site.files["ke-hoach/sl-th-2026/14/index.html"].decode()


def test_former_id_may_not_shadow_a_page(tmp_path):
    with pytest.raises(GeneratorError, match="trùng với một trang đang có"):
        renamed(tmp_path, (PLAN, '      - id: "9"\n', '      - id: "9"\n        former_ids: ["10"]\n'))
