"""The whole pipeline without MkDocs: data/ -> catalog -> page specs -> Markdown and files."""

from __future__ import annotations

import dataclasses
import datetime
import functools
from dataclasses import dataclass, field
from pathlib import Path

from .publish import export
from .model.read import read_catalog
from .model import urls
from .model.catalog import Catalog
from .errors import GeneratorError, Location, Problem
from .model.limits import duplicate_pages
from .pages.links import relative
from .pages.specs import HOME, OPENDATA, PageSpec, all_pages
from .clock import build_time
from .model.history import Changes
from .pages.redirects import redirect_files, table_redirects
from .pages.source_documents import documents
from .publish.columns import field_rows
from .pages.contexts.indexes import OpendataPage
from .publish.datapackage import DEFAULT_LICENCE, Licence
from .publish.sidefiles import side_files
from .pages.render import PageBody, front_matter, make_env, page_body


@dataclass
class Site:
    """Everything the generator makes, in memory: nothing is written until the caller does."""

    catalog: Catalog
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> front matter
    bodies: dict[str, PageBody] = field(default_factory=dict)  # src_uri -> HTML body, headings
    files: dict[str, bytes] = field(default_factory=dict)  # path -> bytes (open data, …)
    edits: dict[str, Location] = field(default_factory=dict)  # src_uri -> data file and line
    specs: list[PageSpec] = field(default_factory=list)


def opendata_page(recs: dict[str, list[dict]], licence: Licence, updated: datetime.date) -> PageSpec:
    kinds = tuple((kind, field_rows(kind), len(recs[kind])) for kind in export.FIELDS)
    return PageSpec(
        OPENDATA.url,
        "opendata.html.j2",
        "Dữ liệu mở",
        "Tải toàn bộ dữ liệu của cổng dưới dạng JSON và CSV; mô tả các trường",
        [HOME],
        OpendataPage(kinds, licence, updated),
    )


def render_html(env, spec: PageSpec) -> str:
    """The page body as HTML: the template receives the spec, the fields of its typed context
    and `link` (a URL from the site root made relative to this page)."""
    ctx = {f.name: getattr(spec.context, f.name) for f in dataclasses.fields(spec.context)}
    return env.get_template(spec.template).render(
        spec=spec, link=functools.partial(relative, spec.url), **ctx
    )


def render_page(env, spec: PageSpec) -> PageBody:
    # The home page gives Material no title, so that its <title> is the site name once (not
    # "Cổng kế hoạch hợp tác - Cổng kế hoạch hợp tác"); og:title falls back to the site name.
    title = None if spec.url == "" else spec.title
    return page_body(front_matter(title, spec.description, spec.alternates), render_html(env, spec))


def _previewed(specs: list[PageSpec], cat: Catalog) -> list[PageSpec]:
    """A preview's pages: the plans' own pages and the index pages (the navigation needs them),
    with the pages of lich/ and nhiem-vu/ they link to."""
    own = tuple(plan.url for plan in cat.plans.values()) + (urls.CALENDAR, urls.TASKS)
    return [s for s in specs if s.url.count("/") <= 1 or s.url.startswith(own)]


def build_site(
    data_dir: Path,
    root: Path | None = None,
    site_url: str = "",
    now: datetime.datetime | None = None,
    licence: Licence = DEFAULT_LICENCE,
    preview: frozenset[str] | None = None,
    with_side_files: bool = True,
    changes: Changes | None = None,
) -> Site:
    """Load, validate, model and render. Raises GeneratorError with every problem found.
    `now` is the build's one clock (default: SOURCE_DATE_EPOCH, else the current time);
    `licence` that of the open data (mkdocs.yml extra.licence).
    `preview`: ids of plans to build alone (the other plan files are not read, and a plan
    they name is shown unlinked; agency, province and partnership pages and per-record open
    data are left out), for editing at scale. `changes`: the git history of the data files
    (generator.model.history.read_changes); a record's page says when its file last changed."""
    now = now or build_time()
    cat = read_catalog(data_dir, root, preview)
    missing = sorted((preview or set()) - set(cat.plans))
    if missing:
        raise GeneratorError(
            [
                Problem(
                    Location(f"{data_dir}/plans"),
                    f"không có kế hoạch '{m}' để xem trước",
                    "PORTAL_PREVIEW: mã kế hoạch (tên tệp trong plans/), cách nhau bởi dấu phẩy",
                )
                for m in missing
            ]
        )
    recs = export.records(cat, site_url, now.date())
    site = Site(catalog=cat)
    docs = documents(cat, data_dir)
    site.specs = all_pages(cat, now.date(), site_url, docs) + [opendata_page(recs, licence, now.date())]
    if preview:
        site.specs = _previewed(site.specs, cat)
    if duplicates := duplicate_pages((s.url for s in site.specs), Location(f"{data_dir}")):
        raise GeneratorError(duplicates)
    if changes is not None:  # record paths are relative to root (default: data_dir's parent)
        for spec in site.specs:
            if spec.edit is not None:
                spec.changes = changes.of(spec.edit.path, root or data_dir.parent)
    env = make_env()
    for spec in sorted(site.specs, key=lambda s: s.url):
        body = render_page(env, spec)
        site.bodies[spec.src_uri] = body
        site.pages[spec.src_uri] = body.markdown
        if spec.edit is not None:
            site.edits[spec.src_uri] = spec.edit
    if with_side_files:
        site.files.update(side_files(env, cat, recs, site_url, now, licence, preview is not None))
    redirects, problems = redirect_files(env, cat, {s.url for s in site.specs}, site_url)
    if problems:
        raise GeneratorError(problems)
    site.files.update(redirects)
    site.files.update(table_redirects(env, site.specs, site_url))
    return site
