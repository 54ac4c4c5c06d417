"""Open data: the columns declared once, the JSON/CSV records, datapackage.json."""

import datetime
import json

from generator.publish import export
from generator.publish.columns import COLUMNS, csv_columns, field_rows
from generator.publish.datapackage import DEFAULT_LICENCE, datapackage, licence_from, table_schema

NOW = datetime.datetime(2026, 3, 1, 8, 30, tzinfo=datetime.timezone.utc)


def test_json_keys_csv_headers_and_schemas_come_from_one_declaration(catalog):
    recs = export.records(catalog)
    for kind, cols in COLUMNS.items():
        assert list(recs[kind][0]) == [c.name for c in cols]
        header = export.to_csv(recs[kind]).decode("utf-8-sig").splitlines()[0].split(",")
        assert header == [name for name, *_ in csv_columns(cols)]
        assert [f["name"] for f in table_schema(kind)["fields"]] == header
        assert [name for name, *_ in field_rows(kind)][0] == "id"


def test_agency_names_beside_their_ids(catalog):
    tasks = {t["id"]: t for t in export.records(catalog)["tasks"]}
    t = tasks["son-la-thanh-hoa-2026/3"]
    assert t["lead"] == ["son-la-so-cong-thuong"] and t["lead_names"] == ["Sở Công Thương tỉnh Sơn La"]
    assert len(t["coordinating_names"]) == len(t["coordinating"])
    plan = next(p for p in export.records(catalog)["plans"] if p["id"] == "son-la-thanh-hoa-2026")
    assert plan["issuer_name"] == "Ủy ban nhân dân tỉnh Sơn La" and plan["source_url"] is None


def test_permalinks_only_with_a_site_url(catalog):
    assert {r["permalink"] for r in export.records(catalog)["agencies"]} == {None}
    rec = export.records(catalog, "https://tinh.vn/cong/")["agencies"][0]
    assert rec["permalink"] == "https://tinh.vn/cong/" + rec["url"]


def test_package_keys_licence_and_date():
    pkg = json.loads(datapackage(DEFAULT_LICENCE, NOW, ""))
    assert pkg["created"] == "2026-03-01T08:30:00Z" and "homepage" not in pkg
    assert pkg["licenses"] == [
        {"name": "CC-BY-4.0", "title": DEFAULT_LICENCE.title, "path": DEFAULT_LICENCE.url}
    ]
    res = {r["name"]: r for r in pkg["resources"]}
    assert set(res) == set(COLUMNS) and all(r["licenses"] == pkg["licenses"] for r in res.values())
    tasks = res["tasks"]["schema"]
    assert tasks["primaryKey"] == ["id"]
    assert {"fields": "plan", "reference": {"resource": "plans", "fields": "id"}} in tasks["foreignKeys"]
    merged = res["provinces"]["schema"]["foreignKeys"]
    assert merged == [{"fields": "merged_into", "reference": {"resource": "", "fields": "id"}}]
    types = {f["name"]: f["type"] for f in tasks["fields"]}
    assert types["timeframe_start"] == "date" and types["timeframe_ongoing"] == "boolean"
    with_url = json.loads(datapackage(DEFAULT_LICENCE, NOW, "https://tinh.vn/"))
    assert with_url["homepage"] == "https://tinh.vn/du-lieu-mo/"


def test_licence_from_mkdocs_extra():
    assert licence_from(None) == DEFAULT_LICENCE
    odc = licence_from(
        {
            "id": "ODC-By-1.0",
            "name": "ODC-By",
            "title": "Open Data Commons Attribution",
            "url": "https://opendatacommons.org/licenses/by/1-0/",
        }
    )
    assert json.loads(datapackage(odc, NOW, ""))["licenses"][0]["name"] == "ODC-By-1.0"


def test_the_package_and_every_csv_validate_with_frictionless(catalog, tmp_path):
    from frictionless import Package

    recs = export.records(catalog)
    for name, content in {
        **export.files(recs, prefix=""),
        "datapackage.json": datapackage(DEFAULT_LICENCE, NOW, ""),
    }.items():
        (tmp_path / name).write_bytes(content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert [t.stats["rows"] for t in report.tasks] == [len(recs[k]) for k in COLUMNS]


def test_json_schemas_accept_the_records_and_refuse_a_renamed_field(catalog):
    import jsonschema
    from generator.publish.datapackage import json_schema

    recs = export.records(catalog, "https://tinh.vn/")
    for kind in COLUMNS:
        schema = json.loads(json_schema(kind))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(recs[kind], schema, format_checker=jsonschema.FormatChecker())
    bad = [dict(recs["tasks"][0])]
    bad[0]["lead_name"] = bad[0].pop("lead_names")
    try:
        jsonschema.validate(bad, json.loads(json_schema("tasks")))
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("a renamed field must not validate")
