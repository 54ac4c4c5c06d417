"""How long a saved YAML change takes to show in `mkdocs serve` (make serve / make preview).

    .venv/bin/python benchmarks/preview.py                          # a copy of data/, whole site
    .venv/bin/python benchmarks/preview.py --data DIR --plan ID     # one plan alone (make preview)

Copies the data folder, starts `mkdocs serve` on it (PORTAL_PREVIEW=ID with --plan), waits for
the plan's page, then writes a marker into the plan's title and polls the served page until the
marker shows: the seconds from the save to the new page. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "XEMTRUOCDOIMOI"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(0.2)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT / "data"))
    parser.add_argument("--plan", help="preview this plan alone (PORTAL_PREVIEW)")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="portal-preview-"))
    data = work / "data"
    shutil.copytree(args.data, data)
    plan = args.plan or sorted(p.stem for p in (data / "plans").glob("*.yml"))[0]
    file = data / "plans" / f"{plan}.yml"
    port = _free_port()
    env = dict(os.environ, PORTAL_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", PORTAL_PREVIEW=args.plan or "")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--watch", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/ke-hoach/{plan}/index.html"
    try:
        first = _wait_for(url, "<h1", 1800)
        print(
            f"{'preview of ' + plan if args.plan else 'whole site'} from {args.data}: "
            f"first build served after {first:.1f} s"
        )
        original = file.read_text(encoding="utf-8")
        for i in range(1, args.edits + 1):
            marker = f"{MARKER}{i}"
            text = re.sub(r"^title: (['\"]?)", rf"title: \g<1>{marker} ", original, count=1, flags=re.M)
            time.sleep(1.5)
            saved = time.perf_counter()
            file.write_text(text, encoding="utf-8")
            seen = _wait_for(url, marker, 600)
            shown = f"{time.perf_counter() - saved:.1f} s" if seen is not None else "not within 600 s"
            print(f"  edit {i}: the saved change is on the served page after {shown}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
