"""Preview mode (PORTAL_PREVIEW / make preview): one plan alone, fast at any size."""

from __future__ import annotations

import pytest

from generator.build import build_site
from generator.errors import GeneratorError
from tests.conftest import ROOT


def test_a_preview_builds_the_plan_and_the_index_pages_only():
    site = build_site(ROOT / "data", ROOT, preview=frozenset({"son-la-thanh-hoa-2026"}))
    assert list(site.catalog.plans) == ["son-la-thanh-hoa-2026"]
    uris = set(site.pages)
    assert "ke-hoach/son-la-thanh-hoa-2026/index.md" in uris
    assert "ke-hoach/son-la-thanh-hoa-2026/1/index.md" in uris
    assert "ke-hoach/index.md" in uris and "index.md" in uris
    assert not [u for u in uris if u.startswith(("co-quan/", "tinh-thanh/", "hop-tac/")) and u.count("/") > 1]
    assert not [u for u in uris if u.startswith("ke-hoach/son-la-hung-yen")]


def test_a_plan_left_out_is_named_not_linked():
    uri = "ke-hoach/nghe-an-8177-ubnd-cn-2023/index.md"
    named = [
        r.plan
        for r in build_site(ROOT / "data", ROOT).catalog.plans[uri.split("/")[1]].related_documents
        if r.plan
    ]
    assert named
    full = "".join(build_site(ROOT / "data", ROOT).bodies[uri].body)
    alone = "".join(build_site(ROOT / "data", ROOT, preview=frozenset({uri.split("/")[1]})).bodies[uri].body)
    for plan in named:
        assert f"{plan}/index.html" in full and f"{plan}/index.html" not in alone


def test_previewing_a_plan_that_does_not_exist_names_it():
    with pytest.raises(GeneratorError) as exc:
        build_site(ROOT / "data", ROOT, preview=frozenset({"khong-co"}))
    assert "khong-co" in str(exc.value.problems[0])
