"""The files beside the pages: open data (whole and per agency, province, partnership, plan),
its data package and schemas, feeds and calendars. MkDocs never reads them.

`build_site` makes them in memory (the CLI, the tests). A MkDocs build makes them in a second
process instead (`SideFiles`), on the machine's other core while MkDocs renders the pages:
the page process then neither waits for them nor holds them (at 25,000 tasks they are about
a gigabyte). The child loads the same data and writes into a staging folder beside the site;
`finish` moves its files into the built site.

    python -m generator.publish.sidefiles --data DIR --out DIR --now EPOCH [--site-url URL]
        [--licence JSON] [--preview ids]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import sys
import time
from pathlib import Path

from . import export
from .child import ChildError, StagedChild, report_usage, write
from ..model.catalog import Catalog
from .datapackage import DEFAULT_LICENCE, Licence, datapackage, schema_files
from .feeds import feed_items

ROOT = Path(__file__).resolve().parents[2]
__all__ = ["SideFileError", "SideFiles", "side_files", "side_items", "write"]


def side_files(
    env,
    cat: Catalog,
    recs: dict[str, list[dict]],
    site_url: str,
    now: datetime.datetime,
    licence: Licence,
    preview: bool,
) -> dict[str, bytes]:
    """path -> bytes of every file beside the pages (a preview leaves out the slices)."""
    return dict(side_items(env, cat, recs, site_url, now, licence, preview))


def side_items(
    env,
    cat: Catalog,
    recs: dict[str, list[dict]],
    site_url: str,
    now: datetime.datetime,
    licence: Licence,
    preview: bool,
):
    """side_files one file at a time: (path, bytes); a later file of the same path wins."""
    yield from export.files(recs).items()
    yield "opendata/datapackage.json", datapackage(licence, now, site_url)
    yield from schema_files().items()
    if not preview:
        yield from export.slice_items(cat, site_url, now.date())
    yield from feed_items(env, cat, site_url, now)


SideFileError = ChildError


class SideFiles(StagedChild):
    """The child process that writes the side files of one build."""

    def __init__(
        self,
        data_dir: Path,
        site_dir: Path,
        site_url: str,
        now: datetime.datetime,
        licence: Licence,
        preview: frozenset[str] | None,
    ) -> None:
        args = [
            "--data",
            str(data_dir),
            "--now",
            str(int(now.timestamp())),
            "--site-url",
            site_url,
            "--licence",
            json.dumps(dataclasses.asdict(licence)),
        ]
        if preview:
            args += ["--preview", ",".join(sorted(preview))]
        super().__init__("generator.publish.sidefiles", args, site_dir)


def main(argv: list[str] | None = None) -> int:
    from ..model.read import read_catalog
    from ..errors import GeneratorError
    from ..pages.render import make_env

    start = time.perf_counter()
    parser = argparse.ArgumentParser(prog="python -m generator.publish.sidefiles")
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--now", required=True, type=int)
    parser.add_argument("--site-url", default="")
    parser.add_argument("--licence", default=json.dumps(dataclasses.asdict(DEFAULT_LICENCE)))
    parser.add_argument("--preview", default="")
    args = parser.parse_args(argv)
    preview = frozenset(p for p in args.preview.split(",") if p) or None
    now = datetime.datetime.fromtimestamp(args.now, tz=datetime.timezone.utc)
    try:
        cat = read_catalog(Path(args.data), ROOT, preview)
    except GeneratorError as exc:  # the page process reports the same problems
        print(f"{len(exc.problems)} lỗi trong dữ liệu", file=sys.stderr)
        return 1
    write(
        Path(args.out),
        side_items(
            make_env(),
            cat,
            export.records(cat, args.site_url, now.date()),
            args.site_url,
            now,
            Licence(**json.loads(args.licence)),
            preview is not None,
        ),
    )
    report_usage(start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
