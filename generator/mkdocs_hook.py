"""The only module that knows MkDocs: adds the generated pages and files to the build.

Registered in mkdocs.yml under `hooks:`. The generator itself (generator.build) runs without
MkDocs, so a later move to another builder only replaces this file.
"""
from __future__ import annotations

import logging
import sys
from functools import partial
from pathlib import Path
from types import MethodType
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader  # noqa: E402
from markdown.extensions.toc import nest_toc_tokens  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from generator.build import Site, build_site  # noqa: E402
from generator.clock import build_time  # noqa: E402
from generator.history import read_changes  # noqa: E402
from generator.datapackage import licence_from  # noqa: E402
from generator.errors import GeneratorError, one_line  # noqa: E402
from generator.fields import URL  # noqa: E402
from generator.child import ChildError, stop_on_signals  # noqa: E402
from generator.search.index import kind_of  # noqa: E402
from generator.search.process import SearchIndexer  # noqa: E402
from generator.sidefiles import SideFiles  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
_edit_base: str | None = None
_site: Site | None = None
_side: SideFiles | None = None
_search: SearchIndexer | None = None


def edit_base(raw: str | None) -> str | None:
    """extra.edit_base (PORTAL_EDIT_BASE: CI builds it from the branch name, which a pull
    request chooses) as a link the theme may print raw: every character but a URL's own
    percent-encoded, so a branch named x"><svg onload=…> stays inside the href; None when
    unset. Raises PluginError unless it is an http(s):// address."""
    if not raw:
        return None
    quoted = quote(raw.rstrip("/"), safe="/:@-._~!$,;=+%")
    if not URL.fullmatch(quoted):
        raise PluginError(one_line(f"PORTAL_EDIT_BASE / extra.edit_base '{raw}' không phải địa chỉ "
                                   "http(s)://, ví dụ https://github.com/<tổ-chức>/<kho>/blob/main"))
    return quoted


def on_files(files: Files, config) -> Files:
    global _site, _side, _search, _edit_base
    stop_on_signals()   # a killed build removes its helper processes' staging folders too
    _edit_base = edit_base(config.get("extra", {}).get("edit_base"))
    data_dir = ROOT / config.get("extra", {}).get("data_dir", "data")
    now, licence = build_time(), licence_from(config.get("extra", {}).get("licence"))
    site_url = config.get("site_url") or ""
    _cancel_side()
    # The open data, feeds and calendars are made on the other core meanwhile (sidefiles.py).
    _side = SideFiles(data_dir, Path(config["site_dir"]), site_url, now, licence, _preview(config))
    try:
        _site = build_site(data_dir, ROOT, site_url=site_url, now=now, licence=licence,
                           preview=_preview(config), with_side_files=False,
                           changes=read_changes(data_dir))
        _site.specs = []   # the page contexts are rendered: 100 MB at 25,000 tasks, not needed again
    except GeneratorError as exc:
        _cancel_side()
        for problem in exc.problems:
            log.error(problem.line())
        raise PluginError(f"dữ liệu có {len(exc.problems)} lỗi; sửa các dòng ở trên rồi xây dựng lại")
    for src_uri, markdown in _site.pages.items():
        if src_uri in files.src_uris:
            files.remove(files.src_uris[src_uri])
        files.append(File.generated(config, src_uri, content=markdown))
    for path, content in _site.files.items():
        files.append(File.generated(config, path, content=content))
    if not _preview(config):   # the search index, made by a third process from the pages
        _search = SearchIndexer(Path(config["site_dir"]), [f.url for f in files.documentation_pages()])
    return files


def _cancel_side() -> None:
    global _side, _search
    for child in (_side, _search):
        if child is not None:
            child.cancel()
    _side = _search = None


def on_build_error(error) -> None:
    _cancel_side()


def _preview(config) -> frozenset[str] | None:
    """PORTAL_PREVIEW=plan-id[,plan-id]: build those plans alone (see README, 'Preview')."""
    ids = [p.strip() for p in (config.get("extra", {}).get("preview") or "").split(",")]
    return frozenset(p for p in ids if p) or None


def on_post_build(config) -> None:
    """Move in the open data, feeds and calendars the second process made, and the search
    index the third made from the pages (generator/search/). A preview has no search index."""
    global _side, _search
    children, _side, _search = ((_side, "dữ liệu mở, nguồn tin và lịch"), (_search, "chỉ mục tìm kiếm")), None, None
    for child, what in children:
        if child is None:
            continue
        try:
            child.finish(Path(config["site_dir"]))
        except ChildError as exc:
            raise PluginError(f"không tạo được {what}: {exc}")
    if _preview(config):
        log.info("xem trước: không tạo chỉ mục tìm kiếm")


# page.content of a generated page until it is written. Material adds an <h1> of the page
# title when the content has none ("<h1" not in page.content): the placeholder says whether
# the body has one.
_BODY = "<!--portal-body-->"
_BODY_H1 = "<!--portal-body <h1>-->"


def _placeholder(body) -> str:
    return _BODY_H1 if any(h.level == 1 for h in body.headings) else _BODY


def on_pre_page(page, config, files):
    """A generated page is HTML already: it skips Markdown. Its front matter is read as
    usual (title, description, feeds); `render` only puts a placeholder for the body, which
    on_post_page swaps in, and builds the table of contents from the headings the generator
    found. (MkDocs 1.6: Page.render sets content, toc, the title from the h1 and the anchor
    ids; requirements.txt pins it.)"""
    body = _site.bodies.get(page.file.src_uri) if _site else None
    if body is not None:
        page.render = MethodType(partial(_render_generated, body), page)
    _one_address(page)
    return page


def _one_address(page) -> None:
    """One permanent address a page: <dir>/, the form the citations, feeds, calendars and open
    data give (links.py: URLs come from ids) and the one published (tests/fixtures/
    published-urls.txt), which every static host serves through its directory index. MkDocs
    (use_directory_urls: false, so pages also open from file://) would make the canonical link,
    og:url and the sitemap say <dir>/index.html."""
    if page.canonical_url and page.canonical_url.endswith("/index.html"):
        page.canonical_url = page.canonical_url[:-len("index.html")]


def _render_generated(body, page, config, files) -> None:
    page.content = _placeholder(body)
    page.toc = get_toc(_toc_tokens(body.headings))
    page._title_from_render = next((h.name for h in body.headings if h.level == 1), None)
    page.present_anchor_ids = {h.id for h in body.headings}
    page.links_to_anchors = {}


def _toc_tokens(headings) -> list[dict]:
    flat = [{"level": h.level, "id": h.id, "name": h.name, "children": []} for h in headings]
    return nest_toc_tokens(flat)


def on_post_page(output: str, page, config) -> str:
    """Put a generated page's body in. Done on the finished page, which is written next, so
    a page's body is freed as soon as it is out: MkDocs keeps every page's content until the
    end of the build."""
    global _lit_tab
    if _lit_tab is not None:
        _lit_tab.active, _lit_tab = False, None
    body = _site.bodies.pop(page.file.src_uri, None) if _site else None
    if body is not None:
        output = output.replace(_placeholder(body), body.body, 1)
    if _search is not None:
        _search.add(page.url, output)
    return output


def on_env(env, config, files):
    """Material's navigation (sidebar and tabs) and its config script, rendered once for
    every page of one kind and depth instead of once a page (see theme_overrides/main.html
    and partials/nav.html): at 25,000 tasks they were a third of the theme's time. Material's
    own partials stay reachable as material/… for the overrides that wrap them."""
    material = next(Path(d) for d in config.theme.dirs
                    if (Path(d) / "partials" / "nav.html").is_file()
                    and Path(d).resolve() != (ROOT / "theme_overrides").resolve())
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(material))})])
    env.globals["portal_shared"] = SharedFragments()
    env.globals["portal_kind"] = lambda url: kind_of(url or "")[1]   # search's kind of page
    return env


class SharedFragments:
    """Fragments of the theme that are the same on many pages, keyed by what they depend on.

    A page outside the navigation (a task, an agency, …) makes no navigation entry active and
    its links to the entries, all at most one folder deep, depend only on its first folder and
    its depth: ke-hoach/a/1/ and ke-hoach/b/2/ get the same sidebar. Pages in the navigation
    are rendered as usual (`key` is None)."""

    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}

    def key(self, name: str, page, nav):
        if page is None or nav is None or any(page is p for p in nav.pages):
            return None
        parts = page.url.split("/")
        return (name, parts[0] if len(parts) > 1 else "", len(parts))

    def get(self, key):
        return self._html.get(key) if key else None

    def keep(self, key, html: str) -> str:
        if key:
            self._html[key] = html
        return html


_lit_tab = None   # the navigation entry lit for the page being rendered (on_page_context)


def section_entry(page, nav):
    """The navigation entry of the folder a page outside the navigation lives in (a plan's
    page -> 'Kế hoạch', ke-hoach/index.md), or None: its tab is shown as the current one."""
    if nav is None or any(page is p for p in nav.pages) or "/" not in page.url:
        return None
    folder = page.url.split("/")[0] + "/"
    return next((p for p in nav.pages if p.url.startswith(folder) and p.url.count("/") == 1), None)


def on_page_context(context, page, config, nav):
    """Light the tab of the page's folder; point the edit button of a generated page at its
    data file and line."""
    global _lit_tab
    if _lit_tab is not None:
        _lit_tab.active = False
    _lit_tab = section_entry(page, nav)
    if _lit_tab is not None:   # reset before the next page (and its shared tabs are per folder)
        _lit_tab.active = True
    base = _edit_base
    where = _site.edits.get(page.file.src_uri) if _site else None
    if base and where is not None:
        page.edit_url = f"{base}/{quote(where.path)}#L{where.line}"
    elif base and _site and page.file.src_uri not in _site.pages:
        page.edit_url = f"{base}/content/{quote(page.file.src_uri)}"
    return context
