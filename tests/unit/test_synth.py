"""The synthetic dataset (python -m generator synth): deterministic, valid, every form present."""

from __future__ import annotations

import re

import pytest

from generator.model.read import read_catalog
from generator.cli import main
from generator.synth import dataset, write_dataset
from generator.textnorm import fold
from generator.model.timeframes import KINDS
from tests.conftest import ROOT

# Every shape of timeframe generator/model/timeframes.py reads (digits -> 9, quarter numerals -> Q).
SHAPES = {
    "nam 9999",
    "nam 9999.",
    "9999",
    "9999-9999",
    "9999 - 9999",
    "giai doan 9999-9999",
    "quy q/9999",
    "quy q nam 9999",
    "quy 9/9999",
    "quy q, quy q/9999",
    "quy q, q",
    "quy q",
    "quy q/9999)",
    "thang 9",
    "thang 9/9999",
    "thang 9 nam 9999",
    "ca nam",
    "thuong xuyen",
    "theo nhu cau",
}


def _shape(text: str) -> str:
    key = re.sub(r"(?<!\d)\d{1,2}(?!\d)", "9", re.sub(r"\d{4}", "9999", fold(text)))
    key = re.sub(r"\b(iv|i{1,3})\b", "q", key)
    return "theo nhu cau" if key.startswith("theo nhu cau") else key


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "data"
    files = dataset(ROOT / "data", 400, seed=7)
    write_dataset(files, out)
    return files, read_catalog(out)


def test_same_seed_same_bytes_other_seed_other_bytes(synthetic):
    files, _ = synthetic
    assert dataset(ROOT / "data", 400, seed=7) == files
    assert dataset(ROOT / "data", 400, seed=8) != files


def test_the_dataset_validates_with_the_requested_size(synthetic):
    _, cat = synthetic
    assert len(cat.tasks) == 400
    current = [p for p in cat.provinces.values() if p.merged_into is None]
    assert len(current) == 34 and len(cat.provinces) > 34
    assert {a.province for a in cat.agencies.values()} == {p.id for p in current}
    programmes = [p for p in cat.partnerships.values() if len(p.provinces) > 2]
    assert programmes and all(cat.children_of(p.id) for p in programmes)
    assert any(t.lead_collective for t in cat.tasks) and any(t.coordinating_collective for t in cat.tasks)
    assert any(t.updates for t in cat.tasks)
    assert any(plan.type == "cong-van" for plan in cat.plans.values()) or len(cat.plans) < 40


def test_every_timeframe_form_appears(synthetic):
    _, cat = synthetic
    assert {t.timeframe.kind for t in cat.tasks} == set(KINDS)
    assert {_shape(t.timeframe.text) for t in cat.tasks if t.timeframe.text} >= SHAPES


def test_the_text_is_made_of_the_real_words(synthetic):
    _, cat = synthetic
    real = {w for t in read_catalog(ROOT / "data").tasks for w in re.findall(r"\w+", fold(t.content))}
    words = [w for t in cat.tasks for w in re.findall(r"\w+", fold(t.content))]
    assert len(set(words)) > 0.5 * len(real)
    assert sum(w in real for w in words) / len(words) > 0.99
    assert 20 < len(words) / len(cat.tasks) < 200


def test_cli_refuses_a_folder_that_is_not_synthetic(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["synth", "--tasks", "10", "--out", str(tmp_path)]) == 1
    assert "không rỗng" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
