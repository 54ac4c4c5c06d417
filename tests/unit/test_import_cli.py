"""`python -m generator import` through a subprocess: drafts validate when written into a
copy of data/, and every malformed input gets one message naming the file, exit 1, no
traceback and nothing written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/import"
SEED = ROOT / "data/sources/000_04c0ae7f8209bebc.txt"  # a copy of the seed (test_sourcedoc)


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_fixture_plan_drafts_and_validates(data_copy):
    source = FIXTURES / "ke-hoach-thu-nghiem.txt"
    result = run("import", source, "--plan", "son-la-thu-nghiem-2027", "--write", "--data", data_copy)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "nhiệm vụ" in result.stderr
    written = (data_copy / "plans/son-la-thu-nghiem-2027.yml").read_text("utf-8")
    assert "# KIỂM TRA:" in written
    check = run("validate", data_copy)
    assert check.returncode == 0, check.stderr + check.stdout


def test_write_refuses_to_overwrite_without_force(data_copy):
    before = (data_copy / "plans/son-la-thanh-hoa-2026.yml").read_bytes()
    result = run("import", SEED, "--plan", "son-la-thanh-hoa-2026", "--write", "--data", data_copy)
    assert result.returncode == 1 and "--force" in result.stderr
    assert (data_copy / "plans/son-la-thanh-hoa-2026.yml").read_bytes() == before
    forced = run("import", SEED, "--plan", "son-la-thanh-hoa-2026", "--write", "--force", "--data", data_copy)
    assert forced.returncode == 0, forced.stderr
    assert run("validate", data_copy).returncode == 0


def test_json_is_the_yaml_draft():
    """--format json prints the draft the YAML prints (the full plan record), not the open-data
    summary; a draft that would not validate is still printed (validation is --write's)."""
    import json

    import yaml

    result = run("import", SEED, "--plan", "son-la-thanh-hoa-2026", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"plans", "agencies", "files", "review"}
    printed = run("import", SEED, "--plan", "son-la-thanh-hoa-2026")
    plan_text = printed.stdout.split("# ==== data/plans/son-la-thanh-hoa-2026.yml ====\n", 1)[1]
    plan_text = plan_text.split("# ==== data/", 1)[0]
    as_yaml = json.loads(json.dumps(yaml.safe_load(plan_text), default=str))
    assert out["plans"][0] == as_yaml
    assert {"place", "legal_bases", "sections", "signer"} <= set(out["plans"][0])
    fixture = run(
        "import", FIXTURES / "ke-hoach-thu-nghiem.txt", "--plan", "son-la-thu-nghiem-2027", "--format", "json"
    )
    agencies = json.loads(fixture.stdout)["agencies"]
    assert len(agencies) == 1 and agencies[0]["province"] == "son-la"


def test_json_prints_a_draft_that_does_not_validate():
    """A section left without tasks fails `make validate`; the YAML prints it, and so does JSON."""
    import json

    from generator.importer.draftrecords import Draft, DraftPlan, Note, PlanSection
    from generator.importer.output import json_text

    section = PlanSection(number="1.", title="Mục chưa có nhiệm vụ")
    rec = DraftPlan(
        id="son-la-x-2026",
        title="Thử",
        issued=__import__("datetime").date(2026, 3, 2),
        sections=[section],
        notes=(Note("một dòng kiểm tra"),),
    )
    out = json.loads(json_text(Draft(plans=[rec], review=["son-la-x-2026: một dòng kiểm tra"]), "x.txt"))
    assert out["plans"][0]["sections"][0]["title"] == "Mục chưa có nhiệm vụ"
    assert out["plans"][0]["issued"] == "2026-03-02"
    assert out["review"] == ["son-la-x-2026: một dòng kiểm tra"]


def _minimal_pdf(stream: bytes) -> bytes:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def test_pdf_with_a_text_layer_imports(tmp_path):
    lines = [
        "KE HOACH",
        "Thu nghiem nhap tu PDF",
        "I. NHIEM VU",
        "1. Ve hop tac",
        "- Trao doi kinh nghiem giua hai tinh.",
        "- To chuc hoi nghi xuc tien dau tu.",
    ]
    stream = (
        b"BT /F1 12 Tf 72 720 Td 14 TL "
        + b" ".join(b"(" + ln.encode("ascii") + b") Tj T*" for ln in lines)
        + b" ET"
    )
    pdf = tmp_path / "thu-nghiem.pdf"
    pdf.write_bytes(_minimal_pdf(stream))
    result = run("import", pdf, "--plan", "son-la-thu-nghiem-2027")
    assert result.returncode == 0, result.stderr
    assert "content: Trao doi kinh nghiem giua hai tinh." in result.stdout
    assert "id: i-1-y2" in result.stdout


MALFORMED = {
    "rong.txt": (b"", "tệp rỗng"),
    "latin1.txt": ("Kế hoạch\nSTT\tNội dung\n".encode("cp1258", errors="replace") + b"\xff\xfe", "UTF-8"),
    "khong-co-nhiem-vu.txt": (
        "KẾ HOẠCH\n\nVề việc thử\n\nTrên đây là kế hoạch./.\n".encode(),
        "không tìm thấy bảng",
    ),
    "cu.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".docx"),
    "hong.docx": (b"this is not a zip", "không phải zip"),
    "hong.pdf": (b"%PDF-1.4\nrubbish", "PDF"),
    "quet.pdf": (None, "ocrmypdf -l vie"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_input_is_refused_cleanly(name, tmp_path, data_copy):
    raw, expected = MALFORMED[name]
    source = tmp_path / name
    source.write_bytes(raw if raw is not None else _minimal_pdf(b"0 0 m 100 100 l S"))
    before = sorted(p.relative_to(data_copy) for p in data_copy.rglob("*"))
    result = run("import", source, "--plan", "son-la-moi-2027", "--write", "--data", data_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert name in result.stderr and expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.relative_to(data_copy) for p in data_copy.rglob("*")) == before


def test_the_guide_shows_the_real_draft():
    """The example in 'Nhập kế hoạch mới từ văn bản' is what the command prints today."""
    import re

    guide = (ROOT / "content/nhap-ke-hoach.md").read_text("utf-8")
    example = guide[guide.index("## Ví dụ thật") :]
    summary = re.search(r"```text\n(.*?)```", example, re.S).group(1)
    draft = re.search(r"```yaml\n(.*?)```", example, re.S).group(1)
    result = run("import", FIXTURES / "ke-hoach-thu-nghiem.txt", "--plan", "son-la-thu-nghiem-2027")
    assert result.returncode == 0
    assert result.stderr == summary
    assert draft in result.stdout
