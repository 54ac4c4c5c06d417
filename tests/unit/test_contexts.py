"""Typed page contexts, built from the real catalog: what each page shows, decided in Python."""

import dataclasses
import datetime

from generator.pages.contexts.common import Rows, status_summary
from generator.pages.contexts.indexes import agencies_index_page, plans_index_page
from generator.pages.contexts.task_indexes import calendar_page
from generator.pages.contexts.plan import plan_page, task_page
from generator.pages.specs import all_pages


def _plan_with_partnership_tasks(catalog):
    return next(p for p in catalog.sorted_plans() if any(t.partnership for t in p.tasks))


def test_task_page_links_and_neighbours(catalog):
    plan = _plan_with_partnership_tasks(catalog)
    i = next(i for i, t in enumerate(plan.tasks) if t.partnership)
    page = task_page(catalog, plan, i, "https://x.org/")
    task = plan.tasks[i]
    assert page.partnership.url == catalog.partnerships[task.partnership].url
    assert [l.url for l in page.lead.links] == [catalog.agencies[a].url for a in task.lead]
    assert page.lead.collective == task.lead_collective
    assert page.prev == (None if i == 0 else dataclasses.replace(page.prev, url=plan.tasks[i - 1].url))
    first, last = task_page(catalog, plan, 0, ""), task_page(catalog, plan, len(plan.tasks) - 1, "")
    assert first.prev is None and first.next.url == plan.tasks[1].url
    assert last.next is None


def test_citation_names_task_plan_issuer_and_address(catalog):
    plan = next(p for p in catalog.sorted_plans() if p.issued and p.number)
    page = task_page(catalog, plan, 0, "https://x.org/")
    task = plan.tasks[0]
    assert page.citation.startswith(f"{plan.short_title}")
    assert f", {page.place}: “{task.title}”." in page.citation and task.label not in page.citation
    assert catalog.agencies[plan.issuer].name in page.citation
    assert plan.issued.strftime("%d/%m/%Y") in page.citation
    assert page.citation.endswith(f"https://x.org/{plan.tasks[0].url}")


def test_plan_page_sections_hold_every_task_once(catalog):
    for plan in catalog.sorted_plans():
        page = plan_page(catalog, plan, Rows(catalog))
        urls = []

        def walk(sections):
            for s in sections:
                assert 3 <= s.level <= 6
                urls.extend(r.url for r in s.rows)  # noqa: B023 (called in this iteration)
                walk(s.sections)

        walk(page.sections)
        assert sorted(urls) == sorted(t.url for t in plan.tasks)
        assert page.task_count == len(plan.tasks)
        assert [l.url for l in page.partnerships] == [
            catalog.partnerships[p].url for p in catalog.plan_partnerships(plan)
        ]


def test_calendar_lists_each_short_task_in_each_of_its_quarters(catalog):
    page, _ = calendar_page(catalog, Rows(catalog), datetime.date(2026, 8, 15))
    assert page.inline  # the real data fits on one page
    assert [q.key for q in page.quarters] == sorted((q.key for q in page.quarters), reverse=True)
    assert [q.key for q in page.quarters if q.current] == (
        ["2026-q3"] if any(q.key == "2026-q3" for q in page.quarters) else []
    )
    in_quarters = {(q.key, r.url) for q in page.quarters for r in q.rows}
    for t in catalog.tasks:
        qs = t.timeframe.quarters() if t.timeframe.start else []
        for y, q in qs:
            assert ((f"{y}-q{q}", t.url) in in_quarters) == (len(qs) <= 4)
    others = {s.key: s for s in page.others}
    assert list(others) == ["nhieu-nam", "thuong-xuyen", "khong-ghi"]
    assert all(r.plan is not None for s in page.others for r in s.rows)
    assert others["thuong-xuyen"].count == sum(t.timeframe.kind == "ongoing" for t in catalog.tasks)


def test_rows_carry_the_filter_attributes(catalog):
    task = next(t for t in catalog.tasks if t.timeframe.start)
    row = Rows(catalog).row(task)
    assert row.attrs["data-bat-dau"] == task.timeframe.start.isoformat()
    assert row.attrs["data-vi-tri"].startswith(f"{task.plan}/")
    assert row.attrs["data-chu-tri"] == " ".join(task.lead)
    assert row.plan is None and Rows(catalog).row(task, True).plan.url == catalog.plans[task.plan].url


def test_agencies_index_lists_every_agency_once_with_its_counts(catalog):
    page = agencies_index_page(catalog)
    seen = [c.agency.id for g in page.groups for c in g.agencies]
    assert sorted(seen) == sorted(catalog.agencies)
    for g in page.groups:
        for c in g.agencies:
            assert c.led == len(catalog.tasks_led_by(c.agency.id))
    assert page.groups[-1].anchor == "trung-uong" or all(a.province for a in catalog.agencies.values())


def test_plans_index_names_undated_titles_by_type(catalog):
    for row in plans_index_page(catalog).plans:
        p = row.plan
        assert row.name == (p.short_title if not p.title or p.number else f"{p.type_name} {p.title}")
        assert row.issuer.url == catalog.agencies[p.issuer].url


def test_status_summary_counts_latest_reports():
    from generator.model.models import Update

    T = type("T", (), {})

    def task(*statuses):
        t = T()
        t.updates = tuple(Update(datetime.date(2026, 1, i + 1), s, None, "x") for i, s in enumerate(statuses))
        t.latest_update = t.updates[-1] if t.updates else None
        return t

    s = status_summary([task(), task("chua-trien-khai", "hoan-thanh"), task("hoan-thanh"), task("cham")])
    assert s.counts == [("Hoàn thành", 2), ("Chậm", 1)]
    assert (s.unreported, s.total) == (1, 4)


def test_every_context_is_a_dataclass_and_no_template_gets_the_catalog(catalog):
    for spec in all_pages(catalog, datetime.date(2026, 7, 1)):
        assert dataclasses.is_dataclass(spec.context), spec.url
        assert "cat" not in {f.name for f in dataclasses.fields(spec.context)}


def test_an_issuer_without_tasks_lists_the_documents_it_issued_in_plan_order(small_catalog):
    """son-la-ubnd leads no task; it issued two plans of the test dataset, whose documents its
    page lists (found through the catalog's plan indexes), in the plans' display order."""
    from generator.pages.contexts.entities import agency_sources
    from generator.pages.source_documents import documents
    from tests.smalldata import SMALL

    cat = small_catalog
    agency = cat.agencies["son-la-ubnd"]
    tasks = cat.tasks_led_by(agency.id) + cat.tasks_coordinated_by(agency.id)
    assert not tasks
    urls = [s.url for s in agency_sources(cat, agency, tasks, documents(cat, SMALL))]
    order = [p.id for p in cat.sorted_plans() if p.issuer == agency.id or p.focal_agency == agency.id]
    assert urls == [f"van-ban/{pid}/" for pid in order] and len(urls) == 2
