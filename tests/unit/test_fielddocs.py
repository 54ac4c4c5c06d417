"""data/README.md lists every field the validator accepts (its reference part is generated)."""

from pathlib import Path

from generator.model import fielddocs
from generator.model.fields import OBJECTS

ROOT = Path(__file__).resolve().parents[2]


def test_data_readme_reference_is_up_to_date():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert fielddocs.with_reference(text) == text, "data/README.md is out of date: run 'make schemas'"


def test_reference_names_every_field_and_choice_label():
    ref = fielddocs.reference()
    for name, fields in OBJECTS.items():
        section = ref.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        for f in fields:
            assert f"| `{f.name}` |" in section, f"{name}.{f.name} missing from the reference"
            for choice, label in zip(f.choices, f.labels):
                assert f"`{choice}` ({label})" in section


def test_only_the_generated_part_is_rewritten():
    readme = (
        "# Prose\n\nwritten by people\n\n" + fielddocs.BEGIN + "\nold\n" + fielddocs.END + "\n\nmore prose\n"
    )
    out = fielddocs.with_reference(readme)
    assert out.startswith("# Prose\n\nwritten by people\n\n" + fielddocs.BEGIN)
    assert out.endswith(fielddocs.END + "\n\nmore prose\n")
    assert "\nold\n" not in out and "### Task" in out
