"""The steps of a build around the static-site builder, which knows nothing of the portal.

Before the builder (`PortalBuild.before`): the data are read and checked, every page is
rendered (front matter for the builder, the body as HTML) with the redirects, and the open
data, feeds and calendars are started in a second process (publish/sidefiles.py). While the
builder writes the pages (`written`), a third process makes the search index from them
(publish/search/). After it (`after`): the two processes finish and their files are moved into
the site folder. `cancel` stops them when the build fails or is interrupted.

No builder is imported here: mkdocs_hook.py is MkDocs' adapter to these steps; another builder
needs only its own (see README, "Builders").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .build import Site, build_site
from .clock import build_time
from .errors import GeneratorError, one_line
from .model.fields import URL
from .model.history import read_changes
from .pages.content_check import content_problems
from .pages.render import PageBody
from .publish.child import ChildError, stop_on_signals
from .publish.datapackage import licence_from
from .publish.search.facets import facets_of
from .publish.search.process import SearchIndexer
from .publish.sidefiles import SideFiles


def edit_base(raw: str | None) -> str | None:
    """extra.edit_base (PORTAL_EDIT_BASE: CI builds it from the branch name, which a pull
    request chooses) as a link the theme may print raw: every character but a URL's own
    percent-encoded, so a branch named x"><svg onload=…> stays inside the href; None when
    unset. Raises ValueError (one line) unless it is an http(s):// address."""
    if not raw:
        return None
    quoted = quote(raw.rstrip("/"), safe="/:@-._~!$,;=+%")
    if not URL.fullmatch(quoted):
        raise ValueError(
            one_line(
                f"PORTAL_EDIT_BASE / extra.edit_base '{raw}' không phải địa chỉ "
                "http(s)://, ví dụ https://github.com/<tổ-chức>/<kho>/blob/main"
            )
        )
    return quoted


def preview_ids(raw: str | None) -> frozenset[str] | None:
    """PORTAL_PREVIEW=plan-id[,plan-id]: build those plans alone (see README, 'Preview')."""
    ids = [p.strip() for p in (raw or "").split(",")]
    return frozenset(p for p in ids if p) or None


@dataclass(frozen=True)
class Settings:
    """What a build is given by its builder's configuration (MkDocs: mkdocs.yml extra)."""

    data_dir: Path
    site_dir: Path
    site_url: str = ""
    licence: dict | None = None
    preview: str | None = None
    edit_base: str | None = None
    docs_dir: Path | None = None  # the pages written by hand (content/): checked for code


class StepFailed(Exception):
    """A step could not finish: the message is one Vietnamese sentence for the builder's log."""


class PortalBuild:
    """One build. The builder calls `before`, then `written` for each page it writes, then
    `after`; `cancel` when it stops early. A build is used once."""

    def __init__(self, settings: Settings, root: Path) -> None:
        self.settings = settings
        self.root = root
        self.preview = preview_ids(settings.preview)
        try:
            self.edit_base = edit_base(settings.edit_base)
        except ValueError as exc:
            raise StepFailed(str(exc)) from None
        self.site: Site | None = None
        self._side: SideFiles | None = None
        self._search: SearchIndexer | None = None

    def before(self) -> Site:
        """The pages and files, in memory; the side files' process started. Raises
        GeneratorError with every problem of the data (nothing is left running then)."""
        stop_on_signals()  # a killed build removes its helper processes' staging folders too
        s = self.settings
        if s.docs_dir is not None and (problems := content_problems(s.docs_dir, self.root)):
            raise StepFailed(
                f"{len(problems)} chỗ trong trang viết tay chứa mã chạy trong trình duyệt "
                "(pages/content_check.py): " + " | ".join(p.line() for p in problems)
            )
        now, licence = build_time(), licence_from(s.licence)
        self._side = SideFiles(s.data_dir, s.site_dir, s.site_url, now, licence, self.preview)
        try:
            self.site = build_site(
                s.data_dir,
                self.root,
                site_url=s.site_url,
                now=now,
                licence=licence,
                preview=self.preview,
                with_side_files=False,
                changes=read_changes(s.data_dir),
            )
        except GeneratorError:
            self.cancel()
            raise
        self.site.specs = []  # the page contexts are rendered: 100 MB at 25,000 tasks, not needed again
        return self.site

    def index_pages(self, urls: list[str]) -> None:
        """Start the search index's process for the pages at `urls` (a preview has none)."""
        if not self.preview:  # the search page's filters come from the catalog (publish/search/facets.py)
            facets = facets_of(self.site.catalog) if self.site is not None else None
            self._search = SearchIndexer(self.settings.site_dir, urls, facets)

    def body(self, src_uri: str) -> PageBody | None:
        """A generated page's body, or None for a page of content/."""
        return self.site.bodies.get(src_uri) if self.site else None

    def take_body(self, src_uri: str) -> PageBody | None:
        """The body, forgotten here: a page's body is freed as soon as it is written."""
        return self.site.bodies.pop(src_uri, None) if self.site else None

    def edit_url(self, src_uri: str) -> str | None:
        """Where "Sửa dữ liệu trang này" points: a generated page's data file and line, a page of
        content/ its file; None without extra.edit_base."""
        base, site = self.edit_base, self.site
        if not base or site is None:
            return None
        where = site.edits.get(src_uri)
        if where is not None:
            return f"{base}/{quote(where.path)}#L{where.line}"
        if src_uri not in site.pages:
            return f"{base}/content/{quote(src_uri)}"
        return None

    def written(self, url: str, html: str) -> None:
        """A page as the builder wrote it, for the search index."""
        if self._search is not None:
            self._search.add(url, html)

    def after(self) -> None:
        """Move in the open data, feeds and calendars the second process made, and the search
        index the third made from the pages. Raises StepFailed when one of them failed."""
        children = ((self._side, "dữ liệu mở, nguồn tin và lịch"), (self._search, "chỉ mục tìm kiếm"))
        self._side = self._search = None
        for child, what in children:
            if child is None:
                continue
            try:
                child.finish(self.settings.site_dir)
            except ChildError as exc:
                raise StepFailed(f"không tạo được {what}: {exc}") from None
        unwritten = sorted(self.site.bodies) if self.site else []
        if unwritten:  # a check: every generated page went through the builder
            raise StepFailed(f"{len(unwritten)} trang không được ghi, ví dụ {unwritten[0]}")

    def cancel(self) -> None:
        for child in (self._side, self._search):
            if child is not None:
                child.cancel()
        self._side = self._search = None


def problems_text(exc: GeneratorError) -> list[str]:
    """Every problem as one line, for the builder's log."""
    return [p.line() for p in exc.problems]
