"""Where the page a query means stands in the search page's ranking, on a built site.

    .venv/bin/python benchmarks/search_quality.py [--site site]

Each query of QUERIES is run through the search page's own ranking (the Engine that
content/assets/tim-kiem.js exports, through tests/site/searchprobe.py) in headless Chromium; a result is relevant when its address holds
one of the query's targets, or (a target starting with "~") when the page's indexed text
holds that phrase once folded. Prints, for each query, the rank of the first relevant
result, the number of results and the first result; then how many were first and the MRR.
Asserts nothing. The queries are the examples of issue 20 and others written with their
targets before any result was seen; those of issue 27 (what people mean: other words,
abbreviations, questions, numbers, words on no page, phrases) were written from the data, not
from the issue's examples, and are printed as a second count.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# query -> targets (an address fragment, or "~phrase": a task or plan page whose folded text
# holds the phrase, or an agency or partnership whose h1 does; "~a&b": both); the ranks of
# ALSO's pages are printed too (not counted)
QUERIES = [
    ("xuc tien dau tuu", ["~xuc tien dau tu"]),  # typos
    ("du lihc", ["~du lich"]),
    ("hung yem", ["tinh-thanh/hung-yen/"]),
    ("thanh hao", ["tinh-thanh/thanh-hoa/"]),
    ("nong nghiep cong nghe caoo", ["~nong nghiep cong nghe cao"]),
    ("xuc tie", ["~xuc tien"]),  # unfinished last word
    ("nong sa", ["~nong san"]),
    ("hoi cho oc", ["~hoi cho&ocop"]),
    ("so cong thuong son la", ["co-quan/son-la-so-cong-thuong/"]),  # a page named
    ("son la", ["tinh-thanh/son-la/"]),
    ("hung yen", ["tinh-thanh/hung-yen/"]),
    ("thanh hoa", ["tinh-thanh/thanh-hoa/"]),
    ("nghe an", ["tinh-thanh/nghe-an/"]),
    ("ke hoach son la hung yen", ["ke-hoach/son-la-hung-yen-2022-2025/"]),
    ("ke hoach son la thanh hoa nam 2025", ["ke-hoach/son-la-thanh-hoa-2026/"]),
    ("hop tac ho chi minh nghe an", ["hop-tac/ho-chi-minh-nghe-an/"]),
    ("ke hoach thu hut dau tu son la", ["ke-hoach/son-la-thu-hut-dau-tu-2023/"]),
    ("dai hoc van hoa thanh hoa", ["co-quan/thanh-hoa-truong-dh-van-hoa-the-thao-du-lich/"]),
    ("so cong thuong thanh hoa", ["co-quan/thanh-hoa-so-cong-thuong/"]),
    ("ban quan ly khu kinh te", ["~ban quan ly khu kinh te"]),
    ("du lich cong dong ban lang tay bac", ["~du lich cong dong"]),  # a word missing
    ("ca canh", ["~ca canh"]),
    ("vung long ho", ["~vung long ho"]),
]

# issue 27: what people mean (written from the data before the results were seen)
MEANT = [
    ("tham quan son la", ["tinh-thanh/son-la/", "~du lich&son la"]),  # other words
    ("ban hang truc tuyen", ["~thuong mai dien tu"]),
    ("startup", ["~khoi nghiep"]),
    (
        "cong ty dau tu nghe an",
        ["co-quan/nghe-an-so-ke-hoach-dau-tu/", "~doanh nghiep&nghe an", "~nha dau tu&nghe an"],
    ),
    ("skhcn tp hcm", ["co-quan/ho-chi-minh-so-khoa-hoc-cong-nghe/"]),  # abbreviations
    ("so gd&dt hung yen", ["co-quan/hung-yen-so-giao-duc-dao-tao/"]),
    ("ubnd nghe an", ["co-quan/nghe-an-ubnd/"]),
    ("bql kcn son la", ["co-quan/son-la-bql-kcn/"]),
    ("svhttdl son la", ["co-quan/son-la-so-van-hoa-the-thao-du-lich/"]),
    ("so ldtb&xh hung yen", ["co-quan/hung-yen-so-lao-dong-tbxh/"]),
    ("hung yen o dau", ["tinh-thanh/hung-yen/"]),  # questions
    ("ke hoach cua nghe an la gi", ["ke-hoach/nghe-an-8177-ubnd-cn-2023/", "tinh-thanh/nghe-an/"]),
    ("son la hop tac voi nhung tinh nao", ["tinh-thanh/son-la/", "hop-tac/son-la-"]),
    ("co nhiem vu nao ve ca canh khong", ["~ca canh"]),
    ("quy 2 2026", ["lich/2026-q2/"]),  # numbers
    ("q4/2025", ["lich/2025-q4/"]),
    ("8177", ["ke-hoach/nghe-an-8177-ubnd-cn-2023/"]),
    ("4778 nong san", ["ke-hoach/ho-chi-minh-4778-kh-ubnd-2023/"]),
    ("hoi cho ocopp", ["~hoi cho&ocop"]),  # a word on no page
    ("du lihc cong dong", ["~du lich cong dong"]),
    ("dai tra", ["~dai tra"]),  # a phrase first
    ("thuong mai dien tu", ["~thuong mai dien tu"]),
]


ALSO = {
    "son la": [
        "ke-hoach/son-la-hung-yen-2022-2025/",
        "ke-hoach/son-la-thanh-hoa-2026/",
        "ke-hoach/son-la-thu-hut-dau-tu-2023/",
    ],
    "hung yen": ["ke-hoach/son-la-hung-yen-2022-2025/"],
    "thanh hoa": ["ke-hoach/son-la-thanh-hoa-2026/"],
    "nghe an": ["hop-tac/ho-chi-minh-nghe-an/"],
    "so cong thuong son la": ["ke-hoach/son-la-thanh-hoa-2026/2/"],
}


def fold(text: str) -> str:
    from generator.textnorm import fold as f

    return " ".join(re.findall(r"[^\W_]+", f(text).lower()))


def page_text(site: Path, url: str) -> str:
    path = site / url.lstrip("/")
    html = (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")
    at = html.find("data-tim-body")
    end = html.find("</article>", at)
    return fold(re.sub(r"<[^>]+>", " ", html[at : end if end > 0 else len(html)]))


def h1(site: Path, url: str) -> str:
    path = site / url.lstrip("/")
    html = (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")
    m = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return fold(re.sub(r"<[^>]+>", " ", m.group(1))) if m else ""


def relevant(site: Path, url: str, targets: list[str]) -> bool:
    for t in targets:
        if t.startswith("~"):
            text = (
                page_text(site, url)
                if url.startswith("/ke-hoach/")
                else h1(site, url)
                if url.startswith(("/co-quan/", "/hop-tac/"))
                else ""
            )
            if all(f" {fold(part)} " in f" {text} " for part in t[1:].split("&")):
                return True
        elif t in url:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--json", help="also write the ranks to this file")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    from visitor import browser, served

    from tests.site.searchprobe import probe

    rows = []
    with served(site) as base, browser() as b:
        page = b.new_context().new_page()
        page.goto(base + "tim-kiem/index.html")
        for query, targets in QUERIES + MEANT:
            urls = probe(page, "ranked", query)
            urls = [u.replace("/index.html", "/") for u in urls]
            rank = next((i + 1 for i, u in enumerate(urls) if relevant(site, u, targets)), None)
            also = [next((i + 1 for i, u in enumerate(urls) if a in u), None) for a in ALSO.get(query, [])]
            rows.append(
                {
                    "query": query,
                    "rank": rank,
                    "results": len(urls),
                    "first": urls[0] if urls else "",
                    "also": also,
                }
            )
    for r in rows:
        print(
            f"{r['query']:<38} rank {r['rank'] or '-':>4} of {r['results']:>4}   first: {r['first']}"
            + (f"   also: {r['also']}" if r["also"] else "")
        )
    for label, part in (
        ("issue 20 and before", rows[: len(QUERIES)]),
        ("issue 27", rows[len(QUERIES) :]),
        ("all", rows),
    ):
        firsts = sum(1 for r in part if r["rank"] == 1)
        mrr = sum(1 / r["rank"] for r in part if r["rank"] and r["rank"] <= 10) / len(part)
        print(f"{label}: first result relevant {firsts}/{len(part)}; MRR@10 {mrr:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]
    sys.exit(main())
