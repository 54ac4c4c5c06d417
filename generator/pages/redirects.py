"""Redirect pages at every former URL (model/urls.py former_urls), so links already published keep
working after a rename."""

from __future__ import annotations

from ..model.catalog import Catalog
from ..model.urls import former_urls
from .contexts.entitytasks import EntityTables
from ..errors import Problem
from .links import page_file, relative


def redirect_html(env, old_url: str, new_url: str, site_url: str) -> str:
    target = relative(old_url, new_url)
    return env.get_template("redirect.html.j2").render(
        target=target, canonical=site_url + new_url if site_url else target
    )


def table_redirects(env, specs, site_url: str) -> dict[str, bytes]:
    """The URL of each task table of an agency, province or partnership page that shows its
    tables itself (contexts.entitytasks): a redirect to the table's heading on that page, so
    that …/chu-tri/, …/nhiem-vu/ exist at every size without a page each."""
    files = {}
    for spec in specs:
        tables = getattr(spec.context, "tasks", None)
        if isinstance(tables, EntityTables) and tables.inline:
            for table in tables.tables:
                old = f"{spec.url}{table.key}/"
                files[page_file(old)] = redirect_html(env, old, f"{spec.url}#{table.key}", site_url).encode(
                    "utf-8"
                )
    return files


def redirect_files(
    env, cat: Catalog, page_urls: set[str], site_url: str
) -> tuple[dict[str, bytes], list[Problem]]:
    files, problems = {}, []
    for old, new, where in former_urls(cat):
        if old in page_urls:
            problems.append(
                Problem(
                    where,
                    f"mã cũ tạo đường dẫn '{old}' trùng với một trang đang có",
                    "mã cũ không được trùng mã đang dùng",
                )
            )
            continue
        files[page_file(old)] = redirect_html(env, old, new, site_url).encode("utf-8")
    return files, problems
