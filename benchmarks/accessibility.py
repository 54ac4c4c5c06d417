"""axe-core on every page of a built site, at 360 and 1280 px, in headless Chromium.

    .venv/bin/python benchmarks/accessibility.py [--site site] [--widths 360,1280]

The browser tests run axe on one page of every kind (tests/site/test_browser.py) and on every
source text (tests/site/test_phone.py), which keeps the suite short; this visits every page
(redirects of old addresses aside) and prints, for each rule with a serious or critical
finding, how many pages have it and the first few; then the totals. About a second a page.
Asserts nothing; exits 1 when a serious or critical finding is left, so it can gate a release.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.visitor import served  # noqa: E402


def pages_of(site: Path) -> list[str]:
    return [
        str(p.relative_to(site))
        for p in sorted(site.rglob("*.html"))
        if 'http-equiv="refresh"' not in p.read_text("utf-8")[:3000]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--widths", default="360,1280")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}: no built site (run `make site` first)", file=sys.stderr)
        return 2
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe, pages = Axe(), pages_of(args.site)
    found: dict[tuple[int, str], list[str]] = defaultdict(list)
    with served(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
        for width in (int(w) for w in args.widths.split(",")):
            context = browser.new_context(viewport={"width": width, "height": 740 if width < 600 else 800})
            page = context.new_page()
            for path in pages:
                page.goto(base + path, wait_until="networkidle")
                for v in axe.run(page).response["violations"]:
                    if v["impact"] in ("serious", "critical"):
                        found[(width, v["id"])].append(path)
            context.close()
        browser.close()
    for (width, rule), where in sorted(found.items()):
        print(f"{width} px  {rule}: {len(where)} pages, e.g. {', '.join(where[:3])}")
    print(
        f"pages: {len(pages)} at each of {args.widths} px; serious or critical findings: "
        f"{sum(len(w) for w in found.values())}"
    )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
