"""What the hand-written pages (content/*.md) may not hold: code that runs in a visitor's
browser. Markdown passes raw HTML through, so a pull request that adds `<script>` to a page,
an `onerror=` to an `<img>` (or, with attr_list, `{: onclick=… }` to a paragraph) or a
`javascript:` link would ship code to every visitor. The portal's scripts are files in
content/assets/ (reviewed as code, see .github/CODEOWNERS), listed in mkdocs.yml.

Refused, at file:line:column, by every build (the MkDocs hook calls `content_problems`):
- the elements that run, load or redirect: script, iframe, frame(set), object, embed, applet,
  base, meta, link, form, style;
- an event-handler attribute (on…=) anywhere: in a tag or in an attr_list `{: … }`;
- a javascript:, vbscript: or data:text/html address, spaced, cased or written with HTML
  character references (&#106;avascript:) as a browser would still read it.
The whole text is checked, code blocks too: where Markdown ends a code block inside raw HTML
is subtle, and the real pages need none of these (an example goes in words).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import Location, Problem

_ELEMENT = re.compile(
    r"<\s*/?\s*(script|iframe|frameset|frame|object|embed|applet|base|meta|link|form"
    r"|style)(?![\w-])",
    re.I,
)
_HANDLER = re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I)
_SCHEME = re.compile(
    r"(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:|d\s*a\s*t\s*a\s*:\s*text/html", re.I
)
HINT = (
    "trang viết tay không chứa mã chạy trong trình duyệt: mã JavaScript là tệp trong "
    "content/assets/, khai báo trong mkdocs.yml (extra_javascript), do người giữ mã duyệt"
)


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text).lower()


def _where(text: str, offset: int, path: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def text_problems(text: str, path: str) -> list[Problem]:
    """Every place in one page's Markdown that would run code, one problem a line."""
    found: dict[int, Problem] = {}

    def add(offset: int, what: str) -> None:
        where = _where(text, offset, path)
        found.setdefault(where.line, Problem(where, what, HINT))

    for m in _ELEMENT.finditer(text):
        add(m.start(), f"thẻ HTML <{m[1].lower()}> trong trang viết tay")
    for m in _HANDLER.finditer(text):
        add(m.start(), f"thuộc tính sự kiện '{m[0].rstrip('= ').lower()}=' (mã chạy trong trình duyệt)")
    for m in _SCHEME.finditer(text):
        add(m.start(), f"địa chỉ '{_squeeze(m[0])}' (mã chạy trong trình duyệt)")
    for number, line in enumerate(text.split("\n"), 1):  # written with character references
        if number not in found and "&" in line:
            plain = html.unescape(line)
            m = _SCHEME.search(plain) or _HANDLER.search(plain)
            if m and not (_SCHEME.search(line) or _HANDLER.search(line)):
                found[number] = Problem(
                    Location(path, number),
                    f"địa chỉ hoặc thuộc tính viết bằng mã ký tự HTML: '{_squeeze(m[0])}'",
                    HINT,
                )
    return [found[n] for n in sorted(found)]


def content_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """Every Markdown page under docs_dir (paths shown relative to root)."""
    problems = []
    for file in sorted(docs_dir.rglob("*.md")):
        try:
            shown = file.relative_to(root).as_posix()
        except ValueError:
            shown = file.as_posix()
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(Location(shown, 1), f"không đọc được trang ({type(exc).__name__})"))
            continue
        problems.extend(text_problems(text, shown))
    return problems
