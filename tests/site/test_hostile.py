"""Text from YAML is data, never markup; bad data never reaches the site."""
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, mkdocs_build

PLAN = "plans/son-la-thanh-hoa-2026.yml"
HOSTILE = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> '
           '<a href="javascript:alert(2)">bấm</a> [liên kết](javascript:alert(3)) **đậm** '
           '<iframe src="https://evil.example/"></iframe> {{ jinja }} {% raw %}')


def copy_data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(data: Path, path: str, old: str, new: str) -> None:
    target = data / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_markup_in_data_is_shown_as_text(tmp_path):
    data = copy_data(tmp_path)
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    edit(data, PLAN, "content: |-\n          Tổ chức tuần nông sản",
         f"content: |-\n          {HOSTILE}\n\n          Tổ chức tuần nông sản")
    edit(data, PLAN, "form: Tổ chức tại tỉnh Sơn La", f'form: "{quoted}"')
    edit(data, "agencies/son-la.yml", 'name: "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La"',
         f'name: "Trung tâm {quoted}"')
    site = tmp_path / "site"
    result = mkdocs_build(site, {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    pages = [site / "ke-hoach/son-la-thanh-hoa-2026/9/index.html",
             site / "ke-hoach/son-la-thanh-hoa-2026/10/index.html",
             site / "co-quan/son-la-ttxt/index.html", site / "ke-hoach/son-la-thanh-hoa-2026/index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;alert" in html, page
        assert '<script>alert' not in html
        assert not re.search(r"<img[^>]*onerror", html)
        assert 'href="javascript:' not in html
        assert "<iframe" not in html
    task = (site / "ke-hoach/son-la-thanh-hoa-2026/9/index.html").read_text(encoding="utf-8")
    assert "[liên kết](javascript:alert(3)) **đậm**" in task  # Markdown is not interpreted either
    assert "{{ jinja }} {% raw %}" in task


def test_mkdocs_refuses_bad_data_with_the_validators_messages(tmp_path):
    data = copy_data(tmp_path)
    edit(data, PLAN, "year: 2026", "year: năm 2026")
    edit(data, "partnerships.yml", "signed: 2024-12-20", "signed: 2024-02-31")
    result = mkdocs_build(tmp_path / "site", {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"son-la-thanh-hoa-2026\.yml:\d+:7: 'year' phải là số nguyên", result.stderr)
    assert re.search(r"partnerships\.yml:\d+:15: ngày '2024-02-31' không có thật", result.stderr)
    assert not (tmp_path / "site" / "index.html").exists()
