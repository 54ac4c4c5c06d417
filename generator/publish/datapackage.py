"""opendata/datapackage.json: a Frictionless Tabular Data Package describing the CSV files, with a
Table Schema per file (types, meanings, primary and foreign keys) from generator/publish/columns.py,
the licence, and the build's date."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from ..model import urls
from ..untrusted_text import CSV_FORMULA_NOTE
from .columns import COLUMNS, TITLES, csv_columns

_TYPES = {"list": "string", "records": "string"}  # "; "-joined in CSV
_JOINED = {
    "list": " Nhiều giá trị nối bằng “; ”.",
    "records": " Mỗi phần tử là một đối tượng JSON; các phần tử nối bằng “; ”.",
}


# How the CSV files keep a spreadsheet from running a cell (generator/export.py
# spreadsheet_safe); the same words are on du-lieu-mo/.


@dataclass(frozen=True)
class Licence:
    id: str  # SPDX identifier
    name: str  # as shown to readers: "CC BY 4.0"
    title: str
    url: str


DEFAULT_LICENCE = Licence(
    "CC-BY-4.0",
    "CC BY 4.0",
    "Creative Commons Attribution 4.0 International",
    "https://creativecommons.org/licenses/by/4.0/deed.vi",
)


def licence_from(config: dict | None) -> Licence:
    """The licence configured in mkdocs.yml `extra.licence` (each key optional)."""
    config = config or {}
    return Licence(*(config.get(k) or getattr(DEFAULT_LICENCE, k) for k in ("id", "name", "title", "url")))


def table_schema(kind: str) -> dict:
    fields, foreign = [], []
    for name, type_, doc, ref in csv_columns(COLUMNS[kind]):
        f = {"name": name, "type": _TYPES.get(type_, type_), "description": doc + _JOINED.get(type_, "")}
        if name == "id":
            f["constraints"] = {"required": True, "unique": True}
        fields.append(f)
        if ref:
            foreign.append(
                {"fields": name, "reference": {"resource": "" if ref == kind else ref, "fields": "id"}}
            )
    schema = {"fields": fields, "missingValues": [""], "primaryKey": ["id"]}
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def datapackage(licence: Licence, now: datetime.datetime, site_url: str) -> bytes:
    lic = {"name": licence.id, "title": licence.title, "path": licence.url}
    package = {
        "profile": "tabular-data-package",
        "name": "cong-ke-hoach-hop-tac",
        "title": "Cổng kế hoạch hợp tác — dữ liệu mở",
        "description": (
            "Kế hoạch hợp tác giữa các tỉnh, thành phố, nhiệm vụ, cơ quan chủ trì và "
            "phối hợp, tỉnh, thành phố và quan hệ hợp tác, chép từ văn bản của Ủy ban "
            "nhân dân các tỉnh, thành phố. Cùng dữ liệu có ở dạng JSON (<tên>.json, "
            "trường lồng nhau giữ nguyên). Ô trống nghĩa là văn bản nguồn không ghi. " + CSV_FORMULA_NOTE
        ),
        "created": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [lic],
        "resources": [],
    }
    if site_url:
        package["homepage"] = site_url + urls.OPENDATA
    for kind in COLUMNS:
        package["resources"].append(
            {
                "name": kind,
                "title": TITLES[kind],
                "path": f"{kind}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",  # with a BOM for Excel; readers skip it
                "description": CSV_FORMULA_NOTE,
                "licenses": [lic],
                "schema": table_schema(kind),
            }
        )
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_JSON_TYPES = {
    "string": {"type": ["string", "null"]},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "date": {"type": ["string", "null"], "format": "date"},
    "list": {"type": "array", "items": {"type": "string"}},
    "records": {"type": "array", "items": {"type": "object"}},
}


def _json_type(col) -> dict:
    if col.sub:
        return {
            "type": "object",
            "description": col.doc,
            "additionalProperties": False,
            "required": [s.name for s in col.sub],
            "properties": {s.name: _json_type(s) for s in col.sub},
        }
    out = dict(_JSON_TYPES[col.type])
    if col.name == "id":
        out = {"type": "string"}
    return {**out, "description": col.doc}


def json_schema(kind: str) -> bytes:
    """The JSON Schema of opendata/<kind>.json (an array of records), from the same columns."""
    cols = COLUMNS[kind]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Cổng kế hoạch hợp tác — {TITLES[kind]} ({kind}.json)",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": [c.name for c in cols],
            "properties": {c.name: _json_type(c) for c in cols},
        },
    }
    return (json.dumps(schema, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def schema_files() -> dict[str, bytes]:
    return {f"opendata/schemas/{kind}.schema.json": json_schema(kind) for kind in COLUMNS}
