"""MkDocs' adapter: the only module that imports MkDocs. It calls the steps around the builder
(generator/steps.py) from MkDocs' events and hands MkDocs the pages and files they make.

Registered in mkdocs.yml under `hooks:` (MkDocs loads the file anew for every build of `mkdocs
serve`): the events below are the methods of one PortalHook, which holds the build's state.
It uses MkDocs' public interface only: File.generated, the events' return values, and the
page attributes a plugin may set (toc, present_anchor_ids, edit_url, canonical_url, active).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader  # noqa: E402
from markdown.extensions.toc import nest_toc_tokens  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from generator.errors import GeneratorError  # noqa: E402
from generator.publish.search.index import kind_of  # noqa: E402
from generator.pages.publisher import FILTERS as PUBLISHER_FILTERS  # noqa: E402
from generator.steps import PortalBuild, Settings, StepFailed, problems_text  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")

# page.content of a generated page until it is written. Material adds an <h1> of the page
# title when the content has none ("<h1" not in page.content): the placeholder says whether
# the body has one.
_BODY = "<!--portal-body-->"
_BODY_H1 = "<!--portal-body <h1>-->"


def placeholder(body) -> str:
    return _BODY_H1 if any(h.level == 1 for h in body.headings) else _BODY


def toc_of(headings) -> list:
    flat = [{"level": h.level, "id": h.id, "name": h.name, "children": []} for h in headings]
    return get_toc(nest_toc_tokens(flat))


def canonical(url: str | None) -> str | None:
    """One permanent address a page: <dir>/, the form the citations, feeds, calendars and open
    data give (model/urls.py) and the one published (tests/fixtures/published-urls.txt), which
    every static host serves through its directory index. MkDocs (use_directory_urls: false, so
    pages also open from file://) would make the canonical link, og:url and the sitemap say
    <dir>/index.html."""
    if url and url.endswith("/index.html"):
        return url[: -len("index.html")]
    return url


def section_entry(page, nav):
    """The navigation entry of the folder a page outside the navigation lives in (a plan's
    page -> 'Kế hoạch', ke-hoach/index.md), or None: its tab is shown as the current one."""
    if nav is None or any(page is p for p in nav.pages) or "/" not in page.url:
        return None
    folder = page.url.split("/")[0] + "/"
    return next((p for p in nav.pages if p.url.startswith(folder) and p.url.count("/") == 1), None)


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


class PortalHook:
    """MkDocs' events for one loaded configuration: a build before MkDocs reads the files,
    the generated pages' bodies while it writes them, the build's end after it."""

    def __init__(self) -> None:
        self.build: PortalBuild | None = None
        self.lit_tab = None  # the navigation entry lit for the page being rendered

    def on_files(self, files: Files, config) -> Files:
        self.on_build_error(None)  # a previous build of `mkdocs serve` that did not finish
        extra = config.get("extra", {})
        settings = Settings(
            data_dir=ROOT / extra.get("data_dir", "data"),
            site_dir=Path(config["site_dir"]),
            site_url=config.get("site_url") or "",
            licence=extra.get("licence"),
            preview=extra.get("preview"),
            edit_base=extra.get("edit_base"),
            docs_dir=Path(config["docs_dir"]),
        )
        try:
            self.build = PortalBuild(settings, ROOT)
            site = self.build.before()
        except StepFailed as exc:
            raise PluginError(str(exc)) from None
        except GeneratorError as exc:
            for line in problems_text(exc):
                log.error(line)
            raise PluginError(
                f"dữ liệu có {len(exc.problems)} lỗi; sửa các dòng ở trên rồi xây dựng lại"
            ) from None
        for src_uri, markdown in site.pages.items():
            if src_uri in files.src_uris:
                files.remove(files.src_uris[src_uri])
            files.append(File.generated(config, src_uri, content=markdown))
        for path, content in site.files.items():
            files.append(File.generated(config, path, content=content))
        self.build.index_pages([f.url for f in files.documentation_pages()])
        return files

    def on_pre_page(self, page, config, files):
        """One canonical address a page, before the sitemap is written (MkDocs writes it
        before the pages)."""
        page.canonical_url = canonical(page.canonical_url)
        return page

    def on_page_content(self, html: str, page, config, files) -> str:
        """A generated page is front matter for MkDocs (its title, description, feeds) and its
        body HTML already: the content stays a placeholder, which on_post_page swaps for the
        body, and the table of contents and anchors come from the headings the generator
        found."""
        body = self.build.body(page.file.src_uri) if self.build else None
        if body is None:
            return html
        page.toc = toc_of(body.headings)
        page.present_anchor_ids = {h.id for h in body.headings}
        return placeholder(body)

    def on_env(self, env, config, files):
        """Material's navigation (sidebar and tabs) and its config script, rendered once for
        every page of one kind and depth instead of once a page (see theme_overrides/main.html
        and partials/nav.html): at 25,000 tasks they were a third of the theme's time. Material's
        own partials stay reachable as material/… for the overrides that wrap them."""
        material = next(
            Path(d)
            for d in config.theme.dirs
            if (Path(d) / "partials" / "nav.html").is_file()
            and Path(d).resolve() != (ROOT / "theme_overrides").resolve()
        )
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(material))})])
        env.globals["portal_shared"] = SharedFragments()
        env.globals["portal_kind"] = lambda url: kind_of(url or "")[1]  # search's kind of page
        env.filters.update(PUBLISHER_FILTERS)  # the publisher's settings as links (pages/publisher.py)
        return env

    def on_page_context(self, context, page, config, nav):
        """Light the tab of the page's folder; point the edit button of a page at its data file
        and line (content/: its file)."""
        self._unlight()
        self.lit_tab = section_entry(page, nav)
        if self.lit_tab is not None:  # reset before the next page (and its shared tabs are per folder)
            self.lit_tab.active = True
        edit = self.build.edit_url(page.file.src_uri) if self.build else None
        if edit is not None:
            page.edit_url = edit
        return context

    def on_post_page(self, output: str, page, config) -> str:
        """Put a generated page's body in. Done on the finished page, which is written next, so
        a page's body is freed as soon as it is out: MkDocs keeps every page's content until
        the end of the build."""
        self._unlight()
        if self.build is None:
            return output
        body = self.build.take_body(page.file.src_uri)
        if body is not None:
            output = output.replace(placeholder(body), body.body, 1)
        self.build.written(page.url, output)
        return output

    def on_post_build(self, config) -> None:
        build, self.build = self.build, None
        if build is None:
            return
        try:
            build.after()
        except StepFailed as exc:
            raise PluginError(str(exc)) from None
        if build.preview:
            log.info("xem trước: không tạo chỉ mục tìm kiếm")

    def on_build_error(self, error) -> None:
        if self.build is not None:
            self.build.cancel()

    def _unlight(self) -> None:
        if self.lit_tab is not None:
            self.lit_tab.active, self.lit_tab = False, None


_hook = PortalHook()
on_files = _hook.on_files
on_pre_page = _hook.on_pre_page
on_page_content = _hook.on_page_content
on_env = _hook.on_env
on_page_context = _hook.on_page_context
on_post_page = _hook.on_post_page
on_post_build = _hook.on_post_build
on_build_error = _hook.on_build_error
