"""Issue 28: a task is cited in the document's own numbering, and the open data's `title` is the
page's h1, for every task of the real data."""
from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
CITATION = re.compile(r'id="trich-dan-van-ban">(.*?)</p>', re.S)
LABEL = re.compile(r'<p class="nhan-nhiem-vu"[^>]*>(.*?)</p>', re.S)


def _text(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_every_task_page_cites_the_documents_numbering_and_its_title_is_the_open_datas(
        built_site: Path):
    tasks = json.loads((built_site / "opendata/tasks.json").read_text("utf-8"))
    assert len(tasks) > 100
    for rec in tasks:
        page = (built_site / rec["url"] / "index.html").read_text("utf-8")
        assert _text(H1.search(page).group(1)) == rec["title"], rec["id"]
        assert rec["place"] and " ý " not in f" {rec['place']} "   # no portal label ("2.1 – ý 3")
        citation = _text(CITATION.search(page).group(1))
        assert f", {rec['place']}: “{rec['title']}”." in citation, rec["id"]
        assert f"Nhiệm vụ {rec['label']}" not in citation
        assert _text(LABEL.search(page).group(1)).lower().startswith(rec["place"].lower())
        if rec["number"] in ("-", "+", None):
            assert rec["printed_number"] is None
        else:
            assert rec["printed_number"] == rec["number"]


def test_the_hcm_task_the_issue_names(built_site: Path):
    page = (built_site / "ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/ii-2-1-y3/index.html").read_text("utf-8")
    assert "Mục II.2.1, gạch đầu dòng thứ 3" in page
    assert "Nhiệm vụ 2.1 – ý 3" not in _text(CITATION.search(page).group(1))


def test_the_official_file_is_linked_with_its_format(small_built_site: Path):
    plan = (small_built_site / "ke-hoach/son-la-kiem-thu-2026/index.html").read_text("utf-8")
    assert ('<a href="https://portal.example/van-ban/kiem-thu-000.pdf" rel="nofollow">'
            "Văn bản gốc (PDF)</a>") in plan
    task = (small_built_site / "ke-hoach/son-la-kiem-thu-2026/i-1/index.html").read_text("utf-8")
    assert "Văn bản gốc (PDF)" in task


def test_without_an_official_file_the_plan_says_so_and_how_to_add_it(built_site: Path):
    plan = (built_site / "ke-hoach/son-la-thanh-hoa-2026/index.html").read_text("utf-8")
    part = _text(plan[plan.index('class="van-ban-goc"'):][:900].split(">", 1)[1].split("</dd>")[0])
    assert part.startswith("Chưa có đường dẫn tới văn bản gốc")
    assert "source.url" in part and "data/plans/son-la-thanh-hoa-2026.yml" in part
    guide = (built_site / "huong-dan-dong-gop.html").read_text("utf-8")
    assert 'id="van-ban-goc"' in guide
    assert 'href="../../huong-dan-dong-gop.html#van-ban-goc"' in plan
