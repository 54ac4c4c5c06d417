"""How much HTML Markdown re-parses, and how long a build takes: a base commit against this tree.

    .venv/bin/python benchmarks/markdown_html.py [--base main] [--runs 2]

Both trees build the same data (this tree's data/) with this tree's .venv. For each tree it prints
the start tags Python-Markdown's HTML extractor sees per generated page (counted by running the
page's Markdown through Markdown with the portal's extensions) and the wall time of
`mkdocs build` (search index included), runs alternating base/new so that load on the machine hits
both alike."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def count_tags(tree: Path, data: Path) -> tuple[int, int]:
    """(pages, start tags seen by Markdown's HTML extractor), generator imported from `tree`."""
    sys.path.insert(0, str(tree))
    import markdown
    from markdown import htmlparser

    from generator.build import build_site

    seen = [0]
    original = htmlparser.HTMLExtractor.handle_starttag

    def counting(self, tag, attrs):
        seen[0] += 1
        return original(self, tag, attrs)

    htmlparser.HTMLExtractor.handle_starttag = counting
    site = build_site(data, tree)
    for text in site.pages.values():
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        markdown.Markdown(extensions=["attr_list", "toc", "admonition"]).convert(body)
    return len(site.pages), seen[0]


def export_tree(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def build_seconds(tree: Path, data: Path, out: Path) -> float:
    env = {
        **os.environ,
        "PORTAL_DATA_DIR": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1735689600"),
    }
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(tree / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        check=True,
        env=env,
        cwd=tree,
    )
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="main")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--count", help=argparse.SUPPRESS)  # internal: count in a fresh process
    args = ap.parse_args()
    data = ROOT / "data"
    if args.count:
        pages, tags = count_tags(Path(args.count), data)
        print(f"{pages} {tags}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"base": export_tree(args.base, Path(tmp) / "base"), "new": ROOT}
        for name, tree in trees.items():
            pages, tags = map(
                int,
                subprocess.run(
                    [sys.executable, __file__, "--count", str(tree)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split(),
            )
            print(
                f"{name:4}: {pages} pages, {tags} start tags for Markdown's HTML extractor, "
                f"{tags / pages:.1f} a page"
            )
        times: dict[str, list[float]] = {"base": [], "new": []}
        for i in range(args.runs):
            for name, tree in trees.items():
                times[name].append(build_seconds(tree, data, Path(tmp) / f"site-{name}-{i}"))
        for name, secs in times.items():
            print(f"{name:4}: mkdocs build {', '.join(f'{s:.2f}' for s in secs)} s (best {min(secs):.2f})")
        print(f"speed-up (best vs best): {min(times['base']) / min(times['new']):.2f}x")


if __name__ == "__main__":
    main()
