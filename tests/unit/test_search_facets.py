"""The search page's filters (generator/publish/search/facets.py): each page's province, lead agency and
periods from the catalog, and the index's nhom.bin / nhom.json."""

from __future__ import annotations

import json

from generator.publish.search.extract import PageText
from generator.publish.search.facets import facets_of, period_label
from generator.publish.search.index import Index, read_shard
from generator.pages.tablefilters import task_periods


def test_every_task_has_its_provinces_lead_and_periods(small_catalog):
    got = facets_of(small_catalog)
    tasks = [t for p in small_catalog.plans.values() for t in p.tasks]
    assert tasks
    for task in tasks:
        keys = got["pages"].get(task.url + "index.html", [])  # none: a task with none of the three
        assert {k for k in keys if k.startswith("tinh:")} == {
            f"tinh:{p}" for p in small_catalog.task_provinces(task)
        }
        assert {k for k in keys if k.startswith("co-quan:")} == {f"co-quan:{a}" for a in task.lead}
        assert {k for k in keys if k.startswith("ky:")} == {
            f"ky:{p}" for p in task_periods(task) if "-q" in p
        }
    agency = next(iter(small_catalog.agencies.values()))
    assert f"co-quan:{agency.id}" in got["pages"][agency.url + "index.html"]
    assert got["labels"]["co-quan"][agency.id] == agency.name
    assert all(k in got["labels"]["ky"] for t in tasks for k in task_periods(t) if "-q" in k)
    assert got["agency_province"][agency.id] == (agency.province or "khac")


def test_period_labels():
    assert period_label("2026-q3") == "Quý III/2026" and period_label("2026") == "Năm 2026"


def test_the_index_writes_each_value_s_pages_and_each_province_s_agencies_apart():
    urls = ["ke-hoach/a/1/index.html", "ke-hoach/a/2/index.html", "lich/2026-q3/index.html"]
    facets = {
        "pages": {
            "ke-hoach/a/1/index.html": ["tinh:son-la", "ky:2026-q3", "co-quan:sl-sct"],
            "ke-hoach/a/2/index.html": ["tinh:son-la", "co-quan:hy-sct", "co-quan:tu"],
            "lich/2026-q3/index.html": ["ky:2026-q3"],
            "khong-co/index.html": ["tinh:x"],
        },
        "labels": {
            "tinh": {"son-la": "Sơn La"},
            "ky": {"2026-q3": "Quý III/2026"},
            "co-quan": {
                "sl-sct": "Sở Công Thương tỉnh Sơn La",
                "hy-sct": "Sở Công Thương tỉnh Hưng Yên",
                "tu": "Bộ",
            },
        },
        "agency_province": {"sl-sct": "son-la", "hy-sct": "hung-yen", "tu": "khac"},
    }
    index = Index(urls, facets=facets)
    for u in urls:
        index.add(u, PageText("Một", ["Một"]))
    files = dict(index.files())
    meta = json.loads(files["chi-muc/meta.json"])
    assert read_shard(files["chi-muc/nhom.bin"], meta["n"], meta["w"]) == {
        "ky:2026-q3": [0, 2],
        "tinh:son-la": [0, 1],
    }
    assert json.loads(files["chi-muc/nhom.json"]) == {
        "tinh": {"son-la": "Sơn La"},
        "ky": {"2026-q3": "Quý III/2026"},
    }
    assert read_shard(files["chi-muc/nhom/son-la.bin"], meta["n"], meta["w"]) == {"co-quan:sl-sct": [0]}
    assert json.loads(files["chi-muc/nhom/hung-yen.json"]) == {"hy-sct": "Sở Công Thương tỉnh Hưng Yên"}
    assert json.loads(files["chi-muc/nhom/khac.json"]) == {"tu": "Bộ"}
    # the version changes with them
    other = Index(urls)
    for u in urls:
        other.add(u, PageText("Một", ["Một"]))
    plain = dict(other.files())
    assert json.loads(plain["chi-muc/meta.json"])["v"] != meta["v"]
    assert plain["chi-muc/nhom.bin"] == b"" and json.loads(plain["chi-muc/nhom.json"]) == {}
