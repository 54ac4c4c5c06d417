"""The typed draft (draftrecords.py) -> YAML in the portal's format (keys in
generator/model/fields.py order). A record's review notes become '# KIỂM TRA:' comments just
above it; the JSON output (output.py) is this same YAML read back, with the notes in "review"."""

from __future__ import annotations

import datetime
import json
import re

import yaml

from ..model.fields import OBJECTS
from .draftrecords import DraftPlan, Note, ProposedAgency, Record

REVIEW = "# KIỂM TRA: "
_ALWAYS = {"Task": {"id", "number", "content"}, "Section": {"number", "title"}}
_NESTED = {
    "signer": "Signer",
    "related_documents": "Related",
    "reporting_deadlines": "Deadline",
    "appendices": "Appendix",
    "sections": "Section",
    "tasks": "Task",
    "source": "Source",
}


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if _plain(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\t]*")


def _plain(text: str) -> bool:
    """Written unquoted, as data/ mostly is, when YAML reads it back as the same string."""
    if (
        not _PLAIN.fullmatch(text)
        or text != text.strip()
        or ": " in text
        or " #" in text
        or text.endswith(":")
    ):
        return False
    try:
        return yaml.safe_load(text) == text
    except yaml.YAMLError:
        return False


def _text(value: str, indent: str) -> list[str] | None:
    """A multi-line string as a block literal, when it can be one."""
    if "\n" not in value or "\t" in value or any(ln[:1].isspace() for ln in value.split("\n")):
        return None
    return ["|-"] + [(indent + ln) if ln else "" for ln in value.split("\n")]


def _values(rec) -> dict:
    """A typed record's portal fields (one level: nested records stay typed), or a sub-record."""
    return rec if isinstance(rec, dict) else rec.fields()


def _notes(rec) -> tuple[Note, ...]:
    return () if isinstance(rec, dict) else rec.notes


def _keys(rec: dict, kind: str) -> list[str]:
    order = [f.name for f in OBJECTS[kind]]
    always = _ALWAYS.get(kind)
    keys = []
    for name in order:
        if name not in rec:
            continue
        value = rec[name]
        if always is not None and name not in always and value in (None, [], ""):
            continue
        if kind == "Plan" and name == "former_ids" and not value:
            continue
        keys.append(name)
    return keys


def _mapping(rec, kind: str, indent: str) -> list[str]:
    values = _values(rec)
    lines = []
    for name in _keys(values, kind):
        lines += _field(name, values[name], kind, indent)
    return lines


def _field(name: str, value, kind: str, indent: str) -> list[str]:
    child = indent + "  "
    if isinstance(value, (dict, Record)):
        return [f"{indent}{name}:"] + _comments(value, child) + _mapping(value, _NESTED[name], child)
    if isinstance(value, list):
        if not value:
            return [f"{indent}{name}: []"]
        lines = [f"{indent}{name}:"]
        for item in value:
            if isinstance(item, (dict, Record)):
                lines += _comments(item, child)
                body = _mapping(item, _NESTED[name], child + "  ")
                lines.append(child + "- " + body[0].lstrip())
                lines += body[1:]
            else:
                block = _text(str(item), child + "  ") if isinstance(item, str) else None
                lines += [f"{child}- {block[0]}"] + block[1:] if block else [f"{child}- {_scalar(item)}"]
        return lines
    if isinstance(value, str) and (block := _text(value, child)):
        return [f"{indent}{name}: {block[0]}"] + block[1:]
    return [f"{indent}{name}: {_scalar(value)}"]


def _comments(rec, indent: str) -> list[str]:
    return [f"{indent}{REVIEW}{' '.join(note.text.split())}" for note in _notes(rec)]


def plan_yaml(rec: DraftPlan, source_file: str) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/plans.schema.json",
        f"# Nguồn: {source_file} — bản nháp do 'python -m generator import' tạo;",
        "# đọc và xử lý mọi dòng KIỂM TRA rồi xóa chúng trước khi gửi pull request.",
    ]
    lines += _comments(rec, "") + _mapping(rec, "Plan", "")
    return "\n".join(lines) + "\n"


def agencies_yaml(agencies: list[ProposedAgency], source_file: str) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/agencies.schema.json",
        f"# Cơ quan đề xuất khi nhập {source_file}: chưa có trong data/agencies.",
        "# KIỂM TRA: mỗi cơ quan dưới đây — đúng tên, đúng tỉnh? Nếu đã có dưới tên khác, thêm",
        "# tên này vào 'aliases' của cơ quan đó và xóa mục ở đây; nếu đúng là mới, chuyển mục",
        "# sang data/agencies/<tỉnh>.yml.",
    ]
    for agency in agencies:
        body = _mapping({k: v for k, v in agency.to_record().items() if v not in (None, [])}, "Agency", "  ")
        lines += ["", "- " + body[0].lstrip()] + body[1:]
    return "\n".join(lines) + "\n"
