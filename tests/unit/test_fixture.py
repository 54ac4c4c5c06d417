"""The test dataset (tests/fixtures/data-small) keeps its promise: every field of every object in
generator/model/fields.py, every choice and every timeframe form appears in it at least once, so the
tests built on it see every case. A new field in fields.py fails here until the fixture uses it."""

import re

import pytest

from generator.model.fields import FILE_KINDS, OBJECTS
from generator.model.load import load_all
from tests.smalldata import ROOT, SMALL


def _walk(kind: str, record: dict, used: set, choices: set, timeframes: list) -> None:
    fields = {f.name: f for f in OBJECTS[kind]}
    for key, value in record.items():
        if value is None or value == []:
            if key == "timeframe":
                timeframes.append(None)
            continue
        f = fields[key]
        used.add((kind, key))
        if f.type == "enum":
            choices.add((kind, key, value))
        if key in ("timeframe", "period"):
            timeframes.append(value)
        inner = f.type.removeprefix("list:")
        if inner.startswith("obj:"):
            for item in value if f.type.startswith("list:") else [value]:
                _walk(inner[4:], item, used, choices, timeframes)


@pytest.fixture(scope="module")
def walked():
    raw = load_all(SMALL, ROOT)
    assert raw.problems == []
    used, choices, timeframes = set(), set(), []
    for key, (_, _, kind) in FILE_KINDS.items():
        for record in raw.records[key]:
            _walk(kind, record, used, choices, timeframes)
    return used, choices, timeframes


def test_every_field_is_used(walked):
    used, _, _ = walked
    missing = [
        (kind, f.name) for kind, fields in OBJECTS.items() for f in fields if (kind, f.name) not in used
    ]
    assert missing == [], f"give these fields a value somewhere in {SMALL.relative_to(ROOT)}"


def test_every_choice_is_used(walked):
    _, choices, _ = walked
    missing = [
        (kind, f.name, c)
        for kind, fields in OBJECTS.items()
        for f in fields
        for c in f.choices
        if (kind, f.name, c) not in choices
    ]
    assert missing == []


FORMS = [
    r"Năm \d{4}",
    r"\d{4}-\d{4}",
    r"\d{4} - \d{4}",
    r"Giai đoạn \d{4}-\d{4}",
    r"Quý [IV]+/\d{4}",
    r"Quý [IV]+, Quý [IV]+/\d{4}",
    r"Quý [IV]+, [IV]+",
    r"Quý [IV]+ năm \d{4}",
    r"Tháng \d{1,2}",
    r"Tháng \d{1,2}/\d{4}",
    r"Cả năm",
    r"Thường xuyên",
    r"Theo nhu cầu .*",
    r"Quý [IV]+/\d{4}\)",
    r"Năm \d{4}\.",
    r"\d{4}",
]  # the last three: printing residue, a year alone


def test_every_timeframe_form_is_used(walked):
    _, _, timeframes = walked
    assert None in timeframes  # a blank cell
    missing = [form for form in FORMS if not any(t and re.fullmatch(form, t) for t in timeframes)]
    assert missing == []
