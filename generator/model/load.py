"""Read every data file and check each against its declared shape (no cross-file checks here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Problem
from .fields import FILE_KINDS
from ..safefiles import HINT, SYMLINK, symlink_below
from .datafiles import LocDict, load_file
from .validate import RefSink, check_object


@dataclass
class RawData:
    """Every record as loaded (LocDicts), grouped by kind, with the problems found so far."""

    root: Path
    data_dir: Path
    records: dict[str, list[LocDict]] = field(default_factory=lambda: {k: [] for k in FILE_KINDS})
    problems: list[Problem] = field(default_factory=list)
    refs: RefSink = field(default_factory=RefSink)
    files: list[Path] = field(default_factory=list)
    plans_not_loaded: set[str] = field(default_factory=set)  # preview: ids of plans left out


def _shown(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def data_files(data_dir: Path) -> dict[str, list[Path]]:
    return {kind: sorted(data_dir.glob(pattern)) for kind, (pattern, _, _) in FILE_KINDS.items()}


def load_all(data_dir: Path, root: Path | None = None, only_plans: frozenset[str] | None = None) -> RawData:
    """Load and shape-check every file under `data_dir` (paths reported relative to `root`).
    `only_plans` (a preview) loads those plan files only; the others count as existing."""
    root = root or data_dir.parent
    raw = RawData(root=root, data_dir=data_dir)
    if not data_dir.is_dir():
        raw.problems.append(Problem(Location(str(data_dir)), "không có thư mục dữ liệu"))
        return raw
    for kind, files in data_files(data_dir).items():
        _, shape, obj = FILE_KINDS[kind]
        for file in files:
            if kind == "plans" and only_plans is not None and file.stem not in only_plans:
                raw.plans_not_loaded.add(file.stem)
                continue
            raw.files.append(file)
            link = symlink_below(file, data_dir)
            if link is not None and link != file:  # a folder on the way: data/plans -> …
                raw.problems.append(
                    Problem(
                        Location(_shown(file, root), 1),
                        f"tệp nằm trong {link.name}/, thư mục {SYMLINK}",
                        HINT,
                    )
                )
                continue
            data, problems = load_file(file, root)
            raw.problems.extend(problems)
            if data is None:
                continue
            where = getattr(data, "loc", Location(file.as_posix()))
            if shape == "list":
                if not isinstance(data, list):
                    raw.problems.append(
                        Problem(where, "tệp phải là một danh sách", "mỗi bản ghi bắt đầu bằng '- id: …'")
                    )
                    continue
                for item, loc in zip(data, data.item_locs):
                    if not isinstance(item, dict):
                        raw.problems.append(
                            Problem(
                                loc,
                                "mục này phải là một khối có các trường",
                                f"một {obj} bắt đầu bằng 'id: …'",
                            )
                        )
                        continue
                    check_object(obj, item, raw.problems, raw.refs)
                    raw.records[kind].append(item)
            else:
                if not isinstance(data, dict):
                    raw.problems.append(
                        Problem(
                            where, "tệp phải là một khối có các trường", f"một {obj} bắt đầu bằng 'id: …'"
                        )
                    )
                    continue
                check_object(obj, data, raw.problems, raw.refs)
                if kind == "plans" and isinstance(data.get("id"), str) and data["id"] != file.stem:
                    raw.problems.append(
                        Problem(
                            data.value_locs["id"],
                            f"mã '{data['id']}' khác tên tệp '{file.name}'",
                            f"đặt tên tệp là {data['id']}.yml hoặc sửa mã",
                        )
                    )
                raw.records[kind].append(data)
    return raw
