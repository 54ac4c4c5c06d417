"""JSON Schemas for the data files, generated from fields.py (the validator's own definitions).

Editors use them through the `# yaml-language-server: $schema=…` line at the top of each file.
`python -m generator schemas` rewrites schemas/; a test fails when they are out of date.
"""

from __future__ import annotations

import json

from .fields import FILE_KINDS, OBJECTS, SLUG, URL, Field
from .limits import COORDINATES, MAX_ID, YEARS

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _type(ftype: str) -> dict:
    if ftype.startswith("list:"):
        return {"type": "array", "items": _type(ftype[5:])}
    if ftype.startswith("obj:"):
        return {"$ref": f"#/$defs/{ftype[4:]}"}
    if ftype in ("slug",) or ftype.startswith("ref:"):
        return {"type": "string", "pattern": SLUG.pattern}
    if ftype == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    if ftype == "int":
        return {"type": "integer"}
    if ftype == "url":
        return {"type": "string", "pattern": f"^{URL.pattern}$"}
    if ftype == "number":
        return {"type": "number"}
    return {"type": "string", "minLength": 1}


def _bounds(f: Field) -> dict:
    """What validate refuses beyond the type (generator/limits.py), for the editor to show too."""
    if f.type == "slug":
        return {"maxLength": MAX_ID}
    if f.type == "int" and f.name == "year":
        return {"minimum": YEARS[0], "maximum": YEARS[1]}
    if f.type == "number" and f.name in COORDINATES:
        low, high = COORDINATES[f.name]
        return {"minimum": low, "maximum": high}
    return {}


def _field(f: Field) -> dict:
    if f.type == "enum":
        spec: dict = {"enum": list(f.choices)}
    else:
        spec = _type(f.type)
    spec.update(_bounds(f))
    if f.nullable:
        spec = {"anyOf": [spec, {"type": "null"}]}
    doc = f.doc
    if f.choices:
        doc += " (" + "; ".join(f"{c}: {label}" for c, label in zip(f.choices, f.labels)) + ")"
    return {"description": doc, **spec}


def _object(name: str) -> dict:
    fields = OBJECTS[name]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field(f) for f in fields},
    }


def _used(name: str, seen: set[str]) -> set[str]:
    if name in seen:
        return seen
    seen.add(name)
    for f in OBJECTS[name]:
        inner = f.type.removeprefix("list:")
        if inner.startswith("obj:"):
            _used(inner[4:], seen)
    return seen


def schema_for(kind: str) -> dict:
    _, shape, obj = FILE_KINDS[kind]
    defs = {name: _object(name) for name in sorted(_used(obj, set()))}
    top = {"$ref": f"#/$defs/{obj}"}
    if shape == "list":
        top = {"type": "array", "items": top}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Cổng kế hoạch hợp tác — data/{FILE_KINDS[kind][0]}",
        **top,
        "$defs": defs,
    }


def schema_files() -> dict[str, str]:
    """'schemas/<kind>.schema.json' -> text."""
    return {
        f"schemas/{kind}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in FILE_KINDS
    }
