"""The official file of a document (source.url): its link and the format a visitor will get.

The format comes from the address's path only (no request is made: no network at build or view
time): ".pdf" is PDF, ".doc"/".docx" Word, ".odt" OpenDocument; any other address is a web page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .render import http_url

FORMATS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
    ".zip": "ZIP",
}
WEB_PAGE = "trang web"


@dataclass(frozen=True)
class OfficialDoc:
    url: str
    format: str  # "PDF", "Word", … or "trang web"
    host: str  # where it is published ("vanban.hochiminhcity.gov.vn")


def official(url: str | None) -> OfficialDoc | None:
    """The official file, or None when none is recorded (or the value is not http(s)://)."""
    safe = http_url(url)
    if not safe:
        return None
    parts = urlsplit(safe)
    path = parts.path.lower()
    ext = path[path.rfind(".") :] if "." in path.rsplit("/", 1)[-1] else ""
    return OfficialDoc(safe, FORMATS.get(ext, WEB_PAGE), parts.hostname or "")
