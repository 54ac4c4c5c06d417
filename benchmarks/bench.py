"""`make bench`: the cost of a national portal, next to bare Material's, one table per size.

    .venv/bin/python benchmarks/bench.py --sizes 1000 5000 25000 [--work /tmp/portal-bench]

For each size: writes the synthetic dataset (`python -m generator synth`), builds the portal
from it (`mkdocs build`, search index included) in a child process that reports the generator's
seconds, the seconds and peak memory of the two processes beside it (side files; the search
index, generator/publish/search/) and the peak memory of the build; builds the
same number of bare Material pages (search plugin, a five-entry navigation, text of the same
length) as the floor; then measures in headless Chromium what a visitor downloads (gzip bytes)
for a task page and for searches. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = ["tỉnh", "phối hợp", "sơn la", "xuc tien dau tuu", "nong sa"]  # a typo, an unfinished word
FLOOR_CONFIG = """site_name: Sàn đo
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  language: vi
  font: false
plugins:
  - search
nav:
{nav}
validation:
  nav:
    omitted_files: ignore
"""


# ---- the child: one measured mkdocs build -----------------------------------------------
def child(config: str, site: str) -> None:
    """Run `mkdocs build` in this process; print seconds and peak memory as JSON."""
    import resource

    timings = {"generator": 0.0}
    import generator.build as gb
    import generator.publish.child as gc

    real_build, real_finish = gb.build_site, gc.StagedChild.finish

    def timed_build(*a, **k):
        start = time.perf_counter()
        try:
            return real_build(*a, **k)
        finally:
            timings["generator"] += time.perf_counter() - start

    def timed_finish(self, *a, **k):
        """A process beside the build: its own seconds and peak, and how long the build waited."""
        start = time.perf_counter()
        try:
            return real_finish(self, *a, **k)
        finally:
            # the module's name, not a path (a checkout in a folder named "…search…")
            name = "search" if "generator.publish.search.process" in self.process.args else "side"
            timings[f"wait_{name}"] = time.perf_counter() - start
            timings[f"seconds_{name}"] = self.seconds or 0.0
            timings[f"cpu_{name}"] = self.cpu or 0.0
            timings[f"rss_{name}"] = self.maxrss or 0

    import generator.publish.search.process as sp

    real_add = sp.SearchIndexer.add

    def timed_add(self, *a, **k):
        """Handing a page to the search index: blocks when the index process lags behind."""
        start = time.perf_counter()
        try:
            return real_add(self, *a, **k)
        finally:
            timings["send_search"] = timings.get("send_search", 0.0) + time.perf_counter() - start

    gb.build_site, gc.StagedChild.finish, sp.SearchIndexer.add = timed_build, timed_finish, timed_add
    from mkdocs.__main__ import cli

    start = time.perf_counter()
    cli(["build", "--quiet", "--config-file", config, "--site-dir", site], standalone_mode=False)
    total = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    timings["cpu_build"] = usage.ru_utime + usage.ru_stime
    print(
        json.dumps(
            {
                "seconds": total,
                **timings,
                "rss_build": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            }
        )
    )


def measured_build(config: Path, site: Path, data: Path | None = None) -> dict:
    env = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1735689600", PYTHONDONTWRITEBYTECODE="1"
    )
    if data is not None:
        env["PORTAL_DATA_DIR"] = str(data)
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(config), str(site)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = TreePeak(proc.pid)
    peak.start()
    stdout, stderr = proc.communicate()
    peak.stop()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{stderr[-3000:]}")
    return {**json.loads(stdout.strip().splitlines()[-1]), "rss_tree": peak.peak}


class TreePeak:
    """The largest sum of resident memory of a process and all its descendants at one moment,
    sampled four times a second from /proc (Linux): what the build needs of the machine at
    once, its processes beside it included."""

    def __init__(self, pid: int) -> None:
        import threading

        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.wait(0.25):
            parents, rss = {}, {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    stat = (entry / "stat").read_text()
                    fields = stat[stat.rindex(")") + 2 :].split()
                    parents[int(entry.name)] = int(fields[1])
                    rss[int(entry.name)] = int(fields[21]) * page
                except (OSError, ValueError, IndexError):
                    continue
            tree, grew = {self.pid}, True
            while grew:
                more = {p for p, pp in parents.items() if pp in tree} - tree
                grew, tree = bool(more), tree | more
            self.peak = max(self.peak, sum(rss.get(p, 0) for p in tree))


# ---- the parent -----------------------------------------------------------------------------
def html_pages(site: Path) -> list[Path]:
    """Pages MkDocs rendered (redirect stubs left out)."""
    return [
        p
        for p in site.rglob("*.html")
        if b'http-equiv="refresh"' not in p.read_bytes()[:800] and p.name != "404.html"
    ]


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def rare_word(data: Path) -> str:
    """A word of the tasks' text that few tasks have and that is not the start of another word
    once accents are folded (search matches prefixes and folds accents)."""
    from generator.textnorm import fold

    counts = Counter()
    for file in sorted((data / "plans").glob("*.yml")):
        counts.update(
            w
            for w in re.findall(r"\w+", file.read_text("utf-8").lower())
            if len(w) >= 4 and not w.isascii() and not any(c.isdigit() for c in w)
        )
    by_fold = Counter()
    for w, n in counts.items():
        by_fold[fold(w)] += n
    folded = sorted(by_fold)
    unique = [f for i, f in enumerate(folded) if i + 1 == len(folded) or not folded[i + 1].startswith(f)]
    best = min(unique, key=lambda f: (by_fold[f], f))
    return min(w for w in counts if fold(w) == best)


def floor_project(work: Path, site: Path, pages: int) -> Path:
    """`pages` Markdown pages with the text of the portal's task pages (same length)."""
    import html

    texts = []
    for p in sorted(site.glob("ke-hoach/*/*/index.html"))[:200]:
        body = p.read_text("utf-8")
        main = body[body.find("<article") : body.find("</article>")]
        texts.append(html.unescape(re.sub(r"<[^>]+>", " ", main)))
    texts = [" ".join(t.split()) for t in texts] or ["Nội dung."]
    docs = work / "docs"
    if docs.exists():
        import shutil

        shutil.rmtree(docs)
    nav = []
    for i in range(pages):
        rel = "index.md" if i == 0 else f"muc-{i % 4}/{i // 1000}/{i}.md"
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(f"# Trang {i}\n\n{texts[i % len(texts)]}\n", encoding="utf-8")
        if i < 5:
            nav.append(f"  - Trang {i}: {rel}")
    (work / "mkdocs.yml").write_text(FLOOR_CONFIG.format(nav="\n".join(nav)), encoding="utf-8")
    return work / "mkdocs.yml"


def index_shape(site: Path) -> dict:
    """What every search starts with (the meta), and what a shard and a result cost (gzip)."""
    import gzip

    ix = site / "chi-muc"
    gz = lambda f: len(gzip.compress(f.read_bytes(), 6, mtime=0))  # noqa: E731
    shards = sorted(gz(f) for f in (ix / "k").glob("*.bin"))
    shown = sorted(f.stat().st_size for f in (ix / "t").glob("*.json"))
    return {
        "meta": gz(ix / "meta.json"),
        "chunks": len(shards),
        "largest_chunk": shards[-1] if shards else 0,
        "median_chunk": shards[len(shards) // 2] if shards else 0,
        "median_shown": shown[len(shown) // 2] if shown else 0,
    }


def run_size(tasks: int, work: Path, seed: int) -> dict:
    from visitor import page_bytes, search_bytes
    from generator.synth import dataset, write_dataset

    data, site = work / f"data-{tasks}", work / f"site-{tasks}"
    start = time.perf_counter()
    write_dataset(dataset(ROOT / "data", tasks, seed), data)
    synth = time.perf_counter() - start
    print(f"[{tasks}] dataset written in {synth:.1f} s; building the portal…", file=sys.stderr)
    portal = measured_build(ROOT / "mkdocs.yml", site, data)
    pages = len(html_pages(site))
    print(
        f"[{tasks}] portal: {pages} pages in {portal['seconds']:.1f} s; building the floor…", file=sys.stderr
    )
    floor_site = work / f"floor-{tasks}" / "site"
    floor = measured_build(floor_project(work / f"floor-{tasks}", site, pages), floor_site)
    floor_pages = len(html_pages(floor_site))
    tasks_pages = sorted(site.glob("ke-hoach/*/*/index.html"))
    middle = tasks_pages[len(tasks_pages) // 2]
    neighbour = tasks_pages[len(tasks_pages) // 2 + 1]
    rel = lambda p, s=site: p.relative_to(s).as_posix()  # noqa: E731
    print(f"[{tasks}] measuring downloads in Chromium…", file=sys.stderr)
    task = page_bytes(site, rel(middle), rel(neighbour))
    floor_page = page_bytes(floor_site, "muc-1/0/1.html", "muc-2/0/2.html")
    queries = QUERIES + [rare_word(data)]
    return {
        "tasks": tasks,
        "pages": pages,
        "floor_pages": floor_pages,
        "synth": synth,
        "portal": portal,
        "floor": floor,
        "site_bytes": folder_bytes(site),
        "floor_bytes": folder_bytes(floor_site),
        "index_bytes": folder_bytes(site / "chi-muc"),
        "task_page": task,
        "floor_page": floor_page,
        "task_url": rel(middle),
        "index": index_shape(site),
        "search": search_bytes(site, queries),
    }


def table(r: dict) -> str:
    p, f = r["portal"], r["floor"]
    ms, fms = 1000 * p["seconds"] / r["pages"], 1000 * f["seconds"] / r["floor_pages"]
    kb, mb = (lambda b: f"{b / 1024:,.1f} KB"), (lambda b: f"{b / 2**20:,.0f} MB")
    rows = [
        ("tasks", f"{r['tasks']:,}", "", ""),
        ("pages", f"{r['pages']:,}", f"{r['floor_pages']:,}", ""),
        ("synthetic dataset written (s)", f"{r['synth']:.1f}", "", ""),
        (
            "generator (s, share of build)",
            f"{p['generator']:.1f} ({100 * p['generator'] / p['seconds']:.0f} %)",
            "",
            "",
        ),
        (
            "full build (s)",
            f"{p['seconds']:.1f}",
            f"{f['seconds']:.1f}",
            f"{p['seconds'] / f['seconds']:.2f}×",
        ),
        ("  CPU of the page process (s)", f"{p.get('cpu_build', 0):.1f}", f"{f.get('cpu_build', 0):.1f}", ""),
        ("  handing pages to the search index (s)", f"{p.get('send_search', 0):.1f}", "", ""),
        ("  waited at the end for the search index (s)", f"{p.get('wait_search', 0):.1f}", "", ""),
        ("search index process, CPU (s, beside the build)", f"{p.get('cpu_search', 0):.1f}", "", ""),
        ("side files process, CPU (s, beside the build)", f"{p.get('cpu_side', 0):.1f}", "", ""),
        ("ms per page", f"{ms:.2f}", f"{fms:.2f}", f"{ms / fms:.2f}×"),
        (
            "peak memory, build",
            mb(p["rss_build"]),
            mb(f["rss_build"]),
            f"{p['rss_build'] / f['rss_build']:.2f}×",
        ),
        ("peak memory, search index process", mb(p.get("rss_search", 0)), "", ""),
        ("peak memory, side files process", mb(p.get("rss_side", 0)), "", ""),
        (
            "peak memory, all processes at once (sampled)",
            mb(p.get("rss_tree", 0)),
            mb(f.get("rss_tree", 0)),
            "",
        ),
        ("site bytes", mb(r["site_bytes"]), mb(r["floor_bytes"]), ""),
        ("  of which search index", mb(r["index_bytes"]), "", ""),
        ("task page, first visit (gzip)", kb(r["task_page"]["first"]), kb(r["floor_page"]["first"]), ""),
        ("task page, next page (gzip)", kb(r["task_page"]["next"]), kb(r["floor_page"]["next"]), ""),
        ("  its HTML alone (gzip)", kb(r["task_page"]["html"]), kb(r["floor_page"]["html"]), ""),
    ]
    ix = r["index"]
    rows.append(("search index: meta (every search loads it, gzip)", kb(ix["meta"]), "", ""))
    rows.append(
        (
            f"  {ix['chunks']:,} shards (gzip): median, largest",
            f"{kb(ix['median_chunk'])}, {kb(ix['largest_chunk'])}",
            "",
            "",
        )
    )
    rows.append(("  a result's text (median)", kb(ix["median_shown"]), "", ""))
    for s in r["search"]:
        rows.append(
            (
                f"search “{s['query']}”: before first result",
                kb(s["page"] + s["first"]["bytes"]),
                "",
                f"query {kb(s['first']['bytes'])}",
            )
        )
        rows.append(
            (
                f"  then “{s['second_query']}” (second query)",
                kb(s["second"]["bytes"]),
                "",
                s["second"]["results"][:40],
            )
        )
    width = max(len(a) for a, *_ in rows)
    lines = [
        f"\n## {r['tasks']:,} tasks (task page: {r['task_url']})",
        f"| {'':<{width}} | portal | bare Material | ratio |",
        f"|{'-' * (width + 2)}|---|---|---|",
    ]
    lines += [f"| {a:<{width}} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 25000])
    parser.add_argument("--work", default="/tmp/portal-bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the raw numbers here")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).parent))
    print(f"Machine: {os.cpu_count()} CPUs, {os.uname().machine}, Python {sys.version.split()[0]}")
    results = []
    for n in args.sizes:
        results.append(run_size(n, work, args.seed))
        print(table(results[-1]), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
