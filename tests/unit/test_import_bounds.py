"""Hostile attachments through `python -m generator import`, each made here (tests/hostile.py):
refused with one line naming the file, in seconds and in little memory, never a traceback.
Each run's own time and peak memory (wait4) are measured; the child may not take more than
3 GB of address space, so a regression fails the test instead of exhausting the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def run(path: Path, *extra: str, env: dict | None = None, timeout: float = 60):
    """(exit code, stderr, stdout, seconds, peak MB) of one import."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    out, err = path.parent / "out.txt", path.parent / "err.txt"
    start = time.monotonic()
    with open(out, "wb") as o, open(err, "wb") as e:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "import", str(path), "--plan", "son-la-moi-2027", *extra],
            cwd=ROOT,
            stdout=o,
            stderr=e,
            preexec_fn=limit,
            env={**os.environ, **(env or {})},
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (
        proc.returncode,
        err.read_text("utf-8", "replace"),
        out.read_text("utf-8", "replace"),
        time.monotonic() - start,
        usage.ru_maxrss / 1024,
    )


def refused(tmp_path, name: str, raw: bytes, expected: str, seconds: float = 8, mb: float = 400):
    source = tmp_path / name
    source.write_bytes(raw)
    code, err, out, took, peak = run(source)
    assert code == 1 and "Traceback" not in err, err[-2000:]
    assert len(err.strip().splitlines()) == 1, err[-2000:]
    assert str(source) in err and expected in err, err
    assert took < seconds, f"{took:.1f} s"
    assert peak < mb, f"{peak:.0f} MB"
    return err


def test_a_docx_bomb_is_refused_before_it_is_unpacked(tmp_path):
    # 1 MB zipped, 1 GB unpacked: took 8.7 s and 2.1 GB
    refused(tmp_path, "bom.docx", hostile.bomb_docx(1024), "khai 1.073.742.027 byte")


def test_a_docx_member_that_lies_about_its_size_is_read_a_piece_at_a_time(tmp_path):
    # the zip says 2,000 bytes: zipfile stops there (a wrong CRC), but python-docx's
    # read() unpacked the whole 1 GB before cutting it (27.5 s, 2.1 GB)
    refused(tmp_path, "noi-doi.docx", hostile.bomb_docx(1024, declared=2000), "không đọc được tệp Word")


def test_millions_of_empty_paragraphs_are_refused_in_seconds(tmp_path):
    # 3.5 million '<w:p/>' in 145 KB: 81 s before
    refused(tmp_path, "doan-rong.docx", hostile.empty_paragraphs_docx(3_500_000), "hơn 100.000 đoạn văn")


def test_six_thousand_rows_are_refused_before_python_docx_reads_them(tmp_path):
    refused(tmp_path, "nhieu-dong.docx", hostile.rows_docx(6_000), "hơn 5.000 dòng", seconds=5)


def test_a_pdf_of_100000_pages_is_refused_before_its_pages_are_read(tmp_path):
    # 16 MB, one content stream shared: 17.8 s and 455 MB before
    refused(tmp_path, "tram-nghin-trang.pdf", hostile.many_pages_pdf(100_000), "100.000 trang")


def test_a_compressed_pdf_stream_is_unpacked_within_the_limit(tmp_path):
    # 256 KB that unpack to 256 MB of spaces: pdfminer unpacked it whole (1 GB: 2.1 GB)
    refused(tmp_path, "nen.pdf", hostile.flate_bomb_pdf(256), "tối đa 8 MB một luồng", mb=250)


def test_a_ruled_grid_of_400_by_400_ends_in_seconds(tmp_path):
    # pdfplumber's table finding grows with the fourth power of the side: past 600 s before
    source = tmp_path / "luoi.pdf"
    source.write_bytes(hostile.grid_pdf(400))
    code, err, out, took, peak = run(source)
    assert took < 10, f"{took:.1f} s"
    assert "Traceback" not in err and code == 1 and len(err.strip().splitlines()) == 1, err


def test_a_grid_page_is_read_as_text_with_a_review_line(tmp_path):
    rows = [
        hostile.text_stream(
            [
                "KE HOACH",
                "Thu nghiem nhap tu PDF",
                "I. NHIEM VU",
                "1. Ve hop tac",
                "- Trao doi kinh nghiem giua hai tinh.",
                "- To chuc hoi nghi xuc tien.",
            ]
        )
    ]
    grid = hostile.grid_pdf(60)
    source = tmp_path / "luoi-va-chu.pdf"
    source.write_bytes(
        hostile.pdf([grid.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0], rows[0]], size=820)
    )
    code, err, out, took, peak = run(source)
    assert code == 0, err
    assert "# KIỂM TRA: trang 1: 61 đường kẻ ngang × 61 đường kẻ dọc" in out
    assert "Trao doi kinh nghiem giua hai tinh." in out


def test_the_time_budget_ends_a_long_read_with_one_line(tmp_path):
    source = tmp_path / "dai.pdf"
    source.write_bytes(hostile.pdf([hostile.text_stream(hostile.WORDS)] * 60))
    code, err, out, took, peak = run(source, env={"PORTAL_IMPORT_SECONDS": "1"})
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert f"{source}: đọc văn bản quá 1 giây" in err
    assert took < 8, f"{took:.1f} s"


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_only_regular_files_are_read(tmp_path, kind):
    source = {"device": Path("/dev/zero"), "directory": tmp_path}.get(kind, tmp_path / "ong")
    if kind == "fifo":
        os.mkfifo(source)
    code, err, out, took, peak = run(source, timeout=20)
    what = {"fifo": "đường ống (FIFO)", "device": "thiết bị", "directory": "thư mục"}[kind]
    assert code == 1 and f"{source}: không phải tệp văn bản mà là một {what}" in err, err
    assert len(err.strip().splitlines()) == 1 and took < 8 and peak < 400


def _entity_docx(tmp_path) -> Path:
    """A task table whose content cells use DTD entities: an internal one, one whose text
    names other entities (a billion-laughs seed), an external one that must never be read."""
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("NOI-DUNG-BI-MAT")
    dtd = (
        f'<!DOCTYPE w:document [<!ENTITY nn "nông nghiệp"><!ENTITY lol "&nn;&nn;&nn;">'
        f'<!ENTITY ext SYSTEM "file://{secret}">]>'
    ).encode()
    rows = [
        ["STT", "Nội dung", "Cơ quan chủ trì"],
        ["1", "Hợp tác &nn; công nghệ cao", "Sở Công Thương"],
        ["2", "Xúc tiến &lol; du lịch", "Sở Công Thương"],
        ["3", "Trao đổi &ext; kinh nghiệm", "Sở Công Thương"],
    ]
    body = hostile.para("KẾ HOẠCH") + hostile.para("Hợp tác thử nghiệm") + hostile.table(rows)
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + dtd
        + b"<w:document "
        + hostile.W.encode()
        + b"><w:body>"
        + body
        + b"</w:body></w:document>"
    )
    source = tmp_path / "thuc-the.docx"
    source.write_bytes(hostile.docx_with(document_xml=xml))
    return source


def test_docx_entities_keep_the_text_after_them_and_are_flagged(tmp_path):
    code, err, out, took, peak = run(_entity_docx(tmp_path))
    assert code == 0, err
    assert "content: Hợp tác nông nghiệp công nghệ cao" in out  # text after the entity: dropped before
    assert "content: Xúc tiến du lịch" in out and "content: Trao đổi kinh nghiệm" in out
    assert "NOI-DUNG-BI-MAT" not in out
    assert "# KIỂM TRA: 3 thực thể XML khai báo trong DTD (&ext;, &lol;, &nn;" in out


def test_a_page_past_the_object_limit_is_refused_as_it_is_laid_out(tmp_path):
    # one string of 12,000 characters (a page of 360,000 strokes ran past the 30 s budget)
    stream = b"BT /F1 1 Tf 10 10 Td (" + b"x" * 12_000 + b") Tj ET"
    refused(tmp_path, "day-dac.pdf", hostile.pdf([stream]), "một trang có hơn 10.000 ký tự và nét vẽ")


def test_a_docx_of_300000_runs_is_refused_before_python_docx_reads_them(tmp_path):
    # python-docx reads a run in about 0.1 ms: 20 s before
    runs = b"<w:p>" + b"<w:r><w:t>x</w:t></w:r>" * 300_000 + b"</w:p>"
    refused(tmp_path, "nhieu-run.docx", hostile.docx_with(runs), "hơn 100.000 đoạn chữ (run)", seconds=6)


def test_a_docx_row_of_20000_cells_is_refused_before_python_docx_reads_it(tmp_path):
    wide = hostile.para("KẾ HOẠCH") + hostile.table([["x"] * 20_000, ["y"] * 20_000])
    refused(tmp_path, "rong.docx", hostile.docx_with(wide), "hơn 64 ô một dòng", seconds=6)
