"""Load YAML files with a Location on every mapping, list and value.

Refuses what PyYAML would accept silently: duplicate keys (it keeps the last), anchors and
aliases (a "billion laughs" file), files that are not UTF-8, empty or too large. Every refusal
is a Problem naming the file and line; nothing here raises past `load_file`.
"""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, Problem

MAX_BYTES = 1_000_000


class LocDict(dict):
    """A mapping that knows where it and each of its keys and values stand."""

    loc: Location
    key_locs: dict[str, Location]
    value_locs: dict[str, Location]


class LocList(list):
    loc: Location
    item_locs: list[Location]


_constructor = yaml.SafeLoader(b"")  # used only to turn scalar nodes into Python values
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: same result, faster


_STR = "tag:yaml.org,2002:str"


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == _STR:  # most values: text, which the constructor would return unchanged
        return node.value
    try:
        value = _constructor.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):  # e.g. 2024-02-31: kept as text, the validator says why
        return node.value
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def _loc(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


class _AliasFound(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def _convert(node: yaml.Node, path: str, problems: list[Problem], seen: set[int]) -> Any:
    # An alias is the same node object met a second time: refuse it before walking into it,
    # so a "billion laughs" file costs one pass over its text, never its expansion.
    if id(node) in seen:
        raise _AliasFound(node)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out = LocDict()
        out.loc, out.key_locs, out.value_locs = _loc(path, node), {}, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems, seen)
            where = _loc(path, key_node)
            if not isinstance(key, str):
                problems.append(Problem(where, f"khóa '{key}' không phải là chữ", "tên trường"))
                key = str(key)
            if key in out:
                first = out.key_locs[key]
                problems.append(Problem(
                    where, f"khóa '{key}' lặp lại (đã có ở dòng {first.line})",
                    "mỗi khóa chỉ một lần trong một khối"))
                continue
            out[key] = _convert(value_node, path, problems, seen)
            out.key_locs[key] = where
            out.value_locs[key] = _loc(path, value_node)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = LocList(_convert(item, path, problems, seen) for item in node.value)
        items.loc, items.item_locs = _loc(path, node), [_loc(path, item) for item in node.value]
        return items
    return _scalar(node)


def _unclosed_quote_line(text: str, before: int) -> int | None:
    """The first line before `before` whose double quotes do not pair up (comments aside)."""
    for number, line in enumerate(text.splitlines()[: max(before - 1, 0)], 1):
        code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        if code.replace('\\"', "").count('"') % 2:
            return number
    return None


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def load_text(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text. Returns (data or None, problems)."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or "lỗi cú pháp").strip()
        if exc.context and exc.context_mark and "quoted" in exc.context:
            mark = exc.context_mark
            what = f"dấu nháy mở ở đây chưa được đóng ({what})"
        lines = text.splitlines()
        bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
        if "\\t" in what or "\t" in what or "\t" in bad_line:
            hint = "thụt lề bằng dấu cách, không dùng tab"
        else:
            hint = "YAML hợp lệ: thụt lề đều, dấu nháy đóng mở đủ cặp, sau dấu ':' có dấu cách"
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        opened = _unclosed_quote_line(text, line)
        if opened and opened < line:
            return None, [Problem(Location(path, opened), "dấu nháy mở ở dòng này có lẽ chưa được đóng "
                                  f"(YAML chỉ báo lỗi ở dòng {line}: {what})",
                                  "đóng dấu nháy ở cuối giá trị, hoặc bỏ dấu nháy")]
        return None, [Problem(Location(path, line, col), f"YAML không đọc được: {what}", hint)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem(Location(path), f"YAML không đọc được: {exc}")]
    if node is None:
        return None, [Problem(Location(path, 1), "tệp rỗng", "một khối dữ liệu YAML")]
    try:
        data = _convert(node, path, problems, set())
    except _AliasFound as found:
        mark = found.node.start_mark
        return None, [Problem(Location(path, mark.line + 1, mark.column + 1),
                              "có anchor/alias YAML (&, *)", "viết đầy đủ từng giá trị, không dùng & và *")]
    return data, problems


def read_source_text(sources_dir: Path, name: str) -> tuple[str | None, str | None]:
    """The text of data/sources/<name>: (text, None); (None, None) when the repository does not
    have it (a fork without the seeds); (None, why) when it is refused. `name` comes from a
    pull request: it must stay inside sources_dir once resolved (no '..', no absolute path,
    no symlink leading out), name a regular file (never a device or a pipe), be at most
    MAX_BYTES and UTF-8 text."""
    try:
        if not isinstance(name, str) or not name or Path(name).is_absolute() or ".." in Path(name).parts:
            return None, "đường dẫn ra ngoài thư mục data/sources/"
        base = sources_dir.resolve()
        path = (sources_dir / name).resolve()
        if not path.is_relative_to(base):
            return None, "tệp dẫn ra ngoài thư mục data/sources/ (liên kết tượng trưng)"
        if not path.exists():
            return None, None
        if not path.is_file():
            return None, "không phải một tệp văn bản thường"
        if path.stat().st_size > MAX_BYTES:
            return None, f"tệp quá lớn ({path.stat().st_size:,} byte, tối đa {MAX_BYTES:,})"
        raw = path.read_bytes()
    except (OSError, ValueError, RuntimeError) as exc:   # a NUL in the name, a symlink loop
        return None, f"không đọc được tệp ({exc.__class__.__name__})"
    if len(raw) > MAX_BYTES:
        return None, f"tệp quá lớn ({len(raw):,} byte, tối đa {MAX_BYTES:,})"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, f"tệp không phải văn bản UTF-8 (dòng {_line_of_offset(raw, exc.start)})"


def load_file(file: Path, root: Path) -> tuple[Any, list[Problem]]:
    """Read and parse one data file; `root` makes the reported path relative."""
    try:
        path = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        path = file.as_posix()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [Problem(Location(path, 1), f"không đọc được tệp: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(Location(path, 1), f"tệp quá lớn ({len(raw):,} byte)",
                              f"tối đa {MAX_BYTES:,} byte; tách thành nhiều tệp")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of_offset(raw, exc.start)
        return None, [Problem(Location(path, line), "tệp không phải UTF-8",
                              "lưu tệp với mã hóa UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_text(text, path)
