"""Issue 22: what a pull request or an attachment brings (field values, file names, files) is
checked where it enters. Each case goes through the command line as a contributor meets it:
one line naming the file and line, exit 1, no traceback, nothing written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_site
from tests.smalldata import PLAN, ROOT, copy_small, edit, line_of

P = f"data/{PLAN}"
URL_LINE = "  url: https://portal.example/van-ban/kiem-thu-000.pdf"


def validate(data: Path) -> subprocess.CompletedProcess:
    """`python -m generator validate DATA` from the data's parent, so paths read data/…"""
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(data: Path) -> list[str]:
    """The problem lines of a failed validate (paths relative to the data's parent)."""
    result = validate(data)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"\d+ lỗi\.", lines[-1]), lines
    prefix = data.parent.as_posix() + "/"
    return [line.replace(prefix, "") for line in lines[:-1]]


# --- 1. every URL field is http(s)://; templates never link a value that is not ---------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "java\\tscript:alert(1)",
        "vbscript:x",
        "//evil.example/x.pdf",
        "https://",
        "https:// evil.example/",
        "ftp://portal.example/a.pdf",
    ],
)
def test_a_url_that_is_not_http_is_refused_at_its_line(tmp_path, url):
    data = copy_small(tmp_path)
    edit(data, PLAN, URL_LINE, f'  url: "{url}"')
    line = line_of(PLAN, "  url: ", data)
    problems = [p for p in refused(data) if "ký tự điều khiển" not in p]  # the tab: also that
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{P}:{line}:8: 'url' = ")
    assert "không phải địa chỉ http(s)" in problems[0]


def test_http_and_https_urls_are_accepted(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, URL_LINE, "  url: http://portal.example/a.pdf?x=1#trang-2")
    assert validate(data).returncode == 0


def test_the_templates_never_link_a_url_that_is_not_http(tmp_path, monkeypatch):
    """Past the validator (here: switched off), a javascript: URL is still no link."""
    import generator.model.validate

    monkeypatch.setattr(generator.model.validate, "URL", re.compile(r".*", re.S))
    data = copy_small(tmp_path)
    edit(data, PLAN, URL_LINE, '  url: " JaVaScript:alert(1)"')
    site = build_site(data, tmp_path, with_side_files=False)
    pages = [
        body.body
        for uri, body in site.bodies.items()
        if uri.startswith(("ke-hoach/son-la-kiem-thu-2026/index", "van-ban/son-la-kiem-thu-2026/"))
    ]
    assert len(pages) == 2
    for html in pages:
        assert "Tệp chính thức" in html
        assert not re.search(r'href="\s*javascript:', html, re.I)  # no link: "Không ghi"


# --- 2. source.file stays inside data/sources/ and is UTF-8 text of at most 1 MB --------------

FILE_LINE = "  file: kiem-thu-000.txt"


def _with_source(tmp_path: Path, name: str, make=None) -> tuple[Path, int]:
    data = copy_small(tmp_path)
    (data / "sources").mkdir()
    if make:
        make(data / "sources")
    edit(data, PLAN, FILE_LINE, f'  file: "{name}"')
    return data, line_of(PLAN, "  file: ", data)


def _symlink_out(sources: Path) -> None:
    (sources / "passwd.txt").symlink_to("/etc/passwd")


def _symlinked_folder(sources: Path) -> None:
    (sources / "etc").symlink_to("/etc", target_is_directory=True)


def _binary(sources: Path) -> None:
    (sources / "anh.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")


def _huge(sources: Path) -> None:
    (sources / "lon.txt").write_bytes(b"a\n" * 600_000)


def _folder(sources: Path) -> None:
    (sources / "thu-muc").mkdir()


@pytest.mark.parametrize(
    "name,make,why",
    [
        ("../../../../etc/passwd", None, "ra ngoài thư mục data/sources/"),
        ("/proc/self/environ", None, "ra ngoài thư mục data/sources/"),
        ("../provinces.yml", None, "ra ngoài thư mục data/sources/"),
        ("passwd.txt", _symlink_out, "liên kết tượng trưng"),
        ("etc/passwd", _symlinked_folder, "liên kết tượng trưng"),
        ("anh.txt", _binary, "không phải văn bản UTF-8"),
        ("lon.txt", _huge, "tệp quá lớn (1,200,000 byte"),
        ("thu-muc", _folder, "không phải một tệp văn bản thường"),
    ],
)
def test_a_source_file_outside_sources_or_not_text_is_refused(tmp_path, name, make, why):
    data, line = _with_source(tmp_path, name, make)
    problems = refused(data)
    assert problems == [p for p in problems if p.startswith(f"{P}:{line}:9: source.file '{name}': ")]
    assert len(problems) == 1 and why in problems[0], problems
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_source_file_inside_sources_is_published(tmp_path):
    def text(sources: Path) -> None:
        (sources / "ban-chep.txt").write_text("KẾ HOẠCH\nDòng thứ hai của bản chép\n", encoding="utf-8")

    data, _ = _with_source(tmp_path, "ban-chep.txt", text)
    site = build_site(data, tmp_path, with_side_files=False)
    assert "Dòng thứ hai của bản chép" in site.bodies["van-ban/son-la-kiem-thu-2026/index.md"].body


# --- 3. make import: the attachment's name and the plan id are never run as commands ---------

HOSTILE_NAMES = [
    "`touch {m}`.txt",
    'q"; touch {m}; echo ".txt',
    "$(touch {m}).txt",
    "$(shell touch {m}).txt",
    "'; touch {m}; '.txt",
    "-x $(shell touch {m}).txt",
]


def make_import(marker: Path, *assignments: str) -> subprocess.CompletedProcess:
    """The names say ${RAN} (a file name holds no '/'): the shell, or make, would expand it."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "import", *assignments],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, RAN=str(marker)),
    )


@pytest.mark.parametrize("pattern", HOSTILE_NAMES)
def test_make_import_reads_a_hostile_file_name_as_a_name(tmp_path, pattern):
    marker = tmp_path / "ran"
    source = tmp_path / pattern.format(m="${RAN}")
    source.write_bytes((ROOT / "tests/fixtures/import/ke-hoach-thu-nghiem.txt").read_bytes())
    result = make_import(marker, f"FILE={source}", "PLAN=son-la-thu-nghiem-2027", "ARGS=--format json")
    assert not marker.exists()
    assert result.returncode == 0, result.stderr  # the very file was read, by its name
    assert result.stdout.lstrip().startswith("{") and "Traceback" not in result.stderr


@pytest.mark.parametrize("plan", ['x"; touch {m}; echo "', "`touch {m}`", "$(shell touch {m})"])
def test_make_import_reads_a_hostile_plan_id_as_an_id(tmp_path, plan):
    marker = tmp_path / "ran"
    result = make_import(marker, f"FILE={tmp_path / 'khong-co.txt'}", f"PLAN={plan.format(m='${RAN}')}")
    assert not marker.exists()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "không phải mã hợp lệ" in result.stderr


# --- 4. ids match whole (no trailing newline); no control character in any text --------------


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("      - id: i-2\n", '      - id: "i-2\\n"\n', 'id: "i-2', "mã 'i-2\\n' không hợp lệ"),
        (
            "lead: [son-la-so-cong-thuong]",
            'lead: ["son-la-so-cong-thuong\\n"]',
            "lead: [",
            "mã 'son-la-so-cong-thuong\\n' không hợp lệ",
        ),
        (
            "title: Tuần hàng kiểm thử",
            'title: "Tuần hàng\\x01 kiểm thử"',
            "Tuần hàng",
            "chữ có ký tự điều khiển \\x01 (ở ký tự thứ 10)",
        ),
        (
            "title: Tuần hàng kiểm thử",
            'title: "Tuần \\e[8mhàng"',
            "Tuần ",
            "chữ có ký tự điều khiển \\x1b (ở ký tự thứ 6)",
        ),
        ("title: Tuần hàng kiểm thử", 'title: "Tuần\\0 hàng"', "Tuần", "chữ có ký tự điều khiển \\x00"),
        ("title: Tuần hàng kiểm thử", 'title: "Tuần\\L hàng"', "Tuần", "chữ có ký tự điều khiển \\u2028"),
        ("title: Tuần hàng kiểm thử", 'title: "Tuần\\r\\nhàng"', "Tuần", "chữ có ký tự điều khiển \\r"),
        (
            "  - title: PHỤ LỤC KIỂM THỬ",
            '  - title: "PHỤ LỤC\\tKIỂM THỬ"',
            "PHỤ LỤC",
            "chữ có ký tự điều khiển \\t",
        ),
    ],
)
def test_a_trailing_newline_or_a_control_character_is_refused_on_one_line(
    tmp_path, old, new, needle, message
):
    data = copy_small(tmp_path)
    edit(data, PLAN, old, new)
    line = line_of(PLAN, needle, data)
    problems = refused(data)
    assert any(p.startswith(f"{P}:{line}:") and message in p for p in problems), problems
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and not out.exists()


def test_make_import_refuses_a_plan_id_with_a_trailing_newline(tmp_path):
    result = make_import(tmp_path / "ran", f"FILE={tmp_path / 'a.txt'}", "PLAN=thu\n")
    assert result.returncode != 0 and "không phải mã hợp lệ" in result.stderr
    assert (
        result.stderr.splitlines()[0] == "Lỗi: --plan 'thu\\n' không phải mã hợp lệ (chữ thường "
        "không dấu, số và dấu gạch ngang, ví dụ 'son-la-so-cong-thuong')"
    )


# --- 7. problems print one line each: a crafted id cannot write a workflow command ------------


def test_a_crafted_id_cannot_start_a_workflow_command(tmp_path):
    data = copy_small(tmp_path)
    edit(
        data,
        PLAN,
        "      - id: i-2\n",
        '      - id: "i-2\\n::add-mask::x\\r\\n::error::gia%0A::warning::y"\n',
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, GITHUB_ACTIONS="true"),
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = (result.stdout + result.stderr).splitlines()
    assert not [line for line in out if line.startswith("::") and not line.startswith("::error file=")]
    annotations = [line for line in result.stdout.splitlines()]
    assert annotations and all(
        a.startswith(f"::error file={data.as_posix()}/{PLAN},line=") for a in annotations
    )
    assert "i-2\\n::add-mask::x\\r\\n::error::gia%250A::warning::y" in result.stdout
    assert all(line.startswith(data.as_posix()) for line in result.stderr.splitlines()[:-1])


# --- 5. a character in the data never cuts rendered HTML -------------------------------------


def test_a_control_character_past_the_validator_drops_no_task_row(tmp_path, monkeypatch):
    """The task rows were rendered in one batch and cut on "\\x01": a title holding it dropped
    tasks from every table. With the validator's check switched off, every row is still there."""
    import generator.model.validate

    monkeypatch.setattr(generator.model.validate, "_CONTROL", re.compile(r"(?!)"))
    plain = build_site(copy_small(tmp_path / "a"), tmp_path / "a", with_side_files=False)
    data = copy_small(tmp_path / "b")
    edit(data, PLAN, "title: Tuần hàng kiểm thử", 'title: "Tuần hàng\\x01 kiểm\\x01 thử"')
    site = build_site(data, tmp_path / "b", with_side_files=False)
    tables = [uri for uri, body in plain.bodies.items() if "<tr" in body.body]
    assert len(tables) > 5
    for uri in tables:
        want, got = plain.bodies[uri].body, site.bodies[uri].body
        assert got.count("<tr") == want.count("<tr"), uri
        assert got.count("</tr>") == got.count("<tr"), uri
        assert "\x01" not in want
    assert "Tuần hàng\x01 kiểm\x01 thử" in site.bodies["nhiem-vu/index.md"].body


# --- 6. deep nesting is refused before anything is built -------------------------------------


@pytest.mark.parametrize(
    "levels,shape", [(1_000, "flow"), (50_000, "flow"), (50_000, "block"), (20_000, "mapping")]
)
def test_deep_nesting_is_refused_at_its_line(tmp_path, levels, shape):
    data = copy_small(tmp_path)
    text = {
        "flow": "id: sau\nsections: " + "[" * levels + "]" * levels + "\n",
        "block": "id: sau\nsections:\n  " + "- " * levels + "x\n",
        "mapping": "id: sau\nsections: " + "{a: " * levels + "b" + "}" * levels + "\n",
    }[shape]
    assert len(text) < 1_000_000
    (data / "plans/sau.yml").write_text(text, encoding="utf-8")
    problems = refused(data)
    assert len(problems) == 1, problems
    assert re.fullmatch(r"data/plans/sau\.yml:[23]:\d+: lồng nhau quá 50 tầng \(.*\)", problems[0])
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-500:]
    assert "lồng nhau quá 50 tầng" in result.stderr and not out.exists()


def test_nesting_of_the_real_data_is_far_below_the_limit():
    import yaml
    from generator.model.datafiles import MAX_DEPTH

    deepest = 0
    for file in (ROOT / "data").rglob("*.yml"):
        depth = 0
        for event in yaml.parse(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            deepest = max(deepest, depth)
    assert 10 <= deepest <= MAX_DEPTH // 3


# --- 8. one former id, one redirect ---------------------------------------------------------

DISPATCH_PLAN = "plans/thanh-hoa-chuyen-tiep.yml"


def test_two_plans_with_the_same_former_id_are_refused_naming_both(tmp_path):
    data = copy_small(tmp_path)
    edit(
        data,
        DISPATCH_PLAN,
        "source:\n  file: kiem-thu-001.txt",
        "former_ids: [sl-kiem-thu-2026]\nsource:\n  file: kiem-thu-001.txt",
    )
    first = f"{P}:{line_of(PLAN, 'former_ids: [sl-kiem-thu-2026]', data)}:14"
    second = f"data/{DISPATCH_PLAN}:{line_of(DISPATCH_PLAN, 'former_ids: [sl', data)}:14"
    assert refused(data) == [
        f"{second}: mã cũ 'sl-kiem-thu-2026' đã có ở {first} "
        "(đường dẫn cũ chỉ chuyển được về một trang: giữ mã cũ ở một bản ghi)"
    ]


def test_two_provinces_with_the_same_former_id_are_refused(tmp_path):
    data = copy_small(tmp_path)
    text = (data / "provinces.yml").read_text(encoding="utf-8")
    edit(data, "provinces.yml", "  former_ids: [thanh-hoa-cu]", "  former_ids: [thanh-hoa-cu]", 1)
    ids = re.findall(r"^- id: (\S+)", text, re.M)
    other = next(i for i in ids if i != "thanh-hoa")
    edit(data, "provinces.yml", f"- id: {other}\n", f"- id: {other}\n  former_ids: [thanh-hoa-cu]\n")
    problems = refused(data)
    assert len(problems) == 1 and "mã cũ 'thanh-hoa-cu' đã có ở data/provinces.yml:" in problems[0], problems


def test_two_tasks_with_the_same_former_id_are_refused_naming_both(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "      - id: i-2\n", '      - id: i-2\n        former_ids: ["1"]\n')
    first, second = line_of(PLAN, "id: i-1", data), line_of(PLAN, "id: i-2", data)
    problems = refused(data)  # its URL under the plan's id and under the plan's former id
    assert problems == [
        f"{P}:{second}:9: mã cũ tạo đường dẫn 'ke-hoach/{plan}/1/' đã chuyển về "
        f"trang khác ({P}:{first}:9) (đường dẫn cũ chỉ chuyển được về một trang)"
        for plan in ("sl-kiem-thu-2026", "son-la-kiem-thu-2026")
    ]
