"""The contributor guide's pictures of the browser import, made from the test fixtures:
the issue form as .github/ISSUE_TEMPLATE/nhap-ke-hoach.yml defines it (with the Lào Cai test
document dropped in), and the pull request the workflow opens for it (its body as
generator/import_pull.prepare writes it). Run after changing either, and commit the PNGs:

    .venv/bin/python -m tests.guide_screenshots

Drawn in the plain look of GitHub's pages (no GitHub asset is used); Debian's chromium."""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from pathlib import Path

import markdown
import yaml
from playwright.sync_api import sync_playwright

from generator.import_pull import prepare
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.unit.test_import_request import FILES, Host

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "content/assets/huong-dan"
CSS = """body{font:15px/1.5 -apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;color:#1f2328;
margin:0;padding:16px;background:#fff}h1{font-size:22px;font-weight:600;margin:0 0 4px}
.sub{color:#59636e;margin:0 0 16px}.field{margin:0 0 16px}.field b{display:block;margin-bottom:4px}
.field small{display:block;color:#59636e;margin-bottom:6px}.box{border:1px solid #d1d9e0;border-radius:6px;
padding:8px 10px;background:#f6f8fa;min-height:20px}.drop{border-style:dashed}.file{color:#0969da}
.ph{color:#818b98}.btn{display:inline-block;background:#1f883d;color:#fff;border-radius:6px;padding:5px 16px;
font-weight:600}.md{border:1px solid #d1d9e0;border-radius:6px;padding:0 14px 8px}.md ul{padding-left:22px}
.task-list-item{list-style:none;margin-left:-22px}.label{display:inline-block;border-radius:12px;padding:0 8px;
background:#1f883d;color:#fff;font-size:12px;font-weight:600;vertical-align:middle}code{background:#eff1f3;
border-radius:4px;padding:1px 4px;font-size:13px}"""


def form_html() -> str:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/nhap-ke-hoach.yml").read_text(encoding="utf-8"))
    answers = {
        "upload": '<span class="file">Tệp đính kèm: 134-KH-UBND.docx</span>',
        "input": '<span class="ph">(để trống: công cụ đề xuất mã)</span>',
        "textarea": "Bản ký số nhận qua thư điện tử ngày 27/3.",
    }
    parts = [
        f"<h1>{html.escape(form['name'])}</h1><p class='sub'>{html.escape(form['description'])}</p>",
        f"<div class='field'><b>Tiêu đề</b><div class='box'>{html.escape(form['title'])}"
        "Kế hoạch hợp tác Lào Cai – Sơn La 2026</div></div>",
    ]
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        a = item["attributes"]
        required = " *" if (item.get("validations") or {}).get("required") else ""
        drop = " drop" if item["type"] == "upload" else ""
        parts.append(
            f"<div class='field'><b>{html.escape(a['label'])}{required}</b>"
            f"<small>{html.escape(a.get('description', ''))}</small>"
            f"<div class='box{drop}'>{answers[item['type']]}</div></div>"
        )
    parts.append("<span class='btn'>Submit new issue</span>")
    return "".join(parts)


def pull_request_html() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        event = json.loads((ROOT / "tests/fixtures/import-request/word.json").read_text(encoding="utf-8"))
        result = prepare(event, Path(tmp) / "draft", data, Host(FILES))
        body = (Path(tmp) / "draft/pr-body.md").read_text(encoding="utf-8")
    rendered = markdown.markdown(body, extensions=["pymdownx.tasklist"])
    return (
        f"<h1>{html.escape(result['title'])} <span style='color:#59636e;font-weight:400'>#48</span></h1>"
        "<p class='sub'><span class='label'>Open</span> github-actions muốn hợp nhất 1 commit vào "
        f"<code>main</code> từ <code>{html.escape(result['branch'])}</code></p>"
        f"<div class='md'>{rendered}</div>"
    )


def shoot(page, body: str, path: Path, height: int) -> None:
    page.set_content(f"<!doctype html><meta charset=utf-8><style>{CSS}</style>{body}")
    page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": 720, "height": height})


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 720, "height": 900}, device_scale_factor=1)
        shoot(page, form_html(), OUT / "mau-nhap-ke-hoach.png", 560)
        shoot(page, pull_request_html(), OUT / "pull-request-ban-nhap.png", 900)
        browser.close()
    print(f"Đã ghi {OUT}/mau-nhap-ke-hoach.png và pull-request-ban-nhap.png")


if __name__ == "__main__":
    main()
