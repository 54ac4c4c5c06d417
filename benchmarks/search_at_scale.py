"""What a visitor downloads for one search, on the real data and on a synthetic national portal.

    .venv/bin/python benchmarks/search_at_scale.py                 # real data + 25,000 tasks
    .venv/bin/python benchmarks/search_at_scale.py --tasks 3000    # a quicker run

Generates a deterministic portal in the real data format (`python -m generator synth`), builds
it with MkDocs (the search index is made beside the build), serves it on 127.0.0.1 and measures in headless Chromium the
gzip bytes each query transfers: the first query (the index's meta included) and the next.
Prints numbers; asserts nothing. Output goes under --work (default /tmp/portal-bench).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "son la",
    "cong thuong",
    "hoi cho ocop",
    "thanh hoa du lich",
    "dien bien",
    "xuc tien dau tu",
    "xuc tien dau tuu",
    "nong sa",  # a typo, an unfinished word
    "cong ty dau tu son la",
    "skhcn son la",
    "hop tac voi nghe an la gi",  # what people mean:
    "quy 3 2026",
]  # other words, an abbreviation, a question, a quarter


def generate(out: Path, n_tasks: int, seed: int = 2026) -> dict:
    """The synthetic dataset of `python -m generator synth` (generator/synth/)."""
    from generator.model.read import read_catalog
    from generator.model.catalog import count_records
    from generator.synth import dataset, write_dataset

    write_dataset(dataset(ROOT / "data", n_tasks, seed), out)
    return count_records(read_catalog(out))


def build(data: Path | None, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1735689600")
    if data:
        env["PORTAL_DATA_DIR"] = str(data)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def measure(site: Path) -> list[dict]:
    """Each query typed by a new visitor on the search page, then the next one (visitor.py)."""
    from visitor import search_bytes

    rows = []
    for r in search_bytes(site, QUERIES):
        rows.append({"query": r["query"], "first": True, **r["first"], "index_bytes": r["first"]["index"]})
        rows.append(
            {
                "query": f"then {r['second_query']}",
                "first": False,
                **r["second"],
                "index_bytes": r["second"]["index"],
            }
        )
    return rows


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def report(label: str, site: Path, seconds: float, counts: dict, rows: list[dict]) -> None:
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"\n== {label}: {json.dumps(counts, ensure_ascii=False)}")
    print(
        f"   build {seconds:.1f} s for {pages} pages ({1000 * seconds / pages:.1f} ms a page); "
        f"site {folder_size(site) / 1e6:.1f} MB, search index {folder_size(site / 'chi-muc') / 1e6:.1f} MB"
    )
    for r in rows:
        print(
            f"   {r['query']:<24} {r['bytes'] / 1024:8.1f} KB in {r['requests']:3d} requests"
            f" ({r['index_bytes'] / 1024:.1f} KB index){'  <- first query' if r['first'] else ''}"
            f"   [{r['results']}]"
        )


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
        from generator.model.read import read_catalog
        from generator.model.catalog import count_records

        counts = count_records(read_catalog(ROOT / "data", ROOT))
        report("real data", work / "site-real", seconds, counts, measure(work / "site-real"))
    counts = generate(work / "data", args.tasks)
    seconds = build(work / "data", work / "site-synthetic")
    report(
        f"synthetic portal ({args.tasks} tasks)",
        work / "site-synthetic",
        seconds,
        counts,
        measure(work / "site-synthetic"),
    )
    return 0


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]
    sys.exit(main())
