"""What the search page narrows its results by, beside the kind of page (which the page numbers
give: index.py's meta "k"): the province, the lead agency and the year or quarter of each page,
from the catalog (the page process sends them with the URLs: process.py).

    tinh:<province id>     a task's provinces (its agencies' and partnership's), an agency's,
                           a province page, a partnership's two, a plan's and its document's
    co-quan:<agency id>    a task's lead agencies; an agency page itself
    ky:<year>-q<n>         a task's quarters (its timeframe converted); a plan's (every task's);
                           a lich/<year>-q<n>/ page's own (the years are their quarters')

The index writes them beside its shards, entries in the shards' format: `chi-muc/nhom.bin` (the
provinces and quarters) with `nhom.json` (their names: {"tinh": {id: name}, "ky": {…}}), and,
for each province, its agencies: `chi-muc/nhom/<province>.bin` and `.json` ({id: name}; the
agencies of no province under `khac`). tim-kiem.js fetches the first two only when the visitor
opens the filters (or the address holds one), and a province's agencies once it is chosen: at
25,000 tasks every agency at once was 63 KB gzip of pages and 25 KB of names.
"""

from __future__ import annotations

import re

from ...model.catalog import Catalog
from ...pages.tablefilters import task_periods

ROMAN = "I II III IV".split()
OTHER = "khac"  # the file of the agencies of no province
PERIOD = re.compile(r"^(\d{4})-q([1-4])$")


def period_label(period: str) -> str:
    m = PERIOD.match(period)
    return f"Quý {ROMAN[int(m.group(2)) - 1]}/{m.group(1)}" if m else f"Năm {period}"


def facets_of(cat: Catalog) -> dict:
    """{"pages": {index URL: [facet key, …]}, "labels": {facet: {value: name}},
    "agency_province": {agency id: its province, or OTHER}} for every page of the catalog that
    has one (index URLs end in index.html, as the index numbers them)."""
    pages: dict[str, list[str]] = {}
    used: dict[str, set[str]] = {"tinh": set(), "co-quan": set(), "ky": set()}

    def put(url: str, provinces=(), agencies=(), periods=()) -> None:
        keys = []
        for facet, values in (("tinh", provinces), ("co-quan", agencies), ("ky", periods)):
            for v in dict.fromkeys(values):
                if v:
                    keys.append(f"{facet}:{v}")
                    used[facet].add(v)
        if keys:
            pages[url + "index.html"] = keys

    for plan in cat.plans.values():
        plan_periods: dict[str, None] = {}
        for task in plan.tasks:
            periods = [p for p in task_periods(task) if PERIOD.match(p)]
            plan_periods.update(dict.fromkeys(periods))
            put(task.url, cat.task_provinces(task), task.lead, periods)
        provinces = cat.plan_provinces(plan)
        put(plan.url, provinces, (), sorted(plan_periods))
        put(f"van-ban/{plan.id}/", provinces)
    for agency in cat.agencies.values():
        put(agency.url, [agency.province] if agency.province else [], [agency.id])
    for province in cat.provinces.values():
        put(province.url, [province.id])
    for ps in cat.partnerships.values():
        put(ps.url, ps.provinces)
    for period in sorted(used["ky"]):
        if PERIOD.match(period):
            put(f"lich/{period}/", (), (), [period])
    labels = {
        "tinh": {p: cat.provinces[p].name for p in sorted(used["tinh"]) if p in cat.provinces},
        "co-quan": {a: cat.agencies[a].name for a in sorted(used["co-quan"]) if a in cat.agencies},
        "ky": {k: period_label(k) for k in sorted(used["ky"])},
    }
    where = {a: cat.agencies[a].province or OTHER for a in labels["co-quan"]}
    return {"pages": pages, "labels": labels, "agency_province": where}
