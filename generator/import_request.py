"""An issue "Nhập kế hoạch mới" (.github/ISSUE_TEMPLATE/nhap-ke-hoach.yml) -> a draft to review.

The workflow .github/workflows/nhap-ke-hoach.yml only calls this module, in two jobs:

- `prepare` (read-only, no secrets): reads the event payload GitHub wrote, checks that the
  person may ask (the repository trusts them, or a maintainer set the approval label), finds
  the one attached document in the issue body (only GitHub's own attachment addresses),
  downloads it within the importer's size limit, runs the importer and writes to an output
  folder: `result.json` (what happened), the draft's files under `files/` (plan, proposed
  agencies, the document's text for data/sources/), `pr-body.md` (every `# KIỂM TRA:` line as
  a checklist) and `comment.md` (what to tell the issue, in plain Vietnamese).
- `apply` (the job that may write): copies `files/` into data/ — only names it has checked —
  and prints the branch name; the workflow commits, pushes and opens the pull request.

The document is hostile until read: its name never reaches a path or a shell, the issue text
only ever reaches this module through the event file. Nothing here uses the network except
`download`, whose opener the tests replace.
"""

from __future__ import annotations

import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

TRUSTED = {"OWNER", "MEMBER", "COLLABORATOR"}
APPROVAL_LABEL = "duyet-nhap-ke-hoach"  # only people with triage rights can set a label
FORM_LABEL = "nhap-ke-hoach"  # the form sets it on every request
FILE_HEADING = "Văn bản đã ký"
PLAN_HEADING = "Mã kế hoạch"
NOTE_HEADING = "Ghi chú"
SUFFIXES = (".docx", ".pdf", ".txt")
# GitHub's own attachment addresses: what the form's upload field writes into the body.
_ATTACHMENT = re.compile(
    r"https://github\.com/(?:user-attachments/files/\d+/[^\s)\]<>\"']+"
    r"|[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/files/\d+/[^\s)\]<>\"']+)"
)
_ANY_URL = re.compile(r"https?://[^\s)\]<>\"']+")
# Where those addresses redirect to for the download itself.
_DOWNLOAD_HOSTS = (
    "github.com",
    "objects.githubusercontent.com",
    "release-assets.githubusercontent.com",
    "github-production-user-asset-6210df.s3.amazonaws.com",
)


class RequestRefused(Exception):
    """A request this workflow does not act on: the message is shown to the submitter, unless
    `silent` (an event that is no request, or from someone the repository does not trust:
    the workflow says nothing to them)."""

    def __init__(self, message: str, silent: bool = False):
        super().__init__(message)
        self.silent = silent


@dataclass
class Request:
    issue: int
    author: str
    url: str
    file_name: str  # as the attachment names it, shown escaped, never a path
    plan_id: str | None
    note: str
    problems: list[str] = field(default_factory=list)


def _sections(body: str) -> dict[str, str]:
    """An issue form's body: '### <label>' then the answer; '_No response_' is no answer."""
    out: dict[str, str] = {}
    parts = re.split(r"^###[ \t]+(.+?)[ \t]*$", body or "", flags=re.M)
    for i in range(1, len(parts) - 1, 2):
        value = parts[i + 1].strip()
        out[parts[i].strip()] = "" if value == "_No response_" else value
    return out


def trusted(event: dict) -> bool:
    issue = event.get("issue") or {}
    if issue.get("author_association") in TRUSTED:
        return True
    label = (event.get("label") or {}).get("name")
    return event.get("action") == "labeled" and label == APPROVAL_LABEL


def parse_event(event: dict) -> Request:
    """The request an issue event carries, or RequestRefused saying why not."""
    issue = event.get("issue")
    if not isinstance(issue, dict) or not isinstance(issue.get("number"), int):
        raise RequestRefused("sự kiện không phải một issue", silent=True)
    labels = {lab.get("name") for lab in issue.get("labels") or [] if isinstance(lab, dict)}
    if FORM_LABEL not in labels:
        raise RequestRefused(
            f"issue không có nhãn '{FORM_LABEL}' (không gửi từ mẫu 'Nhập kế hoạch mới')", silent=True
        )
    if not trusted(event):
        raise RequestRefused(
            "người gửi chưa là thành viên hoặc cộng tác viên của kho: một người quản trị "
            f"xem văn bản rồi gắn nhãn '{APPROVAL_LABEL}' để công cụ chạy",
            silent=True,
        )
    sections = _sections(issue.get("body") or "")
    answer = sections.get(FILE_HEADING, "")
    found = list(dict.fromkeys(_ATTACHMENT.findall(answer)))
    others = [
        u
        for u in _ANY_URL.findall(answer)
        if not _ATTACHMENT.fullmatch(u) and not any(u.startswith(f) for f in found)
    ]
    if others and not found:
        raise RequestRefused(
            "tệp không nằm trên GitHub (liên kết tới nơi khác): kéo thả chính tệp .docx, "
            ".pdf hoặc .txt vào ô 'Văn bản đã ký'"
        )
    if not found:
        raise RequestRefused(
            "không thấy tệp đính kèm trong ô 'Văn bản đã ký': kéo thả tệp .docx, .pdf hoặc .txt vào ô đó"
        )
    if len(found) > 1:
        raise RequestRefused(
            f"ô 'Văn bản đã ký' có {len(found)} tệp: mỗi yêu cầu một văn bản; mở một issue cho mỗi văn bản"
        )
    url = found[0]
    name = urllib.parse.unquote(url.rstrip("/").rsplit("/", 1)[-1])
    if not name.lower().endswith(SUFFIXES):
        raise RequestRefused(
            f"tệp '{show(name)}' không phải .docx, .pdf hay .txt: lưu văn bản thành "
            ".docx hoặc .pdf rồi gửi lại"
        )
    plan = sections.get(PLAN_HEADING, "").strip().strip("`").strip() or None
    problems = []
    from .model.fields import SLUG, SLUG_HELP

    if plan is not None and not SLUG.fullmatch(plan):
        problems.append(f"mã kế hoạch '{show(plan)}' không hợp lệ ({SLUG_HELP}): công cụ tự đặt mã")
        plan = None
    author = (issue.get("user") or {}).get("login") or "?"
    return Request(issue["number"], author, url, name, plan, sections.get(NOTE_HEADING, ""), problems)


def show(text: str, limit: int = 120) -> str:
    """Text from the issue or the document as a comment may print it: one line, no control
    characters, no Markdown that links, mentions or closes code, bounded."""
    text = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in text)
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    text = text.replace("`", "'").replace("@", "(a)")  # no code span to close, no mention
    return re.sub(r"([\\<>\[\]|*_#!])", r"\\\1", text)  # Markdown shows them as printed


def code(text: str, limit: int = 120) -> str:
    """Text for inside a `code span`: one line, no backtick (nothing can close the span)."""
    text = " ".join("".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in text).split())
    text = text.replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def download(url: str, dest: Path, max_bytes: int, opener=None) -> int:
    """Stream the attachment to dest, at most max_bytes; only from GitHub's hosts, redirects
    included. Returns the size. RequestRefused when too large or from elsewhere."""
    opener = opener or urllib.request.build_opener(_SameHosts())
    if urllib.parse.urlsplit(url).hostname not in _DOWNLOAD_HOSTS:
        raise RequestRefused("tệp không nằm trên GitHub")
    with opener.open(url, timeout=60) as response:
        final = urllib.parse.urlsplit(response.geturl() if hasattr(response, "geturl") else url)
        if final.scheme != "https" or final.hostname not in _DOWNLOAD_HOSTS:
            raise RequestRefused("tệp chuyển hướng tới nơi không phải GitHub")
        size = 0
        with open(dest, "wb") as out:
            while chunk := response.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise RequestRefused(f"tệp lớn hơn {max_bytes // (1024 * 1024)} MB: tách văn bản")
                out.write(chunk)
    return size


class _SameHosts(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        host = urllib.parse.urlsplit(newurl).hostname
        if urllib.parse.urlsplit(newurl).scheme != "https" or host not in _DOWNLOAD_HOSTS:
            raise RequestRefused("tệp chuyển hướng tới nơi không phải GitHub")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def branch_name(request: Request, plan_id: str) -> str:
    return f"nhap-ke-hoach/issue-{request.issue}-{plan_id}"[:120]
