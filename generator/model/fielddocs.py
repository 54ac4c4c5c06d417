"""The field reference of data/README.md, generated from fields.py (the validator's own
definitions), so the docs list every field the validator accepts. The prose around it is
written by people; only the part between the two markers is rewritten, by
`python -m generator schemas`, and a test fails when it is out of date."""

from __future__ import annotations

from .fields import FILE_KINDS, OBJECTS, Field

BEGIN = "<!-- field reference: generated from generator/model/fields.py by `make schemas`; do not edit -->"
END = "<!-- end of the generated field reference -->"

TYPES = {
    "text": "chữ",
    "slug": "mã",
    "date": "ngày YYYY-MM-DD",
    "int": "số nguyên",
    "number": "số",
    "enum": "một lựa chọn",
    "url": "địa chỉ http(s)://",
}


def type_name(ftype: str) -> str:
    if ftype.startswith("list:"):
        return f"danh sách {type_name(ftype[5:])}"
    if ftype.startswith("ref:"):
        return f"mã {ftype[4:]}"
    if ftype.startswith("obj:"):
        return f"khối {ftype[4:]}"
    return TYPES[ftype]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(f: Field) -> str:
    need = "bắt buộc" if f.required else "tùy chọn"
    if f.required and f.nullable:
        need += ", có thể null"
    doc = f.doc
    if f.choices:
        doc += ": " + "; ".join(f"`{c}` ({label})" for c, label in zip(f.choices, f.labels))
    return f"| `{f.name}` | {type_name(f.type)} | {need} | {_cell(doc)} |"


def reference() -> str:
    files = ", ".join(f"`{pattern}` ({obj})" for pattern, _, obj in FILE_KINDS.values())
    out = [
        BEGIN,
        "",
        "## Field reference",
        "",
        f"Every field the validator accepts, object by object. Files: {files}.",
        "",
    ]
    for name, fields in OBJECTS.items():
        out += [f"### {name}", "", "| field | type | | meaning |", "|---|---|---|---|"]
        out += [_row(f) for f in fields]
        out.append("")
    out.append(END)
    return "\n".join(out)


def with_reference(readme: str) -> str:
    """The README with its generated part replaced (appended when it has none yet)."""
    if BEGIN in readme and END in readme:
        head, rest = readme.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        return head + reference() + tail
    return readme.rstrip("\n") + "\n\n" + reference() + "\n"
