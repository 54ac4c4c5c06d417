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
