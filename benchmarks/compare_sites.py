"""Compare two built sites page by page: the visible text of every HTML page, and every other
file byte for byte. Prints what differs; exit 1 if anything does.

    .venv/bin/python benchmarks/compare_sites.py OLD_SITE NEW_SITE [--html]

`--html` also compares each page's markup with whitespace between tags collapsed (to see that
only the text and layout an issue asked for changed)."""

from __future__ import annotations

import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIP = ("chi-muc/", "sitemap.xml", "sitemap.xml.gz")
HIDDEN = {"script", "style", "template", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not HIDDEN.intersection(self.stack):
            self.words += data.split()


def visible_text(html: str) -> list[str]:
    """The words of a page a visitor can read (SVG <title> tooltips included), one line per
    about ten words so that a diff stays readable."""
    parser = _Text()
    parser.feed(html)
    w = parser.words
    return [" ".join(w[i : i + 10]) for i in range(0, len(w), 10)]


def _markup(html: str) -> list[str]:
    flat = re.sub(r">\s+<", "><", html)
    return re.sub(r"\s+", " ", flat).replace("><", ">\n<").splitlines()


def compare(old: Path, new: Path, html: bool = False) -> int:
    def files(root: Path) -> set[str]:
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not p.relative_to(root).as_posix().startswith(SKIP)
        }

    a, b = files(old), files(new)
    changed = 0
    for rel in sorted(a - b):
        print(f"only in old: {rel}")
    for rel in sorted(b - a):
        print(f"only in new: {rel}")
    for rel in sorted(a & b):
        x, y = (old / rel).read_bytes(), (new / rel).read_bytes()
        if x == y:
            continue
        if not rel.endswith(".html"):
            print(f"differs (bytes): {rel}")
            changed += 1
            continue
        sx, sy = x.decode("utf-8"), y.decode("utf-8")
        lx, ly = (_markup(sx), _markup(sy)) if html else (visible_text(sx), visible_text(sy))
        if lx != ly:
            changed += 1
            print(f"=== {rel}")
            for line in difflib.unified_diff(lx, ly, lineterm="", n=0):
                if not line.startswith(("---", "+++")):
                    print("  " + line)
    print(f"{len(a & b)} files in both, {changed} differ, {len(a - b)} only in old, {len(b - a)} only in new")
    return 1 if changed or a != b else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(compare(Path(args[0]), Path(args[1]), "--html" in sys.argv))
