"""The open-data columns, declared once: name, type, meaning and how the value is read from the
catalog. JSON and CSV records (export.py), the field tables of du-lieu-mo/ and the Table Schemas
of datapackage.json (datapackage.py) all come from here. Names are a public contract: never
renamed or dropped; a new column is only ever added.

A column's type is a Table Schema type ("string", "integer", "boolean", "date"), "list" (a
JSON array of strings; "; "-joined in CSV), "records" (a JSON array of objects; in CSV each
object as JSON, "; "-joined) or "object" (a JSON object; in CSV one column per sub-column,
named <column>_<sub>).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model.catalog import Catalog
from ..pages.citeterms import BULLETS, place_of
from ..clock import build_time
from ..model.models import Agency, Partnership, Plan, Province, Task
from ..model.status import PLAN_STATUSES, TASK_STATUSES, plan_status, status_fields, task_status


@dataclass(frozen=True)
class Ctx:
    cat: Catalog
    site_url: str  # "" when the build has none
    today: datetime.date | None = None  # the day statuses are computed for (None: the build's)

    @property
    def day(self) -> datetime.date:
        return self.today or build_time().date()


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    doc: str
    get: Callable[[Any, Ctx], Any]
    sub: tuple["Column", ...] = field(default=())  # "object": its parts
    ref: str | None = None  # foreign key: the kind whose id this is


def _d(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _attr(name: str) -> Callable[[Any, Ctx], Any]:
    """The entity's attribute of that name (a tuple as a list, as JSON and CSV write it)."""

    def get(e, _ctx):
        value = getattr(e, name)
        return list(value) if isinstance(value, tuple) else value

    return get


def _names(ctx: Ctx, ids) -> list[str | None]:
    """Agency names in the order of their ids (None for an id an import draft proposes)."""
    return [ctx.cat.agencies[i].name if i in ctx.cat.agencies else None for i in ids]


def C(name, type_, doc, get=None, sub=(), ref=None) -> Column:
    return Column(name, type_, doc, get or _attr(name), tuple(sub), ref)


def _common(kind_doc: str) -> list[Column]:
    return [
        C("id", "string", kind_doc),
        C("url", "string", "đường dẫn trang, tính từ gốc trang (site/<url>index.html)"),
    ]


def _permalink() -> Column:
    return C(
        "permalink",
        "string",
        "địa chỉ đầy đủ của trang; null khi cổng được dựng không có địa chỉ xuất bản (site_url)",
        lambda e, ctx: ctx.site_url + e.url if ctx.site_url else None,
    )


def _status_columns(of, names: dict[str, str], what: str) -> list[Column]:
    keys = ", ".join(names)
    return [
        C(
            "status",
            "string",
            f"tình trạng {what} vào ngày status_date, tính từ dữ liệu (không "
            f"đoán): một trong {keys} (generator/status.py)",
            lambda e, c: status_fields(of(e, c.day))["status"],
        ),
        C(
            "status_name",
            "string",
            "tình trạng như trang ghi",
            lambda e, c: status_fields(of(e, c.day))["status_name"],
        ),
        C(
            "status_date",
            "date",
            "ngày tình trạng được tính: ngày dựng cổng; trang web tính lại theo ngày người xem",
            lambda e, c: status_fields(of(e, c.day))["status_date"],
        ),
    ]


def _printed(number: str | None) -> str | None:
    return number if number and number.strip() not in BULLETS else None


def _signer(attr):
    return lambda p, _ctx: getattr(p.signer, attr) if p.signer else None


PLANS = _common("mã kế hoạch, không đổi") + [
    C("title", "string", "trích yếu như văn bản ghi; null nếu văn bản không ghi"),
    C(
        "name",
        "string",
        "tên hiển thị trên cổng: số hiệu, trích yếu hoặc tên do cổng đặt",
        _attr("short_title"),
    ),
    C("type", "string", "loại văn bản: ke-hoach (kế hoạch) hoặc cong-van (công văn)"),
    C("number", "string", "số hiệu; null nếu văn bản nguồn không ghi"),
    C("issued", "date", "ngày ban hành YYYY-MM-DD; null nếu không ghi", lambda p, _c: _d(p.issued)),
    C("issuer", "string", "mã cơ quan ban hành", ref="agencies"),
    C("signer", "string", "họ tên người ký; null nếu không ghi", _signer("name")),
    C("signer_position", "string", "chức vụ người ký như văn bản ghi", _signer("position")),
    C("period_start", "date", "ngày bắt đầu giai đoạn kế hoạch", lambda p, _c: _d(p.period.start)),
    C("period_end", "date", "ngày kết thúc giai đoạn kế hoạch", lambda p, _c: _d(p.period.end)),
    C(
        "partnerships",
        "list",
        "mã các quan hệ hợp tác kế hoạch phục vụ (cả của từng nhiệm vụ)",
        lambda p, c: c.cat.plan_partnerships(p),
    ),
    C("provinces", "list", "mã các tỉnh, thành phố liên quan", lambda p, c: c.cat.plan_provinces(p)),
    C("focal_agency", "string", "mã cơ quan đầu mối; null nếu không có", ref="agencies"),
    C("task_count", "integer", "số nhiệm vụ", lambda p, _c: len(p.tasks)),
    C("source_file", "string", "tên tệp chép toàn văn trong kho dữ liệu (data/sources/)"),
    C("issuer_name", "string", "tên cơ quan ban hành", lambda p, c: c.cat.agencies[p.issuer].name),
    C(
        "focal_agency_name",
        "string",
        "tên cơ quan đầu mối; null nếu không có",
        lambda p, c: c.cat.agencies[p.focal_agency].name if p.focal_agency else None,
    ),
    C("source_url", "string", "địa chỉ tệp chính thức của văn bản; null nếu chưa ghi"),
    _permalink(),
    *_status_columns(plan_status, PLAN_STATUSES, "kế hoạch theo giai đoạn kế hoạch"),
]

_TIMEFRAME = (
    C("text", "string", "thời gian như văn bản ghi; null nếu không ghi", lambda tf, _c: tf.text),
    C("start", "date", "ngày bắt đầu quy đổi", lambda tf, _c: _d(tf.start)),
    C("end", "date", "ngày kết thúc quy đổi", lambda tf, _c: _d(tf.end)),
    C("ongoing", "boolean", "true nếu 'Thường xuyên'", lambda tf, _c: tf.ongoing),
    C(
        "kind",
        "string",
        "span | ongoing | recurring | as-needed | unread | not-stated",
        lambda tf, _c: tf.kind,
    ),
)

TASKS = [
    C("id", "string", "mã toàn cổng: <mã kế hoạch>/<mã nhiệm vụ>", _attr("key")),
    C("url", "string", "đường dẫn trang nhiệm vụ"),
    C("plan", "string", "mã kế hoạch", ref="plans"),
    C("number", "string", "số thứ tự như văn bản ghi ('1.1', '5.5', '-'); null nếu không có"),
    C("label", "string", "tên gọi trên cổng ('1.1', '1.1 – ý 2')"),
    C(
        "title",
        "string",
        "tên nhiệm vụ, như tiêu đề (h1) trang nhiệm vụ: đặt trong dữ liệu, hoặc vế đầu của nội dung",
    ),
    C(
        "section",
        "string",
        "các tiêu đề mục chứa nhiệm vụ, nối bằng ' › '",
        lambda t, _c: " › ".join(t.section_trail),
    ),
    C("content", "string", "toàn văn nội dung"),
    C("form", "string", "hình thức; null nếu không ghi"),
    C("lead", "list", "mã các cơ quan chủ trì"),
    C("lead_collective", "list", "chủ trì ghi chung, giữ nguyên chữ ('UBND các xã, phường')"),
    C("lead_text", "string", "ô chủ trì như văn bản ghi"),
    C("coordinating", "list", "mã các cơ quan phối hợp"),
    C("coordinating_collective", "list", "phối hợp ghi chung, giữ nguyên chữ"),
    C("coordinating_text", "string", "ô phối hợp như văn bản ghi"),
    C("timeframe", "object", "thời gian thực hiện", _attr("timeframe"), sub=_TIMEFRAME),
    C("product", "string", "sản phẩm; null nếu không ghi"),
    C("contact", "string", "đầu mối liên hệ như văn bản ghi; null nếu không ghi"),
    C("note", "string", "ghi chú; null nếu không ghi"),
    C("partnership", "string", "mã quan hệ hợp tác; null nếu không thuộc quan hệ nào", ref="partnerships"),
    C("lead_names", "list", "tên các cơ quan chủ trì, cùng thứ tự với lead", lambda t, c: _names(c, t.lead)),
    C(
        "coordinating_names",
        "list",
        "tên các cơ quan phối hợp, cùng thứ tự với coordinating",
        lambda t, c: _names(c, t.coordinating),
    ),
    _permalink(),
    C(
        "position",
        "integer",
        "thứ tự trong kế hoạch như văn bản in (1, 2, …); tasks.json, tasks.csv "
        "xếp nhiệm vụ theo kế hoạch rồi theo thứ tự này",
    ),
    C(
        "printed_number",
        "string",
        "số thứ tự riêng văn bản in cho nhiệm vụ ('1.1', '5.5'); null "
        "khi văn bản chỉ in gạch đầu dòng hoặc không in số",
        lambda t, _c: _printed(t.number),
    ),
    C(
        "place",
        "string",
        "vị trí trong văn bản, theo cách đánh số của chính văn bản ('mục II.2.1, "
        "gạch đầu dòng thứ 3', 'PHỤ LỤC II, mục II, số 1.1'), như trang nhiệm vụ ghi (null trong "
        "bản nháp của lệnh import)",
        lambda t, c: place_of(c.cat.plans[t.plan], t.id) if t.plan in c.cat.plans else None,
    ),
    *_status_columns(
        task_status,
        TASK_STATUSES,
        "nhiệm vụ theo báo cáo tiến độ (nếu có) hoặc theo ngày kết thúc thời gian ghi trong văn bản",
    ),
]

AGENCIES = _common("mã cơ quan") + [
    C("name", "string", "tên đầy đủ"),
    C("short_name", "string", "tên ngắn"),
    C("province", "string", "mã tỉnh, thành phố; null với cơ quan trung ương", ref="provinces"),
    C("aliases", "list", "các cách viết khác trong văn bản nguồn"),
    C("lead_count", "integer", "số nhiệm vụ chủ trì", lambda a, c: len(c.cat.tasks_led_by(a.id))),
    C(
        "coordinating_count",
        "integer",
        "số nhiệm vụ phối hợp",
        lambda a, c: len(c.cat.tasks_coordinated_by(a.id)),
    ),
    _permalink(),
]

PROVINCES = _common("mã tỉnh") + [
    C("name", "string", "tên"),
    C("kind", "string", "tinh hoặc thanh-pho"),
    C("code", "string", "mã đơn vị hành chính (Tổng cục Thống kê, từ 1/7/2025); null với tỉnh cũ"),
    C("merged_into", "string", "tỉnh cũ: mã tỉnh kế thừa; null với tỉnh hiện hành", ref="provinces"),
    C("merged_on", "date", "ngày thay đổi YYYY-MM-DD; null nếu không có", lambda p, _c: _d(p.merged_on)),
    _permalink(),
]

PARTNERSHIPS = _common("mã quan hệ hợp tác") + [
    C("name", "string", "tên"),
    C("provinces", "list", "mã các tỉnh, thành phố"),
    C("part_of", "string", "mã quan hệ rộng hơn; null nếu không", ref="partnerships"),
    C(
        "agreements",
        "records",
        "[{title, kind, signed}] các thỏa thuận, biên bản ghi nhớ",
        lambda p, _c: [{"title": a.title, "kind": a.kind, "signed": _d(a.signed)} for a in p.agreements],
    ),
    C("plans", "list", "mã các kế hoạch", lambda p, c: [x.id for x in c.cat.plans_of_partnership(p.id)]),
    C("task_count", "integer", "số nhiệm vụ", lambda p, c: len(c.cat.tasks_of_partnership(p.id))),
    _permalink(),
]

COLUMNS: dict[str, list[Column]] = {
    "plans": PLANS,
    "tasks": TASKS,
    "agencies": AGENCIES,
    "provinces": PROVINCES,
    "partnerships": PARTNERSHIPS,
}
TITLES = {
    "plans": "Kế hoạch",
    "tasks": "Nhiệm vụ",
    "agencies": "Cơ quan",
    "provinces": "Tỉnh, thành phố",
    "partnerships": "Quan hệ hợp tác",
}


def entities(cat: Catalog) -> dict[str, list[Plan | Task | Agency | Province | Partnership]]:
    return {
        "plans": list(cat.plans.values()),
        "tasks": list(cat.tasks),
        "agencies": list(cat.agencies.values()),
        "provinces": list(cat.provinces.values()),
        "partnerships": list(cat.partnerships.values()),
    }


def record(columns: list[Column], entity, ctx: Ctx) -> dict:
    out = {}
    for col in columns:
        value = col.get(entity, ctx)
        if col.sub:
            value = {s.name: s.get(value, ctx) for s in col.sub}
        out[col.name] = value
    return out


def csv_columns(columns: list[Column]) -> list[tuple[str, str, str, str | None]]:
    """(CSV header, type, meaning, foreign kind) in CSV order: objects become sub-columns."""
    out = []
    for col in columns:
        if col.sub:
            out += [(f"{col.name}_{s.name}", s.type, f"{col.doc}: {s.doc}", None) for s in col.sub]
        else:
            out.append((col.name, col.type, col.doc, col.ref))
    return out


TYPE_NAMES = {
    "string": "chữ",
    "integer": "số nguyên",
    "boolean": "true/false",
    "date": "ngày YYYY-MM-DD",
    "list": "danh sách chữ",
    "records": "danh sách đối tượng",
    "object": "đối tượng",
}


def field_rows(kind: str) -> list[tuple[str, str, str]]:
    """(field, type in Vietnamese, meaning) for the open-data page; an object's parts follow it
    as <field>.<part> (<field>_<part> in CSV)."""
    out = []
    for col in COLUMNS[kind]:
        out.append((col.name, TYPE_NAMES[col.type], col.doc))
        out += [(f"{col.name}.{s.name}", TYPE_NAMES[s.type], s.doc) for s in col.sub]
    return out
