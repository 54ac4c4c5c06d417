"""Open data: one to_record() per entity. The field names are a public contract (FIELDS)."""
from __future__ import annotations

import csv
import io
import json

from .catalog import Catalog
from .models import Agency, Partnership, Plan, Province, Task

# kind -> [(field, meaning)], in output order. Documented on the open-data page.
FIELDS: dict[str, list[tuple[str, str]]] = {
    "plans": [
        ("id", "mã kế hoạch, không đổi"),
        ("url", "đường dẫn trang, tính từ gốc trang (site/<url>index.html)"),
        ("title", "trích yếu như văn bản ghi; null nếu văn bản không ghi"),
        ("name", "tên hiển thị trên cổng: số hiệu, trích yếu hoặc tên do cổng đặt"),
        ("type", "loại văn bản: ke-hoach (kế hoạch) hoặc cong-van (công văn)"),
        ("number", "số hiệu; null nếu văn bản nguồn không ghi"),
        ("issued", "ngày ban hành YYYY-MM-DD; null nếu không ghi"),
        ("issuer", "mã cơ quan ban hành"),
        ("signer", "họ tên người ký; null nếu không ghi"),
        ("signer_position", "chức vụ người ký như văn bản ghi"),
        ("period_start", "ngày bắt đầu giai đoạn kế hoạch"),
        ("period_end", "ngày kết thúc giai đoạn kế hoạch"),
        ("partnerships", "mã các quan hệ hợp tác kế hoạch phục vụ (cả của từng nhiệm vụ)"),
        ("provinces", "mã các tỉnh, thành phố liên quan"),
        ("focal_agency", "mã cơ quan đầu mối; null nếu không có"),
        ("task_count", "số nhiệm vụ"),
        ("source_file", "tệp văn bản nguồn"),
    ],
    "tasks": [
        ("id", "mã toàn cổng: <mã kế hoạch>/<mã nhiệm vụ>"),
        ("url", "đường dẫn trang nhiệm vụ"),
        ("plan", "mã kế hoạch"),
        ("number", "số thứ tự như văn bản ghi ('1.1', '5.5', '-'); null nếu không có"),
        ("label", "tên gọi trên cổng ('1.1', '1.1 – ý 2')"),
        ("title", "tên trang: 'Nhiệm vụ <label>'"),
        ("section", "các tiêu đề mục chứa nhiệm vụ, nối bằng ' › '"),
        ("content", "toàn văn nội dung"),
        ("form", "hình thức; null nếu không ghi"),
        ("lead", "mã các cơ quan chủ trì"),
        ("lead_collective", "chủ trì ghi chung, giữ nguyên chữ ('UBND các xã, phường')"),
        ("lead_text", "ô chủ trì như văn bản ghi"),
        ("coordinating", "mã các cơ quan phối hợp"),
        ("coordinating_collective", "phối hợp ghi chung, giữ nguyên chữ"),
        ("coordinating_text", "ô phối hợp như văn bản ghi"),
        ("timeframe", "{text: như văn bản ghi hoặc null, start, end: YYYY-MM-DD hoặc null, "
                      "ongoing: true nếu 'Thường xuyên', kind: span | ongoing | as-needed | not-stated}"),
        ("product", "sản phẩm; null nếu không ghi"),
        ("contact", "đầu mối liên hệ như văn bản ghi; null nếu không ghi"),
        ("note", "ghi chú; null nếu không ghi"),
        ("partnership", "mã quan hệ hợp tác; null nếu không thuộc quan hệ nào"),
    ],
    "agencies": [
        ("id", "mã cơ quan"), ("url", "đường dẫn trang"), ("name", "tên đầy đủ"),
        ("short_name", "tên ngắn"), ("province", "mã tỉnh, thành phố; null với cơ quan trung ương"),
        ("aliases", "các cách viết khác trong văn bản nguồn"),
        ("lead_count", "số nhiệm vụ chủ trì"), ("coordinating_count", "số nhiệm vụ phối hợp"),
    ],
    "provinces": [
        ("id", "mã tỉnh"), ("url", "đường dẫn trang"), ("name", "tên"),
        ("kind", "tinh hoặc thanh-pho"),
        ("code", "mã đơn vị hành chính (Tổng cục Thống kê, từ 1/7/2025); null với tỉnh cũ"),
        ("merged_into", "tỉnh cũ: mã tỉnh kế thừa; null với tỉnh hiện hành"),
        ("merged_on", "ngày thay đổi YYYY-MM-DD; null nếu không có"),
    ],
    "partnerships": [
        ("id", "mã quan hệ hợp tác"), ("url", "đường dẫn trang"), ("name", "tên"),
        ("provinces", "mã các tỉnh, thành phố"), ("part_of", "mã quan hệ rộng hơn; null nếu không"),
        ("agreements", "[{title, kind, signed}] các thỏa thuận, biên bản ghi nhớ"),
        ("plans", "mã các kế hoạch"), ("task_count", "số nhiệm vụ"),
    ],
}


def _d(value):
    return value.isoformat() if value else None


def plan_record(p: Plan, cat: Catalog) -> dict:
    return {"id": p.id, "url": p.url, "title": p.title, "name": p.short_title, "type": p.type, "number": p.number,
            "issued": _d(p.issued), "issuer": p.issuer,
            "signer": p.signer.name if p.signer else None,
            "signer_position": p.signer.position if p.signer else None,
            "period_start": _d(p.period.start), "period_end": _d(p.period.end),
            "partnerships": cat.plan_partnerships(p), "provinces": cat.plan_provinces(p),
            "focal_agency": p.focal_agency, "task_count": len(p.tasks), "source_file": p.source_file}


def task_record(t: Task) -> dict:
    tf = t.timeframe
    return {"id": t.key, "url": t.url, "plan": t.plan, "number": t.number, "label": t.label,
            "title": f"Nhiệm vụ {t.label}", "section": " › ".join(t.section_trail),
            "content": t.content, "form": t.form, "lead": list(t.lead),
            "lead_collective": list(t.lead_collective), "lead_text": t.lead_text,
            "coordinating": list(t.coordinating),
            "coordinating_collective": list(t.coordinating_collective),
            "coordinating_text": t.coordinating_text,
            "timeframe": {"text": tf.text, "start": _d(tf.start), "end": _d(tf.end),
                          "ongoing": tf.ongoing, "kind": tf.kind},
            "product": t.product, "contact": t.contact, "note": t.note,
            "partnership": t.partnership}


def agency_record(a: Agency, cat: Catalog) -> dict:
    return {"id": a.id, "url": a.url, "name": a.name, "short_name": a.short_name,
            "province": a.province, "aliases": list(a.aliases),
            "lead_count": len(cat.tasks_led_by(a.id)),
            "coordinating_count": len(cat.tasks_coordinated_by(a.id))}


def province_record(p: Province) -> dict:
    return {"id": p.id, "url": p.url, "name": p.name, "kind": p.kind, "code": p.code,
            "merged_into": p.merged_into, "merged_on": _d(p.merged_on)}


def partnership_record(p: Partnership, cat: Catalog) -> dict:
    return {"id": p.id, "url": p.url, "name": p.name, "provinces": list(p.provinces),
            "part_of": p.part_of,
            "agreements": [{"title": a.title, "kind": a.kind, "signed": _d(a.signed)}
                           for a in p.agreements],
            "plans": [pl.id for pl in cat.plans_of_partnership(p.id)],
            "task_count": len(cat.tasks_of_partnership(p.id))}


def records(cat: Catalog) -> dict[str, list[dict]]:
    """Every open-data record, sorted by id."""
    out = {
        "plans": [plan_record(p, cat) for p in cat.plans.values()],
        "tasks": [task_record(t) for t in cat.tasks],
        "agencies": [agency_record(a, cat) for a in cat.agencies.values()],
        "provinces": [province_record(p) for p in cat.provinces.values()],
        "partnerships": [partnership_record(p, cat) for p in cat.partnerships.values()],
    }
    for kind, recs in out.items():
        recs.sort(key=lambda r: r["id"])  # FIELDS == record keys: tests/site/test_build.py
    return out


def to_json(recs: list[dict]) -> bytes:
    return (json.dumps(recs, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)
                         for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


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
    header = ",".join(flatten(_TEMPLATE_TASK).keys())
    return ("\ufeff" + header + "\r\n").encode("utf-8")


_TEMPLATE_TASK = {name: None for name, _ in FIELDS["tasks"]} | {
    "timeframe": {"text": None, "start": None, "end": None, "ongoing": False, "kind": None}}


def slice_files(cat: Catalog) -> dict[str, bytes]:
    """The tasks of each plan, agency and partnership, as JSON and CSV (same fields as tasks)."""
    out = {}
    slices = [(f"ke-hoach/{p.id}", list(p.tasks)) for p in cat.plans.values()]
    slices += [(f"co-quan/{a.id}", _merge(cat.tasks_led_by(a.id), cat.tasks_coordinated_by(a.id)))
               for a in cat.agencies.values()]
    slices += [(f"hop-tac/{p.id}", cat.tasks_of_partnership(p.id)) for p in cat.partnerships.values()]
    for name, tasks in slices:
        recs = [task_record(t) for t in tasks]
        out[f"opendata/{name}.json"] = to_json(recs)
        out[f"opendata/{name}.csv"] = _task_csv(recs)
    return out


def _merge(a: list[Task], b: list[Task]) -> list[Task]:
    keys = {t.key for t in a}
    return a + [t for t in b if t.key not in keys]
