"""Checks across records (after each file has been checked against its shape): ids unique,
former ids not shadowing live ones (nor their
old URLs live pages), provinces merged into live ones, partnerships between two
provinces or more, one spelling naming one agency, source files inside data/sources/. Each returns problems, never raises."""

from __future__ import annotations

from .catalog import Catalog
from ..errors import Location, Problem
from .limits import check_reserved
from .load import RawData
from .datafiles import read_source_text
from ..textnorm import fold
from ..untrusted_text import invisible_in_text
from .urls import SOURCES_DIR, former_urls


def check_duplicate_ids(raw: RawData) -> list[Problem]:
    problems: list[Problem] = []
    for records in raw.records.values():
        seen: dict[str, Location] = {}
        for rec in records:
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            where = rec.value_locs.get("id", rec.loc)
            if rid in seen:
                problems.append(
                    Problem(where, f"mã '{rid}' trùng (đã dùng ở {seen[rid]})", "mỗi bản ghi một mã riêng")
                )
            else:
                seen[rid] = where
        former: dict[str, Location] = {}
        for rec in records:
            olds = rec.get("former_ids") or []
            locs = getattr(olds, "item_locs", [rec.value_locs.get("former_ids", rec.loc)] * len(olds))
            for old, at in zip(olds, locs):
                if old in seen:
                    problems.append(
                        Problem(
                            at,
                            f"mã cũ '{old}' đang là mã của bản ghi khác ({seen[old]})",
                            "mã cũ không được trùng mã đang dùng",
                        )
                    )
                elif isinstance(old, str) and old in former:
                    problems.append(
                        Problem(
                            at,
                            f"mã cũ '{old}' đã có ở {former[old]}",
                            "đường dẫn cũ chỉ chuyển được về một trang: giữ mã cũ ở một bản ghi",
                        )
                    )
                elif isinstance(old, str):
                    former[old] = at
    return problems


def check_mergers(raw: RawData) -> list[Problem]:
    """A former province points at a province in force, never at itself or another former one."""
    merged = {r["id"]: r.get("merged_into") for r in raw.records["provinces"]}
    problems = []
    for rec in raw.records["provinces"]:
        target = rec.get("merged_into")
        if target and target == rec["id"]:
            problems.append(Problem(rec.loc, f"tỉnh '{rec['id']}' sáp nhập vào chính nó"))
        elif target and merged.get(target):
            problems.append(
                Problem(
                    rec.loc,
                    f"tỉnh '{rec['id']}' sáp nhập vào một tỉnh cũ",
                    "merged_into phải là tỉnh/thành hiện hành",
                )
            )
    return problems


def check_partnership_sizes(raw: RawData) -> list[Problem]:
    return [
        Problem(
            rec.value_locs.get("provinces", rec.loc), "quan hệ hợp tác cần ít nhất hai tỉnh/thành khác nhau"
        )
        for rec in raw.records["partnerships"]
        if len(set(rec.get("provinces") or ())) < 2
    ]


def check_agency_names(raw: RawData) -> list[Problem]:
    """Within a province, each spelling (name, short name, alias; accents folded) names one agency."""
    problems = []
    seen: dict[tuple[str | None, str], str] = {}
    for rec in sorted(raw.records["agencies"], key=lambda r: r["id"]):
        names = (rec.get("name"), rec.get("short_name"), *(rec.get("aliases") or ()))
        for name in sorted({fold(n) for n in names if n}):
            other = seen.setdefault((rec.get("province"), name), rec["id"])
            if other != rec["id"]:
                problems.append(
                    Problem(
                        rec.loc,
                        f"tên '{name}' của '{rec['id']}' trùng với cơ quan '{other}' cùng tỉnh",
                        "mỗi cách viết chỉ chỉ một cơ quan",
                    )
                )
    return problems


def check_source_files(raw: RawData) -> list[Problem]:
    """source.file names a readable UTF-8 text inside data/sources/ (or one not in the
    repository): never a path out of it, a symlink out, a device, a binary or a huge file."""
    problems = []
    for rec in raw.records["plans"]:
        source = rec.get("source")
        if not isinstance(source, dict) or not isinstance(source.get("file"), str):
            continue
        text, why = read_source_text(raw.data_dir / SOURCES_DIR, source["file"])
        if why:
            problems.append(
                Problem(
                    source.value_locs.get("file", source.loc),
                    f"source.file '{source['file']}': {why}",
                    "tên một tệp .txt UTF-8 trong data/sources/",
                )
            )
        elif text is not None:  # the transcript is printed on van-ban/: what it shows is it
            where = raw.data_dir / SOURCES_DIR / source["file"]
            try:
                shown = where.relative_to(raw.root).as_posix()
            except ValueError:
                shown = where.as_posix()
            problems.extend(invisible_in_text(text.removeprefix("\ufeff"), shown))
    return problems


def cross_record_problems(raw: RawData) -> list[Problem]:
    return (
        check_duplicate_ids(raw)
        + check_mergers(raw)
        + check_partnership_sizes(raw)
        + check_agency_names(raw)
        + check_source_files(raw)
        + check_reserved(raw.records)
    )


def check_former_urls(cat: Catalog) -> list[Problem]:
    """A former id may not give an old URL that a record's page holds today (a renamed task
    whose old id is another task's id, say): the redirect would replace that page."""
    live = {p.url for p in cat.plans.values()} | {t.url for t in cat.tasks}
    for records in (cat.agencies, cat.provinces, cat.partnerships):
        live |= {r.url for r in records.values()}
    problems = [
        Problem(
            where,
            f"mã cũ tạo đường dẫn '{old}' trùng với một trang đang có",
            "mã cũ không được trùng mã đang dùng",
        )
        for old, _, where in former_urls(cat)
        if old in live
    ]
    if problems:  # a shadowed page also collides below: one message is enough
        return problems
    first: dict[str, tuple[str, Location]] = {}
    for old, new, where in former_urls(cat):  # two renames giving one old URL (tasks too)
        if old in first and first[old][0] != new:
            problems.append(
                Problem(
                    where,
                    f"mã cũ tạo đường dẫn '{old}' đã chuyển về trang khác ({first[old][1]})",
                    "đường dẫn cũ chỉ chuyển được về một trang",
                )
            )
        first.setdefault(old, (new, where))
    return problems
