"""Open data as JSON and CSV, from the columns of generator/publish/columns.py (a public contract)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

from ..model.catalog import Catalog
from .columns import COLUMNS, Ctx, csv_columns, entities, record
from ..model import urls
from ..model.models import Task
from ..model.urls import opendata_slice
from ..textnorm import natural_key

# kind -> [(field, meaning)], in output order (generator/publish/columns.py declares them).
FIELDS: dict[str, list[tuple[str, str]]] = {
    kind: [(c.name, c.doc) for c in cols] for kind, cols in COLUMNS.items()
}


def task_record(t: Task, ctx: Ctx) -> dict:
    return record(COLUMNS["tasks"], t, ctx)


def records(cat: Catalog, site_url: str = "", today: datetime.date | None = None) -> dict[str, list[dict]]:
    """Every open-data record: plans, agencies, provinces and partnerships by id in natural
    order (digits as numbers), tasks plan by plan in the order the document prints them
    (their `position`), not by id as strings (1, 10, 11, …, 2). Statuses are computed for
    `today` (default: the build's date, generator/clock.py)."""
    ctx = Ctx(cat, site_url, today)
    found = entities(cat)
    found["tasks"] = sorted(found["tasks"], key=lambda t: (natural_key(t.plan), t.position))
    out = {kind: [record(COLUMNS[kind], e, ctx) for e in items] for kind, items in found.items()}
    for kind, recs in out.items():  # FIELDS == record keys: tests/site/test_build.py
        if kind != "tasks":
            recs.sort(key=lambda r: natural_key(r["id"]))
    return out


def to_json(recs: list[dict]) -> bytes:
    return (json.dumps(recs, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab and
# carriage return, their full-width forms, and the quote that marks a neutralised cell (so the
# rule stays reversible). Leading spaces and line breaks are skipped: an importer that trims
# them would find the formula behind them.
FORMULA_START = re.compile(r"^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20']")
NOT_NUMBERED = "-"  # a task number printed as a lone dash: no formula, kept as printed


def spreadsheet_safe(text: str) -> str:
    """A text cell that no spreadsheet runs: one ' is put before a cell that begins (after
    spaces) with = + - @, a tab, a carriage return or a ' itself, as OWASP recommends; a
    reader gets the text back by removing one leading ' from any cell that has one. The lone
    "-" of an unnumbered task stays as it is (nothing follows it: no formula)."""
    if text != NOT_NUMBERED and FORMULA_START.match(text):
        return "'" + text
    return text


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(
            _text(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False) for v in value
        )
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _cell(value) -> str:
    """A CSV cell: text (and lists of texts) made spreadsheet-safe; numbers, dates, booleans,
    JSON objects as they are."""
    text = _text(value)
    return spreadsheet_safe(text) if isinstance(value, (str, list)) else text


def flatten(rec: dict) -> dict:
    """CSV columns: nested mappings become <field>_<key> columns."""
    flat = {}
    for key, value in rec.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                flat[f"{key}_{sub}"] = _cell(v)
        else:
            flat[key] = _cell(value)
    return flat


def to_csv(recs: list[dict]) -> bytes:
    rows = [flatten(r) for r in recs]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def files(recs_by_kind: dict[str, list[dict]], prefix: str = "opendata/") -> dict[str, bytes]:
    out = {}
    for kind, recs in recs_by_kind.items():
        out[f"{prefix}{kind}.json"] = to_json(recs)
        out[f"{prefix}{kind}.csv"] = to_csv(recs)
    return out


def _task_csv(recs: list[dict]) -> bytes:
    if recs:
        return to_csv(recs)
    header = ",".join(name for name, *_ in csv_columns(COLUMNS["tasks"]))
    return ("\ufeff" + header + "\r\n").encode("utf-8")


def slice_items(cat: Catalog, site_url: str = "", today: datetime.date | None = None):
    """The tasks of each plan, agency and partnership, as JSON and CSV (same fields as tasks):
    (path, bytes) one file at a time, so a writer need not hold them all."""
    ctx = Ctx(cat, site_url, today)
    slices = [(opendata_slice(urls.PLANS, p.id), list(p.tasks)) for p in cat.plans.values()]
    slices += [
        (opendata_slice(urls.AGENCIES, a.id), _merge(cat.tasks_led_by(a.id), cat.tasks_coordinated_by(a.id)))
        for a in cat.agencies.values()
    ]
    slices += [
        (opendata_slice(urls.PARTNERSHIPS, p.id), cat.tasks_of_partnership(p.id))
        for p in cat.partnerships.values()
    ]
    for name, tasks in slices:
        recs = [task_record(t, ctx) for t in tasks]
        yield f"{name}.json", to_json(recs)
        yield f"{name}.csv", _task_csv(recs)


def _merge(a: list[Task], b: list[Task]) -> list[Task]:
    keys = {t.key for t in a}
    return a + [t for t in b if t.key not in keys]
