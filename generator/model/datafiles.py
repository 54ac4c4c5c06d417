"""Load YAML files with a Location on every mapping, list and value.

Refuses what PyYAML would accept silently: duplicate keys (it keeps the last), anchors and
aliases (a "billion laughs" file), files that are not UTF-8, empty or too large, and nesting
deeper than MAX_DEPTH (which crashed PyYAML's composer). Values are built straight from the
parser's events, without recursion. Every refusal is a Problem naming the file and line;
nothing here raises past `load_file`.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, Problem
from ..safefiles import HINT as REFUSED_HINT, Refused, read_regular
from ..untrusted_text import (
    HINT,
    escaped_invisible,
    has_invisible,
    invisible_in_text,
    message,
    strip_invisible,
)

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


MAX_DEPTH = 50  # nested blocks and lists a file may have (the real data: 14)


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _mark_loc(path: str, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _too_deep(where: Location) -> Problem:
    return Problem(
        where,
        f"lồng nhau quá {MAX_DEPTH} tầng",
        "dữ liệu cổng chỉ lồng vài tầng: kiểm tra thụt lề và dấu ngoặc",
    )


def _compose(text: str, path: str, problems: list[Problem]) -> tuple[bool, Any]:
    """(whether there is a document, its value) built from the parser's events, without
    recursion: depth is counted as the events come, so a file nested 50,000 levels deep is
    refused at its line before anything is built (PyYAML's composer recursed: a RecursionError
    at 1,000 levels, its C version a segfault at 50,000). An alias is refused when met, so a
    "billion laughs" file costs one pass over its text, never its expansion."""
    anchors: dict[str, Location] = {}
    stack: list[list] = []  # [container, key, key Location, has key] for each open collection
    found, root, documents = False, None, 0
    for event in yaml.parse(text, Loader=_LOADER):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = _constructor.resolve(yaml.ScalarNode, event.value, event.implicit)
            value = _scalar(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
            if event.style == '"' and has_invisible(event.value):  # "\u202e": an escape
                _escaped_invisible(event, text, path, problems)
            opened = False
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise _Refused(_too_deep(_mark_loc(path, event.start_mark)))
            value = LocDict() if kind is yaml.MappingStartEvent else LocList()
            value.loc = _mark_loc(path, event.start_mark)
            if kind is yaml.MappingStartEvent:
                value.key_locs, value.value_locs = {}, {}
            else:
                value.item_locs = []
            opened = True
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.AliasEvent:
            where = anchors.get(event.anchor, _mark_loc(path, event.start_mark))
            raise _Refused(
                Problem(where, "có anchor/alias YAML (&, *)", "viết đầy đủ từng giá trị, không dùng & và *")
            )
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    None,
                    "but found another document",
                    event.start_mark,
                )
            continue
        else:  # stream start and end, document end
            continue
        if event.anchor is not None:
            anchors.setdefault(event.anchor, _mark_loc(path, event.start_mark))
        where = _mark_loc(path, event.start_mark)
        if not stack:
            found, root = True, value
        else:
            frame = stack[-1]
            parent = frame[0]
            if isinstance(parent, LocList):
                parent.append(value)
                parent.item_locs.append(where)
            elif not frame[3]:  # a key: kept until its value comes
                frame[1], frame[2], frame[3] = value, where, True
            else:
                key, key_loc = frame[1], frame[2]
                frame[1], frame[2], frame[3] = None, None, False
                if not isinstance(key, str):
                    problems.append(Problem(key_loc, f"khóa '{key}' không phải là chữ", "tên trường"))
                    key = str(key)
                if key in parent:
                    first = parent.key_locs[key]
                    problems.append(
                        Problem(
                            key_loc,
                            f"khóa '{key}' lặp lại (đã có ở dòng {first.line})",
                            "mỗi khóa chỉ một lần trong một khối",
                        )
                    )
                else:
                    parent[key] = value
                    parent.key_locs[key] = key_loc
                    parent.value_locs[key] = where
        if opened:
            stack.append([value, None, None, False])
    return found, root


def _escaped_invisible(event, text: str, path: str, problems: list[Problem]) -> None:
    """A double-quoted value holding an invisible character its text in the file does not
    show (an escape such as \\u202e): a problem at the value."""
    start, end = event.start_mark, event.end_mark
    raw = "\n".join(text.splitlines()[start.line : end.line + 1])
    if hidden := escaped_invisible(event.value, raw):
        problems.append(Problem(_mark_loc(path, start), message(hidden), HINT))


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
    problems: list[Problem] = invisible_in_text(text, path)  # values, keys and comments
    if problems:  # read without them (YAML refuses some, e.g. U+FFFE): the rest is still checked
        text = strip_invisible(text)
    try:
        found, data = _compose(text, path, problems)
    except _Refused as refused:
        return None, problems + [refused.problem]
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
        if "nesting depth" in what:  # libyaml's own limit (PyYAML 6.0.4): ours, said as ours
            return None, [_too_deep(Location(path, line, col))]
        opened = _unclosed_quote_line(text, line)
        if opened and opened < line:
            return None, problems + [
                Problem(
                    Location(path, opened),
                    f"dấu nháy mở ở dòng này có lẽ chưa được đóng (YAML chỉ báo lỗi ở dòng {line}: {what})",
                    "đóng dấu nháy ở cuối giá trị, hoặc bỏ dấu nháy",
                )
            ]
        return None, problems + [Problem(Location(path, line, col), f"YAML không đọc được: {what}", hint)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem(Location(path), f"YAML không đọc được: {exc}")]
    if not found:
        return None, [Problem(Location(path, 1), "tệp rỗng", "một khối dữ liệu YAML")]
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
    except (OSError, ValueError, RuntimeError) as exc:  # a NUL in the name, a symlink loop
        return None, f"không đọc được tệp ({exc.__class__.__name__})"
    if len(raw) > MAX_BYTES:
        return None, f"tệp quá lớn ({len(raw):,} byte, tối đa {MAX_BYTES:,})"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, f"tệp không phải văn bản UTF-8 (dòng {_line_of_offset(raw, exc.start)})"


def load_file(file: Path, root: Path) -> tuple[Any, list[Problem]]:
    """Read and parse one data file; `root` makes the reported path relative."""
    try:  # the folder resolved, not the file: a symlink is reported where it is
        path = (file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        path = file.as_posix()
    try:
        raw = read_regular(file, MAX_BYTES)
    except Refused as refused:
        return None, [Problem(Location(path, 1), f"tệp {refused}", REFUSED_HINT)]
    except OSError as exc:
        return None, [Problem(Location(path, 1), f"không đọc được tệp: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                Location(path, 1),
                f"tệp quá lớn ({len(raw):,} byte)",
                f"tối đa {MAX_BYTES:,} byte; tách thành nhiều tệp",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of_offset(raw, exc.start)
        return None, [Problem(Location(path, line), "tệp không phải UTF-8", "lưu tệp với mã hóa UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_text(text, path)
