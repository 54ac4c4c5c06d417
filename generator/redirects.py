"""Redirect pages at every former URL, so links already published keep working after a rename."""
from __future__ import annotations

from markupsafe import escape

from .catalog import Catalog
from .errors import Location, Problem
from .links import page_file, relative


def former_urls(cat: Catalog) -> list[tuple[str, str, Location]]:
    """(old URL, current URL, where the rename is recorded), for every former id."""
    out = []
    for plan in cat.plans.values():
        for old in plan.former_ids:
            out.append((f"ke-hoach/{old}/", plan.url, plan.loc))
            for task in plan.tasks:
                out.append((f"ke-hoach/{old}/{task.id}/", task.url, plan.loc))
        for task in plan.tasks:
            for old in task.former_ids:
                out.append((f"ke-hoach/{plan.id}/{old}/", task.url, task.loc))
                for old_plan in plan.former_ids:
                    out.append((f"ke-hoach/{old_plan}/{old}/", task.url, task.loc))
    for prefix, records in (("co-quan", cat.agencies), ("tinh-thanh", cat.provinces),
                            ("hop-tac", cat.partnerships)):
        for rec in records.values():
            for old in rec.former_ids:
                out.append((f"{prefix}/{old}/", rec.url, rec.loc))
    return sorted(out)


def redirect_html(old_url: str, new_url: str, site_url: str) -> str:
    target = escape(relative(old_url, new_url))
    canonical = escape(site_url + new_url) if site_url else target
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Trang đã chuyển</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
        f"<p>Trang này đã chuyển đến <a href=\"{target}\">địa chỉ mới</a>.</p>\n</body>\n</html>\n")


def redirect_files(cat: Catalog, page_urls: set[str], site_url: str
                   ) -> tuple[dict[str, bytes], list[Problem]]:
    files, problems = {}, []
    for old, new, where in former_urls(cat):
        if old in page_urls:
            problems.append(Problem(where, f"mã cũ tạo đường dẫn '{old}' trùng với một trang đang có",
                                    "mã cũ không được trùng mã đang dùng"))
            continue
        files[page_file(old)] = redirect_html(old, new, site_url).encode("utf-8")
    return files, problems
