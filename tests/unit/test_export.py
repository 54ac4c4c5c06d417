"""Open data (generator/publish/export.py) on the test dataset: records, JSON, CSV and per-page slices."""

import csv
import io
import json

import pytest
from datetime import date

from generator.publish import export
from generator.textnorm import natural_key

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def recs(small_catalog):
    return export.records(small_catalog, today=TODAY)


def test_natural_order_puts_2_before_10():
    ids = ["p/10", "p/2", "p/1", "p/b-1-10", "p/b-1-2", "q/1"]
    assert sorted(ids, key=natural_key) == ["p/1", "p/2", "p/10", "p/b-1-2", "p/b-1-10", "q/1"]


def test_real_tasks_in_document_order(catalog):
    tasks = export.records(catalog)["tasks"]
    plan = [r for r in tasks if r["plan"] == "son-la-thanh-hoa-2026"]
    assert [r["id"].split("/")[1] for r in plan] == [str(n) for n in range(1, 15)]
    assert [r["position"] for r in plan] == list(range(1, 15))


def by_id(recs, kind, rid):
    return next(r for r in recs[kind] if r["id"] == rid)


def test_every_kind_sorted_by_id_with_the_documented_fields(recs, small_catalog):
    counts = {"plans": 3, "tasks": 18, "agencies": 9, "provinces": 6, "partnerships": 3}
    for kind, fields in export.FIELDS.items():
        assert len(recs[kind]) == counts[kind]
        if kind == "tasks":  # plan by plan (natural order), as each document prints them
            assert [(r["plan"], r["position"]) for r in recs[kind]] == sorted(
                ((r["plan"], r["position"]) for r in recs[kind]), key=lambda k: (natural_key(k[0]), k[1])
            )
        else:
            assert [r["id"] for r in recs[kind]] == sorted((r["id"] for r in recs[kind]), key=natural_key)
        assert all(list(r) == [name for name, _ in fields] for r in recs[kind]), kind


def test_a_dispatch_with_nothing_stated_exports_nulls(recs):
    assert by_id(recs, "plans", "thanh-hoa-chuyen-tiep") == {
        "id": "thanh-hoa-chuyen-tiep",
        "url": "ke-hoach/thanh-hoa-chuyen-tiep/",
        "title": None,
        "name": "Công văn chuyển tiếp kiểm thử",
        "type": "cong-van",
        "number": None,
        "issued": None,
        "issuer": "thanh-hoa-ubnd",
        "signer": None,
        "signer_position": None,
        "period_start": "2025-01-01",
        "period_end": "2026-12-31",
        "partnerships": ["son-la-thanh-hoa", "ho-chi-minh-cac-tinh"],
        "provinces": ["bac-kan", "son-la", "thanh-hoa", "ho-chi-minh"],
        "focal_agency": None,
        "task_count": 2,
        "source_file": "kiem-thu-001.txt",
        "issuer_name": "Ủy ban nhân dân tỉnh Thanh Hóa",
        "focal_agency_name": None,
        "source_url": None,
        "permalink": None,
        "status": "dang-thuc-hien",
        "status_name": "Đang thực hiện (đến 31/12/2026)",
        "status_date": "2026-12-07",
    }
    signer = by_id(recs, "plans", "son-la-giai-doan-2022-2025")
    assert (signer["signer"], signer["signer_position"], signer["partnerships"]) == (None, "CHỦ TỊCH", [])


def test_a_task_with_every_field(recs):
    assert by_id(recs, "tasks", "son-la-kiem-thu-2026/i-1") == {
        "id": "son-la-kiem-thu-2026/i-1",
        "url": "ke-hoach/son-la-kiem-thu-2026/i-1/",
        "plan": "son-la-kiem-thu-2026",
        "number": "1",
        "label": "1",
        "title": "Tuần hàng kiểm thử",
        "section": "I NHIỆM VỤ CHUNG",
        "content": "Tổ chức tuần hàng kiểm thử tại tỉnh Sơn La.\n\nĐoạn thứ hai của nội dung nhiệm vụ.",
        "form": "Tổ chức tại tỉnh Sơn La",
        "lead": ["son-la-so-cong-thuong"],
        "lead_collective": [],
        "lead_text": "Sở Công Thương chủ trì:",  # stated once for the section, as printed
        "coordinating": ["thanh-hoa-so-cong-thuong", "son-la-so-tai-chinh"],
        "coordinating_collective": ["Các sở, ban, ngành liên quan"],
        "coordinating_text": "- Sở Công Thương tỉnh Thanh Hóa; Sở Tài chính\n- Các sở, ban, ngành liên quan",
        "timeframe": {
            "text": "Cả năm",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "ongoing": False,
            "kind": "span",
        },
        "product": "Báo cáo kết quả tuần hàng",
        "contact": "Ông Nguyễn Văn A, 0212 000 000",
        "note": "Ghi chú kiểm thử.",
        "partnership": "son-la-thanh-hoa",
        "lead_names": ["Sở Công Thương tỉnh Sơn La"],
        "coordinating_names": ["Sở Công Thương tỉnh Thanh Hóa", "Sở Tài chính tỉnh Sơn La"],
        "permalink": None,
        "position": 1,
        "printed_number": "1",
        "place": "mục I, số 1",
        "status": "hoan-thanh",
        "status_name": "Hoàn thành",
        "status_date": "2026-12-07",
    }


@pytest.mark.parametrize(
    "task,timeframe",
    [
        (
            "son-la-kiem-thu-2026/ii-2-1",
            {"text": "Thường xuyên", "start": None, "end": None, "ongoing": True, "kind": "ongoing"},
        ),
        (
            "son-la-kiem-thu-2026/ii-2-2",
            {
                "text": "Theo nhu cầu của các bên",
                "start": None,
                "end": None,
                "ongoing": False,
                "kind": "as-needed",
            },
        ),
        (
            "son-la-kiem-thu-2026/ii-2-3",
            {"text": None, "start": None, "end": None, "ongoing": False, "kind": "not-stated"},
        ),
        (
            "son-la-kiem-thu-2026/ii-1-2",
            {
                "text": "Quý III, IV",
                "start": "2026-07-01",
                "end": "2026-12-31",
                "ongoing": False,
                "kind": "span",
            },
        ),
        (
            "son-la-giai-doan-2022-2025/a-1",
            {
                "text": "2022-2025",
                "start": "2022-01-01",
                "end": "2025-12-31",
                "ongoing": False,
                "kind": "span",
            },
        ),  # from its section
    ],
)
def test_every_kind_of_timeframe(recs, task, timeframe):
    assert by_id(recs, "tasks", task)["timeframe"] == timeframe


@pytest.mark.parametrize(
    "task,status",
    [
        ("son-la-kiem-thu-2026/i-1", "hoan-thanh"),  # its latest report
        ("son-la-kiem-thu-2026/i-2", "cham"),
        ("son-la-kiem-thu-2026/ii-2-1", "thuong-xuyen"),  # no end date: no deadline
        ("son-la-kiem-thu-2026/ii-2-2", "theo-nhu-cau"),
        ("son-la-kiem-thu-2026/ii-2-3", "khong-ghi-thoi-gian"),
        ("son-la-kiem-thu-2026/ii-1-2", "den-han-quy-nay"),  # ends 31/12/2026
        ("son-la-giai-doan-2022-2025/a-1", "qua-thoi-han"),  # ended 31/12/2025, no report
    ],
)
def test_the_status_columns_say_where_each_task_stood_on_the_build_date(recs, task, status):
    from generator.model.status import TASK_STATUSES

    rec = by_id(recs, "tasks", task)
    assert (rec["status"], rec["status_name"], rec["status_date"]) == (
        status,
        TASK_STATUSES[status],
        "2026-12-07",
    )
    assert by_id(recs, "plans", "son-la-giai-doan-2022-2025")["status_name"] == (
        "Đã hết giai đoạn kế hoạch (31/12/2025)"
    )


def test_agencies_provinces_partnerships(recs):
    assert by_id(recs, "agencies", "son-la-ttxt")["lead_count"] == 7
    assert by_id(recs, "agencies", "son-la-so-cong-thuong")["aliases"] == ["Sở Công thương"]
    assert by_id(recs, "agencies", "bo-cong-thuong")["province"] is None
    assert by_id(recs, "provinces", "bac-kan") == {
        "id": "bac-kan",
        "url": "tinh-thanh/bac-kan/",
        "name": "Bắc Kạn",
        "kind": "tinh",
        "code": None,
        "merged_into": "thai-nguyen",
        "merged_on": "2025-07-01",
        "permalink": None,
    }
    child = by_id(recs, "partnerships", "ho-chi-minh-bac-kan")
    assert (child["part_of"], child["agreements"], child["plans"], child["task_count"]) == (
        "ho-chi-minh-cac-tinh",
        [],
        ["son-la-kiem-thu-2026"],
        4,
    )
    assert by_id(recs, "partnerships", "ho-chi-minh-cac-tinh")["agreements"] == [
        {
            "title": "Thỏa thuận hợp tác kiểm thử giữa Thành phố Hồ Chí Minh với các tỉnh",
            "kind": "thoa-thuan",
            "signed": None,
        }
    ]


def test_json_and_csv_say_the_same(recs):
    files = export.files(recs)
    assert sorted(files) == sorted(f"opendata/{k}.{e}" for k in export.FIELDS for e in ("json", "csv"))
    for kind in export.FIELDS:
        assert json.loads(files[f"opendata/{kind}.json"]) == recs[kind]
        raw = files[f"opendata/{kind}.csv"]
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows == [export.flatten(r) for r in recs[kind]]
    row = export.flatten(by_id(recs, "tasks", "son-la-kiem-thu-2026/ii-2-1"))
    assert (row["timeframe_ongoing"], row["timeframe_start"], row["lead"], row["form"]) == (
        "true",
        "",
        "thanh-hoa-so-van-hoa",
        "",
    )
    row = export.flatten(by_id(recs, "tasks", "son-la-kiem-thu-2026/i-1"))
    assert row["coordinating"] == "thanh-hoa-so-cong-thuong; son-la-so-tai-chinh"
    agreements = export.flatten(by_id(recs, "partnerships", "son-la-thanh-hoa"))["agreements"]
    assert json.loads(agreements)["signed"] == "2024-12-20"


def test_slices_per_plan_agency_and_partnership(small_catalog):
    files = dict(export.slice_items(small_catalog))
    assert len(files) == 2 * (3 + 9 + 3)
    ids = lambda name: [r["id"].split("/")[1] for r in json.loads(files[f"opendata/{name}.json"])]  # noqa: E731
    assert ids("hop-tac/ho-chi-minh-bac-kan") == ["ii-1-1", "ii-1-2", "ii-1-3", "ii-1-y4"]
    assert ids("co-quan/son-la-so-tai-chinh") == ["a-1", "a-2", "a-3", "i-1"]  # leads, then coordinates
    # an agency that leads nothing: an empty list, and a CSV with the tasks' header only
    assert files["opendata/co-quan/son-la-ubnd.json"] == b"[]\n"
    header = export.files(export.records(small_catalog))["opendata/tasks.csv"].split(b"\r\n")[0]
    assert files["opendata/co-quan/son-la-ubnd.csv"] == header + b"\r\n"
