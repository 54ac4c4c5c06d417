"""The browser import (issue form -> workflow -> pull request), offline: recorded issue events
(tests/fixtures/import-request/) through `python -m generator import-request`'s functions, the
attachment served by a stand-in for GitHub's file host."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.import_pull import apply, prepare
from generator.import_request import RequestRefused, parse_event
from tests.importdocs import LAO_CAI, docx_bytes
from tests.unit.test_import_real import _minimal_pdf

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests/fixtures/import-request"
PDF = ROOT / "tests/fixtures/import/pdf/lao-cai.libreoffice.pdf"


def event(name: str) -> dict:
    return json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))


def scan_pdf() -> bytes:
    stream = b"BT /F1 9 Tf 400 80 Td 11 TL (Ky boi: So Tai chinh) Tj T* (Thoi gian ky: 03.12.2026) Tj ET"
    return _minimal_pdf(stream)


class Host:
    """GitHub's attachment host as the workflow would meet it: each URL opened is recorded."""

    def __init__(self, files: dict[str, bytes], redirect: str | None = None):
        self.files, self.redirect, self.opened = files, redirect, []

    def open(self, url, timeout=None):
        self.opened.append(url)
        response = io.BytesIO(self.files[url])
        response.geturl = lambda: self.redirect or url
        return response


FILES = {
    "https://github.com/user-attachments/files/20931122/134-KH-UBND.docx": docx_bytes(LAO_CAI),
    "https://github.com/user-attachments/files/20931123/lao-cai.pdf": PDF.read_bytes(),
    "https://github.com/user-attachments/files/20931124/scan-ky.pdf": scan_pdf(),
}


@pytest.fixture
def data(tmp_path) -> Path:
    copy = tmp_path / "repo" / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def test_a_word_file_becomes_a_draft_with_a_checklist(tmp_path, data):
    out = tmp_path / "draft"
    result = prepare(event("word"), out, data, Host(FILES))
    assert result["status"] == "draft", (out / "comment.md").read_text()
    assert result["plans"] == ["lao-cai-134-kh-ubnd-2026"]
    assert result["branch"] == "nhap-ke-hoach/issue-41-lao-cai-134-kh-ubnd-2026"
    assert "plans/lao-cai-134-kh-ubnd-2026.yml" in result["files"]
    assert "sources/lao-cai-134-kh-ubnd-2026.txt" in result["files"]
    plan = yaml.safe_load((out / "files/plans/lao-cai-134-kh-ubnd-2026.yml").read_text())
    assert plan["source"]["file"] == "lao-cai-134-kh-ubnd-2026.txt"
    assert plan["number"] == "134/KH-UBND"
    source = (out / "files/sources/lao-cai-134-kh-ubnd-2026.txt").read_text()
    assert "Rà soát kết nối giao thông giữa hai tỉnh" in source
    body = (out / "pr-body.md").read_text()
    review = [
        ln
        for ln in (out / "files/plans/lao-cai-134-kh-ubnd-2026.yml").read_text().splitlines()
        if ln.strip().startswith("# KIỂM TRA:")
    ]
    assert review and body.count("\n- [ ] ") >= len(review) // 2
    assert "Closes #41" in body and "`make validate`: **đạt**" in body


def test_apply_puts_the_draft_into_data_and_it_validates(tmp_path, data):
    out = tmp_path / "draft"
    prepare(event("word"), out, data, Host(FILES))
    assert apply(out, data) == "nhap-ke-hoach/issue-41-lao-cai-134-kh-ubnd-2026"
    run = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    with pytest.raises(RequestRefused):  # a second apply would overwrite: refused
        apply(out, data)


def test_a_pdf_without_plan_id_gets_one_proposed(tmp_path, data):
    result = prepare(event("pdf"), tmp_path / "d", data, Host(FILES))
    assert result["status"] == "draft"
    assert result["plans"][0].startswith("lao-cai-134")


def test_a_scan_is_refused_with_the_ocr_hint(tmp_path, data):
    result = prepare(event("scan"), tmp_path / "d", data, Host(FILES))
    assert result["status"] == "refused"
    comment = (tmp_path / "d/comment.md").read_text()
    assert "ocrmypdf" in comment and "scan-ky.pdf" in comment
    assert not (tmp_path / "d/files").exists()


def test_an_untrusted_author_is_ignored_without_a_download(tmp_path, data):
    host = Host(FILES)
    result = prepare(event("untrusted"), tmp_path / "d", data, host)
    assert result["status"] == "ignored" and host.opened == []


def test_a_maintainers_label_lets_an_outsiders_request_run(tmp_path, data):
    result = prepare(event("untrusted-approved"), tmp_path / "d", data, Host(FILES))
    assert result["status"] == "draft"


@pytest.mark.parametrize(
    "name,words", [("two-attachments", "2 tệp"), ("other-host", "không nằm trên GitHub")]
)
def test_refused_requests_say_why_without_downloading(tmp_path, data, name, words):
    host = Host(FILES)
    result = prepare(event(name), tmp_path / "d", data, host)
    assert result["status"] == "refused" and host.opened == []
    assert words in (tmp_path / "d/comment.md").read_text()


def test_a_hostile_file_name_reaches_no_path_and_no_markdown(tmp_path, data):
    ev = event("hostile-name")
    req = parse_event(ev)
    assert req.plan_id is None and req.problems  # '$(touch pwned)' is no plan id
    url = req.url
    host = Host({url: docx_bytes(LAO_CAI)})
    out = tmp_path / "d"
    result = prepare(ev, out, data, host)
    assert result["status"] == "draft"
    assert sorted(p.name for p in out.iterdir()) == [
        "comment.md",
        "files",
        "pr-body.md",
        "result.json",
        "van-ban.docx",
    ]
    body = (out / "pr-body.md").read_text() + (out / "comment.md").read_text()
    # the name stays inside one code span: no backtick of its own closes it, no line break
    assert "`$(touch pwned) 'id' @team ../../etc.docx`" in body
    assert body.count("@team") == body.count("'id' @team")
    assert "`make validate`: **đạt**" in body  # the name broke no YAML comment
    assert not list(tmp_path.rglob("pwned"))


def test_a_redirect_off_github_is_refused(tmp_path, data):
    host = Host(FILES, redirect="https://evil.example.net/x.docx")
    result = prepare(event("word"), tmp_path / "d", data, host)
    assert result["status"] == "refused"


def test_the_cli_runs_prepare_on_an_event_file(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "import-request",
            "prepare",
            "--event",
            str(EVENTS / "untrusted.json"),
            "--out",
            str(tmp_path / "d"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0 and "ignored" in run.stdout, run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "generator", "import-request", "apply", "--draft", str(tmp_path / "d")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "không có bản nháp" in run.stderr
