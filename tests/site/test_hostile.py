"""Text from YAML is data, never markup; bad data never reaches the site (on the test dataset)."""
import re

from tests.conftest import mkdocs_build
from tests.smalldata import PLAN, SMALL, copy_small, edit, line_of

HOSTILE = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> '
           '<a href="javascript:alert(2)">bấm</a> [liên kết](javascript:alert(3)) **đậm** '
           '<iframe src="https://evil.example/"></iframe> {{ jinja }} {% raw %}')
KH = "ke-hoach/son-la-kiem-thu-2026"


def test_markup_in_data_is_shown_as_text(tmp_path):
    data = copy_small(tmp_path)
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    # task i-2 has no title: its title (in every task table) is the start of the hostile text
    edit(data, PLAN, "        content: Xúc tiến đầu tư kiểm thử",
         f'        form: "{quoted}"\n        content: |-\n          {HOSTILE}\n\n          Xúc tiến đầu tư kiểm thử')
    edit(data, "agencies/son-la.yml", 'name: "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Sơn La"',
         f'name: "Trung tâm {quoted}"')
    site = tmp_path / "site"
    result = mkdocs_build(site, {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    pages = [site / f"{KH}/i-2/index.html", site / "nhiem-vu/index.html",       # its page, a table
             site / "co-quan/son-la-ttxt/index.html", site / f"{KH}/index.html",
             site / f"{KH}/ii-1-2/index.html"]                                  # lead from its section
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;alert" in html, page
        assert "<script>alert" not in html
        assert not re.search(r"<img[^>]*onerror", html)
        assert 'href="javascript:' not in html
        assert "<iframe" not in html
    task = (site / f"{KH}/i-2/index.html").read_text(encoding="utf-8")
    assert "[liên kết](javascript:alert(3)) **đậm**" in task  # Markdown is not interpreted either
    assert "{{ jinja }} {% raw %}" in task


def test_mkdocs_refuses_bad_data_with_the_validators_messages(tmp_path):
    data = copy_small(tmp_path)
    edit(data, PLAN, "year: 2026", "year: năm 2026")
    edit(data, "partnerships.yml", "signed: 2024-12-20", "signed: 2024-02-31")
    result = mkdocs_build(tmp_path / "site", {"PORTAL_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    year = line_of(PLAN, "year: năm 2026", data)
    signed = line_of("partnerships.yml", "2024-02-31", data)
    assert f"{data.as_posix()}/{PLAN}:{year}:7: 'year' phải là số nguyên" in result.stderr
    assert f"{data.as_posix()}/partnerships.yml:{signed}:15: ngày '2024-02-31' không có thật" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_hostile_branch_name_in_the_edit_link_stays_inside_the_href(tmp_path):
    """CI makes PORTAL_EDIT_BASE from the branch name, which a pull request chooses; the theme
    prints page.edit_url unescaped ("Sửa dữ liệu" and Material's edit button)."""
    site = tmp_path / "site"
    base = 'https://github.com/o/r/blob/x"><svg/onload=alert(1)>'
    result = mkdocs_build(site, {"PORTAL_EDIT_BASE": base, "PORTAL_DATA_DIR": str(SMALL)})
    assert result.returncode == 0, result.stderr
    for page in (f"{KH}/i-2/index.html", "gioi-thieu.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "<svg/onload" not in html and "onload=alert(1)>" not in html
        assert 'href="https://github.com/o/r/blob/x%22%3E%3Csvg/onload=alert%281%29%3E/' in html


def test_an_edit_base_that_is_not_http_is_refused_on_one_line(tmp_path):
    result = mkdocs_build(tmp_path / "site", {"PORTAL_EDIT_BASE": "javascript:alert(1)//",
                                              "PORTAL_DATA_DIR": str(SMALL)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "PORTAL_EDIT_BASE / extra.edit_base 'javascript:alert(1)//' không phải địa chỉ http(s)://" \
        in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
