"""The importer on real plans nobody here wrote (tests/fixtures/realdocs/, 22 documents with the
truth read by hand): the floor of what it reads, so that a change that reads less fails here.
The figures themselves: `make import-quality` (benchmarks/import_quality.py) and README."""

from __future__ import annotations

import pytest

from benchmarks.import_quality import score

# Measured at the last change of the importer (README, "The importer"); raise them with it.
FLOOR = {
    "drafted": 21,
    "json_refused_max": 0,
    "scans_ok": 1,
    "content": 513,
    "lead": 495,
    "coord": 271,
    "time": 276,
    "extra_max": 18,
    "meta": 42,
    "title": 21,
    "bad_proposals_max": 0,
}


@pytest.fixture(scope="module")
def totals():
    return score()[1]


def test_every_document_is_drafted_and_the_scan_refused(totals):
    assert totals["drafted"] >= FLOOR["drafted"] == totals["documents"]
    assert totals["scans_ok"] == totals["scans"] == 1
    assert totals["json_refused"] <= FLOOR["json_refused_max"]


def test_rows_leads_coordinating_and_times_are_read(totals):
    for key in ("content", "lead", "coord", "time", "meta", "title"):
        assert totals[key] >= FLOOR[key], (key, totals[key], FLOOR[key])


def test_nothing_is_drafted_that_is_no_task_and_no_non_agency_is_proposed(totals):
    assert totals["extra"] <= FLOOR["extra_max"]
    assert totals["bad_proposals"] <= FLOOR["bad_proposals_max"]
