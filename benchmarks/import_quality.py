"""How well the importer reads real plans nobody here wrote: the 22 documents of
tests/fixtures/realdocs/ (copied from shared/realdocs: Word, PDF, text from legal-document web
sites, one scan) against the truth read by hand (expected.json), with the scorer that comes
with them (score.py: every document imported as a person does it, YAML and JSON).

    .venv/bin/python benchmarks/import_quality.py [--details DIR] [--corpus DIR]
    make import-quality

Prints one line a document, then the totals; `--corpus ../shared/realdocs` scores the shared
copy (or a held-out set laid out the same way). Exit 0 always: the figures are for people
(README, "The importer"); tests/unit/test_import_quality.py holds the floor."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/fixtures/realdocs"
TOTALS = re.compile(
    r"documents: (\d+)/(\d+) drafted \(json refused (\d+)\), scans refused (\d+)/(\d+); "
    r"rows: content (\d+)/(\d+) .*?, lead (\d+)/(\d+) .*?, coordinating (\d+)/(\d+) .*?, "
    r"time (\d+)/(\d+) .*?; extra tasks (\d+); number\+date (\d+)/(\d+) .*?, "
    r"title (\d+)/(\d+) .*?; non-agencies proposed (\d+)"
)
KEYS = (
    "drafted",
    "documents",
    "json_refused",
    "scans_ok",
    "scans",
    "content",
    "rows",
    "lead",
    "lead_n",
    "coord",
    "coord_n",
    "time",
    "time_n",
    "extra",
    "meta",
    "meta_n",
    "title",
    "title_n",
    "bad_proposals",
)


def score(corpus: Path = CORPUS, details: Path | None = None) -> tuple[str, dict[str, int]]:
    """(the scorer's output, its totals as numbers)."""
    args = [sys.executable, str(corpus / "score.py"), str(ROOT), str(corpus)]
    if details:
        args += ["--details", str(details)]
    run = subprocess.run(args, capture_output=True, text=True, timeout=1800)
    out = run.stdout + run.stderr
    found = TOTALS.search(out)
    if not found:
        raise SystemExit(f"import_quality: the scorer printed no totals line:\n{out[-2000:]}")
    return out, dict(zip(KEYS, map(int, found.groups())))


def table(t: dict[str, int]) -> str:
    def pct(a, b):
        return f"{a}/{b} ({100 * a / b:.0f} %)" if b else f"{a}/0"

    drafted_tasks = t["content"] + t["extra"]
    rows = [
        ("documents drafted", pct(t["drafted"], t["documents"])),
        ("JSON refused (YAML printed)", str(t["json_refused"])),
        ("scans refused with the OCR hint", pct(t["scans_ok"], t["scans"])),
        ("task rows found (content)", pct(t["content"], t["rows"])),
        ("lead right", pct(t["lead"], t["lead_n"])),
        ("coordinating right", pct(t["coord"], t["coord_n"])),
        ("time as printed", pct(t["time"], t["time_n"])),
        ("drafted tasks that are no row", pct(t["extra"], drafted_tasks)),
        ("number and date right", pct(t["meta"], t["meta_n"])),
        ("title right", pct(t["title"], t["title_n"])),
        ("non-agencies proposed", str(t["bad_proposals"])),
    ]
    return "\n".join(["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--details", type=Path)
    args = parser.parse_args()
    out, totals = score(args.corpus.resolve(), args.details)
    print(out.rstrip())
    print()
    print(table(totals))


if __name__ == "__main__":
    main()
