"""The files beside the pages: open data (whole and per agency, province, partnership, plan),
its data package and schemas, feeds and calendars. MkDocs never reads them.

`build_site` makes them in memory (the CLI, the tests). A MkDocs build makes them in a second
process instead (`SideFiles`), on the machine's other core while MkDocs renders the pages:
the page process then neither waits for them nor holds them (at 25,000 tasks they are about
a gigabyte). The child loads the same data and writes into a staging folder beside the site;
`finish` moves its files into the built site.

    python -m generator.sidefiles --data DIR --out DIR --now EPOCH [--site-url URL]
        [--licence JSON] [--preview ids]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import export
from .catalog import Catalog
from .datapackage import DEFAULT_LICENCE, Licence, datapackage, schema_files
from .feeds import feed_items

ROOT = Path(__file__).resolve().parent.parent


def side_files(env, cat: Catalog, recs: dict[str, list[dict]], site_url: str,
               now: datetime.datetime, licence: Licence, preview: bool) -> dict[str, bytes]:
    """path -> bytes of every file beside the pages (a preview leaves out the slices)."""
    return dict(side_items(env, cat, recs, site_url, now, licence, preview))


def side_items(env, cat: Catalog, recs: dict[str, list[dict]], site_url: str,
               now: datetime.datetime, licence: Licence, preview: bool):
    """side_files one file at a time: (path, bytes); a later file of the same path wins."""
    yield from export.files(recs).items()
    yield "opendata/datapackage.json", datapackage(licence, now, site_url)
    yield from schema_files().items()
    if not preview:
        yield from export.slice_items(cat, site_url)
    yield from feed_items(env, cat, site_url, now)


class SideFileError(Exception):
    pass


class SideFiles:
    """The child process that writes the side files of one build."""

    def __init__(self, data_dir: Path, site_dir: Path, site_url: str, now: datetime.datetime,
                 licence: Licence, preview: frozenset[str] | None) -> None:
        site_dir = Path(site_dir).resolve()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        # Beside the site, on its file system (files are moved, not copied); MkDocs empties
        # the site folder itself before writing the pages.
        self.staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-files-", dir=site_dir.parent))
        cmd = [sys.executable, "-m", "generator.sidefiles", "--data", str(data_dir),
               "--out", str(self.staging), "--now", str(int(now.timestamp())),
               "--site-url", site_url, "--licence", json.dumps(dataclasses.asdict(licence))]
        if preview:
            cmd += ["--preview", ",".join(sorted(preview))]
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self._stderr,
                                        env=dict(os.environ, PYTHONPATH=str(ROOT)))
        self.seconds: float | None = None   # the child's own time and peak memory (bytes),
        self.maxrss: int | None = None      # for the benchmark

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, site_dir: Path) -> int:
        """Wait for the child, then move its files into `site_dir`; the number of files.
        Raises SideFileError with the child's message if it failed."""
        code = self.process.wait()
        self._stderr.seek(0)
        err = self._stderr.read().decode("utf-8", "replace")
        self._stderr.close()
        try:
            if code != 0:
                raise SideFileError(err.strip() or f"mã thoát {code}")
            for line in err.splitlines():
                if line.startswith("seconds="):
                    self.seconds = float(line.split("=", 1)[1])
                if line.startswith("maxrss="):
                    self.maxrss = int(line.split("=", 1)[1])
            count = 0
            for path in sorted(self.staging.rglob("*")):
                if path.is_file():
                    target = Path(site_dir) / path.relative_to(self.staging)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
                    count += 1
            return count
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)


def write(out: Path, items) -> None:
    """Write (path, bytes) pairs as they come: the child never holds all the files."""
    for rel, content in items:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def main(argv: list[str] | None = None) -> int:
    from .assemble import build_catalog
    from .errors import GeneratorError
    from .render import make_env

    start = time.perf_counter()
    parser = argparse.ArgumentParser(prog="python -m generator.sidefiles")
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
        cat = build_catalog(Path(args.data), ROOT, preview)
    except GeneratorError as exc:   # the page process reports the same problems
        print(f"{len(exc.problems)} lỗi trong dữ liệu", file=sys.stderr)
        return 1
    write(Path(args.out), side_items(make_env(), cat, export.records(cat, args.site_url), args.site_url,
                                     now, Licence(**json.loads(args.licence)), preview is not None))
    import resource
    print(f"seconds={time.perf_counter() - start:.3f}", file=sys.stderr)
    print(f"maxrss={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
