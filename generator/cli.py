"""Command line: `python -m generator validate|build|export|import`. Parses arguments, prints, exits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model.read import read_catalog
from .model.catalog import count_records
from .errors import GeneratorError, Problem, one_line

ROOT = Path(__file__).resolve().parent.parent


def _workflow_escape(text: str, prop: bool = False) -> str:
    """A value in a GitHub workflow command (::error file=…::message), escaped as the runner
    reads it back: %, CR and LF always; ':' and ',' in a property too."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _print_problems(problems: list[Problem]) -> int:
    """One line a problem, control characters escaped (a crafted id can start no line)."""
    for problem in problems:
        print(problem.line(), file=sys.stderr)
        if "GITHUB_ACTIONS" in __import__("os").environ:  # annotations on the changed lines
            loc = problem.location
            message = one_line(f"{problem.message} ({problem.expected})")
            print(
                f"::error file={_workflow_escape(one_line(loc.path), True)},line={loc.line or 1},"
                f"col={loc.column or 1}::{_workflow_escape(message)}"
            )
    print(f"{len(problems)} lỗi.", file=sys.stderr)
    return 1


def _data_dir_and_filter(paths: list[str]) -> tuple[Path, set[str] | None]:
    if not paths:
        return ROOT / "data", None
    files: set[str] = set()
    data_dir = None
    for raw in paths:
        path = Path(raw).resolve()
        if path.is_dir():
            data_dir = path
            continue
        files.add(path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else raw)
        for parent in path.parents:
            if parent.name == "data":
                data_dir = parent
                break
    return data_dir or ROOT / "data", files or None


def cmd_validate(args) -> int:
    data_dir, only = _data_dir_and_filter(args.paths)
    try:
        cat = read_catalog(data_dir, ROOT)
    except GeneratorError as exc:
        problems = [p for p in exc.problems if only is None or p.location.path in only]
        if problems or only is None:
            return _print_problems(exc.problems if not problems else problems)
        print("Các tệp đã chọn không có lỗi (các tệp khác có lỗi: chạy validate không tham số).")
        return 0
    counts = count_records(cat)
    print("Dữ liệu hợp lệ: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + ".")
    return 0


def _write(out: Path, files: dict[str, str | bytes]) -> None:
    from .publish.sidefiles import write

    write(out, ((rel, c if isinstance(c, bytes) else c.encode("utf-8")) for rel, c in files.items()))


def cmd_build(args) -> int:
    """Write the generated Markdown and open data without MkDocs (for inspection and benchmarks)."""
    from .build import build_site  # rendering is loaded only by the commands that render

    try:
        site = build_site(Path(args.data), ROOT)
    except GeneratorError as exc:
        return _print_problems(exc.problems)
    _write(Path(args.out), {**{uri: body.document() for uri, body in site.bodies.items()}, **site.files})
    print(f"Đã ghi {len(site.pages)} trang và {len(site.files)} tệp vào {args.out}.")
    return 0


def cmd_export(args) -> int:
    from .build import build_site

    try:
        site = build_site(Path(args.data), ROOT)
    except GeneratorError as exc:
        return _print_problems(exc.problems)
    _write(
        Path(args.out),
        {
            rel.removeprefix("opendata/"): content
            for rel, content in site.files.items()
            if rel.startswith("opendata/")
        },
    )
    print(f"Đã ghi dữ liệu mở vào {args.out}.")
    return 0


def cmd_schemas(args) -> int:
    from .model.fielddocs import with_reference
    from .model.schema import schema_files

    readme = ROOT / "data" / "README.md"
    files = {**schema_files(), "data/README.md": with_reference(readme.read_text(encoding="utf-8"))}
    for rel, text in files.items():
        target = ROOT / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"Đã ghi {rel}")
    return 0


def cmd_normalize(args) -> int:
    from .model.normalize import normalize

    changed, refused = normalize(Path(args.data))
    for file in changed:
        print(one_line(f"Đã chuẩn hóa NFC: {file}"))
    print(f"{len(changed)} tệp được viết lại." if changed else "Mọi tệp đã ở dạng NFC.")
    return _print_problems(refused) if refused else 0


def cmd_import(args) -> int:
    """The import, ended by Ctrl-C, SIGTERM or SIGHUP with one line (and nothing half written)."""
    from .importer.controls import terminal_safe
    from .importer.safewrite import Stopped, stopping

    try:
        with stopping():
            return _import(args, terminal_safe)
    except KeyboardInterrupt as exc:
        written = getattr(exc, "written", [])
        done = f"bản nháp đã ghi đủ ({len(written)} tệp)" if written else "không tệp nào được ghi"
        print(
            f"Lỗi: đã dừng ({'tín hiệu %d' % exc.signum if isinstance(exc, Stopped) else 'Ctrl-C'}): "
            f"{done} / stopped",
            file=sys.stderr,
        )
        return 128 + (exc.signum if isinstance(exc, Stopped) else 2)


def _import(args, terminal_safe) -> int:
    from .importer import ImportFailure, import_file, safe_name
    from .importer.output import draft_problems, json_text, summary, write_files, yaml_files

    data_dir = Path(args.data)
    try:
        cat = read_catalog(data_dir, ROOT)
    except GeneratorError as exc:
        return _print_problems(exc.problems)
    source = Path(args.file)
    from .model.fields import SLUG, SLUG_HELP

    if not SLUG.fullmatch(args.plan):
        print(one_line(f"Lỗi: --plan '{args.plan}' không phải mã hợp lệ ({SLUG_HELP})"), file=sys.stderr)
        return 1
    try:
        draft = import_file(source, args.plan, cat)
        files = yaml_files(draft, safe_name(source.name))  # --write always writes the YAML
        if args.format == "json":
            text = json_text(draft, safe_name(source.name))
        else:
            text = "\n".join(f"# ==== data/{rel} ====\n{body}" for rel, body in files.items())
        if args.write:
            problems = draft_problems(data_dir, files)
            if problems:
                print(terminal_safe(summary(draft)), file=sys.stderr)
                for line in problems:
                    print(one_line(line), file=sys.stderr)
                print(
                    f"Lỗi: bản nháp chưa qua 'make validate' ({len(problems)} lỗi, dòng của bản nháp "
                    "ở trên): không ghi tệp nào. Xem bản nháp bằng lệnh không có --write, sửa rồi ghi "
                    "tay / the draft does not validate: nothing written",
                    file=sys.stderr,
                )
                return 1
            written = write_files(data_dir, files, args.force)
    except ImportFailure as exc:
        print(one_line(f"Lỗi: {exc}"), file=sys.stderr)
        return 1
    except Exception as exc:  # a layout the importer does not know: still one line, nothing written
        print(
            one_line(
                f"Lỗi: {safe_name(str(source))}: không nhập được văn bản này ({type(exc).__name__}: "
                f"{exc}); hãy báo kèm tệp cho người quản trị cổng"
            ),
            file=sys.stderr,
        )
        return 1
    print(terminal_safe(summary(draft)), file=sys.stderr)
    if args.write:
        for path in written:
            print(one_line(f"Đã ghi {path}"), file=sys.stderr)
    else:
        sys.stdout.write(terminal_safe(text))
    return 0


def cmd_import_request(args) -> int:
    """The import workflow's two steps (.github/workflows/nhap-ke-hoach.yml)."""
    import json
    from .import_pull import apply, prepare
    from .import_request import RequestRefused

    needed = ("event", "out") if args.step == "prepare" else ("draft",)
    missing = [f"--{name}" for name in needed if not getattr(args, name)]
    if missing:
        print(f"Lỗi: import-request {args.step} cần {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.step == "prepare":
        try:
            event = json.loads(Path(args.event).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(one_line(f"Lỗi: {args.event}: không đọc được sự kiện ({exc})"), file=sys.stderr)
            return 1
        result = prepare(event if isinstance(event, dict) else {}, Path(args.out), Path(args.data))
        print(f"import-request: {result['status']} (issue {result.get('issue')})")
        return 0
    try:
        print(apply(Path(args.draft), Path(args.data)))
    except (RequestRefused, OSError, ValueError) as exc:
        print(one_line(f"Lỗi: {exc}"), file=sys.stderr)
        return 1
    return 0


def cmd_synth(args) -> int:
    from .synth import SynthError, dataset, write_dataset

    try:
        files = dataset(ROOT / "data", args.tasks, args.seed)
        write_dataset(files, Path(args.out))
    except (GeneratorError, SynthError) as exc:
        print(exc, file=sys.stderr)
        return 1
    plans = sum(1 for rel in files if rel.startswith("plans/"))
    print(f"Đã ghi dữ liệu tổng hợp ({args.tasks} nhiệm vụ, {plans} kế hoạch) vào {args.out}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Cổng kế hoạch hợp tác: kiểm tra và sinh dữ liệu"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="kiểm tra dữ liệu, in mọi lỗi kèm tệp:dòng")
    v.add_argument("paths", nargs="*", help="thư mục data/ hoặc các tệp trong đó (mặc định: data/)")
    b = sub.add_parser("build", help="ghi các trang Markdown và dữ liệu mở (không cần MkDocs)")
    b.add_argument("--data", default=str(ROOT / "data"))
    b.add_argument("--out", required=True)
    e = sub.add_parser("export", help="ghi dữ liệu mở (JSON, CSV)")
    e.add_argument("--data", default=str(ROOT / "data"))
    e.add_argument("--out", required=True)
    n = sub.add_parser("normalize", help="viết lại các tệp dữ liệu ở dạng Unicode NFC")
    n.add_argument("--data", default=str(ROOT / "data"))
    sub.add_parser("schemas", help="ghi lại JSON Schema (schemas/) và bảng trường của data/README.md")
    i = sub.add_parser("import", help="văn bản (.txt trích từ PDF, .docx, .pdf) -> bản nháp kế hoạch")
    i.add_argument("file", help="tệp văn bản nguồn")
    i.add_argument("--plan", required=True, help="mã kế hoạch, ví dụ 'son-la-thanh-hoa-2026'")
    i.add_argument("--format", choices=("yaml", "json"), default="yaml")
    i.add_argument("--write", action="store_true", help="ghi vào data/plans/ (và data/agencies/)")
    i.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    i.add_argument("--data", default=str(ROOT / "data"))
    r = sub.add_parser("import-request", help="quy trình nhập trên GitHub: issue -> bản nháp -> pull request")
    r.add_argument("step", choices=("prepare", "apply"))
    r.add_argument("--event", help="prepare: tệp sự kiện GitHub ($GITHUB_EVENT_PATH)")
    r.add_argument("--out", help="prepare: thư mục ghi bản nháp")
    r.add_argument("--draft", help="apply: thư mục bản nháp do prepare ghi")
    r.add_argument("--data", default=str(ROOT / "data"))
    y = sub.add_parser("synth", help="ghi một bộ dữ liệu tổng hợp (để đo hiệu năng)")
    y.add_argument("--tasks", type=int, default=1000)
    y.add_argument("--seed", type=int, default=1)
    y.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    return {
        "validate": cmd_validate,
        "build": cmd_build,
        "export": cmd_export,
        "schemas": cmd_schemas,
        "normalize": cmd_normalize,
        "import": cmd_import,
        "import-request": cmd_import_request,
        "synth": cmd_synth,
    }[args.command](args)
