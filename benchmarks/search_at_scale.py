"""What a visitor downloads for one search, on the real data and on a synthetic national portal.

    .venv/bin/python benchmarks/search_at_scale.py                 # real data + 25,000 tasks
    .venv/bin/python benchmarks/search_at_scale.py --tasks 3000    # a quicker run

Generates a deterministic portal in the real data format (seeded; real provinces, invented
agencies, plans and task texts made from the words of the real tasks), builds it with MkDocs
(Pagefind runs in the build hook), serves it on 127.0.0.1 and measures in headless Chromium the
bytes each query transfers: the first query (Pagefind's runtime included) and the next ones.
Prints numbers; asserts nothing. Output goes under --work (default /tmp/portal-bench).
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TIMEFRAMES = ["Năm {y}", "Quý II/{y}", "Quý III/{y}", "Quý III, Quý IV/{y}", "Thường xuyên",
              "{y}-{y2}", "Tháng 12", "Cả năm", None]
QUERIES = ["son la", "cong thuong", "hoi cho ocop", "thanh hoa du lich", "dien bien",
           "xuc tien dau tu"]


def words_of_real_tasks() -> list[str]:
    words = []
    for file in sorted((ROOT / "data/plans").glob("*.yml")):
        text = file.read_text(encoding="utf-8")
        for match in re.finditer(r"content: \|-\n((?:\s{8,}.*\n)+)", text):
            words += re.findall(r"\w+", match.group(1))
    return words


def generate(out: Path, n_tasks: int, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    (out / "agencies").mkdir()
    shutil.copy(ROOT / "data/provinces.yml", out / "provinces.yml")
    provinces = [p for p in yaml.safe_load((ROOT / "data/provinces.yml").read_text("utf-8"))
                 if not p.get("merged_into")]
    kinds = ["so-cong-thuong", "so-tai-chinh", "so-xay-dung", "so-y-te", "so-giao-duc-dao-tao",
             "so-van-hoa-the-thao-du-lich", "so-nong-nghiep-moi-truong", "so-khoa-hoc-cong-nghe",
             "ttxt", "bql-kcn", "hiep-hoi-doanh-nghiep", "cong-an", "bo-chi-huy-quan-su",
             "so-noi-vu", "so-tu-phap", "ubnd"]
    names = {"so-cong-thuong": "Sở Công Thương", "so-tai-chinh": "Sở Tài chính",
             "so-xay-dung": "Sở Xây dựng", "so-y-te": "Sở Y tế",
             "so-giao-duc-dao-tao": "Sở Giáo dục và Đào tạo",
             "so-van-hoa-the-thao-du-lich": "Sở Văn hóa, Thể thao và Du lịch",
             "so-nong-nghiep-moi-truong": "Sở Nông nghiệp và Môi trường",
             "so-khoa-hoc-cong-nghe": "Sở Khoa học và Công nghệ",
             "ttxt": "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
             "bql-kcn": "Ban Quản lý các khu công nghiệp", "hiep-hoi-doanh-nghiep": "Hiệp hội Doanh nghiệp",
             "cong-an": "Công an", "bo-chi-huy-quan-su": "Bộ Chỉ huy Quân sự", "so-noi-vu": "Sở Nội vụ",
             "so-tu-phap": "Sở Tư pháp", "ubnd": "Ủy ban nhân dân"}
    schema = "# yaml-language-server: $schema=../../schemas/{}.schema.json\n"
    for p in provinces:
        recs = [{"id": f"{p['id']}-{k}", "name": f"{names[k]} {p['name']}", "short_name": names[k],
                 "province": p["id"]} for k in kinds]
        (out / "agencies" / f"{p['id']}.yml").write_text(
            schema.format("agencies") + yaml.safe_dump(recs, allow_unicode=True, sort_keys=False),
            encoding="utf-8")
    pairs = set()
    while len(pairs) < 120:
        a, b = rng.sample(provinces, 2)
        pairs.add(tuple(sorted((a["id"], b["id"]))))
    partnerships = [{"id": f"{a}-{b}", "name": f"{a} – {b}", "provinces": [a, b],
                     "agreements": [{"title": f"Biên bản ghi nhớ hợp tác {a} và {b}",
                                     "kind": "bien-ban-ghi-nho", "signed": f"20{rng.randint(20, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}]}
                    for a, b in sorted(pairs)]
    (out / "partnerships.yml").write_text(
        "# yaml-language-server: $schema=../schemas/partnerships.schema.json\n"
        + yaml.safe_dump(partnerships, allow_unicode=True, sort_keys=False), encoding="utf-8")
    vocab = words_of_real_tasks()
    per_plan = 100
    for n in range(max(1, n_tasks // per_plan)):
        ps = partnerships[n % len(partnerships)]
        home = ps["provinces"][0]
        year = 2022 + n % 5
        tasks = []
        for t in range(per_plan):
            tf = rng.choice(TIMEFRAMES)
            tasks.append({
                "id": str(t + 1), "number": str(t + 1),
                "content": " ".join(rng.choice(vocab) for _ in range(rng.randint(25, 70))) + ".",
                "form": "Trao đổi bằng văn bản; làm việc trực tiếp",
                "lead": [f"{home}-{rng.choice(kinds[:-1])}"],
                "lead_text": "Sở",
                "coordinating": sorted({f"{pid}-{rng.choice(kinds[:-1])}" for pid in ps["provinces"]}),
                "coordinating_collective": ["các đơn vị liên quan"],
                "timeframe": tf.format(y=year, y2=year + 2) if tf else None})
        plan = {"id": f"ke-hoach-{n:04d}", "type": "ke-hoach",
                "title": f"Kế hoạch thực hiện {ps['agreements'][0]['title']} năm {year} ({n})",
                "number": f"{n + 1}/KH-UBND", "issued": f"{year}-0{1 + n % 9}-15", "place": None,
                "issuer": f"{home}-ubnd", "year": year, "period": str(year),
                "signer": {"name": "Người ký", "position": "PHÓ CHỦ TỊCH", "formula": ["KT. CHỦ TỊCH"]},
                "partnerships": [ps["id"]], "focal_agency": f"{home}-ttxt", "legal_bases": [],
                "related_documents": [], "preamble": [], "purpose": [], "requirements": [],
                "targets": [], "budget_sources": [], "organisation": [], "reporting_deadlines": [],
                "closing": [], "recipients": [], "appendices": [],
                "sections": [{"number": None, "title": "Phụ lục", "tasks": tasks}],
                "source": {"file": "tổng hợp (benchmark)", "note": "dữ liệu tổng hợp để đo"}}
        (out / "plans" / f"{plan['id']}.yml").write_text(
            schema.format("plans") + yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
            encoding="utf-8")
    return {"plans": max(1, n_tasks // per_plan), "tasks": max(1, n_tasks // per_plan) * per_plan,
            "agencies": len(provinces) * len(kinds), "partnerships": len(partnerships)}


def build(data: Path | None, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1735689600")
    if data:
        env["PORTAL_DATA_DIR"] = str(data)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-background-networking"])
        context = browser.new_context()
        page = context.new_page()
        log: list[tuple[str, int]] = []
        page.on("requestfinished", lambda r: log.append((r.url, r.sizes()["responseBodySize"])))
        page.goto(base + "tim-kiem/index.html", wait_until="networkidle")
        page_bytes = sum(size for _, size in log)
        for i, query in enumerate(QUERIES):
            log.clear()
            page.fill("#tu-khoa", "")
            page.fill("#tu-khoa", query)
            page.wait_for_function(
                "q => document.getElementById('trang-thai-tim').textContent.includes('“' + q + '”')",
                arg=query, timeout=60000)
            page.wait_for_load_state("networkidle")
            rows.append({"query": query, "first": i == 0, "requests": len(log),
                         "bytes": sum(size for _, size in log),
                         "pagefind_bytes": sum(s for u, s in log if "/pagefind/" in u),
                         "results": page.inner_text("#trang-thai-tim")})
        rows.insert(0, {"query": "(search page itself)", "bytes": page_bytes})
        browser.close()
    httpd.shutdown()
    return rows


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def report(label: str, site: Path, seconds: float, counts: dict, rows: list[dict]) -> None:
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"\n== {label}: {json.dumps(counts, ensure_ascii=False)}")
    print(f"   build {seconds:.1f} s for {pages} pages ({1000 * seconds / pages:.1f} ms a page); "
          f"site {folder_size(site) / 1e6:.1f} MB, search index {folder_size(site / 'pagefind') / 1e6:.1f} MB")
    for r in rows:
        if "requests" not in r:
            print(f"   {r['query']:<24} {r['bytes'] / 1024:8.1f} KB")
            continue
        print(f"   {r['query']:<24} {r['bytes'] / 1024:8.1f} KB in {r['requests']:3d} requests"
              f" ({r['pagefind_bytes'] / 1024:.1f} KB Pagefind){'  <- first query' if r['first'] else ''}"
              f"   [{r['results']}]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=25000)
    parser.add_argument("--work", default="/tmp/portal-bench")
    parser.add_argument("--skip-real", action="store_true")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if not args.skip_real:
        seconds = build(None, work / "site-real")
        from generator.assemble import build_catalog
        from generator.catalog import count_records
        counts = count_records(build_catalog(ROOT / "data", ROOT))
        report("real data", work / "site-real", seconds, counts, measure(work / "site-real"))
    counts = generate(work / "data", args.tasks)
    seconds = build(work / "data", work / "site-synthetic")
    report(f"synthetic portal ({args.tasks} tasks)", work / "site-synthetic", seconds, counts,
           measure(work / "site-synthetic"))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
