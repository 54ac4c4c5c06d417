from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mkdocs_build(site_dir: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1735689600")
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real portal, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


def draft_tasks(sections):
    """Every task of an importer draft's sections, in document order."""
    for sec in sections:
        yield from sec["tasks"]
        yield from draft_tasks(sec["sections"])


@pytest.fixture(scope="session")
def catalog():
    from generator.model.read import read_catalog

    return read_catalog(ROOT / "data", ROOT)


@pytest.fixture(scope="session")
def small_catalog():
    """The catalog of the test dataset (tests/fixtures/data-small)."""
    from generator.model.read import read_catalog

    return read_catalog(FIXTURES / "data-small", ROOT)


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    """A synthetic catalog of 1,200 tasks (python -m generator synth, seed 3), for the tests of
    pages cut at a lowered bound (test_listings, test_entity_tasks)."""
    from generator.model.read import read_catalog
    from generator.synth import dataset, write_dataset

    out = tmp_path_factory.mktemp("synth-1200") / "data"
    write_dataset(dataset(ROOT / "data", 1200, seed=3), out)
    return read_catalog(out)


def rendered(specs_of, cat, bound=None, keep=lambda url: True) -> dict[str, str]:
    """URL -> HTML body of the pages `specs_of(cat, bound)` makes: `bound` task rows on a
    listing page at most (None: paging.BOUND)."""
    from generator.build import render_html
    from generator.pages.render import make_env

    specs = specs_of(cat, bound)
    env = make_env()
    return {s.url: render_html(env, s) for s in specs if keep(s.url)}
