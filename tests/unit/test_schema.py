"""The JSON Schemas are generated from fields.py, accept the real data, and agree with the validator."""

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.model.read import collect_problems
from generator.model.fields import FILE_KINDS
from generator.model.schema import schema_files
from tests.smalldata import PLAN, SMALL, copy_small, edit

ROOT = Path(__file__).resolve().parents[2]


def _plain(value):
    """YAML as an editor's YAML extension sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def schema_errors(data_dir: Path) -> list[str]:
    errors = []
    for kind, (pattern, _, _) in FILE_KINDS.items():
        schema = json.loads((ROOT / f"schemas/{kind}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        for file in sorted(data_dir.glob(pattern)):
            try:
                data = _plain(yaml.safe_load(file.read_text(encoding="utf-8")))
            except yaml.YAMLError as exc:
                errors.append(f"{file.name}: {exc}")
                continue
            errors += [f"{file.name}: {e.message}" for e in validator.iter_errors(data)]
    return errors


def test_schemas_are_up_to_date():
    for rel, text in schema_files().items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, (
            f"{rel} is out of date: run 'python -m generator schemas'"
        )


def test_every_data_file_names_its_schema():
    for kind, (pattern, _, _) in FILE_KINDS.items():
        for file in sorted((ROOT / "data").glob(pattern)):
            first = file.read_text(encoding="utf-8").splitlines()[0]
            depth = "../" * (len(file.relative_to(ROOT / "data").parts))
            assert first == f"# yaml-language-server: $schema={depth}schemas/{kind}.schema.json", file


def test_real_data_passes_its_schema():
    assert schema_errors(ROOT / "data") == []


MISTAKES = [
    (PLAN, "        coordinating:", "        cooordinating:"),  # unknown field
    (PLAN, "year: 2026", "year: năm 2026"),  # wrong type
    (PLAN, "      - id: i-2\n", "      -\n"),  # missing id
    ("partnerships.yml", "- id: son-la-thanh-hoa", "- id: Son_La"),  # not a slug
    ("partnerships.yml", "signed: 2024-12-20", "signed: 20/12/2024"),  # not a date
    (PLAN, "type: ke-hoach", "type: quyet-dinh"),  # not one of the choices
    (PLAN, "status: cham", "status: xong"),  # a report's status
    ("provinces.yml", "    lat: 21.3256", '    lat: "21.3256"'),  # a number as text
    (PLAN, "year: 2026", "year: 10000"),  # issue 31: out of range
    ("provinces.yml", "    lat: 21.3256", "    lat: 91.5"),  # not a latitude
    ("partnerships.yml", "- id: son-la-thanh-hoa", "- id: " + "a" * 101),  # too long for a file name
]


def test_the_test_dataset_passes_its_schema():
    assert schema_errors(SMALL) == []


@pytest.mark.parametrize("path,old,new", MISTAKES)
def test_schema_and_validator_agree_on_broken_copies(tmp_path, path, old, new):
    data = copy_small(tmp_path)
    edit(data, path, old, new)
    assert schema_errors(data), "the schema accepted the mistake"
    assert collect_problems(data, tmp_path), "the validator accepted the mistake"
