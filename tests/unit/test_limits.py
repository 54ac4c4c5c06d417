"""Issue 31, points 6, 8, 13, 14: every value the build cannot take is refused by `validate`
first, at its file:line (years out of range, ids too long for a file name, NaN and infinite
coordinates, noncharacters, ids that take a page name of the portal); and the build runs on
each value at the edge of what is accepted (`python -m generator build`, files written)."""

from __future__ import annotations

import subprocess
import sys
from xml.etree import ElementTree
from pathlib import Path

import pytest

from generator.build import build_site
from generator.errors import GeneratorError
from generator.model.limits import MAX_ID, RESERVED
from tests.smalldata import PLAN, ROOT, copy_small, edit, line_of, mutated
from tests.unit.test_untrusted import refused

P = f"data/{PLAN}"
TASK = "      - id: i-1"
LONG = "a" * (MAX_ID + 1)
EDGE = "b" * MAX_ID


@pytest.mark.parametrize(
    "rel,old,new,needle,col,why",
    [
        (PLAN, "year: 2026", "year: 0", "year:", 7, "'year' = 0 nằm ngoài các năm 1900–2100"),
        (PLAN, "year: 2026", "year: 10000", "year:", 7, "'year' = 10000 nằm ngoài"),
        (PLAN, "year: 2026", "year: 9999", "year:", 7, "'year' = 9999 nằm ngoài"),
        (PLAN, "year: 2026", "year: 1899", "year:", 7, "'year' = 1899 nằm ngoài"),
        (PLAN, "year: 2026", "year: 2101", "year:", 7, "'year' = 2101 nằm ngoài"),
        (PLAN, "issued: 2026-03-30", "issued: 0001-01-01", "issued:", 9, "ngày 0001-01-01 nằm ngoài"),
        (PLAN, "issued: 2026-03-30", "issued: '9999-12-31'", "issued:", 9, "ngày 9999-12-31 nằm ngoài"),
        (PLAN, "- date: 2026-09-30", "- date: 9999-12-31", "- date: 9999", 19, "ngày 9999-12-31 nằm ngoài"),
        ("partnerships.yml", "signed: 2024-12-20", "signed: 1800-01-01", "signed:", 15, "ngày 1800-01-01"),
        ("provinces.yml", "lat: 21.3256", "lat: .nan", "lat: .nan", 10, "'lat' = nan không phải tọa độ"),
        ("provinces.yml", "lon: 103.9188", "lon: .inf", "lon: .inf", 10, "'lon' = inf không phải tọa độ"),
        ("provinces.yml", "lon: 103.9188", "lon: -.inf", "lon: -.inf", 10, "'lon' = -inf không phải tọa độ"),
        ("provinces.yml", "lat: 21.3256", "lat: 90.5", "lat: 90.5", 10, "'lat' = 90.5 không phải tọa độ"),
        ("provinces.yml", "lon: 103.9188", "lon: 1.0e+400", "lon: 1.0e", 10, "'lon' = inf không phải"),
        (PLAN, TASK, f"      - id: {LONG}", "- id: aaa", 13, f"mã dài {MAX_ID + 1} ký tự (tối đa {MAX_ID})"),
        (
            "agencies/son-la.yml",
            "- id: son-la-ubnd",
            f"- id: son-la-ubnd\n  former_ids: [{LONG}]",
            "former_ids",
            16,
            f"mã dài {MAX_ID + 1} ký tự",
        ),
        (
            "provinces.yml",
            "- id: son-la",
            "- id: trung-uong",
            "- id: trung-uong",
            7,
            "mã 'trung-uong' là tên một trang của cổng: nhiem-vu/trung-uong/",
        ),
        (PLAN, "year: 2026", 'year: 2026\nlabel: "Hạn chót \\uFFFF"', "label:", 8, "U+FFFF (noncharacter)"),
        (
            PLAN,
            "year: 2026",
            'year: 2026\nlabel: "Hạn chót \\U0010FFFE"',
            "label:",
            8,
            "U+10FFFE (noncharacter)",
        ),
    ],
)
def test_a_value_the_build_cannot_take_is_refused_by_validate(tmp_path, rel, old, new, needle, col, why):
    data = copy_small(tmp_path)
    edit(data, rel, old, new)
    problems = [p for p in refused(data) if "không có tỉnh/thành mã" not in p]  # son-la renamed
    line = line_of(rel, needle, data)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/{rel}:{line}:{col}: ") and why in problems[0], problems


def _build(data: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _rename_everywhere(data: Path, old: str, new: str) -> None:
    for file in data.rglob("*.yml"):
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace(old, new), encoding="utf-8")


def _long_agency(data: Path) -> None:
    _rename_everywhere(data, "son-la-ttxt", "son-la-" + "x" * (MAX_ID - len("son-la-")))


def _long_plan(data: Path) -> None:
    new = "son-la-" + "p" * (MAX_ID - len("son-la-"))
    _rename_everywhere(data, "son-la-kiem-thu-2026", new)
    (data / PLAN).rename(data / "plans" / f"{new}.yml")


@pytest.mark.parametrize(
    "edits,make",
    [
        ([(PLAN, "year: 2026", "year: 1900")], None),
        ([(PLAN, "year: 2026", "year: 2100")], None),
        (
            [
                (PLAN, "issued: 2026-03-30", "issued: 1900-01-01"),
                (PLAN, "- date: 2026-09-30", "- date: 2100-12-31"),
            ],
            None,
        ),
        (
            [("provinces.yml", "lat: 21.3256", "lat: -90.0"), ("provinces.yml", "lon: 103.9188", "lon: 180")],
            None,
        ),
        (
            [("provinces.yml", "lat: 21.3256", "lat: 90"), ("provinces.yml", "lon: 103.9188", "lon: -180.0")],
            None,
        ),
        ([(PLAN, TASK, f"      - id: {EDGE}")], None),
        ([], _long_agency),
        ([], _long_plan),
        ([(PLAN, "year: 2026", 'year: 2026\nlabel: "= + - @ 😀 \\u00e0 漢字 \\uFFFD \\U0010FFFD"')], None),
    ],
    ids=[
        "year-1900",
        "year-2100",
        "dates-1900-2100",
        "south-pole-east",
        "north-pole-west",
        "task-id-100",
        "agency-id-100",
        "plan-id-100",
        "unusual-visible-text",
    ],
)
def test_the_build_runs_on_each_value_at_the_edge_of_what_is_accepted(tmp_path, edits, make):
    data = mutated(tmp_path, *edits)
    if make:
        make(data)
    result = _build(data, tmp_path / "out")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "out" / "opendata" / "tasks.csv").is_file()
    feeds = sorted((tmp_path / "out").rglob("*.xml"))
    assert feeds
    for feed in feeds:  # Atom feeds stay XML (U+FFFF made them not)
        ElementTree.parse(feed)


def _central_plan(tmp_path: Path) -> Path:
    """The test data with a plan issued by a central agency (its tasks go to nhiem-vu/trung-uong/)."""
    return mutated(
        tmp_path, ("plans/son-la-giai-doan-2022-2025.yml", "issuer: son-la-ubnd", "issuer: bo-cong-thuong")
    )


# URL patterns where a record's id is a path segment: (pattern's segments, kind of record).
ID_PLACES = [
    (("tinh-thanh", None), "provinces"),
    (("co-quan", None), "agencies"),
    (("hop-tac", None), "partnerships"),
    (("ke-hoach", None), "plans"),
    (("van-ban", None), "plans"),
    (("nhiem-vu", None), "provinces"),
]


def test_every_page_name_in_a_records_place_is_an_id_or_reserved(tmp_path):
    """The generator's own page names where ids go are exactly RESERVED: the build of the test
    data (with a centrally issued plan) makes no other."""
    site = build_site(_central_plan(tmp_path), tmp_path, with_side_files=False)
    cat = site.catalog
    ids = {
        "provinces": set(cat.provinces),
        "agencies": set(cat.agencies),
        "partnerships": set(cat.partnerships),
        "plans": set(cat.plans),
    }
    own: dict[str, set[str]] = {}
    for src_uri in site.pages:
        parts = src_uri.split("/")
        for (folder, _), kind in ID_PLACES:
            if len(parts) >= 3 and parts[0] == folder and parts[1] not in ids[kind]:
                own.setdefault(kind, set()).add(parts[1])
        if len(parts) >= 4 and parts[0] == "ke-hoach":  # ke-hoach/<plan>/<task>/
            assert parts[2] in {t.id for t in cat.plans[parts[1]].tasks}, src_uri
    assert own == {kind: set(names) for kind, names in RESERVED.items()}


def test_past_validate_two_pages_at_one_url_stop_the_build(tmp_path, monkeypatch):
    """A backstop: were a reserved name missed, the build stops instead of one page silently
    replacing the other (the central agencies' tasks vanished from nhiem-vu/trung-uong/)."""
    import generator.model.limits

    monkeypatch.setattr(generator.model.limits, "RESERVED", {})
    data = _central_plan(tmp_path)
    _rename_everywhere(data, "dien-bien", "trung-uong")
    _rename_everywhere(data, "province: thanh-hoa\n", "province: trung-uong\n")
    with pytest.raises(GeneratorError, match="hai trang cùng đường dẫn 'nhiem-vu/trung-uong/'"):
        build_site(data, tmp_path, with_side_files=False)
