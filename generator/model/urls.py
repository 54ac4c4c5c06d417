"""Every URL and file name the portal makes from ids, in one place: the folders of the pages,
the URL of each record's page and of its task tables, the former URLs a rename leaves behind,
the feed and calendar files beside a page, the open data slices and the source documents'
folder below data/.

URLs are site-relative directory URLs ("ke-hoach/<id>/"): pages/links.py makes the relative
links between them, the builder the files (<dir>/index.html). They are a public contract
(citations, feeds, calendars, open data and tests/fixtures/published-urls.txt give them):
a renamed record keeps its former URLs as redirects (former_urls).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..errors import Location

# The folders of the pages, one per kind of record and per index.
PLANS = "ke-hoach/"
TASKS = "nhiem-vu/"  # every task, by province (the index, not a task's page)
AGENCIES = "co-quan/"
PROVINCES = "tinh-thanh/"
PARTNERSHIPS = "hop-tac/"
DOCUMENTS = "van-ban/"  # the source documents, a page each
CALENDAR = "lich/"  # tasks by quarter
OPENDATA = "du-lieu-mo/"
SEARCH = "tim-kiem/"
FEEDS = "feeds/"

# The task tables of an entity page, each with a URL below the entity's (<entity>/<key>/).
LED, COORDINATED, ENTITY_TASKS = "chu-tri", "phoi-hop", "nhiem-vu"
TABLES = {AGENCIES: (LED, COORDINATED), PROVINCES: (ENTITY_TASKS,), PARTNERSHIPS: (ENTITY_TASKS,)}

# Files beside a page.
FEED_FILE = "nhiem-vu.xml"  # an Atom feed of an agency's, province's or partnership's tasks
CALENDAR_FILE = "lich.ics"  # an iCalendar file of the same, and of a plan's
PLANS_FEED = FEEDS + "ke-hoach.xml"
OPENDATA_FILES = "opendata/"  # the JSON and CSV files, and the slices per record

SOURCES_DIR = "sources"  # the transcribed source documents, below data/


def plan_url(plan_id: str) -> str:
    return f"{PLANS}{plan_id}/"


def task_url(plan_id: str, task_id: str) -> str:
    return f"{PLANS}{plan_id}/{task_id}/"


def agency_url(agency_id: str) -> str:
    return f"{AGENCIES}{agency_id}/"


def province_url(province_id: str) -> str:
    return f"{PROVINCES}{province_id}/"


def partnership_url(partnership_id: str) -> str:
    return f"{PARTNERSHIPS}{partnership_id}/"


def document_url(document_id: str) -> str:
    return f"{DOCUMENTS}{document_id}/"


def opendata_slice(folder: str, record_id: str) -> str:
    """The open data of one record's tasks, without extension: opendata/ke-hoach/<id>."""
    return f"{OPENDATA_FILES}{folder}{record_id}"


def former_urls(cat) -> list[tuple[str, str, Location]]:
    """(old URL, current URL, where the rename is recorded), for every former id of the
    catalog `cat` (not imported here: the catalog's records import this module)."""
    out = []
    for plan in cat.plans.values():
        for old in plan.former_ids:
            out.append((plan_url(old), plan.url, plan.loc))
            for task in plan.tasks:
                out.append((task_url(old, task.id), task.url, plan.loc))
        for task in plan.tasks:
            for old in task.former_ids:
                out.append((task_url(plan.id, old), task.url, task.loc))
                for old_plan in plan.former_ids:
                    out.append((task_url(old_plan, old), task.url, task.loc))
    for prefix, records in (
        (AGENCIES, cat.agencies),
        (PROVINCES, cat.provinces),
        (PARTNERSHIPS, cat.partnerships),
    ):
        for rec in records.values():
            for old in rec.former_ids:
                out.append((f"{prefix}{old}/", rec.url, rec.loc))
                for table in TABLES[prefix]:  # the first page of each task table (entitytasks)
                    out.append((f"{prefix}{old}/{table}/", f"{rec.url}{table}/", rec.loc))
    return sorted(out)
